/**
 * Names that are not what they look like: a process called `сurl` (Cyrillic es) next to the real
 * `curl`, `ѕsh`, a zero-width space inside a name, a right-to-left override turning `gpj.exe`
 * around. Escaping (./escape.ts) already keeps such values inert; this says what is odd about
 * them, with the code points, so a badge can point at it. Plain printable ASCII is never odd here:
 * ASCII look-alikes (`rn` for `m`) are too common in honest names to badge. Pure, browser-safe.
 */
import { lookalikeKey } from './skeleton';
import { mixedScripts, scriptsOf, tokens } from './scripts';

/** Process names hunters watch for impostors of; compared by look-alike key, case-insensitively. */
export const WATCHED_NAMES: readonly string[] = [
  'curl', 'wget', 'bash', 'sh', 'zsh', 'dash', 'python', 'python3', 'perl', 'ruby', 'php', 'node',
  'nc', 'ncat', 'netcat', 'socat', 'ssh', 'sshd', 'scp', 'sftp', 'cron', 'crond', 'systemd', 'sudo', 'su',
  'kworker', 'kthreadd', 'dbus-daemon', 'nginx', 'httpd', 'apache2', 'mysqld', 'docker', 'containerd', 'kubelet',
  'powershell', 'powershell.exe', 'pwsh.exe', 'cmd.exe', 'svchost.exe', 'rundll32.exe', 'regsvr32.exe',
  'mshta.exe', 'wscript.exe', 'cscript.exe', 'explorer.exe', 'lsass.exe', 'csrss.exe', 'winlogon.exe',
  'services.exe', 'smss.exe', 'spoolsv.exe', 'taskhostw.exe', 'conhost.exe', 'certutil.exe', 'schtasks.exe',
  'wmic.exe', 'msiexec.exe',
];

const WATCHED_BY_KEY = new Map(WATCHED_NAMES.map((name) => [lookalikeKey(name), name]));

/** One character to point at: `U+0441` and what it is (`Cyrillic`, `bidi control`). */
export interface CodePointNote {
  code: number;
  /** `U+0441`. */
  label: string;
  detail: string;
}

export type LookalikeFinding =
  | { kind: 'lookalike'; target: string; codePoints: CodePointNote[] }
  | { kind: 'hidden'; codePoints: CodePointNote[] }
  | { kind: 'mixed-scripts'; scripts: string[]; codePoints: CodePointNote[] };

export type LookalikeAnalysis = { kind: 'plain' } | { kind: 'suspicious'; findings: LookalikeFinding[] };

const PLAIN: LookalikeAnalysis = { kind: 'plain' };
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const NON_ASCII = /[^\x00-\x7f]/;
// C0/C1 controls are left out: escape.ts already spells them (`\x07`) where they stand.
const HIDDEN = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Zl}\p{Zp}\p{Zs}]/gu;
const HIDDEN_ONE = new RegExp(HIDDEN.source, 'u');
const BIDI = /\p{Bidi_Control}/u;
/** What separates the names in a path or a command line; `.`, `-` and `_` belong to names. */
const PIECE_SEPARATORS = /[\s/\\"'`=,;:()[\]{}<>|&]+/u;

export function codePointLabel(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

function note(char: string, detail: string): CodePointNote {
  const code = char.codePointAt(0) ?? 0;
  return { code, label: codePointLabel(code), detail };
}

function hiddenDetail(char: string): string {
  if (BIDI.test(char)) return 'bidi control';
  if (/\p{Zs}/u.test(char)) return 'unusual space';
  if (/[\p{Zl}\p{Zp}]/u.test(char)) return 'line or paragraph separator';
  return 'invisible character';
}

function scriptNote(char: string): CodePointNote {
  return HIDDEN_ONE.test(char) ? note(char, hiddenDetail(char)) : note(char, scriptsOf(char)[0] ?? 'common');
}

function unique(notes: CodePointNote[]): CodePointNote[] {
  const seen = new Set<number>();
  return notes.filter((n) => !seen.has(n.code) && seen.add(n.code));
}

function hiddenFinding(text: string): LookalikeFinding | undefined {
  const found = [...text.matchAll(HIDDEN)].map((m) => m[0]).filter((c) => c !== ' ');
  return found.length === 0 ? undefined : { kind: 'hidden', codePoints: unique(found.map((c) => note(c, hiddenDetail(c)))) };
}

function lookalikeFindings(text: string): LookalikeFinding[] {
  const out: LookalikeFinding[] = [];
  for (const piece of new Set(text.split(PIECE_SEPARATORS))) {
    if (!NON_ASCII.test(piece)) continue;
    const target = WATCHED_BY_KEY.get(lookalikeKey(piece));
    if (target === undefined || piece.normalize('NFC').toLowerCase() === target) continue;
    if (out.some((f) => f.kind === 'lookalike' && f.target === target)) continue;
    out.push({ kind: 'lookalike', target, codePoints: unique([...piece].filter((c) => NON_ASCII.test(c)).map(scriptNote)) });
  }
  return out;
}

function mixedFinding(text: string): LookalikeFinding | undefined {
  const mixed = tokens(text).flatMap((t) => mixedScripts(t) ?? []);
  if (mixed.length === 0) return undefined;
  const scripts = [...new Set(mixed.flatMap((m) => m.scripts))];
  return { kind: 'mixed-scripts', scripts, codePoints: unique(mixed.flatMap((m) => m.odd.map(scriptNote))) };
}

/** What is odd about a value: look-alikes of watched names first, then hidden characters, then mixed scripts. */
export function analyseLookalike(text: string): LookalikeAnalysis {
  if (PRINTABLE_ASCII.test(text)) return PLAIN;
  const findings = [...lookalikeFindings(text), hiddenFinding(text), mixedFinding(text)].filter((f): f is LookalikeFinding => f !== undefined);
  return findings.length === 0 ? PLAIN : { kind: 'suspicious', findings };
}

/** The badge's short text. */
export function findingLabel(finding: LookalikeFinding): string {
  switch (finding.kind) {
    case 'lookalike':
      return `look-alike of ${finding.target}`;
    case 'hidden':
      return 'hidden characters';
    case 'mixed-scripts':
      return 'mixed scripts';
  }
}

const LISTED = 8;

function listCodePoints(notes: readonly CodePointNote[]): string {
  const shown = notes.slice(0, LISTED).map((n) => `${n.label} ${n.detail}`);
  return notes.length > LISTED ? `${shown.join(', ')} and ${notes.length - LISTED} more` : shown.join(', ');
}

/**
 * The full account for a tooltip and an accessible name. It names code points and scripts only,
 * never the value itself, so no character from the data can reorder or hide the text.
 */
export function findingDescription(finding: LookalikeFinding): string {
  switch (finding.kind) {
    case 'lookalike':
      return `Look-alike of ${finding.target}: ${listCodePoints(finding.codePoints)}`;
    case 'hidden':
      return `Hidden characters: ${listCodePoints(finding.codePoints)}`;
    case 'mixed-scripts':
      return `Mixed scripts (${finding.scripts.join(' and ')}) in one name: ${listCodePoints(finding.codePoints)}`;
  }
}

/** Label of the first finding (with `+N` for the others) and the description of all of them. */
export function lookalikeBadgeText(analysis: Extract<LookalikeAnalysis, { kind: 'suspicious' }>): { label: string; description: string } {
  const [first, ...rest] = analysis.findings;
  return {
    label: rest.length === 0 ? findingLabel(first) : `${findingLabel(first)} +${rest.length}`,
    description: analysis.findings.map(findingDescription).join('. '),
  };
}
