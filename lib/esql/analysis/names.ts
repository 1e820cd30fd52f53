/**
 * Name matching for the analyzer: "did you mean" suggestions (Elasticsearch's
 * StringUtils.findSimilar: Lucene Levenshtein similarity ≥ 0.5, best first) and the wildcard
 * patterns of KEEP and DROP.
 */

/** Levenshtein edit distance. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** Lucene's LevenshteinDistance.getDistance: 1 - distance / longer length. */
function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - editDistance(a, b) / longer;
}

/** Candidates similar to `name`, most similar first (ties keep candidate order). */
export function findSimilar(name: string, candidates: Iterable<string>): string[] {
  const scored: { score: number; name: string }[] = [];
  for (const candidate of new Set(candidates)) {
    if (candidate === name) continue;
    const score = similarity(name, candidate);
    if (score >= 0.5) scored.push({ score, name: candidate });
  }
  return scored.sort((x, y) => y.score - x.score).map((s) => s.name);
}

/** `, did you mean [x]?` / `, did you mean any of [x, y]?` / nothing. */
export function suggestionSuffix(similar: readonly string[]): string {
  if (similar.length === 0) return '';
  if (similar.length === 1) return `, did you mean [${similar[0]}]?`;
  return `, did you mean any of [${similar.join(', ')}]?`;
}

export function isWildcard(pattern: string): boolean {
  return pattern.includes('*');
}

/** Whether `name` matches a KEEP/DROP pattern where `*` stands for any run of characters. */
export function matchesPattern(pattern: string, name: string): boolean {
  if (!isWildcard(pattern)) return pattern === name;
  let re = PATTERNS.get(pattern);
  if (!re) {
    re = new RegExp('^' + pattern.split('*').map(escapeRegExp).join('.*') + '$', 's');
    if (PATTERNS.size > 1000) PATTERNS.clear();
    PATTERNS.set(pattern, re);
  }
  return re.test(name);
}

/** Compiled patterns: KEEP `*` over thousands of ECS fields would otherwise compile one per field. */
const PATTERNS = new Map<string, RegExp>();

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** KEEP precedence (docs/esql-semantics.md §6.4): exact name > partial wildcard > `*`. */
export function patternPrecedence(pattern: string): number {
  if (pattern === '*') return 0;
  return isWildcard(pattern) ? 1 : 2;
}
