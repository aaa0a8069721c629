import { describe, expect, it } from 'vitest';
import { changedWords } from './change-score';
import { operationalSettings } from './operational-settings';

const changed = (...lines: string[]) => changedWords(lines.join('\n'));

describe('changed code that only sets how a job runs', () => {
  it('names the settings of Python, YAML, JSON and SQL-variable assignments', () => {
    expect(operationalSettings(changed('-CHUNK_SIZE = 2000', '+CHUNK_SIZE = 5000'))).toEqual(['CHUNK_SIZE']);
    expect(operationalSettings(changed('-  retries: 3', '+  retries: 5', '+  execution_timeout: 600'))).toEqual([
      'retries',
      'execution_timeout',
    ]);
    expect(operationalSettings(changed('-  "batch-size": 100,', '+  "batch-size": 500,'))).toEqual(['batch-size']);
    expect(operationalSettings(changed('+export const MAX_WORKERS = 8;'))).toEqual(['MAX_WORKERS']);
  });

  it('is nothing when any changed line computes something, compares, or is not an assignment', () => {
    expect(operationalSettings(changed('-BATCH_SIZE = 100', '+BATCH_SIZE = 500', '+THRESHOLD = 0.7'))).toBeUndefined();
    expect(operationalSettings(changed('-    if retries == 3:', '+    if retries == 5:'))).toBeUndefined();
    expect(operationalSettings(changed('-  amount > 100', '+  amount > 1000'))).toBeUndefined();
    expect(operationalSettings(changed('-out["amount"] = x', '+out["amount"] = x / 100'))).toBeUndefined();
    expect(operationalSettings('')).toBeUndefined();
  });
});
