import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { type CsvEncoding, type CsvEncodingChoice, csvImportMaxBytes, csvImportMaxSizeLabel } from '@/lib/crm/csv-import-fields';

/**
 * Reading an uploaded CSV file: its size, its encoding, then its records one at a time, parsed by
 * csv-parse as the decoded text streams in, so no more than a chunk of text and a record are held
 * besides the file's bytes (which the size limit bounds).
 */

/** Something wrong with the whole file: nothing of it is imported. */
export class CsvFileError extends Error {
  readonly messages: string[];

  constructor(...messages: string[]) {
    super(messages.join('; '));
    this.messages = messages;
  }
}

export const emptyFileMessage = 'The file is empty';
export const fileTooLargeMessage = `The file is larger than the limit of ${csvImportMaxSizeLabel} (${csvImportMaxBytes} bytes)`;
export const wrongEncodingMessage = 'The file is not UTF-8 or Windows-1252 encoded';
export const notUtf8Message = 'The file is not UTF-8 encoded';
export const notWindows1252Message = 'The file is not Windows-1252 encoded';

const chunkBytes = 64 * 1024;

export function checkFileSize(bytes: number): void {
  if (bytes === 0) throw new CsvFileError(emptyFileMessage);
  if (bytes > csvImportMaxBytes) throw new CsvFileError(fileTooLargeMessage);
}

function isUtf8(bytes: Uint8Array): boolean {
  // Validated chunk by chunk, keeping none of the decoded text.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for (let start = 0; start < bytes.length; start += chunkBytes) decoder.decode(bytes.subarray(start, start + chunkBytes), { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/**
 * Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined, and no text file holds NUL bytes
 * (a UTF-16 file is full of them): any of those means the file is in some other encoding, which
 * TextDecoder would not notice (it maps every byte to something).
 */
function couldBeWindows1252(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte === 0x00 || byte === 0x81 || byte === 0x8d || byte === 0x8f || byte === 0x90 || byte === 0x9d) return false;
  }
  return true;
}

export function detectEncoding(bytes: Uint8Array, choice: CsvEncodingChoice = 'auto'): CsvEncoding {
  const utf8 = choice !== 'Windows-1252' && !bytes.includes(0x00) && isUtf8(bytes);
  if (choice === 'UTF-8') {
    if (!utf8) throw new CsvFileError(notUtf8Message);
    return 'UTF-8';
  }
  if (utf8) return 'UTF-8';
  if (couldBeWindows1252(bytes)) return 'Windows-1252';
  throw new CsvFileError(choice === 'Windows-1252' ? notWindows1252Message : wrongEncodingMessage);
}

/**
 * The export escapes a cell a spreadsheet would run as a formula, or one starting with a quote, with
 * a leading `'` (csv-export.ts): taken off again here, so an exported file imports as it was.
 */
export function unescapeFormula(cell: string): string {
  return /^'[=+\-@\t\r']/.test(cell) ? cell.slice(1) : cell;
}

export interface CsvRecord {
  /** The spreadsheet row: the header is row 1. */
  row: number;
  cells: string[];
}

/** The text of `bytes` in chunks; a UTF-8 byte order mark is dropped by the decoder. */
function* decodedChunks(bytes: Uint8Array, encoding: CsvEncoding, onRead?: (bytesRead: number) => void): Generator<string> {
  const decoder = new TextDecoder(encoding === 'UTF-8' ? 'utf-8' : 'windows-1252');
  for (let start = 0; start < bytes.length; start += chunkBytes) {
    const end = Math.min(start + chunkBytes, bytes.length);
    yield decoder.decode(bytes.subarray(start, end), { stream: true });
    onRead?.(end);
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** Why csv-parse stopped, said about the row it was reading (the records it had read, plus one). */
function parseFailure(error: CsvError): CsvFileError {
  const row = (typeof error.records === 'number' ? error.records : 0) + 1;
  const reason =
    error.code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'a quoted cell is not closed'
      : error.code === 'CSV_INVALID_CLOSING_QUOTE'
        ? 'a quote inside a quoted cell is not doubled'
        : error.message;
  return new CsvFileError(`The file is not valid CSV: row ${row}: ${reason}`);
}

/** Every record of the file, the header first, numbered as a spreadsheet numbers its rows. */
export async function* readCsvRecords(bytes: Uint8Array, encoding: CsvEncoding, onRead?: (bytesRead: number) => void): AsyncGenerator<CsvRecord> {
  // Records of different lengths are the caller's to report, with their row numbers.
  const parser = Readable.from(decodedChunks(bytes, encoding, onRead), { objectMode: true }).pipe(parse({ relax_column_count: true }));
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      row += 1;
      yield { row, cells };
    }
  } catch (error) {
    if (error instanceof CsvError) throw parseFailure(error);
    throw error;
  } finally {
    parser.destroy();
  }
}
