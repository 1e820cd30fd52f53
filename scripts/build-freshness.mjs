// Is the production build (.next) older than the sources it was built from? `npm start` rebuilds
// then; the load test says so, since it measures whatever build there is.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Newest modification time under the folders and files that make up the bundle (tests excluded). */
export function newestSourceMtime(root) {
  let newest = 0;
  const visit = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of ['app', 'components', 'lib', 'public']) visit(path.join(root, dir));
  for (const file of ['next.config.js', 'proxy.ts', 'package.json']) {
    const full = path.join(root, file);
    if (existsSync(full)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** True when `.next/BUILD_ID` is missing or older than the sources. */
export function buildIsStale(root) {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  return !existsSync(buildId) || statSync(buildId).mtimeMs < newestSourceMtime(root);
}
