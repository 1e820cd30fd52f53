/** The streamed file is the same document as encodeBundle's, written without holding the event loop. */
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bigBundle } from './testing/big-bundle';
import { bundleStream, jsonPieces } from './encode-stream';
import { decodeBundle } from './format';
import { longestStall } from './testing/stall';

describe('the streamed bundle file', () => {
  it('writes JSON equal to JSON.stringify, undefined members and holes as JSON has them', () => {
    const values = [1, 'a', null, [1, [2]], { b: undefined, c: [{ d: 1 }, 2, 3] }, undefined, { e: 'f' }, true];
    const doc = { a: values, big: Array.from({ length: 5_001 }, (_, i) => [i, `x${i}`]), u: undefined, n: null, s: 'q"\n' };
    expect([...jsonPieces(doc)].join('')).toBe(JSON.stringify(doc));
    expect([...jsonPieces([])].join('')).toBe('[]');
    expect([...jsonPieces({})].join('')).toBe('{}');
  });

  it('streams a 200,000-finding week with the event loop held under 250 ms at a time, and it decodes back', async () => {
    const bundle = bigBundle({ findings: 200_000, triage: 10_000, eventFindings: 2_000 });
    const { value: bytes, stallMs } = await longestStall(async () => Buffer.from(await new Response(bundleStream(bundle)).arrayBuffer()));
    expect(gunzipSync(bytes).toString('utf8')).toBe(JSON.stringify(bundle));
    expect(decodeBundle(bytes)).toEqual({ ok: true, bundle });
    expect(stallMs).toBeLessThan(250);
  }, 60_000);
});
