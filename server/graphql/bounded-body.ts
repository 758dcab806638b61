const utf8 = new TextDecoder();

/** Reads the body as it streams in and stops at `limit` bytes, whatever Content-Length claimed. */
export async function readBoundedBytes(body: ReadableStream<Uint8Array>, limit: number, tooLarge: () => Error): Promise<Uint8Array> {
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
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
}

/**
 * A body with a declared Content-Length is that long: HTTP delimits it so, and the declared length was
 * checked before. It is read whole, which costs less than streaming it chunk by chunk.
 */
async function readBytes(request: Request, body: ReadableStream<Uint8Array>, limit: number, tooLarge: () => Error): Promise<Uint8Array> {
  if (!request.headers.has('content-length')) return readBoundedBytes(body, limit, tooLarge);
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > limit) throw tooLarge();
  return bytes;
}

/**
 * The request as Yoga's body parsers see it: `text()` and `json()` (all they read) go through
 * `readBytes`; everything else is the request itself. Nothing is copied into a second
 * `Request`, which cost more than parsing a small body.
 */
export function withBoundedBody(request: Request, limit: number, tooLarge: () => Error): Request {
  const body = request.body;
  if (!body) return request;
  let text: Promise<string> | undefined;
  // Decoded as fetch's `text()` does: UTF-8, a leading BOM dropped, bad bytes replaced.
  const boundedText = () => (text ??= readBytes(request, body, limit, tooLarge).then((bytes) => utf8.decode(bytes)));
  return new Proxy(request, {
    get(target, property) {
      if (property === 'text') return boundedText;
      if (property === 'json') return async () => JSON.parse(await boundedText()) as unknown;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
