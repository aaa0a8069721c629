import { describe, expect, it } from 'vitest';
import { repositoryUrlOf } from './repository-url';

describe('the repository a sourceCodeLocation names', () => {
  it('takes repoUrl where the producer gives it', () => {
    expect(repositoryUrlOf({ url: 'https://github.com/o/r/blob/main/a.sql', repoUrl: 'git@github.com:o/r.git' })).toBe(
      'git@github.com:o/r.git',
    );
  });

  it('strips the file part of a web address (GitHub, GitLab, Bitbucket, a folder)', () => {
    expect(repositoryUrlOf({ url: 'https://github.com/o/r/blob/main/models/a.sql' })).toBe('https://github.com/o/r');
    expect(repositoryUrlOf({ url: 'https://gitlab.com/g/sub/r/-/blob/v1.2/jobs/x.py' })).toBe(
      'https://gitlab.com/g/sub/r',
    );
    expect(repositoryUrlOf({ url: 'https://bitbucket.org/o/r/src/abc123/x.sql' })).toBe('https://bitbucket.org/o/r');
    expect(repositoryUrlOf({ url: 'https://github.com/o/r/tree/main/models' })).toBe('https://github.com/o/r');
  });

  it('keeps a repository URL as it is', () => {
    expect(repositoryUrlOf({ url: 'https://github.com/o/r.git' })).toBe('https://github.com/o/r.git');
    expect(repositoryUrlOf({})).toBeUndefined();
  });
});
