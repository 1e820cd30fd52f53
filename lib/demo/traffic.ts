/**
 * One week of network traffic: the fleet's everyday connections, a baseline that keeps every
 * common process common at any scale, and the planted findings and decoys.
 */
import 'server-only';
import { COMMON_PROCESSES, PUBLIC, type CommonProcess, type Destination } from './catalogue';
import { hostByName, type DemoHost, type DemoUser } from './fleet';
import { PLANTED, type PlantedProcess } from './planted';
import { networkEvent, type NetworkAction } from './network-events';
import { Random, seedFor } from './random';

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

/** Network events per week at scale 1. */
export const NETWORK_EVENTS_PER_WEEK = 150_000;

const DNS_NAMES = ['api.github.com', 'deb.debian.org', 'archive.ubuntu.com', 'registry-1.docker.io', 'pypi.org', 'registry.npmjs.org', 's3.amazonaws.com', 'www.google.com'];

export interface WeekContext {
  fleet: DemoHost[];
  /** The week covers (end - 7 days, end]. */
  end: number;
  week: number;
  seed: number;
}

function usersFor(host: DemoHost, names: string[]): DemoUser[] {
  const users = host.users.filter((u) => names.includes(u.name));
  return users.length > 0 ? users : [host.users[0]];
}

function hostsFor(fleet: DemoHost[], process: CommonProcess): DemoHost[] {
  return fleet.filter((h) => h.os.type === process.os && (process.roles.length === 0 || process.roles.includes(h.role)));
}

function isPublic(d: Destination): boolean {
  return Object.values(PUBLIC).some((group) => group.includes(d));
}

/**
 * Maps x in [0, 1) to a time in the week with a daily rhythm: density ∝ 1 + 0.6·cos(2π·7x),
 * monotonic so that events come out in time order.
 */
function rhythm(x: number): number {
  const k = 2 * Math.PI * 7;
  return x + (0.6 * Math.sin(k * x)) / k;
}

export function* commonTraffic(ctx: WeekContext, count: number): Generator<Record<string, unknown>> {
  const random = new Random(seedFor(ctx.seed, `common-${ctx.week}`));
  const weights = COMMON_PROCESSES.map((p) => p.weight);
  const hostLists = new Map(COMMON_PROCESSES.map((p) => [p, hostsFor(ctx.fleet, p)]));
  const start = ctx.end - WEEK_MS + 60_000;
  const span = WEEK_MS - 120_000;
  for (let i = 0; i < count; i++) {
    const process = random.weighted(COMMON_PROCESSES, weights);
    const host = random.pick(hostLists.get(process)!);
    const time = start + Math.floor(span * rhythm((i + random.next()) / count));
    const dns = process.name === 'systemd-resolved' && random.chance(0.5);
    const action: NetworkAction = dns
      ? 'lookup_result'
      : random.chance(process.inbound)
        ? 'connection_accepted'
        : random.chance(0.75)
          ? 'connection_attempted'
          : 'disconnect_received';
    const destination = random.pick(process.destinations);
    yield networkEvent(
      {
        time,
        host,
        user: random.pick(usersFor(host, process.users)),
        process: { name: process.name, executable: process.executable, pid: random.int(300, 64000) },
        action,
        remote: { ip: destination.ip, port: random.pick(destination.ports) },
        transport: destination.transport,
        localPort: random.int(32768, 60999),
        dnsQuestion: dns ? random.pick(DNS_NAMES) : undefined,
      },
      random,
    );
  }
}

/**
 * Six public connection attempts on three agents for every Linux process that ever talks to a
 * public address, so that no common process looks rare at small scales.
 */
export function* baselineTraffic(ctx: WeekContext): Generator<Record<string, unknown>> {
  const random = new Random(seedFor(ctx.seed, `baseline-${ctx.week}`));
  for (const process of COMMON_PROCESSES) {
    const publicDestinations = process.destinations.filter(isPublic);
    if (process.os !== 'linux' || publicDestinations.length === 0) continue;
    const hosts = hostsFor(ctx.fleet, process);
    for (let i = 0; i < 6; i++) {
      const host = hosts[(i * 7) % hosts.length];
      const destination = publicDestinations[i % publicDestinations.length];
      yield networkEvent(
        {
          time: ctx.end - 3 * DAY_MS + i * 3_600_000 + random.int(0, 3_599_999),
          host,
          user: usersFor(host, process.users)[0],
          process: { name: process.name, executable: process.executable, pid: random.int(300, 64000) },
          action: 'connection_attempted',
          remote: { ip: destination.ip, port: destination.ports[0] },
          transport: destination.transport,
          localPort: random.int(32768, 60999),
        },
        random,
      );
    }
  }
}

function plantedAction(p: PlantedProcess): NetworkAction {
  switch (p.variant) {
    case 'accepted-only':
      return 'connection_accepted';
    case 'disconnect-only':
      return 'disconnect_received';
    case 'dns-only':
      return 'lookup_requested';
    default:
      return 'connection_attempted';
  }
}

function plantedTime(ctx: WeekContext, p: PlantedProcess, i: number, random: Random): number {
  // At, then before, the strict lower bound of `@timestamp > now() - 7 day`.
  if (p.variant === 'outside-window') return ctx.end - WEEK_MS - i * 3_600_000;
  return ctx.end - DAY_MS * (1 + ((i * 5 + p.name.length) % 5)) - random.int(0, 12 * 3_600_000);
}

export function* plantedTraffic(ctx: WeekContext): Generator<Record<string, unknown>> {
  const random = new Random(seedFor(ctx.seed, `planted-${ctx.week}`));
  for (const p of PLANTED) {
    if (!p.weeks.includes(ctx.week)) continue;
    for (const hostName of p.hosts) {
      const host = hostByName(ctx.fleet, hostName);
      const user = host.users.find((u) => u.name === p.user) ?? host.users[0];
      const pid = random.int(300, 64000);
      for (let i = 0; i < p.count; i++) {
        const destination = p.destinations[i % p.destinations.length];
        yield networkEvent(
          {
            time: plantedTime(ctx, p, i, random),
            host,
            user,
            process: { name: p.variant === 'null-name' ? undefined : p.name, executable: p.executable, pid },
            action: plantedAction(p),
            remote: destination,
            transport: p.variant === 'dns-only' ? 'udp' : 'tcp',
            localPort: random.int(32768, 60999),
            dnsQuestion: p.variant === 'dns-only' ? 'c2.example-beacon.net' : undefined,
          },
          random,
        );
      }
    }
  }
}
