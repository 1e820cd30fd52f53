/** Test fixtures: endpoint-like network events (about 40 ECS fields) from a seeded generator, no wall clock. */

/** A seeded PRNG (a linear congruential generator) in [0, 1): test inputs the same on every run. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PROCESSES = ['curl', 'wget', 'sshd', 'python3', 'nginx', 'systemd-resolved', 'chrome', 'apt', 'node', 'java'];
const BASE_MS = Date.UTC(2026, 0, 1);

export function endpointEvent(i: number, rand: () => number): Record<string, unknown> {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const host = `host-${Math.floor(rand() * 50)}`;
  const pname = pick(PROCESSES);
  return {
    '@timestamp': new Date(BASE_MS + i * 1000).toISOString(),
    agent: { id: `agent-${host}`, type: 'endpoint', version: '8.15.0' },
    data_stream: { dataset: 'endpoint.events.network', namespace: 'default', type: 'logs' },
    destination: { ip: `${Math.floor(rand() * 223) + 1}.${Math.floor(rand() * 256)}.${Math.floor(rand() * 256)}.${Math.floor(rand() * 256)}`, port: Math.floor(rand() * 65535) },
    source: { ip: `10.0.${Math.floor(rand() * 256)}.${Math.floor(rand() * 256)}`, port: 30000 + Math.floor(rand() * 30000) },
    ecs: { version: '8.10.0' },
    event: {
      action: 'connection_attempted',
      category: ['network'],
      type: ['start'],
      kind: 'event',
      id: `ev-${i}`,
      sequence: i,
      dataset: 'endpoint.events.network',
      module: 'endpoint',
      outcome: 'unknown',
    },
    host: {
      id: `id-${host}`,
      name: host,
      hostname: host,
      architecture: 'x86_64',
      os: { type: 'linux', name: 'Ubuntu', family: 'debian', kernel: '5.15.0', platform: 'ubuntu', version: '22.04' },
      ip: ['10.1.2.3', 'fe80::1'],
    },
    network: { direction: 'egress', transport: 'tcp', type: 'ipv4' },
    process: {
      name: pname,
      pid: Math.floor(rand() * 60000),
      entity_id: `ent-${i % 997}`,
      executable: `/usr/bin/${pname}`,
      args: [`/usr/bin/${pname}`, '-q'],
      parent: { pid: 1, name: 'systemd' },
    },
    user: { id: rand() < 0.2 ? '0' : '1000', name: rand() < 0.2 ? 'root' : 'ubuntu' },
    group: { id: '1000', name: 'ubuntu' },
  };
}

export function* endpointEvents(count: number, seed = 42): Generator<Record<string, unknown>> {
  const rand = lcg(seed);
  for (let i = 0; i < count; i++) yield endpointEvent(i, rand);
}
