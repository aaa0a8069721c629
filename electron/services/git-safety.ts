/**
 * Git runs on repositories that are evidence, not trusted code: a repository's `.git/config` (or `.gitattributes`)
 * can name programs git would run — a textconv or external diff driver, an fsmonitor hook, hooks, a pager. Every
 * git the app starts overrides them on its command line (which wins over every configuration file), skips the
 * system configuration, runs in a clean environment (no inherited GIT_* variable such as GIT_EXTERNAL_DIFF or
 * GIT_CONFIG_PARAMETERS), never prompts and never pages; commands that can print a diff get --no-ext-diff and
 * --no-textconv.
 */

/** Options before the command: no pager, and no repository-configured program. */
export const GIT_SAFETY_OPTIONS: ReadonlyArray<string> = [
  '--no-pager',
  '-c',
  'core.fsmonitor=false',
  '-c',
  'core.hooksPath=/dev/null',
  '-c',
  'core.pager=cat',
  '-c',
  'diff.external=',
  '-c',
  'core.sshCommand=ssh',
  '-c',
  'credential.helper=',
  '-c',
  'protocol.ext.allow=never',
];

/** Commands that can print a diff, and so run a diff driver. */
const DIFFING = new Set(['show', 'log', 'diff', 'whatchanged']);

/** The arguments with --no-ext-diff and --no-textconv after a command that can print a diff. */
export function withoutDiffPrograms(args: ReadonlyArray<string>): ReadonlyArray<string> {
  const [command, ...rest] = args;
  if (command === undefined || !DIFFING.has(command)) return args;
  const extra = ['--no-ext-diff', '--no-textconv'].filter((flag) => !rest.includes(flag));
  return [command, ...extra, ...rest];
}

/** What of the environment git needs to run (finding programs, the user's home and temporary folder). */
const KEPT = ['PATH', 'HOME', 'USERPROFILE', 'SYSTEMROOT', 'WINDIR', 'TMPDIR', 'TEMP', 'TMP', 'COMSPEC', 'PATHEXT'];

/** A clean environment for git: only what it needs to run, no GIT_* variable, no prompt, no pager, C locale. */
export function gitEnvironment(from: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const key of KEPT) if (from[key] !== undefined) env[key] = from[key];
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
    LC_ALL: 'C',
  };
}
