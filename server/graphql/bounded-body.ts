const utf8 = new TextDecoder();

/** Reads the body as it streams in and stops at `limit` bytes, whatever Content-Length claimed. */
async function readBoundedText(body: ReadableStream<Uint8Array>, limit: number, tooLarge: () => Error): Promise<string> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  // Decoded as fetch's `text()` does: UTF-8, a leading BOM dropped, bad bytes replaced.
  return utf8.decode(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
}

/**
 * The request as Yoga's body parsers see it: `text()` and `json()` (all they read) go through
 * `readBoundedText`; everything else is the request itself. Nothing is copied into a second
 * `Request`, which cost more than parsing a small body.
 */
export function withBoundedBody(request: Request, limit: number, tooLarge: () => Error): Request {
  const body = request.body;
  if (!body) return request;
  let text: Promise<string> | undefined;
  const boundedText = () => (text ??= readBoundedText(body, limit, tooLarge));
  return new Proxy(request, {
    get(target, property) {
      if (property === 'text') return boundedText;
      if (property === 'json') return async () => JSON.parse(await boundedText()) as unknown;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
