/**
 * Suggestions for the ES|QL editor at the cursor: commands at the start and after a pipe,
 * index names after FROM, column names (with their types) where a column is expected, the
 * function catalogue (with its signatures) and operators and keywords in expression position.
 * Prefix matching, ranked: an exact-case prefix, then any case, then a later dotted or
 * underscored segment (`ip` finds `destination.ip`). Pure.
 */
import { FUNCTIONS, KEYWORDS_TO_QUOTE, type FunctionDef } from '../../esql';
import { cursorWord, type CursorContext } from './context';

export type CompletionKind = 'command' | 'index' | 'field' | 'function' | 'keyword' | 'operator';

export interface CompletionItem {
  label: string;
  /** The text put in place of the typed word. */
  insert: string;
  kind: CompletionKind;
  /** A short note beside the label: the field's type, the function's signature. */
  detail?: string;
  documentation?: string;
}

export interface Completion {
  items: CompletionItem[];
  /** The range the chosen item replaces. */
  start: number;
  end: number;
  prefix: string;
}

export interface CompletionSources {
  indices: readonly string[];
  /** The columns at the cursor's command (the FROM's fields, or what earlier commands made). */
  fields: readonly { name: string; type: string }[];
}

export const MAX_SUGGESTIONS = 100;

const SOURCE_COMMANDS: CompletionItem[] = [
  { label: 'FROM', insert: 'FROM ', kind: 'command', detail: 'FROM index_pattern [METADATA _id, _index]', documentation: 'Reads documents from indices, data streams or aliases.' },
  { label: 'ROW', insert: 'ROW ', kind: 'command', detail: 'ROW column = value[, …]', documentation: 'One row of literal values.' },
  { label: 'SHOW', insert: 'SHOW INFO', kind: 'command', detail: 'SHOW INFO', documentation: 'The cluster’s version and build (Elasticsearch only).' },
];

const PROCESSING_COMMANDS: CompletionItem[] = [
  ['WHERE', 'WHERE condition', 'Keeps the rows where the condition is true.'],
  ['EVAL', 'EVAL column = expression[, …]', 'Adds computed columns.'],
  ['STATS', 'STATS [column =] aggregate[, …] [BY grouping[, …]]', 'Aggregates, optionally per group.'],
  ['INLINE STATS', 'INLINE STATS [column =] aggregate[, …] [BY grouping[, …]]', 'Appends aggregates to every row, per group (9.2+).'],
  ['SORT', 'SORT column [ASC|DESC] [NULLS FIRST|LAST][, …]', 'Orders the rows.'],
  ['LIMIT', 'LIMIT n', 'Keeps the first n rows.'],
  ['KEEP', 'KEEP column[, …]', 'Keeps these columns, in this order (wildcards allowed).'],
  ['DROP', 'DROP column[, …]', 'Removes columns (wildcards allowed).'],
  ['RENAME', 'RENAME old AS new[, …]', 'Renames columns.'],
  ['DISSECT', 'DISSECT column "pattern"', 'Splits a string into columns by a delimiter pattern.'],
  ['GROK', 'GROK column "pattern"', 'Extracts columns from a string with a grok pattern.'],
  ['MV_EXPAND', 'MV_EXPAND column', 'One row per value of a multi-valued column.'],
  ['ENRICH', 'ENRICH policy [ON column] [WITH …]', 'Adds columns from an enrich policy (Elasticsearch only).'],
].map(([label, detail, documentation]) => ({ label, insert: `${label} `, kind: 'command' as const, detail, documentation }));

const METADATA_FIELDS = ['_id', '_index', '_score', '_version', '_ignored'];

const OPERATORS: Record<string, string[]> = {
  where: ['AND', 'OR', 'NOT', 'IN', 'IS NULL', 'IS NOT NULL', 'LIKE', 'RLIKE', '==', '!=', '<', '<=', '>', '>='],
  eval: ['=', '+', '-', '*', '/', '%', 'AND', 'OR', '==', '!='],
  stats: ['BY', '='],
  sort: ['ASC', 'DESC', 'NULLS FIRST', 'NULLS LAST'],
  row: ['='],
  rename: ['AS'],
};

/** A column name as it must be written: back-quoted unless a plain (dotted) identifier. */
export function columnText(name: string): string {
  const plain = /^[A-Za-z_@][A-Za-z0-9_.@]*$/.test(name) && !name.endsWith('.') && !KEYWORDS_TO_QUOTE.has(name.toLowerCase());
  return plain ? name : `\`${name.replace(/`/g, '``')}\``;
}

/** `DATE_TRUNC(interval, date)`, optional params with a `?`, a repeating last one with `, …`. */
export function signatureOf(def: FunctionDef): string {
  const params = def.params.map((p) => `${p.name}${p.optional ? '?' : ''}: ${p.accepts.describe}`);
  return `${def.name.toUpperCase()}(${params.join(', ')}${def.variadic ? ', …' : ''})`;
}

function functionItems(wanted: (def: FunctionDef) => boolean): CompletionItem[] {
  return FUNCTIONS.filter(wanted).flatMap((def) =>
    [def.name, ...def.aliases].map((name) => ({
      label: name.toUpperCase(),
      insert: `${name.toUpperCase()}(`,
      kind: 'function' as const,
      detail: signatureOf(def),
      documentation: `${def.kind === 'aggregate' ? 'Aggregate. ' : def.kind === 'grouping' ? 'Grouping. ' : ''}${def.description}`,
    })),
  );
}

function fieldItems(fields: CompletionSources['fields']): CompletionItem[] {
  return fields.map((f) => ({ label: f.name, insert: columnText(f.name), kind: 'field' as const, detail: f.type }));
}

function candidates(context: CursorContext, sources: CompletionSources): CompletionItem[] {
  switch (context.kind) {
    case 'none':
      return [];
    case 'command':
      return context.first ? SOURCE_COMMANDS : PROCESSING_COMMANDS;
    case 'source':
      return sources.indices.map((name) => ({ label: name, insert: name, kind: 'index' as const, detail: 'index' }));
    case 'after-source':
      return [{ label: 'METADATA', insert: 'METADATA ', kind: 'keyword', detail: 'METADATA _id, _index', documentation: 'Adds the documents’ metadata fields as columns.' }];
    case 'metadata':
      return METADATA_FIELDS.map((name) => ({ label: name, insert: name, kind: 'field' as const, detail: 'metadata' }));
    case 'column':
      return fieldItems(sources.fields);
    case 'expression': {
      const fields = fieldItems(sources.fields);
      const scalars = functionItems((def) => def.kind === 'scalar');
      // Aggregates belong in STATS (elsewhere Elasticsearch refuses them), and its first word is
      // one; WHERE, EVAL and SORT mostly name columns. The columns come before the scalar
      // functions either way, so a long function list never pushes them out of the suggestions.
      if (context.command !== 'stats') return [...fields, ...scalars];
      return [...functionItems((def) => def.kind !== 'scalar'), ...fields, ...scalars];
    }
    case 'operator':
      return (OPERATORS[context.command] ?? []).map((op) => ({ label: op, insert: `${op} `, kind: /^[A-Z]/.test(op) ? ('keyword' as const) : ('operator' as const) }));
  }
}

/** 0: exact-case prefix, 1: any case, 2: a later segment starts with it; undefined: no match. */
export function matchRank(label: string, prefix: string): number | undefined {
  if (prefix === '' || label.startsWith(prefix)) return 0;
  const lower = label.toLowerCase();
  const p = prefix.toLowerCase();
  if (lower.startsWith(p)) return 1;
  for (let i = 0; i < lower.length; i++) if ((lower[i] === '.' || lower[i] === '_') && lower.startsWith(p, i + 1)) return 2;
  return undefined;
}

export function complete(text: string, offset: number, sources: CompletionSources): Completion {
  const word = cursorWord(text, offset);
  const seen = new Set<string>();
  const ranked = candidates(word.context, sources)
    .map((item, order) => ({ item, order, rank: matchRank(item.label, word.prefix) }))
    .filter((c): c is typeof c & { rank: number } => c.rank !== undefined)
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map((c) => c.item)
    // A complete word needs no suggestion of itself.
    .filter((item) => item.label !== word.prefix || word.prefix === '')
    .filter((item) => !seen.has(item.label) && seen.add(item.label));
  return { items: ranked.slice(0, MAX_SUGGESTIONS), start: word.start, end: word.end, prefix: word.prefix };
}

/** The text and cursor after accepting `item`. */
export function applyCompletion(text: string, completion: Pick<Completion, 'start' | 'end'>, item: CompletionItem): { text: string; cursor: number } {
  return { text: text.slice(0, completion.start) + item.insert + text.slice(completion.end), cursor: completion.start + item.insert.length };
}
