import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clearDemoMarker, demoMarkerPath, readDemoMarker, writeDemoMarker } from './marker';

describe('the demo marker', () => {
  const dirs: string[] = [];
  const dir = () => {
    const d = mkdtempSync(path.join(os.tmpdir(), 'huntboard-demo-marker-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('round-trips what the demo wrote and is gone once cleared', () => {
    const d = dir();
    const marker = { now: '2026-01-08T12:00:00.000Z', indices: [{ index: 'logs-endpoint.events.network-default', stored: 42 }] };
    writeDemoMarker(d, marker);
    expect(readDemoMarker(d)).toEqual(marker);
    clearDemoMarker(d);
    expect(readDemoMarker(d)).toBeUndefined();
  });

  it('reads a missing or malformed marker as no demo', () => {
    const d = dir();
    expect(readDemoMarker(d)).toBeUndefined();
    writeFileSync(demoMarkerPath(d), '{"now": 1, "indices": "all"}');
    expect(readDemoMarker(d)).toBeUndefined();
    writeFileSync(demoMarkerPath(d), 'not json');
    expect(readDemoMarker(d)).toBeUndefined();
  });
});
