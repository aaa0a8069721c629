/**
 * Web mode: the services behind the loopback bridge, the URL printed, and the system Chromium opened
 * on it as an app window when one is installed and a display is available — through a launch page only this user
 * can read, so the token is never on Chromium's command line.
 */
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { IpcHandlers } from '../../shared/ipc/contract.js';
import { rendererDir, rendererIndex } from '../app-paths.js';
import { startBridge, type Bridge } from '../bridge/server.js';
import { chromiumArgs, findChromium, hasDisplay } from './chromium.js';
import { type LaunchPage, writeLaunchPage } from './launch-page.js';
import { DEFAULT_WEB_PORT } from './start-args.js';

/**
 * The line announcing web mode. Its format is stable — the e2e tests and scripts read it from stdout:
 *   `Lineage Investigator (web mode): http://127.0.0.1:<port>/?token=<64 hex digits>`
 */
export const WEB_MODE_LINE_PREFIX = 'Lineage Investigator (web mode): ';

/** Matches the web-mode line and captures the URL. */
export const WEB_MODE_LINE = /^Lineage Investigator \(web mode\): (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64})$/m;

export type Spawn = (command: string, args: ReadonlyArray<string>, options: SpawnOptions) => ChildProcess;

export interface WebModeOptions {
  readonly appRoot: string;
  readonly dataDir: string;
  readonly handlers: IpcHandlers;
  readonly port: number;
  readonly open: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly spawn: Spawn;
  readonly print: (line: string) => void;
  readonly warn: (line: string) => void;
  readonly exists?: (path: string) => boolean;
}

export interface WebMode {
  readonly bridge: Bridge;
  readonly browser: ChildProcess | null;
  /** Stops the browser it opened and the server (the browser's profile stays, with the app's data). */
  stop(): Promise<void>;
}

/** Serves web mode and, unless told not to, opens it in Chromium. */
export async function runWebMode(options: WebModeOptions): Promise<WebMode> {
  const exists = options.exists ?? existsSync;
  if (!exists(rendererIndex(options.appRoot))) {
    options.warn(`The renderer is not built (${rendererIndex(options.appRoot)} is missing): run npm run build.`);
  }
  let launchPage: LaunchPage | null = null;
  const bridge = await startBridgeOnPort(options, () => launchPage?.remove());
  options.print(`${WEB_MODE_LINE_PREFIX}${bridge.url}`);

  let browser: ChildProcess | null = null;
  let profileDir: string | null = null;
  const chromium = options.open ? findChromium(options.env, exists) : null;
  if (chromium && hasDisplay(options.env)) {
    // One lasting profile: with the stable default port, the app's IndexedDB (its cases) survives restarts.
    profileDir = join(options.dataDir, 'web-profile');
    mkdirSync(profileDir, { recursive: true });
    // Not the token on the command line (every user's `ps` shows it): a page only this user can read, sending on.
    launchPage = writeLaunchPage(join(options.dataDir, 'web-launch'), bridge.url);
    browser = options.spawn(chromium, chromiumArgs(launchPage.url, profileDir), { stdio: 'ignore' });
    browser.on('error', (error) => options.warn(`Could not open ${chromium}: ${error.message}`));
    options.print(`Opened in ${chromium}. Press Ctrl-C to stop.`);
  } else {
    options.print('Open the URL in a browser. Press Ctrl-C to stop.');
  }

  return {
    bridge,
    browser,
    async stop() {
      if (browser && browser.exitCode === null && browser.signalCode === null) browser.kill();
      launchPage?.remove();
      await bridge.close();
    },
  };
}

/** Starts the bridge on the requested port; where the default port is taken, on a free one instead. */
async function startBridgeOnPort(options: WebModeOptions, onTokenExchanged: () => void): Promise<Bridge> {
  const start = (port: number) =>
    startBridge({ handlers: options.handlers, rendererDir: rendererDir(options.appRoot), port, onTokenExchanged });
  try {
    return await start(options.port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || options.port !== DEFAULT_WEB_PORT) throw error;
    options.warn(
      `Port ${DEFAULT_WEB_PORT} is in use; serving on a free port (cases saved under the usual port are not visible there).`,
    );
    return start(0);
  }
}
