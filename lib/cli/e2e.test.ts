/** The one end-to-end check: the real launcher, as `npx huntboard` runs it, from another cwd. */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('bin/huntboard.mjs', () => {
  it('lists the hunts from any cwd', () => {
    const env = { ...process.env };
    delete env.HUNTBOARD_HUNTS_DIR;
    const result = spawnSync(process.execPath, [path.join(root, 'bin/huntboard.mjs'), 'hunts', 'list'], {
      cwd: os.tmpdir(),
      env,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^low_volume_external_network_connections_from_process\s*\|linux\s*\|Low Volume External/m);
  }, 30_000);
});
