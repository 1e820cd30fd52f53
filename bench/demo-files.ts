/** The demo world as NDJSON files, one per index: what `huntboard ingest` reads (the benchmarks' input). */
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { demoDocuments } from '../lib/demo';
import { NETWORK_EVENTS_PER_WEEK } from '../lib/demo/traffic';

export interface DemoFile {
  index: string;
  file: string;
}

export async function writeDemoFiles(dir: string, networkEvents: number, now: Date): Promise<DemoFile[]> {
  const out: DemoFile[] = [];
  for (const [index, documents] of Object.entries(demoDocuments({ now, scale: networkEvents / NETWORK_EVENTS_PER_WEEK }))) {
    const file = path.join(dir, `${index}.ndjson`);
    const stream = createWriteStream(file);
    let chunk: string[] = [];
    for (const doc of documents) {
      chunk.push(JSON.stringify(doc));
      if (chunk.length === 10_000) {
        if (!stream.write(chunk.join('\n') + '\n')) await once(stream, 'drain');
        chunk = [];
      }
    }
    stream.end(chunk.join('\n') + (chunk.length ? '\n' : ''));
    await once(stream, 'finish');
    out.push({ index, file });
  }
  return out;
}
