import { describe, expect, it } from 'vitest';
import { caseFileName } from './save-case-file';

describe('caseFileName', () => {
  it('names the file after the case, without characters file systems reject or a dangling dash', () => {
    expect(caseFileName('Why was customer u-00586 refused the loyalty offer?')).toBe(
      'Why was customer u-00586 refused the loyalty offer.case.json',
    );
    expect(caseFileName('Loan 7: refused / re-scored', true)).toBe('Loan 7- refused - re-scored.reviewed.case.json');
    expect(caseFileName('???')).toBe('case.case.json');
  });
});
