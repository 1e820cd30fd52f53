/**
 * Process and file events (logs-endpoint.events.process-*, logs-endpoint.events.file-*) for the
 * same fleet, so that Elastic's Linux process and file hunts have realistic data to run over.
 */
import 'server-only';
import type { DemoHost } from './fleet';
import { Random, seedFor } from './random';
import { WEEK_MS, type WeekContext } from './traffic';

interface ProcessSpec {
  name: string;
  executable: string;
  args: string[];
  parent: { name: string; executable: string };
  user: string;
}

const PROCESSES: ProcessSpec[] = [
  { name: 'bash', executable: '/usr/bin/bash', args: ['bash'], parent: { name: 'sshd', executable: '/usr/sbin/sshd' }, user: 'alice' },
  { name: 'ls', executable: '/usr/bin/ls', args: ['ls', '-la', '/var/log'], parent: { name: 'bash', executable: '/usr/bin/bash' }, user: 'alice' },
  { name: 'cat', executable: '/usr/bin/cat', args: ['cat', '/etc/hosts'], parent: { name: 'bash', executable: '/usr/bin/bash' }, user: 'bob' },
  { name: 'sudo', executable: '/usr/bin/sudo', args: ['sudo', 'systemctl', 'restart', 'nginx'], parent: { name: 'bash', executable: '/usr/bin/bash' }, user: 'deploy' },
  { name: 'systemctl', executable: '/usr/bin/systemctl', args: ['systemctl', 'restart', 'nginx'], parent: { name: 'sudo', executable: '/usr/bin/sudo' }, user: 'root' },
  { name: 'cron', executable: '/usr/sbin/cron', args: ['/usr/sbin/cron', '-f'], parent: { name: 'systemd', executable: '/usr/lib/systemd/systemd' }, user: 'root' },
  { name: 'sh', executable: '/usr/bin/sh', args: ['/bin/sh', '-c', 'run-parts --report /etc/cron.daily'], parent: { name: 'cron', executable: '/usr/sbin/cron' }, user: 'root' },
  { name: 'apt-get', executable: '/usr/bin/apt-get', args: ['apt-get', 'update'], parent: { name: 'sh', executable: '/usr/bin/sh' }, user: 'root' },
  { name: 'python3', executable: '/usr/bin/python3', args: ['python3', '/opt/app/worker.py'], parent: { name: 'systemd', executable: '/usr/lib/systemd/systemd' }, user: 'deploy' },
  { name: 'git', executable: '/usr/bin/git', args: ['git', 'fetch', 'origin'], parent: { name: 'java', executable: '/usr/lib/jvm/java-17-openjdk-amd64/bin/java' }, user: 'jenkins' },
  { name: 'docker', executable: '/usr/bin/docker', args: ['docker', 'ps'], parent: { name: 'bash', executable: '/usr/bin/bash' }, user: 'root' },
  { name: 'crontab', executable: '/usr/bin/crontab', args: ['crontab', '-l'], parent: { name: 'bash', executable: '/usr/bin/bash' }, user: 'bob' },
  { name: 'curl', executable: '/usr/bin/curl', args: ['curl', '-s', 'http://169.254.169.254/latest/meta-data/'], parent: { name: 'bash', executable: '/usr/bin/bash' }, user: 'deploy' },
  { name: 'whoami', executable: '/usr/bin/whoami', args: ['whoami'], parent: { name: 'bash', executable: '/usr/bin/bash' }, user: 'www-data' },
  { name: 'chmod', executable: '/usr/bin/chmod', args: ['chmod', '+x', '/tmp/.x'], parent: { name: 'sh', executable: '/usr/bin/sh' }, user: 'www-data' },
];

const FILES: { path: string; process: string; executable: string; user: string }[] = [
  { path: '/var/log/nginx/access.log', process: 'nginx', executable: '/usr/sbin/nginx', user: 'www-data' },
  { path: '/var/lib/apt/lists/partial/archive.ubuntu.com_ubuntu_dists_jammy_InRelease', process: 'http', executable: '/usr/lib/apt/methods/http', user: 'root' },
  { path: '/tmp/pip-build-env-3x9/requirements.txt', process: 'python3', executable: '/usr/bin/python3', user: 'deploy' },
  { path: '/etc/cron.d/backup', process: 'vim', executable: '/usr/bin/vim.basic', user: 'root' },
  { path: '/etc/systemd/system/worker.service', process: 'systemctl', executable: '/usr/bin/systemctl', user: 'root' },
  { path: '/home/alice/.ssh/authorized_keys', process: 'sshd', executable: '/usr/sbin/sshd', user: 'alice' },
  { path: '/home/alice/.bashrc', process: 'vim', executable: '/usr/bin/vim.basic', user: 'alice' },
  { path: '/var/lib/docker/overlay2/l/ABCDEF/diff/etc/passwd', process: 'dockerd', executable: '/usr/bin/dockerd', user: 'root' },
  { path: '/tmp/.x', process: 'curl', executable: '/usr/bin/curl', user: 'www-data' },
  { path: '/etc/ld.so.cache', process: 'ldconfig', executable: '/usr/sbin/ldconfig', user: 'root' },
];

function base(host: DemoHost, dataset: string, time: number, random: Random) {
  const timestamp = new Date(time).toISOString();
  return {
    '@timestamp': timestamp,
    agent: { id: host.agentId, type: 'endpoint', version: '8.15.2' },
    data_stream: { dataset, namespace: 'default', type: 'logs' },
    ecs: { version: '8.11.0' },
    host: { id: host.hostId, name: host.name, hostname: host.name, architecture: host.architecture, ip: [host.ip], os: host.os },
    eventId: random.hex(20),
    timestamp,
  };
}

function userOf(host: DemoHost, name: string) {
  return host.users.find((u) => u.name === name) ?? host.users[0];
}

export function* processEvents(ctx: WeekContext, count: number): Generator<Record<string, unknown>> {
  const random = new Random(seedFor(ctx.seed, `process-${ctx.week}`));
  const linux = ctx.fleet.filter((h) => h.os.type === 'linux');
  const start = ctx.end - WEEK_MS + 60_000;
  for (let i = 0; i < count; i++) {
    const host = random.pick(linux);
    const spec = random.pick(PROCESSES);
    const user = userOf(host, spec.user);
    const { eventId, timestamp, ...common } = base(host, 'endpoint.events.process', start + Math.floor(((i + random.next()) / count) * (WEEK_MS - 120_000)), random);
    const pid = random.int(300, 64000);
    const ended = random.chance(0.3);
    yield {
      ...common,
      event: { action: ended ? 'end' : 'exec', category: ['process'], type: [ended ? 'end' : 'start'], kind: 'event', dataset: 'endpoint.events.process', module: 'endpoint', id: eventId, created: timestamp },
      message: 'Endpoint process event',
      process: {
        name: spec.name,
        executable: spec.executable,
        args: spec.args,
        args_count: spec.args.length,
        command_line: spec.args.join(' '),
        pid,
        entity_id: Buffer.from(`${host.agentId}-${pid}`).toString('base64'),
        working_directory: user.name === 'root' ? '/root' : `/home/${user.name}`,
        parent: { name: spec.parent.name, executable: spec.parent.executable, pid: random.int(1, 299), command_line: spec.parent.executable },
      },
      user: { id: user.id, name: user.name },
      group: { id: user.group.id, name: user.group.name },
    };
  }
}

export function* fileEvents(ctx: WeekContext, count: number): Generator<Record<string, unknown>> {
  const random = new Random(seedFor(ctx.seed, `file-${ctx.week}`));
  const linux = ctx.fleet.filter((h) => h.os.type === 'linux');
  const start = ctx.end - WEEK_MS + 60_000;
  const actions = ['creation', 'modification', 'deletion', 'rename'];
  for (let i = 0; i < count; i++) {
    const host = random.pick(linux);
    const file = random.pick(FILES);
    const user = userOf(host, file.user);
    const action = random.weighted(actions, [3, 5, 1, 1]);
    const { eventId, timestamp, ...common } = base(host, 'endpoint.events.file', start + Math.floor(((i + random.next()) / count) * (WEEK_MS - 120_000)), random);
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    const dot = name.lastIndexOf('.');
    yield {
      ...common,
      event: { action, category: ['file'], type: [action === 'creation' ? 'creation' : action === 'deletion' ? 'deletion' : 'change'], kind: 'event', dataset: 'endpoint.events.file', module: 'endpoint', id: eventId, created: timestamp },
      message: 'Endpoint file event',
      file: { path: file.path, name, directory: file.path.slice(0, file.path.lastIndexOf('/')), ...(dot > 0 ? { extension: name.slice(dot + 1) } : {}) },
      process: { name: file.process, executable: file.executable, pid: random.int(300, 64000) },
      user: { id: user.id, name: user.name },
      group: { id: user.group.id, name: user.group.name },
    };
  }
}
