/**
 * Mappings of the demo indices: ECS field types (from @elastic/ecs, as the Elastic Defend
 * templates use them) plus the Endpoint additions hunts query, such as the `caseless`
 * lowercase-normalised keyword sub-fields.
 */
import 'server-only';
import { EcsFlat } from '@elastic/ecs';

/** ECS field sets that Elastic Defend's endpoint data streams map. */
const FIELD_SETS = ['agent', 'data_stream', 'destination', 'dns', 'ecs', 'event', 'file', 'group', 'host', 'network', 'process', 'related', 'source', 'user'];

const CASELESS = [
  'process.name',
  'process.executable',
  'process.command_line',
  'process.parent.name',
  'process.parent.executable',
  'process.parent.command_line',
  'file.path',
  'file.name',
];

const ENDPOINT_EXTRAS: Record<string, string> = {
  'process.Ext.ancestry': 'keyword',
  'user.Ext.real.id': 'keyword',
  'user.Ext.real.name': 'keyword',
  'group.Ext.real.id': 'keyword',
  'group.Ext.real.name': 'keyword',
  'host.os.Ext.variant': 'keyword',
  'process.args_count': 'long',
};

export const DEMO_INDICES = {
  network: 'logs-endpoint.events.network-default',
  process: 'logs-endpoint.events.process-default',
  file: 'logs-endpoint.events.file-default',
} as const;

interface LeafMapping {
  type: string;
  normalizer?: string;
  scaling_factor?: number;
  fields?: Record<string, LeafMapping>;
}

type Properties = Record<string, LeafMapping | { properties: Properties }>;

interface EcsField {
  type: string;
  scaling_factor?: number;
  multi_fields?: { name: string; type: string }[];
}

function setLeaf(root: Properties, path: string, leaf: LeafMapping): void {
  const parts = path.split('.');
  let node = root;
  for (const part of parts.slice(0, -1)) {
    const existing = node[part];
    if (!existing || !('properties' in existing)) node[part] = { properties: {} };
    node = (node[part] as { properties: Properties }).properties;
  }
  node[parts[parts.length - 1]] = leaf;
}

function buildMapping(): { dynamic: false; properties: Properties } {
  const properties: Properties = {};
  const ecs = EcsFlat as unknown as Record<string, EcsField>;
  for (const [name, field] of Object.entries(ecs)) {
    const set = name.split('.')[0];
    if (!(name === '@timestamp' || name === 'message' || FIELD_SETS.includes(set))) continue;
    if (field.type === 'object' || field.type === 'nested' || field.type === 'flattened') continue;
    // A scaled_float is refused without its factor, as Elasticsearch refuses it.
    const leaf: LeafMapping = { type: field.type, ...(field.scaling_factor !== undefined ? { scaling_factor: field.scaling_factor } : {}) };
    const subfields: Record<string, LeafMapping> = {};
    for (const multi of field.multi_fields ?? []) subfields[multi.name] = { type: multi.type };
    if (CASELESS.includes(name)) subfields.caseless = { type: 'keyword', normalizer: 'lowercase' };
    if (Object.keys(subfields).length > 0) leaf.fields = subfields;
    setLeaf(properties, name, leaf);
  }
  for (const [name, type] of Object.entries(ENDPOINT_EXTRAS)) setLeaf(properties, name, { type });
  return { dynamic: false, properties };
}

let cached: ReturnType<typeof buildMapping> | undefined;

/** The mapping of every demo index (they share the Endpoint field set). */
export function demoMapping(): ReturnType<typeof buildMapping> {
  cached ??= buildMapping();
  return cached;
}

export function demoMappings(): Record<string, ReturnType<typeof buildMapping>> {
  return Object.fromEntries(Object.values(DEMO_INDICES).map((index) => [index, demoMapping()]));
}
