/**
 * GROK patterns → one RE2 regex for DuckDB. `%{SYNTAX}` expands from a built-in library (the
 * common patterns of Elasticsearch's grok library, with the look-arounds and atomic groups RE2
 * lacks rewritten as plain groups); `%{SYNTAX:name[:type]}` and `(?<name>…)` capture. Every other
 * group becomes non-capturing, so capture i is the i-th name. Captures named inside library
 * patterns (SYSLOGPROG's program and pid) are not columns: the analyzer only adds the names
 * written in the query, and this matches it. Matching is unanchored, as Elasticsearch's search
 * (docs/esql-semantics.md §6.7). Several patterns combine as Elasticsearch's Grok.combinePatterns
 * does, `(?:p1)|(?:p2)`; a name captured more than once is a multi-value of every capture that
 * took part, so each capture carries its shape (regex-groups.ts).
 */
import 'server-only';
import { captureShapes, type CaptureShape } from './regex-groups';


export type GrokTranslation =
  | { ok: true; regex: string; alternatives: string[]; captures: GrokCapture[] }
  | { ok: false; reason: string; unknownPattern?: string };

export type GrokType = 'int' | 'long' | 'float' | 'double' | 'boolean';

/**
 * Capture i of the regex, from alternative `pattern` (the index of its pattern in `alternatives`);
 * `shape` says, within that pattern, whether '' from regexp_extract may mean "took no part".
 */
export interface GrokCapture {
  name: string;
  type?: GrokType;
  pattern: number;
  shape: Exclude<CaptureShape, 'ambiguous'>;
}

const TYPES = new Set<string>(['int', 'integer', 'long', 'float', 'double', 'boolean']);

export const GROK_LIBRARY: Readonly<Record<string, string>> = {
  USERNAME: '[a-zA-Z0-9._-]+',
  USER: '%{USERNAME}',
  // RE2 caps nested repetition counts, so the library's {1,64}/{0,63} bounds become + and *.
  EMAILLOCALPART: "[a-zA-Z0-9!#$%&'*+\\-/=?^_`{|}~]+(?:\\.[a-zA-Z0-9!#$%&'*+\\-/=?^_`{|}~]+)*",
  EMAILADDRESS: '%{EMAILLOCALPART}@%{HOSTNAME}',
  INT: '(?:[+-]?(?:[0-9]+))',
  BASE10NUM: '(?:[+-]?(?:(?:[0-9]+(?:\\.[0-9]+)?)|(?:\\.[0-9]+)))',
  NUMBER: '(?:%{BASE10NUM})',
  BASE16NUM: '(?:[+-]?(?:0x)?(?:[0-9A-Fa-f]+))',
  BASE16FLOAT: '\\b(?:[+-]?(?:0x)?(?:(?:[0-9A-Fa-f]+(?:\\.[0-9A-Fa-f]*)?)|(?:\\.[0-9A-Fa-f]+)))\\b',
  POSINT: '\\b(?:[1-9][0-9]*)\\b',
  NONNEGINT: '\\b(?:[0-9]+)\\b',
  WORD: '\\b\\w+\\b',
  NOTSPACE: '\\S+',
  SPACE: '\\s*',
  DATA: '.*?',
  GREEDYDATA: '.*',
  QUOTEDSTRING: '(?:"(?:\\\\.|[^\\\\"])*"|\'(?:\\\\.|[^\\\\\'])*\'|`(?:\\\\.|[^\\\\`])*`)',
  QS: '%{QUOTEDSTRING}',
  UUID: '[A-Fa-f0-9]{8}-(?:[A-Fa-f0-9]{4}-){3}[A-Fa-f0-9]{12}',
  URN: 'urn:[0-9A-Za-z][0-9A-Za-z-]{0,31}:(?:%[0-9a-fA-F]{2}|[0-9A-Za-z()+,.:=@;$_!*\'/?#-])+',
  MAC: '(?:%{CISCOMAC}|%{WINDOWSMAC}|%{COMMONMAC})',
  CISCOMAC: '(?:(?:[A-Fa-f0-9]{4}\\.){2}[A-Fa-f0-9]{4})',
  WINDOWSMAC: '(?:(?:[A-Fa-f0-9]{2}-){5}[A-Fa-f0-9]{2})',
  COMMONMAC: '(?:(?:[A-Fa-f0-9]{2}:){5}[A-Fa-f0-9]{2})',
  IPV6:
    '(?:(?:(?:[0-9A-Fa-f]{1,4}:){7}(?:[0-9A-Fa-f]{1,4}|:))|(?:(?:[0-9A-Fa-f]{1,4}:){6}(?::[0-9A-Fa-f]{1,4}|%{IPV4}|:))|' +
    '(?:(?:[0-9A-Fa-f]{1,4}:){5}(?:(?::[0-9A-Fa-f]{1,4}){1,2}|:%{IPV4}|:))|(?:(?:[0-9A-Fa-f]{1,4}:){4}(?:(?::[0-9A-Fa-f]{1,4}){1,3}|(?::[0-9A-Fa-f]{1,4})?:%{IPV4}|:))|' +
    '(?:(?:[0-9A-Fa-f]{1,4}:){3}(?:(?::[0-9A-Fa-f]{1,4}){1,4}|(?::[0-9A-Fa-f]{1,4}){0,2}:%{IPV4}|:))|(?:(?:[0-9A-Fa-f]{1,4}:){2}(?:(?::[0-9A-Fa-f]{1,4}){1,5}|(?::[0-9A-Fa-f]{1,4}){0,3}:%{IPV4}|:))|' +
    '(?:(?:[0-9A-Fa-f]{1,4}:){1}(?:(?::[0-9A-Fa-f]{1,4}){1,6}|(?::[0-9A-Fa-f]{1,4}){0,4}:%{IPV4}|:))|(?::(?:(?::[0-9A-Fa-f]{1,4}){1,7}|(?::[0-9A-Fa-f]{1,4}){0,5}:%{IPV4}|:)))(?:%.+)?',
  IPV4: '(?:(?:[0-1]?[0-9]{1,2}|2[0-4][0-9]|25[0-5])[.](?:[0-1]?[0-9]{1,2}|2[0-4][0-9]|25[0-5])[.](?:[0-1]?[0-9]{1,2}|2[0-4][0-9]|25[0-5])[.](?:[0-1]?[0-9]{1,2}|2[0-4][0-9]|25[0-5]))',
  IP: '(?:%{IPV6}|%{IPV4})',
  HOSTNAME: '\\b(?:[0-9A-Za-z][0-9A-Za-z-]{0,62})(?:\\.(?:[0-9A-Za-z][0-9A-Za-z-]{0,62}))*(?:\\.?|\\b)',
  HOST: '%{HOSTNAME}',
  IPORHOST: '(?:%{IP}|%{HOSTNAME})',
  HOSTPORT: '%{IPORHOST}:%{POSINT}',
  PATH: '(?:%{UNIXPATH}|%{WINPATH})',
  UNIXPATH: '(?:/(?:[\\w_%!$@:.,+~-]+|\\\\.)*)+',
  WINPATH: '(?:[A-Za-z]+:|\\\\)(?:\\\\[^\\\\?*]*)+',
  URIPROTO: '[A-Za-z](?:[A-Za-z0-9+\\-.]+)+',
  URIHOST: '%{IPORHOST}(?::%{POSINT})?',
  URIPATH: "(?:/[A-Za-z0-9$.+!*'(){},~:;=@#%&_\\-]*)+",
  URIQUERY: "[A-Za-z0-9$.+!*'|(){},~@#%&/=:;_?\\-\\[\\]<>]*",
  URIPARAM: '\\?%{URIQUERY}',
  URIPATHPARAM: '%{URIPATH}(?:\\?%{URIQUERY})?',
  URI: '%{URIPROTO}://(?:%{USER}(?::[^@]*)?@)?(?:%{URIHOST})?(?:%{URIPATH}(?:\\?%{URIQUERY})?)?',
  MONTH:
    '\\b(?:[Jj]an(?:uary|uar)?|[Ff]eb(?:ruary|ruar)?|[Mm](?:a|ä)?r(?:ch|z)?|[Aa]pr(?:il)?|[Mm]a(?:y|i)?|[Jj]un(?:e|i)?|[Jj]ul(?:y|i)?|[Aa]ug(?:ust)?|[Ss]ep(?:tember)?|[Oo](?:c|k)?t(?:ober)?|[Nn]ov(?:ember)?|[Dd]e(?:c|z)(?:ember)?)\\b',
  MONTHNUM: '(?:0?[1-9]|1[0-2])',
  MONTHNUM2: '(?:0[1-9]|1[0-2])',
  MONTHDAY: '(?:(?:0[1-9])|(?:[12][0-9])|(?:3[01])|[1-9])',
  DAY: '(?:Mon(?:day)?|Tue(?:sday)?|Wed(?:nesday)?|Thu(?:rsday)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)',
  YEAR: '(?:\\d\\d){1,2}',
  HOUR: '(?:2[0123]|[01]?[0-9])',
  MINUTE: '(?:[0-5][0-9])',
  SECOND: '(?:(?:[0-5]?[0-9]|60)(?:[:.,][0-9]+)?)',
  TIME: '%{HOUR}:%{MINUTE}(?::%{SECOND})',
  DATE_US: '%{MONTHNUM}[/-]%{MONTHDAY}[/-]%{YEAR}',
  DATE_EU: '%{MONTHDAY}[./-]%{MONTHNUM}[./-]%{YEAR}',
  DATE: '%{DATE_US}|%{DATE_EU}',
  DATESTAMP: '%{DATE}[- ]%{TIME}',
  TZ: '(?:[APMCE][SD]T|UTC)',
  ISO8601_TIMEZONE: '(?:Z|[+-]%{HOUR}(?::?%{MINUTE}))',
  ISO8601_SECOND: '%{SECOND}',
  TIMESTAMP_ISO8601: '%{YEAR}-%{MONTHNUM}-%{MONTHDAY}[T ]%{HOUR}:?%{MINUTE}(?::?%{SECOND})?%{ISO8601_TIMEZONE}?',
  HTTPDATE: '%{MONTHDAY}/%{MONTH}/%{YEAR}:%{TIME} %{INT}',
  LOGLEVEL:
    '(?:[Aa]lert|ALERT|[Tt]race|TRACE|[Dd]ebug|DEBUG|[Nn]otice|NOTICE|[Ii]nfo?(?:rmation)?|INFO?(?:RMATION)?|[Ww]arn?(?:ing)?|WARN?(?:ING)?|[Ee]rr?(?:or)?|ERR?(?:OR)?|[Cc]rit?(?:ical)?|CRIT?(?:ICAL)?|[Ff]atal|FATAL|[Ss]evere|SEVERE|EMERG(?:ENCY)?|[Ee]merg(?:ency)?)',
  SYSLOGTIMESTAMP: '%{MONTH} +%{MONTHDAY} %{TIME}',
  PROG: '[\\x21-\\x5a\\x5c\\x5e-\\x7e]+',
  SYSLOGPROG: '%{PROG:program}(?:\\[%{POSINT:pid}\\])?',
  SYSLOGHOST: '%{IPORHOST}',
  SYSLOGFACILITY: '<%{NONNEGINT:facility}.%{NONNEGINT:priority}>',
};

const MAX_DEPTH = 20;

/** Translates grok patterns; `unknownPattern` names a `%{SYNTAX}` missing from the library. */
export function grokToRegex(patterns: readonly string[]): GrokTranslation {
  const named: Named[] = [];
  try {
    const parts: string[] = [];
    const captures: GrokCapture[] = [];
    for (const [index, pattern] of patterns.entries()) {
      const first = named.length;
      const part = expand(pattern, named, 0);
      const own = named.slice(first);
      // Alternatives never match together, so only one pattern's own captures can mix.
      const mixed = mixedGroups(own);
      if (mixed) return { ok: false, reason: mixed };
      const invalid = syntaxProblem(part);
      if (invalid) return { ok: false, reason: invalid };
      // Shapes within the pattern: the compiler knows which alternative matched (compile/extract.ts).
      const shapes = captureShapes(part);
      for (const [i, c] of own.entries()) {
        const shape = shapes[i];
        if (shape === 'ambiguous') {
          return { ok: false, reason: `[${c.name}] may match empty text in an optional part, which the embedded engine cannot tell from no match` };
        }
        captures.push(c.type === undefined ? { name: c.name, pattern: index, shape } : { name: c.name, type: c.type, pattern: index, shape });
      }
      parts.push(part);
    }
    const regex = parts.length === 1 ? parts[0] : parts.map((part) => `(?:${part})`).join('|');
    return { ok: true, regex, alternatives: parts, captures };
  } catch (e) {
    if (e instanceof GrokError) return { ok: false, reason: e.message, unknownPattern: e.unknownPattern };
    throw e;
  }
}

/**
 * Why RE2 would reject the translated regex, if it would: DuckDB reports a bad regex only when the
 * query runs. JavaScript's unicode mode is at least as strict as RE2 on structure (groups,
 * quantifiers, escapes), so it may refuse a little RE2 accepts (inline flags) but lets little
 * through; the RE2-only limits (back-references, repetition counts over 1000) are checked here.
 */
function syntaxProblem(regex: string): string | undefined {
  if (/\\[1-9]/.test(regex)) return 'back-references are not supported by the embedded engine';
  for (const m of regex.matchAll(/\{(\d+)(?:,(\d*))?\}/g)) {
    if (Number(m[1]) > 1000 || Number(m[2] || 0) > 1000) return `repetition count [${m[0]}] exceeds 1000`;
  }
  try {
    new RegExp(regex, 'u');
    return undefined;
  } catch (e) {
    return `invalid regular expression: ${e instanceof Error ? e.message.replace(/^Invalid regular expression: /, '') : String(e)}`;
  }
}

class GrokError extends Error {
  constructor(
    message: string,
    readonly unknownPattern?: string,
  ) {
    super(message);
  }
}

/** Expands `%{…}` and rewrites groups; captures are collected only at depth 0 (the query's own text). */
/** A capture as written: `group` is Elasticsearch's group name (`SYNTAX:name[:type]`, or the raw `(?<name>)`). */
interface Named {
  name: string;
  type?: GrokType;
  group: string;
}

/**
 * Elasticsearch emits a name's values group name by group name, in an order its regex library's
 * name table decides; captures of one name under one group name come in pattern order, as here.
 */
function mixedGroups(captures: readonly Named[]): string | undefined {
  const groups = new Map<string, string>();
  for (const c of captures) {
    const seen = groups.get(c.name);
    if (seen !== undefined && seen !== c.group) return `[${c.name}] is captured both as [${seen}] and [${c.group}]; the embedded engine cannot order their values as Elasticsearch does`;
    groups.set(c.name, c.group);
  }
  return undefined;
}

function expand(pattern: string, captures: Named[], depth: number): string {
  if (depth > MAX_DEPTH) throw new GrokError('patterns nest too deeply');
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      if (i + 1 >= pattern.length) throw new GrokError('trailing backslash');
      out += ch + pattern[++i];
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += ch;
      // A `]` right after `[` or `[^` is literal.
      if (pattern[i + 1] === '^') out += pattern[++i];
      if (pattern[i + 1] === ']') out += pattern[++i];
      continue;
    }
    if (ch === '%' && pattern[i + 1] === '{') {
      const close = pattern.indexOf('}', i);
      if (close < 0) throw new GrokError('unterminated %{');
      const m = /^(\w+)(?::([\w.@\-[\]]+))?(?::(\w+))?$/.exec(pattern.slice(i + 2, close));
      if (!m) throw new GrokError(`malformed [${pattern.slice(i, close + 1)}]`);
      const [, syntax, name, type] = m;
      const body = GROK_LIBRARY[syntax];
      if (body === undefined) throw new GrokError(`Unable to find pattern [${syntax}] in Grok's pattern dictionary`, syntax);
      if (type !== undefined && !TYPES.has(type)) throw new GrokError(`unknown type [${type}] for [${name}]`);
      const inner = expand(body, captures, depth + 1);
      if (name && depth === 0) {
        const group = pattern.slice(i + 2, close);
        captures.push(type === undefined ? { name, group } : { name, group, type: (type === 'integer' ? 'int' : type) as GrokType });
        out += `(${inner})`;
      } else out += `(?:${inner})`;
      i = close;
      continue;
    }
    if (ch === '(') {
      const named = /^\(\?<([A-Za-z][\w.@]*)>/.exec(pattern.slice(i));
      if (named) {
        if (depth === 0) {
          captures.push({ name: named[1], group: named[1] });
          out += '(';
        } else out += '(?:';
        i += named[0].length - 1;
        continue;
      }
      if (pattern[i + 1] === '?') {
        const kind = pattern[i + 2];
        // Look-arounds, atomic groups and back-references have no RE2 equivalent.
        if (kind === '=' || kind === '!' || kind === '<' || kind === '>') throw new GrokError(`group [(?${kind}] is not supported by the embedded engine`);
        out += ch;
        continue;
      }
      out += '(?:';
      continue;
    }
    out += ch;
  }
  if (inClass) throw new GrokError('unterminated character class');
  return out;
}
