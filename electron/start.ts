/**
 * What `npm start` runs after the build (bundled to dist/electron/start.cjs).
 * Where an Electron binary is installed, it runs the Electron app on dist/electron/main.cjs. Otherwise it
 * says so in one line and serves web mode on 127.0.0.1, printing (format fixed, see launcher/web-mode.ts)
 *   Lineage Investigator (web mode): http://127.0.0.1:<port>/?token=<token>
 * and opening it in the system Chromium unless `--no-open`. Flags: --web, --no-open, --port N.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import pkg from '../package.json';
import { defaultDataDir, findAppRoot, moduleDir, resolveSampleDir } from './app-paths.js';
import { findElectronBinary } from './launcher/electron-binary.js';
import { parseStartArgs, START_USAGE } from './launcher/start-args.js';
import { runWebMode } from './launcher/web-mode.js';
import { createGitRunner } from './services/git-runner.js';
import { createServices } from './services/services.js';

function runElectron(binary: string, mainPath: string): void {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [mainPath], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function main(): Promise<void> {
  const options = parseStartArgs(process.argv.slice(2));
  if (options.help) {
    console.log(START_USAGE);
    return;
  }
  const here = moduleDir(import.meta.url);
  const appRoot = findAppRoot(here);
  const binary = options.forceWeb ? null : findElectronBinary(appRoot);
  if (binary) {
    runElectron(binary, join(here, 'main.cjs'));
    return;
  }
  if (!options.forceWeb) {
    console.log('No Electron binary is available (it cannot be downloaded here), so the app is served in web mode.');
  }
  const dataDir = defaultDataDir();
  const services = createServices({
    appName: pkg.name,
    appVersion: pkg.version,
    mode: 'web',
    platform: process.platform,
    sampleDir: resolveSampleDir(appRoot),
    dataDir,
    git: createGitRunner(),
  });
  const web = await runWebMode({
    appRoot,
    dataDir,
    handlers: services.handlers,
    port: options.port,
    open: options.open,
    env: process.env,
    spawn,
    print: (line) => console.log(line),
    warn: (line) => console.error(line),
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // The server stops taking requests, then the connections' engines (DuckDB, PostgreSQL pools) are closed.
    web
      .stop()
      .then(() => services.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
