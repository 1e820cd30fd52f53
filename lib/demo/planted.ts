/**
 * What the demo plants for the seed hunt to find, and the decoys it must not list. Every entry
 * says why it is (or is not) a finding, so tests and the closing note can check the design.
 *
 * Weeks count back from `now`: week 0 is the seven days ending at `now`, week 1 the seven before.
 */
import 'server-only';


export interface PlantedConnection {
  ip: string;
  port: number;
}

export type PlantedVariant =
  /** connection_attempted, event.type start: what the hunt counts. */
  | 'attempted'
  /** Inbound connection_accepted only: other action. */
  | 'accepted-only'
  /** disconnect_received, event.type end only. */
  | 'disconnect-only'
  /** DNS lookup_requested only. */
  | 'dns-only'
  /** Events at and just before the window's start (`@timestamp > now() - 7 day` is strict). */
  | 'outside-window'
  /** process.name absent. */
  | 'null-name';

export interface PlantedProcess {
  name: string;
  executable: string;
  /** Host names (one agent each); two hosts make a process seen by two agents. */
  hosts: string[];
  user: string;
  /** connection events per host per week. */
  count: number;
  destinations: PlantedConnection[];
  weeks: number[];
  variant: PlantedVariant;
  /** Whether each seed query lists it over week 0. */
  expected: { allUsers: boolean; rootOnly: boolean };
  why: string;
}

const planted = (
  name: string,
  executable: string,
  host: string,
  user: string,
  count: number,
  destinations: PlantedConnection[],
  weeks: number[],
  why: string,
): PlantedProcess => ({
  name,
  executable,
  hosts: [host],
  user,
  count,
  destinations,
  weeks,
  variant: 'attempted',
  expected: { allUsers: weeks.includes(0), rootOnly: weeks.includes(0) && user === 'root' },
  why,
});

const decoy = (
  name: string,
  executable: string,
  hosts: string[],
  user: string,
  count: number,
  destinations: PlantedConnection[],
  variant: PlantedVariant,
  why: string,
): PlantedProcess => ({
  name,
  executable,
  hosts,
  user,
  count,
  destinations,
  weeks: [0],
  variant,
  expected: { allUsers: false, rootOnly: false },
  why,
});

export const PLANTED: PlantedProcess[] = [
  planted('kworkerds', '/tmp/.ICE-unix/kworkerds', 'k8s-node-04', 'root', 3, [{ ip: '45.9.148.35', port: 3333 }], [0, 1],
    'cryptominer beaconing to a mining pool as root; recurring over two weeks'),
  planted('sshd-helper', '/usr/local/sbin/sshd-helper', 'bastion-01', 'root', 2, [{ ip: '185.220.101.47', port: 443 }], [0],
    'backdoor on the bastion calling a Tor exit node as root; new this week'),
  planted('.x', '/tmp/.x', 'web-prod-03', 'www-data', 4, [{ ip: '193.142.146.35', port: 8443 }], [0],
    'web shell payload run by www-data; not root, so only the all-users query lists it'),
  planted('update-notifier2', '/home/alice/.local/bin/update-notifier2', 'ws-eng-02', 'alice', 1, [{ ip: '2a0b:4d07:2::3', port: 443 }], [0, 1],
    'user-level implant over IPv6; recurring'),
  planted('dbus-daemon-lnx', '/var/tmp/dbus-daemon-lnx', 'db-prod-02', 'root', 5, [{ ip: '91.215.85.142', port: 80 }], [0],
    'masquerading daemon with exactly five connections (the boundary)'),
  planted('<img src=x onerror=alert(1)>', '/tmp/<img src=x onerror=alert(1)>', 'build-01', 'jenkins', 2, [{ ip: '5.188.206.14', port: 443 }], [0],
    'hostile name (HTML): the UI must render it as text'),
  planted('=HYPERLINK("http://evil.example","x")', '/dev/shm/=HYPERLINK', 'ws-eng-04', 'root', 1, [{ ip: '89.248.165.52', port: 443 }], [0],
    'hostile name (spreadsheet formula): exports must neutralise it'),
  planted('\u202Egnp.sh', '/home/deploy/\u202Egnp.sh', 'web-prod-05', 'deploy', 2, [{ ip: '80.94.92.60', port: 443 }], [0],
    'hostile name (right-to-left override): the UI must show the control visibly'),
  planted('kthreadd\u0007', '/dev/shm/kthreadd', 'k8s-node-07', 'root', 1, [{ ip: '::ffff:45.137.21.9', port: 4444 }], [0],
    'hostile name (control character) calling an IPv4-mapped IPv6 public address as root'),
  planted('\u0441url', '/home/dave/.cache/\u0441url', 'ws-eng-06', 'dave', 2, [{ ip: '45.142.212.61', port: 443 }], [0],
    'look-alike name: a Cyrillic es (U+0441) makes it read as curl; the UI must badge it and a look-alike filter find it'),
  planted('xmrig-lite', '/tmp/xmrig-lite', 'k8s-node-02', 'root', 3, [{ ip: '45.9.148.99', port: 3333 }], [1],
    'seen last week only: gone this week'),
  decoy('rsync-backup', '/opt/backup/rsync-backup', ['db-prod-03'], 'root', 6, [{ ip: '52.216.8.0', port: 443 }], 'attempted',
    'six connections: above the `connection_count <= 5` limit'),
  decoy('telemetry-agent', '/opt/telemetry/telemetry-agent', ['web-prod-02', 'web-prod-04'], 'root', 2, [{ ip: '34.120.177.193', port: 443 }], 'attempted',
    'seen on two agents: `unique_agent_count == 1` fails'),
  decoy('internal-scan', '/usr/local/bin/internal-scan', ['bastion-02'], 'root', 5,
    [
      { ip: '10.1.2.3', port: 22 }, { ip: '100.64.1.1', port: 22 }, { ip: '192.0.2.10', port: 22 },
      { ip: 'fe80::1', port: 22 }, { ip: '169.254.169.254', port: 80 },
    ], 'attempted', 'talks only to private and reserved ranges that the CIDR list excludes'),
  decoy('old-beacon', '/tmp/old-beacon', ['web-prod-01'], 'root', 2, [{ ip: '45.9.148.36', port: 443 }], 'outside-window',
    'its events are at and before the start of the 7-day window'),
  decoy('winupdate-helper.exe', 'C:\\Users\\Public\\winupdate-helper.exe', ['WIN-DESK-02'], 'SYSTEM', 2, [{ ip: '45.9.148.37', port: 443 }], 'attempted',
    'a Windows host: `host.os.type == "linux"` fails'),
  decoy('listener-svc', '/opt/listener/listener-svc', ['web-prod-06'], 'root', 3, [{ ip: '198.98.56.10', port: 9001 }], 'accepted-only',
    'inbound connection_accepted only: the hunt counts connection_attempted'),
  decoy('short-lived', '/tmp/short-lived', ['build-02'], 'jenkins', 2, [{ ip: '45.9.148.38', port: 443 }], 'disconnect-only',
    'disconnect_received (event.type end) only'),
  decoy('beacon-dnsonly', '/tmp/beacon-dnsonly', ['ws-eng-03'], 'bob', 3, [{ ip: '8.8.8.8', port: 53 }], 'dns-only',
    'DNS lookups only: other event.action'),
  decoy('(no process.name)', '/proc/self/exe', ['ws-eng-05'], 'root', 2, [{ ip: '45.9.148.39', port: 443 }], 'null-name',
    'process.name is absent: `not process.name is null` fails'),
];

/** The rows each seed query must return over week 0, as process names. */
export function expectedFindings(query: 'allUsers' | 'rootOnly'): string[] {
  return PLANTED.filter((p) => p.expected[query]).map((p) => p.name).sort();
}
