import { describe, expect, it } from 'vitest';
import { changedWords } from './change-score';
import { codeOfDiff, withoutComments, commentStyle } from './code-comments';

describe('comments in changed lines', () => {
  it('a SQL change that only rewrites comments leaves no changed code', () => {
    const diff = ['--- owner: data platform', '+-- keep column order stable (cf4739)', '+/* partitioned */'].join('\n');
    expect(changedWords(codeOfDiff(diff, 'models/stg_customers.sql')).trim()).toBe('');
  });

  it('keeps the code of a line with a trailing comment, and comment markers inside strings', () => {
    const sql = commentStyle('a.sql')!;
    expect(withoutComments("where status = 'a--b' -- only paid", sql)).toBe("where status = 'a--b' ");
    const diff = ['-  amount > 100  # old threshold', '+  amount > 1000  # new threshold'].join('\n');
    expect(changedWords(codeOfDiff(diff, 'jobs/features.py'))).toContain('1000');
  });

  it('keeps every line of a file type whose comment syntax it does not know', () => {
    expect(codeOfDiff('+# a heading', 'README.unknown')).toBe('+# a heading');
  });
});
