// @ts-check
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const frameworks = ['react', 'react-dom', 'react/*', 'dexie', 'zustand', 'zustand/*', 'electron', '@xyflow/*'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'assets/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The domain knows nothing of the frameworks, the DOM or Node (CONVENTIONS.md 1).
    // Tests beside the domain may read fixture files from disk.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['fs', 'path', 'child_process', 'os', 'crypto', 'http'].map((name) => ({
            name,
            message: 'shared/ is pure: inject Node APIs from electron/.',
          })),
          patterns: [
            { group: frameworks, message: 'shared/ must not import React, Dexie, zustand, Electron or React Flow.' },
            { group: ['node:*'], message: 'shared/ is pure: inject Node APIs from electron/.' },
            { group: ['**/renderer/**', '**/electron/**'], message: 'shared/ must not import the app layers.' },
            { group: ['**/generators/**'], message: 'shared/ is the domain: generators are tools and depend on it.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'process', 'Buffer'],
    },
  },
  {
    // Raw IPC only in the files that implement the typed contract (CONVENTIONS.md 2).
    files: ['electron/**/*.ts'],
    ignores: ['electron/ipc-main.ts', 'electron/preload.ts', 'electron/main.ts', 'electron/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='electron'] ImportSpecifier[imported.name=/^ipc(Main|Renderer)$/]",
          message: 'Use the typed IPC contract (shared/ipc/contract.ts) instead of raw ipcMain/ipcRenderer.',
        },
      ],
    },
  },
  {
    // Generators (generators/) are tools: the app does not run them; only the CLI's `sample` command does.
    files: ['electron/**/*.ts'],
    ignores: ['electron/cli/sample-command.ts', 'electron/sample/**', 'electron/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/generators/**'], message: 'Generators are tools, not part of the app.' }] },
      ],
    },
  },
  {
    // shared/ tests are exempt from the purity rules above, not from this one.
    files: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/generators/**'], message: 'shared/ must not depend on generators/.' }] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'node:*'], message: 'The renderer reaches main only through window.api.' },
            { group: ['**/electron/**'], message: 'The renderer must not import main-process code.' },
            { group: ['**/generators/**'], message: 'Generators are tools, not part of the app.' },
          ],
        },
      ],
    },
  },
);
