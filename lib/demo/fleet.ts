/**
 * The demo fleet: about forty hosts, mostly Linux servers and workstations, some Windows and
 * macOS, each with a stable Elastic Defend agent, internal addresses and local users.
 */
import 'server-only';
import { Random, seedFor } from './random';

export type OsType = 'linux' | 'windows' | 'macos';
export type HostRole = 'web' | 'db' | 'build' | 'k8s' | 'bastion' | 'workstation' | 'proxy' | 'mail';

export interface DemoUser {
  id: string;
  name: string;
  group: { id: string; name: string };
}

export interface DemoHost {
  name: string;
  role: HostRole;
  os: {
    type: OsType;
    family: string;
    platform: string;
    name: string;
    full: string;
    version: string;
    kernel: string;
  };
  agentId: string;
  hostId: string;
  ip: string;
  ipv6: string;
  mac: string;
  architecture: string;
  users: DemoUser[];
}

const ROOT: DemoUser = { id: '0', name: 'root', group: { id: '0', name: 'root' } };
const linuxUser = (id: number, name: string): DemoUser => ({ id: String(id), name, group: { id: String(id), name } });

const ROLE_USERS: Record<HostRole, DemoUser[]> = {
  web: [ROOT, linuxUser(33, 'www-data'), linuxUser(1002, 'deploy')],
  db: [ROOT, linuxUser(112, 'postgres'), linuxUser(1002, 'deploy')],
  build: [ROOT, linuxUser(113, 'jenkins'), linuxUser(1002, 'deploy')],
  k8s: [ROOT, linuxUser(65534, 'nobody')],
  bastion: [ROOT, linuxUser(1001, 'alice'), linuxUser(1003, 'bob'), linuxUser(1004, 'carol')],
  workstation: [ROOT, linuxUser(1001, 'alice'), linuxUser(1003, 'bob'), linuxUser(1004, 'carol'), linuxUser(1005, 'dave')],
  proxy: [ROOT, linuxUser(101, 'squid')],
  mail: [ROOT, linuxUser(106, 'postfix')],
};

const LINUX_LAYOUT: [HostRole, string, number, 'ubuntu' | 'rhel' | 'debian'][] = [
  ['web', 'web-prod', 6, 'ubuntu'],
  ['db', 'db-prod', 4, 'rhel'],
  ['build', 'build', 3, 'ubuntu'],
  ['k8s', 'k8s-node', 8, 'ubuntu'],
  ['bastion', 'bastion', 2, 'debian'],
  ['workstation', 'ws-eng', 6, 'ubuntu'],
  ['proxy', 'proxy', 2, 'debian'],
  ['mail', 'mail', 1, 'debian'],
];

const LINUX_OS = {
  ubuntu: { family: 'ubuntu', platform: 'ubuntu', name: 'Linux', full: 'Ubuntu 22.04.4', version: '22.04.4', kernel: '5.15.0-107-generic' },
  rhel: { family: 'rhel', platform: 'rhel', name: 'Linux', full: 'Red Hat Enterprise Linux 9.4', version: '9.4', kernel: '5.14.0-427.13.1.el9_4.x86_64' },
  debian: { family: 'debian', platform: 'debian', name: 'Linux', full: 'Debian 12.5', version: '12.5', kernel: '6.1.0-21-amd64' },
};

function addresses(random: Random, index: number, role: HostRole) {
  const subnet = role === 'workstation' ? `192.168.10` : role === 'k8s' ? `172.20.4` : `10.20.${index % 8}`;
  const ip = `${subnet}.${10 + index}`;
  const ipv6 = `fe80::250:56ff:fe${random.hex(2)}:${random.hex(4)}`;
  const mac = Array.from({ length: 6 }, () => random.hex(2)).join('-').toUpperCase();
  return { ip, ipv6, mac };
}

export function buildFleet(seed: number): DemoHost[] {
  const random = new Random(seedFor(seed, 'fleet'));
  const hosts: DemoHost[] = [];
  let index = 0;
  for (const [role, prefix, count, distro] of LINUX_LAYOUT) {
    for (let n = 1; n <= count; n++) {
      hosts.push({
        name: `${prefix}-${String(n).padStart(2, '0')}`,
        role,
        os: { type: 'linux', ...LINUX_OS[distro] },
        agentId: random.uuid(),
        hostId: random.hex(32),
        ...addresses(random, index++, role),
        architecture: 'x86_64',
        users: ROLE_USERS[role],
      });
    }
  }
  for (let n = 1; n <= 5; n++) {
    hosts.push({
      name: `WIN-DESK-${String(n).padStart(2, '0')}`,
      role: 'workstation',
      os: { type: 'windows', family: 'windows', platform: 'windows', name: 'Windows 11 Pro', full: 'Windows 11 Pro 23H2', version: '23H2', kernel: '10.0.22631.3593' },
      agentId: random.uuid(),
      hostId: random.uuid(),
      ...addresses(random, index++, 'workstation'),
      architecture: 'x86_64',
      users: [
        { id: 'S-1-5-18', name: 'SYSTEM', group: { id: 'S-1-5-18', name: 'SYSTEM' } },
        { id: `S-1-5-21-3623811015-3361044348-30300820-${1100 + n}`, name: ['emma', 'frank', 'grace', 'henry', 'irene'][n - 1], group: { id: 'S-1-5-32-545', name: 'Users' } },
      ],
    });
  }
  for (let n = 1; n <= 3; n++) {
    hosts.push({
      name: `mbp-design-${String(n).padStart(2, '0')}`,
      role: 'workstation',
      os: { type: 'macos', family: 'darwin', platform: 'darwin', name: 'macOS', full: 'macOS 14.5', version: '14.5', kernel: '23.5.0' },
      agentId: random.uuid(),
      hostId: random.uuid().toUpperCase(),
      ...addresses(random, index++, 'workstation'),
      architecture: 'arm64',
      users: [ROOT, linuxUser(501, ['jules', 'kim', 'lee'][n - 1])],
    });
  }
  return hosts;
}

export function hostByName(fleet: DemoHost[], name: string): DemoHost {
  const host = fleet.find((h) => h.name === name);
  if (!host) throw new Error(`demo fleet has no host ${name}`);
  return host;
}
