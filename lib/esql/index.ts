/**
 * The public API of the ES|QL front end (pure: no I/O). Code outside lib/esql imports the
 * language from here only (eslint.config.mjs enforces it), so the folders below may be
 * reorganised without touching a consumer. Test fixtures for other layers' tests are in ./testing.
 */
export type * from './ast';
export * from './errors';
export * from './types';
export type * from './analysis/analyzed';
export { parse, parseExpression, type ParseResult, type ParseExpressionResult } from './parser/parse';
export { print, printMultiline, columnName, quoteString } from './syntax/printer';
export { walk, collect, children, transformExpression, transformExpressions, withoutSpans } from './syntax/walker';
export { leftSpine, operatorSpine } from './syntax/spine';
export { countExpressions, firstTooDeep } from './syntax/depth';
export { tokenize } from './syntax/lexer';
export { KEYWORDS_TO_QUOTE, TIME_UNITS, type Token, type TokenType } from './syntax/tokens';
export * from './analysis/analyze';
export * from './functions/catalogue';
export { lintQuery, resultFindings, type LintCode, type LintFinding } from './lint/findings';
export { conjuncts, isWindowStart, timestampComparison, type TimestampComparison } from './lint/time-window';
export { NO_SPAN, param, column, and, equals, isNull, freshParamNames } from './syntax/build';
export { pinNowInText, pinNowInQuery, pinnedNow, hasNowCall, nowParamName, type PinnedText } from './syntax/pin-now';
export { splitAtLastStats, usesUnnamedParams, findingKeyNames, findingKeyColumns, type StatsKey, type StatsSplit } from './analysis/last-stats';
