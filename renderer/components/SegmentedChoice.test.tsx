import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ThemeSwitch } from '../theme/ThemeSwitch';
import { SegmentedChoice } from './SegmentedChoice';
import { TimeZoneSwitch } from './TimeZoneSwitch';

/** The buttons of a rendered switch: name (aria-label, else text), whether pressed, title. */
const buttons = (html: string) =>
  [...html.matchAll(/<button([^>]*)>(.*?)<\/button>/g)].map(([, attrs, inner]) => ({
    name: /aria-label="([^"]*)"/.exec(attrs!)?.[1] ?? inner!.replace(/<[^>]+>/g, ''),
    pressed: /aria-pressed="true"/.test(attrs!),
  }));

describe('SegmentedChoice', () => {
  it('is a named group of toggle buttons, the chosen value pressed, symbols named by their label', () => {
    const html = renderToStaticMarkup(
      <SegmentedChoice
        label="Density"
        value="b"
        onChange={() => undefined}
        options={[
          { value: 'a', content: 'Compact' },
          { value: 'b', content: <span aria-hidden="true">≡</span>, ariaLabel: 'Roomy', title: 'More space' },
        ]}
      />,
    );
    expect(html).toMatch(/^<div class="segmented" role="group" aria-label="Density">/);
    expect(buttons(html)).toEqual([
      { name: 'Compact', pressed: false },
      { name: 'Roomy', pressed: true },
    ]);
    expect(html).toContain('title="More space"');
  });
});

describe('the header’s switches are that control', () => {
  it('the time zone: Local and UTC, local by default', () => {
    const html = renderToStaticMarkup(<TimeZoneSwitch />);
    expect(html).toContain('role="group" aria-label="Time zone"');
    expect(buttons(html)).toEqual([
      { name: 'Local', pressed: true },
      { name: 'UTC', pressed: false },
    ]);
  });

  it('the theme: System, Light and Dark as symbols named by their theme, System by default', () => {
    const html = renderToStaticMarkup(<ThemeSwitch />);
    expect(html).toContain('role="group" aria-label="Theme"');
    expect(buttons(html)).toEqual([
      { name: 'System theme', pressed: true },
      { name: 'Light theme', pressed: false },
      { name: 'Dark theme', pressed: false },
    ]);
    expect(html.match(/class="theme-choice"/g)).toHaveLength(3);
  });
});
