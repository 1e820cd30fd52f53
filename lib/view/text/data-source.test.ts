import { describe, expect, it } from 'vitest';
import { embeddedStoreLabel } from './data-source';

const demo = { indices: [{ index: 'logs-endpoint.events.network-default', stored: 1000 }, { index: 'logs-endpoint.events.process-default', stored: 150 }] };

describe('embeddedStoreLabel', () => {
  it('calls the store demo data only when huntboard demo wrote every index as it stands', () => {
    const indices = [
      { name: 'logs-endpoint.events.network-default', docCount: 1000 },
      { name: 'logs-endpoint.events.process-default', docCount: 150 },
    ];
    expect(embeddedStoreLabel(indices, demo)).toBe('Embedded demo data (written by huntboard demo): 1,150 events in 2 indices');
  });

  it('does not call ingested data demo data, even under the demo’s index names', () => {
    const indices = [{ name: 'logs-endpoint.events.network-default', docCount: 1 }];
    expect(embeddedStoreLabel(indices, undefined)).toBe('Embedded store: 1 event in 1 index');
    // Ingested into a demo index after the demo: its count no longer matches.
    expect(embeddedStoreLabel([{ name: 'logs-endpoint.events.network-default', docCount: 1001 }], demo)).toBe('Embedded store: 1,001 events in 1 index');
  });

  it('says how much of a mixed store is the demo’s', () => {
    const indices = [
      { name: 'logs-endpoint.events.network-default', docCount: 1000 },
      { name: 'logs-clockskew-default', docCount: 1 },
    ];
    expect(embeddedStoreLabel(indices, demo)).toBe('Embedded store: 1,001 events in 2 indices, 1 of them demo data');
  });

  it('names an empty store', () => {
    expect(embeddedStoreLabel([], demo)).toBe('Embedded store: empty (no indices yet)');
  });
});
