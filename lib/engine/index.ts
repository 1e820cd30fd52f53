/** The embedded ES|QL engine: lib/esql's parser and analyzer over lib/store, executed by DuckDB. */
import 'server-only';
import { analyze, parse } from '../esql';
import { openStore } from '../store';
import { createEngineWith } from './engine';
import type { EmbeddedEngine, EmbeddedEngineOptions } from './types';

export { compileQuery, type CompiledQuery, type CompileQueryOptions } from './compile/query';
export type { EmbeddedEngine, EmbeddedEngineOptions } from './types';

export function createEmbeddedEngine(options: EmbeddedEngineOptions): EmbeddedEngine {
  return createEngineWith(options, { parse, analyze, openStore });
}
