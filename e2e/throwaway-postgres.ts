/**
 * A real PostgreSQL server for tests: a throwaway cluster in a temporary folder (initdb, pg_ctl from Debian's
 * `postgresql` package, /usr/lib/postgresql/N/bin), on a free loopback port, password authentication over TCP, run
 * as the `postgres` user when the tests run as root (CI). `.ci/run` installs the package; locally, without it, the
 * tests that need it are skipped with `POSTGRES_MISSING` as the reason — on CI they fail instead.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = '/usr/lib/postgresql';

/** The newest installed server's bin folder, if any. */
export function postgresBin(): string | undefined {
  if (!existsSync(ROOT)) return undefined;
  const versions = readdirSync(ROOT)
    .filter((v) => existsSync(join(ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(ROOT, versions[0], 'bin');
}

export const POSTGRES_MISSING =
  'PostgreSQL server binaries are not installed (apt-get install -y postgresql): skipped here; CI installs and runs them';

/** True when the tests must skip: no binaries, and not on CI (where missing binaries fail the tests). */
export const skipPostgres = (): boolean => postgresBin() === undefined && !process.env.CI;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface ThrowawayPostgres {
  /** postgresql://admin:…@127.0.0.1:PORT/postgres: the superuser, to set the test data up. */
  readonly adminUrl: string;
  readonly port: number;
  stop(): void;
}

/** Starts a cluster; `stop()` stops it and removes its folder. */
export async function startPostgres(): Promise<ThrowawayPostgres> {
  const bin = postgresBin();
  if (!bin) throw new Error(POSTGRES_MISSING);
  const dir = mkdtempSync(join(tmpdir(), 'li-postgres-'));
  const data = join(dir, 'data');
  const password = randomBytes(12).toString('hex');
  writeFileSync(join(dir, 'pw'), password);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
    chownSync(join(dir, 'pw'), uid, gid);
  }
  const run = (tool: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], { stdio: 'pipe', cwd: dir })
      : execFileSync(join(bin, tool), args, { stdio: 'pipe', cwd: dir });
  const port = await freePort();
  run('initdb', [
    '-D',
    data,
    '-U',
    'admin',
    '--pwfile',
    join(dir, 'pw'),
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    '-E',
    'UTF8',
    '--no-locale',
  ]);
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    'start',
  ]);
  return {
    adminUrl: `postgresql://admin:${password}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
