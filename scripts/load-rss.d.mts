// Types for scripts/load-rss.mjs (plain JS so `node` runs it with no build), for its tests.
export declare function treeOf(root: number, parentOf?: Map<number, number>): number[];
export declare function vmRssBytes(status: string): number;
export declare function treeRss(root: number): number;
export declare function startRssSampler(root: number, everyMs: number): { current(): number; stop(): number[] };
