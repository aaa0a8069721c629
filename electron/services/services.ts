/**
 * The main-process implementation of the IPC contract, built from injected dependencies so the same
 * services run in Electron (ipc-main.ts), behind the web-mode bridge (bridge/server.ts) and in tests.
 */
import { join } from 'node:path';
import type { AppInfo, InputFile, IpcHandlers, SampleCase } from '../../shared/ipc/contract.js';
import type { GitRunner } from './git-runner.js';
import { createRepositoryCache } from './repository-cache.js';
import { createRepositories, type Repositories } from './repositories.js';
import { readSampleBundles, readSampleFolder, sampleDirFrom, type SampleBundle } from './sample-folder.js';
import { checkRepositoryPath, LOCAL_HANDLE_PREFIX, readRepository } from './read-repository.js';
import { createCaseFileHandlers } from './case-file-services.js';
import { createConnectionHandlers } from './connection-services.js';
import { createMarquezHandlers } from './marquez-services.js';
import { createMonitorHandlers } from './monitor-services.js';
import { connectionStore } from '../warehouse/connection-store.js';
import { citedDecisions, createConnectionInvestigationHandlers } from './connection-investigation-services.js';
import { openConnections } from '../warehouse/open-connections.js';
import { createConnectionAffectedHandlers } from './connection-affected-services.js';
import type { ChooseFile } from './file-chooser.js';
import type { SaveFile } from './file-saver.js';
import { createReportHandlers } from './report-services.js';
import { createOriginHandlers } from './origin-check.js';
import { createUserFileList } from './origin-check-files.js';
import { investigatorKeyStore, lazySigner, type SafeStorageLike } from './signing-key.js';

export interface ServiceDependencies {
  readonly appName: string;
  readonly appVersion: string;
  readonly mode: AppInfo['mode'];
  readonly platform: string;
  /** The built-in sample's folder (see app-paths.ts `resolveSampleDir`). */
  readonly sampleDir: string;
  /** The per-user data folder; bundle clones go under `<dataDir>/repositories/<bundle sha256>`. */
  readonly dataDir: string;
  readonly git: GitRunner;
  /** Electron's folder picker for `dialog:openRepository` (absent in web mode, where the path is typed). */
  readonly chooseDirectory?: () => Promise<string | null>;
  /** Electron's save dialog for `caseFile:save` (absent in web mode, where the browser downloads). */
  readonly saveFile?: SaveFile;
  /** Electron's open dialog for `caseFile:choose` (absent in web mode, where the page's file chooser is used). */
  readonly chooseFile?: ChooseFile;
  /** Electron's PDF printer for `report:pdf` (electron-pdf.ts); absent in web mode, where Chromium prints. */
  readonly printPdf?: (html: string) => Promise<Uint8Array>;
  /** Electron's safeStorage, which encrypts the investigator's signing key where the OS offers it. */
  readonly safeStorage?: SafeStorageLike;
}

export interface Services {
  readonly handlers: IpcHandlers;
  readonly repositories: Repositories;
  /** Closes what the services hold open: each connection's engine (DuckDB instances, PostgreSQL pools). */
  close(): Promise<void>;
}

/** The repository handle of a sample bundle: `sample:` and the bundle’s path in the sample folder without `.bundle`. */
export function sampleRepositoryHandle(bundleName: string): string {
  return `sample:${bundleName.replace(/\.bundle$/, '')}`;
}

/** Creates the services behind every channel of the IPC contract. */
export function createServices(given: ServiceDependencies): Services {
  const deps = { ...given, sampleDir: sampleDirFrom(given.sampleDir) };
  const repositories = createRepositories(deps.git);
  const cache = createRepositoryCache(deps.git, join(deps.dataDir, 'repositories'));
  let gitVersion: Promise<AppInfo['git']> | undefined;
  const keyStore = investigatorKeyStore(deps.dataDir, deps.safeStorage);
  // Connection passwords: safeStorage in the desktop app; in web mode in memory for the run only.
  const connections = connectionStore(deps.dataDir, deps.mode === 'electron' ? deps.safeStorage : undefined);
  const connectionHandlers = createConnectionHandlers(connections);
  // Each connection's decision log stays open while it is investigated; removing the connection closes it.
  const inPlace = openConnections(connections);

  const cloneOf = (bundle: SampleBundle) => () => cache.ensureClone(bundle.path, bundle.sha256);

  // A sample handle used before the sample is loaded in this run (e.g. after a restart) reads the folder again.
  repositories.setFallback((handle) => {
    // A local repository read by path in an earlier run: the handle names its folder.
    if (handle.startsWith(LOCAL_HANDLE_PREFIX))
      return () => checkRepositoryPath(handle.slice(LOCAL_HANDLE_PREFIX.length));
    if (!handle.startsWith('sample:')) return undefined;
    return async () => {
      const bundles = await readSampleBundles(deps.sampleDir).catch(() => []);
      const bundle = bundles.find((b) => sampleRepositoryHandle(b.name) === handle);
      if (!bundle) throw new Error(`Unknown repository "${handle}": the sample has no such bundle.`);
      repositories.register(handle, cloneOf(bundle));
      return cloneOf(bundle)();
    };
  });

  async function detectGit(): Promise<AppInfo['git']> {
    try {
      const { stdout } = await deps.git(['--version']);
      const version = /git version (\S+)/.exec(stdout)?.[1];
      return version ? { available: true, version } : { available: true };
    } catch {
      return { available: false };
    }
  }

  async function gitLogFile(bundle: SampleBundle): Promise<InputFile> {
    const handle = sampleRepositoryHandle(bundle.name);
    const resolve = cloneOf(bundle);
    repositories.register(handle, resolve);
    let text: string;
    try {
      text = await repositories.log(await resolve());
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Could not read the sample's Git history from ${bundle.name}: ${reason}`);
    }
    return {
      name: bundle.name,
      sha256: bundle.sha256,
      size: bundle.size,
      text,
      derivedAs: 'git-log',
      repository: handle,
    };
  }

  const handlers: IpcHandlers = {
    async 'app:info'() {
      gitVersion ??= detectGit();
      return {
        name: deps.appName,
        version: deps.appVersion,
        mode: deps.mode,
        platform: deps.platform,
        git: await gitVersion,
      };
    },
    async 'sample:load'(): Promise<SampleCase> {
      const folder = await readSampleFolder(deps.sampleDir);
      const logs: InputFile[] = [];
      for (const bundle of folder.bundles) logs.push(await gitLogFile(bundle));
      return { ...folder.description, files: [...folder.files, ...logs] };
    },
    async 'git:show'(request) {
      return repositories.show(request);
    },
    async 'git:readRepository'({ path }) {
      return readRepository(deps.git, repositories, path);
    },
    async 'dialog:openRepository'() {
      if (!deps.chooseDirectory) {
        throw new Error('No folder picker in web mode: type or paste the repository folder’s absolute path.');
      }
      return { path: await deps.chooseDirectory() };
    },
    ...createReportHandlers({
      ...deps,
      signer: lazySigner(keyStore),
      signerKeptBy: keyStore.where,
      citeDecisions: (id, decisions) => citedDecisions(inPlace, id, decisions),
    }),
    ...createCaseFileHandlers({ ...deps, signer: lazySigner(keyStore) }),
    ...connectionHandlers,
    async 'connections:remove'(request) {
      await inPlace.close(request.id);
      return connectionHandlers['connections:remove'](request);
    },
    ...createConnectionInvestigationHandlers(inPlace),
    ...createConnectionAffectedHandlers(inPlace),
    ...createMonitorHandlers(connections),
    ...createMarquezHandlers(),
    ...createOriginHandlers({
      roots: [deps.sampleDir],
      repositories,
      git: deps.git,
      // Files the user dropped or picked, by path: the desktop app only (a browser gives no paths).
      ...(deps.mode === 'electron' ? { userFiles: createUserFileList(join(deps.dataDir, 'origin-files.json')) } : {}),
    }),
  };
  return { handlers, repositories, close: () => inPlace.closeAll() };
}
