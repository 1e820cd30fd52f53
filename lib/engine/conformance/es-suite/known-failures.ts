/**
 * Reviewed reasons for the cases of Elasticsearch's csv-spec suite the engine does not pass, keyed
 * `file:case`. The report (docs/esql-suite.md) prints these in place of the raw difference. Each
 * says what the engine does instead: a positioned error, never a different answer.
 */
export const KNOWN_FAILURES: ReadonlyMap<string, string> = new Map<string, string>([]);
