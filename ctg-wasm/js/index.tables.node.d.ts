import type { Tables } from "./tables-types.js";

export type * from "./types.js";

/** CSV, `.xlsx` and SCDL out of conventions, tables into documents (ctg-tables, loaded on import). */
export declare function tables(): Tables;

/** Nothing to do in Node (the module is ready on import); kept so code can be shared with the web build. */
export default function init(): Promise<void>;
export declare function initSync(): void;
