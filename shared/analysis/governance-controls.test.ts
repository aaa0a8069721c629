import { describe, expect, it } from 'vitest';
import type { RuleFinding } from './engine-types';
import { controlVerdict, CONTROL_VERDICT_LABEL, governanceControls } from './governance-controls';

const f = (rule: RuleFinding['rule'], ok: boolean, text: string, control?: RuleFinding['control']): RuleFinding => ({
  rule,
  ok,
  text,
  ...(control && { control }),
});

describe('governance controls', () => {
  it('gives each finding the verdict of its rule: pass, fail, not applicable, unknown', () => {
    expect(controlVerdict(f('approval', true, 'approved by b'))).toBe('pass');
    expect(controlVerdict(f('approval', false, 'merged without review'))).toBe('fail');
    expect(controlVerdict(f('approval', true, 'not merged yet', 'not-applicable'))).toBe('not-applicable');
    expect(controlVerdict(f('enforcement', false, 'no record of the version', 'unknown'))).toBe('unknown');
    expect(controlVerdict(f('evidence', false, 'No pull-request export is imported'))).toBe('unknown');
    expect(controlVerdict(f('evidence', true, 'written by code at abc'))).toBe('not-applicable');
  });

  it('keeps one row per control with its worst verdict, and facts as notes without a verdict', () => {
    const { controls, notes } = governanceControls([
      f('evidence', true, 'The schema was written by code at abc'),
      f('staging-before-production', true, 'Deployed to staging at T', 'not-applicable'),
      f('staging-before-production', true, 'Deployed to production at T', 'not-applicable'),
      f('staging-before-production', false, 'Deployed to production without a prior staging deployment.'),
      f('approval', true, 'approved by b'),
      f('enforcement', true, 'checks applied the version in force'),
      f('enforcement', false, 'no record of the version', 'unknown'),
    ]);
    expect(notes.map((n) => n.text)).toEqual(['The schema was written by code at abc']);
    expect(controls.map((c) => [c.rule, c.verdict, c.findings.length])).toEqual([
      ['staging-before-production', 'fail', 3],
      ['approval', 'pass', 1],
      ['enforcement', 'unknown', 2],
    ]);
    const facts = governanceControls([f('staging-before-production', true, 'Deployed to staging', 'not-applicable')]);
    expect(facts.controls[0]?.verdict).toBe('not-applicable');
    expect(CONTROL_VERDICT_LABEL[facts.controls[0]!.verdict]).toBe('Not applicable');
  });
});
