/**
 * Bundles the main-process entries with esbuild (run by `npm run build:main`):
 * electron/main.ts, preload.ts, start.ts and cli/main.ts → dist/electron/{main,preload,start,cli}.cjs,
 * CommonJS for Node 20 with `electron` left external. `import.meta.url` is mapped to the bundle's own file
 * URL so app-paths.ts finds the app root from dist/electron/ as it does from electron/.
 */
import { build, type BuildOptions } from 'esbuild';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { findAppRoot, moduleDir } from './app-paths.js';

const appRoot = findAppRoot(moduleDir(import.meta.url));
const outdir = join(appRoot, 'dist', 'electron');

/** Node entries (main process, launcher, CLI) → output name (without `.cjs`). */
const NODE_ENTRIES: Readonly<Record<string, string>> = {
  main: 'electron/main.ts',
  start: 'electron/start.ts',
  cli: 'electron/cli/main.ts',
};

const common: BuildOptions = {
  absWorkingDir: appRoot,
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Native or optional modules stay in node_modules: DuckDB's binding, pg's optional native client.
  external: ['electron', '@duckdb/node-api', '@duckdb/node-bindings', 'pg', 'pg-native'],
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
};

const nodeBuild: BuildOptions = {
  ...common,
  entryPoints: Object.entries(NODE_ENTRIES).map(([out, entry]) => ({ in: entry, out })),
  banner: { js: "const __bundleFileUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__bundleFileUrl' },
};

/** The sandboxed preload may require only `electron`: no banner, and nothing of Node bundled in. */
const preloadBuild: BuildOptions = {
  ...common,
  entryPoints: [{ in: 'electron/preload.ts', out: 'preload' }],
};

async function main(): Promise<void> {
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const started = Date.now();
  const [, preload] = await Promise.all([build(nodeBuild), build({ ...preloadBuild, metafile: true })]);
  const foreign = Object.values(preload.metafile?.inputs ?? {})
    .flatMap((input) => input.imports)
    .filter((i) => i.external && i.path !== 'electron');
  if (foreign.length)
    throw new Error(`The preload must require only electron, not ${foreign.map((i) => i.path).join(', ')}`);
  console.log(`Built main, preload, start and cli into ${outdir} in ${Date.now() - started} ms.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
