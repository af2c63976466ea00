import type { Geography } from "./geo-types.js";

export type * from "./types.js";

/** The official geography (the COG 2026 embedded in this module, loaded on import). */
export declare function geography(): Geography;

/** Nothing to do in Node (the module is ready on import); kept so code can be shared with the web build. */
export default function init(): Promise<void>;
export declare function initSync(): void;
