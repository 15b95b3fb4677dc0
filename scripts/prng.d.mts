// Types for scripts/prng.mjs (imported by scripts, benchmarks and test helpers).
/** A seeded PRNG: the same seed always gives the same sequence of floats in [0, 1). */
export function mulberry32(seed: number): () => number;
