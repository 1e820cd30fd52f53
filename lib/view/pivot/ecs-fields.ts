/**
 * Which ECS fields an analyst pivots on, and what each pivot asks. A hunt's context columns are
 * aggregates of ECS fields (`host_names` = VALUES(host.name)): their values pivot like the field's.
 * Counts (`destinations` = COUNT_DISTINCT(destination.ip)) are not values of the field and do not.
 */

export type PivotKind = 'host' | 'destination' | 'process' | 'process-tree' | 'user';

export interface PivotSpec {
  kind: PivotKind;
  /** The ECS field the WHERE compares. */
  field: string;
  /** What the pivot shows, for its menu item: `Host’s other activity`. */
  label: string;
  /** The base of its param name (`?host1`). */
  param: string;
}

const SPECS: Record<string, PivotSpec> = {
  'host.name': { kind: 'host', field: 'host.name', label: 'Host’s other activity', param: 'host' },
  'agent.id': { kind: 'host', field: 'agent.id', label: 'Agent’s other activity', param: 'agent' },
  'destination.ip': { kind: 'destination', field: 'destination.ip', label: 'This destination across the fleet', param: 'dst' },
  'process.executable': { kind: 'process', field: 'process.executable', label: 'Other runs of this executable', param: 'exe' },
  'process.name': { kind: 'process', field: 'process.name', label: 'Other runs of this process name', param: 'proc' },
  'process.entity_id': { kind: 'process-tree', field: 'process.entity_id', label: 'This process and its children', param: 'p' },
  'user.name': { kind: 'user', field: 'user.name', label: 'This user’s activity', param: 'user' },
};

/** The hunt's context columns that hold values of an ECS field (lib/hunts/context.ts names them). */
const CONTEXT_FIELDS: Record<string, string> = {
  host_names: 'host.name',
  agent_ids: 'agent.id',
  users: 'user.name',
};

/** ECS fields mapped as `ip`: a value compares through TO_IP, whatever type the cell had. */
const IP_FIELDS = new Set(['destination.ip', 'source.ip', 'host.ip', 'client.ip', 'server.ip']);

/** The ECS field a column's values belong to: itself, or the field a context column aggregates. */
export function ecsFieldOf(column: string): string {
  return CONTEXT_FIELDS[column] ?? column;
}

export function pivotSpecFor(column: string): PivotSpec | undefined {
  return SPECS[ecsFieldOf(column)];
}

export function isIpField(field: string, type: string): boolean {
  return type === 'ip' || IP_FIELDS.has(field);
}
