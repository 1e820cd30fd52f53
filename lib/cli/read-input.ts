/**
 * A file's or stdin's input for the CLI: its bytes, streamed (a 1 GB NDJSON file never sits in
 * memory), or its whole text. A stream's lines: readLines in store/ndjson.ts.
 */
import 'server-only';
import { open, type FileHandle } from 'node:fs/promises';
import type { ByteInput } from '../store/types';

/**
 * A file's bytes (or stdin's chunks): ingest finds the lines without decoding them all, and reads
 * a file straight into its own buffers. The file is opened at the first read.
 */
export function openInput(file: string, stdin: NodeJS.ReadableStream): ByteInput {
  if (file === '-') return stdin as AsyncIterable<Buffer | string>;
  let handle: Promise<FileHandle> | undefined;
  return {
    async read(into, offset, length) {
      handle ??= open(file, 'r');
      return (await (await handle).read(into, offset, length, null)).bytesRead;
    },
    async close() {
      await (await handle)?.close();
    },
  };
}

export async function readAll(input: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of input) text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  return text;
}
