/** The public API of the ES|QL front end (pure: no I/O). */
export type * from './ast';
export * from './errors';
export * from './types';
export type * from './analyzed';
export { parse, parseExpression, type ParseResult, type ParseExpressionResult } from './parser';
export { print, columnName, quoteString } from './printer';
export { walk, collect, children, transformExpression, transformExpressions, withoutSpans } from './walker';
export { tokenize } from './lexer';
export type { Token, TokenType } from './tokens';
export * from './analyzer';
export * from './functions';
