import { describe, expect, it } from 'vitest';
import { repositoryCandidates, unifiedDiff } from './patch';

describe('unifiedDiff', () => {
  it('marks removed and added lines of a changed SQL model', () => {
    const before = 'select\n  customer_id,\n  age >= 18 as eligibility_flag\nfrom customers\n';
    const after = 'select\n  customer_id,\n  age > 18 as eligibility_flag\nfrom customers\n';
    const lines = unifiedDiff('models/features.sql', before, after, 'abc1234', 'def5678');
    expect(lines.filter((l) => l.kind === 'removed').map((l) => l.text)).toEqual(['-  age >= 18 as eligibility_flag']);
    expect(lines.filter((l) => l.kind === 'added').map((l) => l.text)).toEqual(['+  age > 18 as eligibility_flag']);
    expect(lines.find((l) => l.kind === 'header')?.text).toContain('a/models/features.sql');
    expect(lines.some((l) => l.kind === 'hunk')).toBe(true);
  });

  it('shows a file that did not exist before as all added', () => {
    const lines = unifiedDiff('a.yml', null, 'x: 1\n', 'old', 'new');
    expect(lines.some((l) => l.text.startsWith('--- /dev/null'))).toBe(true);
    expect(lines.filter((l) => l.kind === 'added').map((l) => l.text)).toEqual(['+x: 1']);
  });
});

describe('repositoryCandidates', () => {
  it('tries the plan repository first, then stored ones, once each', () => {
    expect(repositoryCandidates('repo-a', [undefined, 'repo-b', 'repo-a'])).toEqual(['repo-a', 'repo-b']);
    expect(repositoryCandidates(undefined, [])).toEqual([]);
  });
});
