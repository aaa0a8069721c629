/** The files around the code in a repository: README, changelog, docs, CI workflow, project files. */
import type { Rng } from './prng.js';
import type { Job, RepoModel } from './types.js';
import { DOC_TOPICS } from './vocabulary.js';

export function repoSupportFiles(repo: RepoModel, jobs: ReadonlyArray<Job>, rng: Rng): Map<string, string> {
  const mine = jobs.filter((j) => j.repo === repo);
  const files = new Map<string, string>();
  files.set(
    'README.md',
    [
      `# ${repo.name}`,
      '',
      `Data jobs of ${repo.org}: ${mine.map((j) => `\`${j.name}\``).join(', ')}.`,
      '',
      `Merges to \`${repo.defaultBranch}\` deploy to staging; releases promote to production.`,
      '',
    ].join('\n'),
  );
  files.set('CHANGELOG.md', '# Changelog\n\n## 1.0.0\n\n- First release.\n');
  for (const topic of rng.sample(DOC_TOPICS, rng.int(1, 2))) {
    files.set(`docs/${topic.replace(/ /g, '-')}.md`, `# ${topic}\n\nTBD.\n`);
  }
  files.set(
    '.github/workflows/deploy.yml',
    [
      'name: deploy',
      'on:',
      '  push:',
      `    branches: [${repo.defaultBranch}]`,
      'jobs:',
      '  staging:',
      '    runs-on: ubuntu-22.04',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - run: make deploy ENV=staging',
      '',
    ].join('\n'),
  );
  if (mine.some((j) => j.lang === 'sql')) {
    files.set('dbt_project.yml', `name: '${repo.name.replace(/-/g, '_')}'\nversion: '1.0.0'\nprofile: 'warehouse'\n`);
  }
  if (mine.some((j) => j.lang === 'python')) files.set('requirements.txt', 'pandas==2.2.3\npyarrow==17.0.0\n');
  return files;
}

/** An innocent edit of a docs or project file. */
export function docsEdit(path: string, text: string, rng: Rng, stamp: string): string {
  if (path === 'CHANGELOG.md') return text.replace('# Changelog\n\n', `# Changelog\n\n- ${stamp}\n\n`);
  if (path.endsWith('deploy.yml')) return text.replace(/ubuntu-\d\d\.04/, rng.pick(['ubuntu-22.04', 'ubuntu-24.04']));
  if (path === 'requirements.txt') return text.replace(/pandas==[\d.]+/, `pandas==2.${rng.int(1, 3)}.${rng.int(0, 4)}`);
  return `${text.replace(/\n$/, '')}\n\n${stamp}\n`;
}
