/** The drill-down's default columns and row cap; a module of its own so browser code can import them without the parser. */
export const DRILLDOWN_COLUMNS = [
  '@timestamp',
  'host.name',
  'agent.id',
  'user.name',
  'user.id',
  'process.pid',
  'process.executable',
  'process.entity_id',
  'source.ip',
  'source.port',
  'destination.ip',
  'destination.port',
  'network.transport',
  'event.action',
] as const;

export const DRILLDOWN_LIMIT = 10000;
