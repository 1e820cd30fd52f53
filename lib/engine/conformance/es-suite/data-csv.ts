/**
 * Reads a dataset of Elasticsearch's csv-spec suite (its `data/*.csv`) into documents, the way its
 * CsvTestsDataLoader sends them to `_bulk` (the format is documented on that class's
 * `loadCsvData`): a `name:type` schema row, then one document per line; an empty value is absent;
 * `[a,b]` is a multi-value with `\,` escaping a comma; a value in double quotes (or braces) is raw
 * JSON; anything else is sent as a JSON string for the mapping to coerce. Sub-field columns
 * (`height.float`) are not sent unless the dataset allows them: the mapping derives them.
 *
 * Pure: text in, documents (or a positioned problem) out.
 */
import 'server-only';

export type CsvDataResult = { ok: true; docs: Record<string, unknown>[] } | { ok: false; line: number; message: string };

/** Splits a line on commas outside `[...]` and outside double quotes; entries are trimmed. */
export function splitDataLine(line: string): string[] {
  const entries: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\' && i + 1 < line.length) {
      current += ch + line[++i];
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '[') depth++;
    else if (!quoted && ch === ']') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0 && !quoted) {
      entries.push(current.trim());
      current = '';
    } else current += ch;
  }
  entries.push(current.trim());
  return entries;
}

/** A value as the loader writes it into the bulk body: raw JSON when quoted or an object, else a string. */
function jsonValue(text: string): unknown {
  const raw = (text.startsWith('"') && text.endsWith('"') && text.length >= 2) || (text.startsWith('{') && text.endsWith('}'));
  if (!raw) return text.replace(/\\,/g, ',');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** One entry: undefined when absent, an array for a multi-value. */
function entryValue(entry: string): unknown {
  if (entry === '') return undefined;
  if (entry.startsWith('[') && entry.endsWith(']')) {
    const inner = entry.slice(1, -1);
    if (inner.trim() === '') return undefined;
    const values = inner.split(/(?<!\\),/).map((v) => jsonValue(v.trim()));
    return values.length === 1 ? values[0] : values;
  }
  return jsonValue(entry);
}

export function parseDataCsv(text: string, options: { allowSubFields?: boolean } = {}): CsvDataResult {
  const lines = text.split(/\r?\n/);
  let columns: (string | null)[] | undefined;
  const docs: Record<string, unknown>[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('//')) continue;
    const entries = splitDataLine(line);
    if (!columns) {
      columns = [];
      for (const entry of entries) {
        const at = entry.indexOf(':');
        if (at < 0) return { ok: false, line: i + 1, message: `a type is always expected in the schema row; found [${entry}]` };
        const name = entry.slice(0, at).trim();
        columns.push(options.allowSubFields || !name.includes('.') ? name : null);
      }
      continue;
    }
    if (entries.length !== columns.length) return { ok: false, line: i + 1, message: `expected ${columns.length} entries, found ${entries.length}` };
    const doc: Record<string, unknown> = {};
    entries.forEach((entry, c) => {
      const name = columns?.[c];
      if (!name) return;
      const value = entryValue(entry);
      if (value !== undefined) doc[name] = value;
    });
    docs.push(doc);
  }
  if (!columns) return { ok: false, line: lines.length, message: 'no schema row' };
  return { ok: true, docs };
}
