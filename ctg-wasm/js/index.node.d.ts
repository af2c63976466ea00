import type { Geography } from "./geo-types.js";

export * from "./index.js";

/** Nothing to do in Node (the module is ready on import); kept so code can be shared with the web build. */
export default function init(): Promise<void>;
export declare function initSync(): void;

/**
 * The official geography (the COG 2026), in its own module (`@ctg/wasm/geo`, loaded on this
 * first call): lookups, names as people write them, validation with the `geo.*` rules, coverage.
 */
export declare function loadGeography(): Promise<Geography>;
