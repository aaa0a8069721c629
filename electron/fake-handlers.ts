/**
 * For tests: a handler for every IPC channel, answering an empty but well-typed response, with the handlers a test
 * cares about overridden. One list, so that a new channel is added here once rather than in every test's fake.
 */
import type { IpcHandlers } from '../shared/ipc/contract.js';

export function fakeHandlers(overrides: Partial<IpcHandlers> = {}): IpcHandlers {
  return {
    'app:info': async () => ({ name: 'n', version: '1', mode: 'web', platform: 'linux', git: { available: true } }),
    'sample:load': async () => ({ title: 't', description: '', decisionId: 'd', featureName: 'f', files: [] }),
    'git:show': async () => ({ text: null }),
    'git:readRepository': async () => ({ file: { name: 'r', sha256: 'a', size: 0, text: '' }, warnings: [] }),
    'dialog:openRepository': async () => ({ path: null }),
    'report:pdf': async () => ({ pdfBase64: '', bytes: 0, printer: 'none' }),
    'report:preparePdf': async () => ({ printer: 'none' }),
    'bundle:export': async () => ({ path: '', files: 0, bytes: 0, payloadOxum: '0.0', verifyCommand: '' }),
    'signing:publicKey': async () => ({ fingerprint: `sha256:${'0'.repeat(64)}`, publicKeyPem: '', keptBy: 'none' }),
    'origin:sha256': async () => ({ sha256: null }),
    'origin:commits': async () => ({ missing: [] }),
    'origin:register': async () => ({ registered: false }),
    'caseFile:export': async () => ({ text: '{}', fingerprint: '', entries: 0, records: 0 }),
    'caseFile:open': async () => {
      throw new Error('no case files in this fake');
    },
    'caseFile:review': async () => ({ text: '{}', fingerprint: '' }),
    'caseFile:merge': async () => {
      throw new Error('no case files in this fake');
    },
    'caseFile:save': async () => ({ path: null }),
    'caseFile:choose': async () => ({ file: null }),
    'connections:list': async () => ({ connections: [], secrets: 'memory' }),
    'connections:save': async (r) => ({ id: 'c', name: r.name, location: r.location, hasSecret: false }),
    'connections:remove': async () => ({ removed: false }),
    'connections:test': async () => ({ ok: false, reason: 'no connections in this fake' }),
    'connections:affected': async () => ({ decisions: [], pageSize: 50 }),
    'connections:affectedCsv': async () => ({ csv: '', rows: 0, done: true }),
    'connections:affectedSubjectsCsv': async () => ({ csv: '', rows: 0, done: true }),
    'marquez:pull': async () => {
      throw new Error('no Marquez server in this fake');
    },
    'marquez:pullNext': async () => {
      throw new Error('no Marquez server in this fake');
    },
    'marquez:pullCancel': async () => ({ cancelled: false }),
    'marquez:jobs': async () => ({ namespaces: [], keyKept: false }),
    'monitor:connection': async () => {
      throw new Error('no connections in this fake');
    },
    ...overrides,
  } as IpcHandlers;
}
