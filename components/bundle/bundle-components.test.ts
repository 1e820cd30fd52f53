import { createElement, type ReactElement } from 'react';
import { AppRouterContext, type AppRouterInstance } from 'next/dist/shared/lib/app-router-context.shared-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ImportBundle } from './ImportBundle';

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
