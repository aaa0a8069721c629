import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The line `npm start` prints in web mode: `Lineage Investigator (web mode): http://127.0.0.1:PORT/?token=…`. */
const URL_LINE = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/;

export interface WebApp {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly dataDir: string;
  stop(): Promise<void>;
}

export interface WebAppOptions {
  /** Another sample folder (LINEAGE_INVESTIGATOR_SAMPLE_DIR), e.g. a temporary copy a test edits. */
  readonly sampleDir?: string;
}

/** Starts the built app in web mode (no browser opened) with a fresh data dir, and waits for its URL. */
export async function startWebApp(options: WebAppOptions = {}): Promise<WebApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'li-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    ['dist/electron/start.cjs', '--web', '--no-open', '--port', '0'],
    {
      env: {
        ...process.env,
        LINEAGE_INVESTIGATOR_DATA_DIR: dataDir,
        ...(options.sampleDir ? { LINEAGE_INVESTIGATOR_SAMPLE_DIR: options.sampleDir } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web mode did not print its URL in 20 s:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = URL_LINE.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => reject(new Error(`web mode exited with ${code}:\n${output}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    dataDir,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
