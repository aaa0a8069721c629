/** `npm run bench`: prints every benchmark's median and range against its target. */
import { benchAccuracy } from './accuracy';
import { benchGraphView } from './graph-view';
import { benchImportBrowser } from './import-browser';
import { benchImportNode } from './import-node';
import { benchInvestigate } from './investigate';
import { benchLineageModel } from './lineage-model';
import { benchMetricsView } from './metrics-view';
import { benchReport } from './report';
import { benchStartup } from './startup';
import { benchTrace } from './trace';
import { benchWarehouse } from './warehouse';
import { benchWorldAccuracy } from './world-accuracy';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const ok = await benchStartup(runs);
const importOk = await benchImportBrowser(Number(process.env.BENCH_IMPORT_RUNS ?? 3));
process.exitCode = ok && importOk ? 0 : 1;
if (!benchTrace()) process.exitCode = 1;
await benchLineageModel(3);
if (!(await benchGraphView(runs))) process.exitCode = 1;
if (!(await benchImportNode(3))) process.exitCode = 1;
if (!(await benchAccuracy())) process.exitCode = 1;
if (!(await benchWorldAccuracy(1, Number(process.env.BENCH_WORLDS ?? 200)))) process.exitCode = 1;
if (!(await benchReport(runs, Number(process.env.BENCH_BUNDLE_RUNS ?? 3)))) process.exitCode = 1;
if (!(await benchInvestigate(3))) process.exitCode = 1;
if (!(await benchMetricsView(3))) process.exitCode = 1;
if (!(await benchWarehouse(3))) process.exitCode = 1;
