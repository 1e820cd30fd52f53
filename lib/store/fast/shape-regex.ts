/**
 * A compiled regular expression per planned shape, matching exactly the compact lines of that
 * shape (any value may also be null). Testing a line against the shape of the line before it
 * costs a fraction of a full scan (irregexp runs natively), and most NDJSON files repeat a few
 * shapes. The patterns are as strict as shape-scan.ts: escapes, control chars, surrogates,
 * integer digits and exponents alike, and negative zero is never matched.
 */

/** String body without quotes, backslashes, control chars or surrogates, with valid escapes. */
const PLAIN = '[^"\\\\\\x00-\\x1f\\ud800-\\udfff]*';
const STRING = `"${PLAIN}(?:\\\\(?:["\\\\/bfnrt]|u(?![dD][89abAB])[0-9a-fA-F]{4})${PLAIN})*"`;
/** At most 15 digits, so a double holds it exactly; `-0` excluded. */
const INTEGER = '(?:0|-?[1-9][0-9]{0,14})';
/** A fraction or an exponent of at most two digits; a negative zero excluded. */
const FLOAT = '(?:-(?=[0.]*[1-9]))?(?:0|[1-9][0-9]*)(?:\\.[0-9]+|(?:\\.[0-9]+)?[eE][+-]?[0-9]{1,2})';

const KINDS: Record<string, string> = { s: STRING, i: INTEGER, f: FLOAT, b: '(?:true|false)', z: 'null' };

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function element(kinds: string): string {
  return `(?:${[...new Set([...kinds, 'z'])].map((k) => KINDS[k]).join('|')})`;
}

/** The pattern of a signature (grammar: shape-scan.ts), or undefined if it holds an unknown letter. */
export function shapeRegex(shape: string): RegExp | undefined {
  let out = '';
  for (let i = 0; i < shape.length; ) {
    const c = shape[i];
    if (c === '{' || c === '}' || c === ',') {
      out += c === ',' ? ',' : `\\${c}`;
      i++;
    } else if (c === '"') {
      const end = shape.indexOf('"', i + 1);
      out += `"${escapeRegex(shape.slice(i + 1, end))}":`;
      i = end + 2;
    } else if (c === '[') {
      const end = shape.indexOf(']', i);
      const el = element(shape.slice(i + 1, end));
      out += `\\[(?:${el}(?:,${el})*)?\\]`;
      i = end + 1;
    } else {
      if (!KINDS[c]) return undefined;
      out += c === 'z' ? 'null' : `(?:${KINDS[c]}|null)`;
      i++;
    }
  }
  // spaces and tabs only around it: a line break would split the line in the batch file
  return new RegExp(`^[ \\t]*${out}[ \\t]*$`);
}
