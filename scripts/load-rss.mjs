// Resident memory of a server and every process it forked (`next start` runs its server in a
// child), read from /proc so the load test needs no dependency. Linux only; elsewhere it reads 0.
import { readdirSync, readFileSync } from 'node:fs';

/** pid → parent pid for every process we may read. */
function parents() {
  const map = new Map();
  let entries = [];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return map;
  }
  for (const pid of entries) {
    try {
      // The command name (2nd field) may hold spaces and parentheses: parse after the last ')'.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      map.set(Number(pid), ppid);
    } catch {
      /* exited meanwhile */
    }
  }
  return map;
}

export function treeOf(root, parentOf = parents()) {
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parentOf) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return [...tree];
}

/** VmRSS in bytes from a /proc/PID/status text (0 when absent, e.g. a zombie). */
export function vmRssBytes(status) {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

export function treeRss(root) {
  let total = 0;
  for (const pid of treeOf(root)) {
    try {
      total += vmRssBytes(readFileSync(`/proc/${pid}/status`, 'utf8'));
    } catch {
      /* exited meanwhile */
    }
  }
  return total;
}

/** Samples every `everyMs` until stop(), which returns the samples in bytes. */
export function startRssSampler(root, everyMs) {
  const samples = [treeRss(root)];
  const timer = setInterval(() => samples.push(treeRss(root)), everyMs);
  return {
    current: () => treeRss(root),
    stop: () => {
      clearInterval(timer);
      samples.push(treeRss(root));
      return samples;
    },
  };
}
