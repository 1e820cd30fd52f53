import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * Another Huntboard beside the one under test: the same production build on its own port and data
 * folder, no cluster, the schedule off. For tests of what survives a restart or moves between
 * installations.
 */
export interface SecondServer {
  base: string;
  process: ChildProcess;
  exited: Promise<unknown>;
}

const root = path.resolve(__dirname, '../..');

export async function startSecondServer(port: number, dataDir: string, env: Record<string, string> = {}): Promise<SecondServer> {
  const base = `http://127.0.0.1:${port}`;
  if (await answers(base)) throw new Error(`port ${port} is taken`);
  const child = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: root,
    env: { ...process.env, HUNTBOARD_DATA_DIR: dataDir, HUNTBOARD_SCHEDULE: 'off', HUNTBOARD_HUNTS_DIR: '', ELASTICSEARCH_URL: '', ELASTICSEARCH_CLOUD_ID: '', NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for (let i = 0; i < 300; i++) {
    if (await answers(base)) return { base, process: child, exited };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the second server did not start');
}

async function answers(base: string): Promise<boolean> {
  try {
    return (await fetch(`${base}/api/health`)).ok;
  } catch {
    return false;
  }
}
