/**
 * DuckDB's messages name the files it read. A server path is no business of the browser's (and a
 * map for an attacker): the data folder becomes `<data dir>`, any other absolute path its file name.
 */
import 'server-only';

export function redactPaths(message: string, dataDir: string): string {
  const withoutDataDir = dataDir ? message.split(dataDir).join('<data dir>') : message;
  return withoutDataDir.replace(/(?<![\w<>])\/(?:[^\s'"`/<>]+\/)+([^\s'"`/<>]+)/g, '$1');
}
