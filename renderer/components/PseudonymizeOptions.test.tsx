import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { keyProblemOf, PseudonymizeOptions, pseudonymizeKeyOf, type Pseudonymization } from './PseudonymizeOptions';

const render = (value: Pseudonymization) =>
  renderToStaticMarkup(
    <PseudonymizeOptions
      legend="Bundle options"
      checkLabel="Pseudonymize subject ids"
      keyLabel="Pseudonymization key"
      hint="The key is never written."
      value={value}
      onChange={() => undefined}
    />,
  );

describe('PseudonymizeOptions', () => {
  it('asks for the key only once pseudonymizing is checked, as a password field', () => {
    const off = render({ on: false, key: '' });
    expect(off).toContain('Pseudonymize subject ids');
    expect(off).not.toContain('Pseudonymization key');
    const on = render({ on: true, key: 'long enough key' });
    expect(on).toMatch(/<input[^>]*type="password"/);
    expect(on).toContain('The key is never written.');
    expect(on).not.toContain('at least 8 characters');
  });

  it('names a key too short to use, and passes on a key only when pseudonymizing', () => {
    expect(render({ on: true, key: 'short' })).toContain('The key needs at least 8 characters.');
    expect(keyProblemOf({ on: true, key: 'short' })).toBeDefined();
    expect(keyProblemOf({ on: false, key: '' })).toBeUndefined();
    expect(pseudonymizeKeyOf({ on: false, key: 'a long key kept' })).toBeUndefined();
    expect(pseudonymizeKeyOf({ on: true, key: 'a long key kept' })).toBe('a long key kept');
  });
});
