/** bench:ui's figures as bench/results/ui-latest.json and ui-latest.md (the README quotes the latter). */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface UsableFigures {
  coldUsableMs: number;
  coldQueryMs: number;
  warmVisibleMs: number;
  warmUsableMs: number;
  warmQueryMs: number;
  /** Warm time to a usable table over the query's own time. */
  ratio: number;
  /** Run or events API calls the page made itself (0: the server's answer came with the page). */
  apiCalls: number;
}

export interface StoreFigures {
  networkEvents: number;
  hunt: UsableFigures;
  drill: UsableFigures & { process: string; events: number; htmlBytes: number; eventsApiMs: number; resortMs: number; plainSortMs: number };
  /** A planted finding's drill-down: the few events an analyst usually opens. */
  finding: UsableFigures & { process: string; events: number };
  page: { query: string; pageMs: number; engineMs: number; ratio: number }[];
}

const ms = (n: number) => n.toFixed(0);

function usableRow(what: string, f: UsableFigures): string {
  return `| ${what} | ${ms(f.coldUsableMs)} | ${ms(f.coldQueryMs)} | ${ms(f.warmVisibleMs)} | ${ms(f.warmUsableMs)} | ${ms(f.warmQueryMs)} | ${f.ratio.toFixed(1)}× | ${f.apiCalls} |`;
}

function storeLines(s: StoreFigures): string[] {
  const d = s.drill;
  return [
    `## ${s.networkEvents} network events`,
    '',
    'Time to a usable table, Chromium: navigation start → the first result row painted and hydrated. Query alone: the same query in-process on the embedded engine, same run.',
    '',
    '| page | cold ms | query alone (cold) ms | warm: first row painted ms | warm: usable ms | query alone ms | usable / query | API calls by the page |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    usableRow('hunt page (All users)', s.hunt),
    usableRow(`drill-down into the finding \`${s.finding.process}\` (${s.finding.events} events)`, s.finding),
    usableRow(`drill-down into \`${d.process}\` (${d.events} events)`, d),
    '',
    `The drill-down's HTML with its ${d.events} events: ${(d.htmlBytes / 2 ** 20).toFixed(2)} MiB before compression; its events API call alone: ${ms(d.eventsApiMs)} ms.`,
    '',
    '| hunt page HTML (carries the run) | ms | engine alone ms | ratio |',
    '|---|---:|---:|---:|',
    ...s.page.map((p) => `| ${p.query} | ${p.pageMs.toFixed(1)} | ${p.engineMs.toFixed(1)} | ${p.ratio.toFixed(2)}× |`),
    '',
    '| measure | ms | baseline | baseline ms | ratio |',
    '|---|---:|---|---:|---:|',
    `| drill-down re-sort on header click (to repaint) | ${d.resortMs.toFixed(1)} | Array.sort of ${d.events} numbers in the page | ${d.plainSortMs.toFixed(1)} | ${(d.resortMs / d.plainSortMs).toFixed(1)}× |`,
    '',
  ];
}

export function writeUiResults(dir: string, runs: number, stores: StoreFigures[]): void {
  mkdirSync(dir, { recursive: true });
  const date = new Date().toISOString();
  const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  writeFileSync(path.join(dir, 'ui-latest.json'), JSON.stringify({ date, machine, runs, stores }, null, 2) + '\n');
  const lines = [`# UI benchmark ${date}`, '', `${machine}; warm figures are the median of ${runs} runs after one warm-up, in one tab going from page to page; cold is a fresh browser's first visit, each page in a new tab.`, '', ...stores.flatMap(storeLines)];
  writeFileSync(path.join(dir, 'ui-latest.md'), lines.join('\n'));
  console.log(lines.join('\n'));
}
