/** `npm run bench`: prints every benchmark's median and range against its target. */
import { benchStartup } from './startup';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const ok = await benchStartup(runs);
process.exitCode = ok ? 0 : 1;
