// Preloaded into every benchmarked Node process (via NODE_OPTIONS=--require) by bench/lib/measure.mjs.
// At exit it appends the process's own getrusage(RUSAGE_SELF) figures — peak resident set size
// (ru_maxrss, the kernel's high-water mark, i.e. VmHWM) and CPU time — as one JSON line to the
// file named by FAIRSHARE_BENCH_RUSAGE_FILE. 'exit' also fires on process.exit() and on an uncaught
// exception; only a kill by signal (or a native abort) skips it, and the harness then falls back to
// polling /proc. It loads nothing but node:fs, so it adds no measurable time or memory.
'use strict';
const out = process.env.FAIRSHARE_BENCH_RUSAGE_FILE;
if (out) {
  process.on('exit', (code) => {
    try {
      const u = process.resourceUsage(); // maxRSS in KiB, CPU times in µs
      require('node:fs').appendFileSync(
        out,
        JSON.stringify({
          pid: process.pid,
          ppid: process.ppid,
          code,
          maxRssKiB: u.maxRSS,
          userMs: u.userCPUTime / 1000,
          systemMs: u.systemCPUTime / 1000,
        }) + '\n',
      );
    } catch {
      // never change the measured process's behaviour
    }
  });
}
