/**
 * Shape-scanner speed on generated endpoint-like network events:
 *   npx tsx lib/store/fast/bench-shape-scan.ts [lines=200000]
 * Prints µs per line and per KB (the target is ≤ 2 µs per 1 KB line), CPU time as well as wall
 * clock since the machine may be shared. Not a test.
 */
import { endpointEvents } from '../test-events';
import { scanShape, type ShapeScan } from './shape-scan';

function main(): void {
  const count = Number(process.argv[2] ?? 200_000);
  const lines: string[] = [];
  let chars = 0;
  for (const e of endpointEvents(count)) {
    const line = JSON.stringify(e);
    lines.push(line);
    chars += line.length;
  }
  // Warm-up so the JIT has optimised the scanner before timing.
  for (let i = 0; i < Math.min(lines.length, 20_000); i++) scanShape(lines[i]);

  const scans: ShapeScan[] = new Array<ShapeScan>(lines.length);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < lines.length; i++) scans[i] = scanShape(lines[i]);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;

  // Untimed: hashing a shape flattens its string, a cost of the caller's map, not of the scan.
  let refused = 0;
  const shapes = new Set<string>();
  for (const scan of scans) {
    if (scan.ok) shapes.add(scan.shape);
    else refused++;
  }

  const avgBytes = chars / lines.length;
  const perLine = (ms: number): number => (ms * 1000) / lines.length;
  const perKb = (ms: number): number => perLine(ms) / (avgBytes / 1024);
  console.log(`${lines.length} lines, ${avgBytes.toFixed(0)} chars/line, ${shapes.size} shapes, ${refused} refused`);
  console.log(`wall: ${perLine(wallMs).toFixed(3)} µs/line, ${perKb(wallMs).toFixed(3)} µs/KB`);
  console.log(`cpu:  ${perLine(cpuMs).toFixed(3)} µs/line, ${perKb(cpuMs).toFixed(3)} µs/KB`);

  // Yardsticks on the same lines, since µs depend on the machine: the exact path's JSON.parse, and
  // a bare charCodeAt pass (the floor for any one-pass JS scanner).
  const parseMs = timeMs(() => {
    for (const line of lines) JSON.parse(line);
  });
  let sum = 0;
  const loopMs = timeMs(() => {
    for (const line of lines) for (let i = 0; i < line.length; i++) sum = (sum + line.charCodeAt(i)) | 0;
  });
  console.log(`JSON.parse: ${perLine(parseMs).toFixed(3)} µs/line; bare charCodeAt pass: ${perLine(loopMs).toFixed(3)} µs/line (${sum & 1})`);
}

function timeMs(run: () => void): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

main();
