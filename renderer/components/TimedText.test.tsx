import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { instantParts, TimedText } from './TimedText';

describe('TimedText', () => {
  it('finds every instant in a sentence, with Z or an offset, and leaves the rest as it is', () => {
    const text = 'Deployed to staging at 2026-03-03T17:12:00.000Z (dep-27), after 2026-02-26T12:42:20+01:00.';
    expect(instantParts(text)).toEqual([
      { text: 'Deployed to staging at ' },
      { instant: '2026-03-03T17:12:00.000Z' },
      { text: ' (dep-27), after ' },
      { instant: '2026-02-26T12:42:20+01:00' },
      { text: '.' },
    ]);
    expect(instantParts('no time here')).toEqual([{ text: 'no time here' }]);
  });

  it('prints each instant through the zone formatter, never raw', () => {
    const html = renderToStaticMarkup(<TimedText text="at 2026-03-03T17:12:00.000Z (dep-27)" />);
    expect(html).toContain('<time dateTime="2026-03-03T17:12:00.000Z">');
    expect(html).not.toMatch(/>[^<]*2026-03-03T17:12:00\.000Z/);
  });
});
