import { createElement, type ReactElement } from 'react';
import { AppRouterContext, type AppRouterInstance } from 'next/dist/shared/lib/app-router-context.shared-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ImportBundle } from './ImportBundle';
import { SavedEventsTable } from './SavedEventsTable';

describe('SavedEventsTable', () => {
  it('names the table after the finding and renders hostile values inert', () => {
    const html = renderToStaticMarkup(
      createElement(SavedEventsTable, {
        findingKey: '["<b>x</b>"]',
        columns: [
          { name: 'process.name', type: 'keyword' },
          { name: 'destination.port', type: 'long' },
        ],
        values: [
          ['<img src=x onerror=alert(1)>', 443],
          ['\u202Egnp.sh', null],
        ],
      }),
    );
    expect(html).toContain('aria-label="Events from the bundle, [&quot;&lt;b&gt;x&lt;/b&gt;&quot;]"');
    expect(html).toContain('<th scope="col">process.name</th>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('\u202E');
    expect(html).toContain('443');
    expect(html.match(/<tr>/g)).toHaveLength(3);
  });
});

const router = { refresh() {}, push() {}, replace() {}, back() {}, forward() {}, prefetch() {} } as unknown as AppRouterInstance;
const inApp = (element: ReactElement) => renderToStaticMarkup(createElement(AppRouterContext.Provider, { value: router }, element));

describe('ImportBundle', () => {
  it('offers a file input and an "Import bundle" button, disabled with the reason for a role that may not import', () => {
    const open = inApp(createElement(ImportBundle, {}));
    expect(open).toMatch(/<input type="file"[^>]*accept=".gz,application\/gzip"/);
    expect(open).toMatch(/<button type="submit" disabled="">Import bundle<\/button>/);
    const denied = inApp(createElement(ImportBundle, { disabledReason: 'Viewers cannot import.' }));
    expect(denied).toContain('Viewers cannot import.');
    expect(denied).toMatch(/<input type="file"[^>]*disabled=""/);
  });
});
