/**
 * The everyday traffic of the demo fleet: which processes talk to which destinations. These are
 * the processes that must never look rare: each runs on many agents with many connections.
 */
import 'server-only';
import type { HostRole, OsType } from './fleet';

export interface Destination {
  ip: string;
  ports: number[];
  transport: 'tcp' | 'udp';
}

const tcp = (ports: number[], ...ips: string[]): Destination[] => ips.map((ip) => ({ ip, ports, transport: 'tcp' }));
const udp = (ports: number[], ...ips: string[]): Destination[] => ips.map((ip) => ({ ip, ports, transport: 'udp' }));

/** Public services, real-world addresses of well-known providers. */
export const PUBLIC = {
  github: tcp([443, 22], '140.82.112.3', '140.82.113.4', '140.82.114.4', '140.82.121.3'),
  cloudflare: tcp([443], '104.16.132.229', '104.16.133.229', '2606:4700::6810:84e5'),
  google: tcp([443], '142.250.74.78', '172.217.16.142', '2a00:1450:4001:82b::200e'),
  debianMirrors: tcp([80, 443], '151.101.2.132', '151.101.66.132', '199.232.174.132'),
  ubuntuMirrors: tcp([80, 443], '91.189.91.38', '185.125.190.36', '2620:2d:4000:1::19'),
  dockerHub: tcp([443], '54.236.113.205', '44.205.64.79', '3.216.34.172'),
  npm: tcp([443], '104.16.3.35', '104.16.27.35'),
  pypi: tcp([443], '151.101.0.223', '151.101.64.223'),
  aws: tcp([443], '52.94.236.248', '3.5.140.2', '52.216.8.0'),
  ntp: udp([123], '162.159.200.1', '162.159.200.123', '2606:4700:f1::1'),
  microsoft: tcp([443], '20.190.151.7', '13.107.42.14', '2603:1030:20e:3::23c'),
  apple: tcp([443], '17.253.144.10', '17.57.146.52'),
};

/** Internal and reserved destinations: excluded by the seed hunt's CIDR list. */
export const INTERNAL = {
  dns: udp([53], '10.0.0.2', '10.0.0.3'),
  localResolver: udp([53], '127.0.0.53'),
  apiServer: tcp([6443], '172.20.0.1'),
  database: tcp([5432], '10.20.1.20', '10.20.1.21'),
  cache: tcp([6379], '10.20.2.30'),
  proxy: tcp([3128], '10.20.6.10', '10.20.6.11'),
  metadata: tcp([80], '169.254.169.254'),
  loopback: tcp([8080, 9090], '127.0.0.1', '::1'),
  mdns: udp([5353], '224.0.0.251', 'ff02::fb'),
  linkLocal: tcp([22], 'fe80::1', 'fe80::250:56ff:fe9a:1b2c'),
  carrierNat: tcp([443], '100.64.12.7'),
  office: tcp([445, 631], '192.168.10.1', '192.168.10.5'),
};

export interface CommonProcess {
  name: string;
  executable: string;
  os: OsType;
  /** Roles the process runs on; empty = every role of its OS. */
  roles: HostRole[];
  /** Relative share of the fleet's connections. */
  weight: number;
  destinations: Destination[];
  /** Share of its connections that are inbound (connection_accepted). */
  inbound: number;
  /** User names it runs as, resolved against the host's users (first match wins). */
  users: string[];
}

const p = (
  name: string,
  executable: string,
  os: OsType,
  roles: HostRole[],
  weight: number,
  destinations: Destination[],
  users: string[],
  inbound = 0,
): CommonProcess => ({ name, executable, os, roles, weight, destinations, users, inbound });

export const COMMON_PROCESSES: CommonProcess[] = [
  p('curl', '/usr/bin/curl', 'linux', [], 8, [...PUBLIC.github, ...PUBLIC.cloudflare, ...PUBLIC.aws, ...INTERNAL.metadata], ['deploy', 'root', 'alice', 'jenkins']),
  p('wget', '/usr/bin/wget', 'linux', [], 3, [...PUBLIC.github, ...PUBLIC.debianMirrors], ['root', 'deploy']),
  p('apt-get', '/usr/bin/apt-get', 'linux', [], 3, [...PUBLIC.ubuntuMirrors, ...PUBLIC.debianMirrors], ['root']),
  p('http', '/usr/lib/apt/methods/http', 'linux', [], 4, [...PUBLIC.ubuntuMirrors, ...PUBLIC.debianMirrors, ...INTERNAL.proxy], ['root']),
  p('python3', '/usr/bin/python3', 'linux', [], 6, [...PUBLIC.pypi, ...PUBLIC.aws, ...INTERNAL.database, ...INTERNAL.cache], ['deploy', 'root', 'alice', 'jenkins', 'www-data']),
  p('node', '/usr/bin/node', 'linux', ['web', 'build', 'workstation'], 5, [...PUBLIC.npm, ...PUBLIC.cloudflare, ...INTERNAL.cache], ['www-data', 'deploy', 'jenkins', 'alice']),
  p('java', '/usr/lib/jvm/java-17-openjdk-amd64/bin/java', 'linux', ['build', 'db', 'web'], 4, [...PUBLIC.github, ...INTERNAL.database, ...PUBLIC.aws], ['jenkins', 'deploy', 'root']),
  p('sshd', '/usr/sbin/sshd', 'linux', [], 5, [...INTERNAL.linkLocal, ...INTERNAL.office], ['root'], 0.9),
  p('ssh', '/usr/bin/ssh', 'linux', ['bastion', 'workstation', 'build'], 3, [...PUBLIC.github, ...INTERNAL.linkLocal], ['alice', 'bob', 'jenkins', 'carol']),
  p('systemd-resolved', '/usr/lib/systemd/systemd-resolved', 'linux', [], 10, [...INTERNAL.dns], ['root']),
  p('chronyd', '/usr/sbin/chronyd', 'linux', [], 3, [...PUBLIC.ntp], ['root']),
  p('dockerd', '/usr/bin/dockerd', 'linux', ['build', 'k8s', 'web'], 4, [...PUBLIC.dockerHub, ...PUBLIC.aws], ['root']),
  p('containerd', '/usr/bin/containerd', 'linux', ['k8s', 'build'], 4, [...PUBLIC.dockerHub, ...PUBLIC.google], ['root']),
  p('kubelet', '/usr/bin/kubelet', 'linux', ['k8s'], 6, [...INTERNAL.apiServer, ...PUBLIC.google], ['root']),
  p('nginx', '/usr/sbin/nginx', 'linux', ['web', 'proxy'], 6, [...INTERNAL.database, ...INTERNAL.cache, ...PUBLIC.cloudflare], ['www-data', 'root'], 0.7),
  p('postgres', '/usr/lib/postgresql/15/bin/postgres', 'linux', ['db'], 4, [...INTERNAL.database, ...PUBLIC.aws], ['postgres'], 0.8),
  p('git', '/usr/bin/git', 'linux', ['build', 'workstation', 'web'], 3, [...PUBLIC.github], ['jenkins', 'deploy', 'alice', 'bob']),
  p('snapd', '/usr/lib/snapd/snapd', 'linux', [], 2, [...PUBLIC.ubuntuMirrors, ...PUBLIC.cloudflare], ['root']),
  p('squid', '/usr/sbin/squid', 'linux', ['proxy'], 4, [...PUBLIC.google, ...PUBLIC.microsoft, ...PUBLIC.github, ...PUBLIC.aws], ['squid'], 0.4),
  p('master', '/usr/lib/postfix/sbin/master', 'linux', ['mail'], 2, [...PUBLIC.google, ...PUBLIC.microsoft], ['root'], 0.5),
  p('svchost.exe', 'C:\\Windows\\System32\\svchost.exe', 'windows', [], 6, [...PUBLIC.microsoft, ...INTERNAL.dns], ['SYSTEM']),
  p('chrome.exe', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'windows', [], 5, [...PUBLIC.google, ...PUBLIC.cloudflare], ['emma', 'frank', 'grace', 'henry', 'irene']),
  p('OneDrive.exe', 'C:\\Program Files\\Microsoft OneDrive\\OneDrive.exe', 'windows', [], 2, [...PUBLIC.microsoft], ['emma', 'frank', 'grace', 'henry', 'irene']),
  p('mDNSResponder', '/usr/sbin/mDNSResponder', 'macos', [], 3, [...INTERNAL.mdns, ...PUBLIC.apple], ['root']),
  p('Google Chrome Helper', '/Applications/Google Chrome.app/Contents/Frameworks/Google Chrome Framework.framework/Helpers/Google Chrome Helper.app/Contents/MacOS/Google Chrome Helper', 'macos', [], 3, [...PUBLIC.google, ...PUBLIC.cloudflare], ['jules', 'kim', 'lee']),
];
