/**
 * Elastic Defend network events (logs-endpoint.events.network-*), shaped like a Linux
 * `connection_attempted` event: fields as elastic/endpoint-package documents them in
 * custom_documentation/src/endpoint/data_stream/network/linux/linux_network_attempted_accepted_and_disconnect.yaml,
 * types from package/endpoint/data_stream/network/fields/fields.yml.
 */
import 'server-only';
import type { DemoHost, DemoUser } from './fleet';
import type { Random } from './random';

export type NetworkAction = 'connection_attempted' | 'connection_accepted' | 'disconnect_received' | 'lookup_requested' | 'lookup_result';

export interface NetworkEventSpec {
  time: number;
  host: DemoHost;
  user: DemoUser;
  process: { name?: string; executable: string; pid: number };
  action: NetworkAction;
  remote: { ip: string; port: number };
  transport: 'tcp' | 'udp';
  localPort: number;
  dnsQuestion?: string;
}

const EVENT_TYPE: Record<NetworkAction, string[]> = {
  connection_attempted: ['start'],
  connection_accepted: ['start'],
  disconnect_received: ['end'],
  lookup_requested: ['protocol', 'info'],
  lookup_result: ['protocol', 'info'],
};

let sequence = 100_000;

export function resetSequence(): void {
  sequence = 100_000;
}

function entityId(agentId: string, pid: number): string {
  return Buffer.from(`${agentId}-${pid}-${pid * 7919}`).toString('base64');
}

export function networkEvent(spec: NetworkEventSpec, random: Random): Record<string, unknown> {
  const { host, user, process, action, remote } = spec;
  const inbound = action === 'connection_accepted';
  const v6 = remote.ip.includes(':') && !remote.ip.startsWith('::ffff:');
  const local = { ip: v6 ? host.ipv6 : host.ip, port: spec.localPort };
  const source = inbound ? remote : local;
  const destination = inbound ? local : remote;
  const timestamp = new Date(spec.time).toISOString();
  const doc: Record<string, unknown> = {
    '@timestamp': timestamp,
    agent: { id: host.agentId, type: 'endpoint', version: '8.15.2' },
    data_stream: { dataset: 'endpoint.events.network', namespace: 'default', type: 'logs' },
    ecs: { version: '8.11.0' },
    event: {
      action,
      category: ['network'],
      type: EVENT_TYPE[action],
      kind: 'event',
      outcome: 'unknown',
      dataset: 'endpoint.events.network',
      module: 'endpoint',
      id: random.hex(20),
      sequence: sequence++,
      created: timestamp,
    },
    message: 'Endpoint network event',
    host: {
      id: host.hostId,
      name: host.name,
      hostname: host.name,
      architecture: host.architecture,
      ip: [host.ip, host.ipv6],
      mac: [host.mac],
      os: host.os,
    },
    process: {
      ...(process.name === undefined ? {} : { name: process.name }),
      executable: process.executable,
      pid: process.pid,
      entity_id: entityId(host.agentId, process.pid),
    },
    user: { id: user.id, name: user.name },
    group: { id: user.group.id, name: user.group.name },
    source: { address: source.ip, ip: source.ip, port: source.port },
    destination: { address: destination.ip, ip: destination.ip, port: destination.port },
    network: { direction: inbound ? 'ingress' : 'egress', transport: spec.transport, type: v6 ? 'ipv6' : 'ipv4' },
  };
  if (spec.dnsQuestion) {
    doc.dns = { question: { name: spec.dnsQuestion, type: 'A' } };
    (doc.network as Record<string, unknown>).protocol = 'dns';
  }
  return doc;
}
