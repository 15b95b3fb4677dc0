// mulberry32: a small, fast, seedable 32-bit PRNG returning floats in [0, 1). The one copy for
// everything that needs reproducible variation: scripts/make-samples.mjs (the committed sample
// workbooks depend on its exact sequence), the benchmarks' generators (bench/lib/synthetic.mjs) and
// the tests' random organizations (test/helpers/balance-orgs.ts). Types: prng.d.mts.
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
