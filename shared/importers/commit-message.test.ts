import { describe, expect, it } from 'vitest';
import { parseCommitMessage } from './commit-message';

describe('commit messages', () => {
  it('reads trailers from the last paragraph, with folded continuation lines', () => {
    const message = parseCommitMessage(
      'Fix eligibility threshold\n\nThe flag was inverted.\n\nReviewed-by: Bob <bob@example.com>\nCo-authored-by: Carol\n  <carol@example.com>\n',
    );
    expect(message.subject).toBe('Fix eligibility threshold');
    expect(message.body).toContain('The flag was inverted.');
    expect(message.trailers).toEqual([
      { key: 'Reviewed-by', value: 'Bob <bob@example.com>' },
      { key: 'Co-authored-by', value: 'Carol <carol@example.com>' },
    ]);
  });

  it('finds no trailers in prose or a one-paragraph message; a lone URL line is one, as git reads it', () => {
    expect(parseCommitMessage('Reviewed-by: someone').trailers).toEqual([]);
    expect(parseCommitMessage('Subject\n\nThis is prose: with a colon\nand a second line.').trailers).toEqual([]);
    expect(parseCommitMessage('Subject\n\nhttps://example.com/x').trailers).toEqual([
      { key: 'https', value: '//example.com/x' },
    ]);
  });

  it('keeps the subject as git prints it (%s): leading spaces and a byte-order mark stay, lines are joined', () => {
    expect(parseCommitMessage('\n \n  Fix the flag  \nfor good\t\n\nBody').subject).toBe('  Fix the flag for good');
    expect(parseCommitMessage('\uFEFFFix the flag\r\n\r\nBody\r\n').subject).toBe('\uFEFFFix the flag');
    expect(parseCommitMessage('\uFEFFFix the flag\r\n\r\nBody\r\n').body).toBe('Body');
  });

  it('finds the pull request of GitHub, squash, Bitbucket and GitLab merges', () => {
    expect(parseCommitMessage('Merge pull request #123 from owner/branch\n\nTitle').pullRequest).toBe(123);
    expect(parseCommitMessage('Tighten rule (#88)\n\n* details').pullRequest).toBe(88);
    expect(parseCommitMessage('Merged in feature (pull request #5)').pullRequest).toBe(5);
    const gitlab = "Merge branch 'fix' into 'main'\n\nFix it\n\nSee merge request group/sub/project!321";
    expect(parseCommitMessage(gitlab).pullRequest).toBe(321);
    expect(parseCommitMessage('Bump version to 1.2 #3').pullRequest).toBeUndefined();
  });
});
