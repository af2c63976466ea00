import type { Portfolios } from "./portfolio-types.js";

export type * from "./types.js";

/** Portfolios without the geography (loaded on import). */
export declare function portfolios(): Portfolios;

/** Nothing to do in Node (the module is ready on import); kept so code can be shared with the web build. */
export default function init(): Promise<void>;
export declare function initSync(): void;
