/** Line-by-line reading of a file or stdin, streamed (a 1 GB NDJSON file never sits in memory). */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export async function* readLines(input: NodeJS.ReadableStream): AsyncGenerator<string> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) yield line;
  } finally {
    lines.close();
  }
}

/** A file's bytes (or stdin's), in large chunks: ingest finds the lines without decoding them all. */
export function openInput(file: string, stdin: NodeJS.ReadableStream): AsyncIterable<Buffer | string> {
  return file === '-' ? (stdin as AsyncIterable<Buffer | string>) : createReadStream(file, { highWaterMark: 4 * 2 ** 20 });
}

export async function readAll(input: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of input) text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  return text;
}
