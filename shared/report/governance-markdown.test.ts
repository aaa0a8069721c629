import { describe, expect, it } from 'vitest';
import type { GovernanceRow } from '../analysis/types';
import { governanceMarkdown, verdictWords } from './governance-markdown';

const row = (verdict: GovernanceRow['verdict']): GovernanceRow => ({
  changeId: 'c1',
  approved: false,
  approvers: [],
  deployments: [],
  verdict,
  findings: [],
});

describe('a change’s governance verdict in the report', () => {
  it('is printed in words, never as its code', () => {
    expect(verdictWords('insufficient-evidence')).toBe('insufficient evidence');
    expect(verdictWords('violation')).toBe('violation');
    const lines = governanceMarkdown([row('insufficient-evidence')], () => '', 'UTC');
    expect(lines[0]).toMatch(/— insufficient evidence$/);
    expect(lines.join('\n')).not.toContain('insufficient-evidence');
  });
});
