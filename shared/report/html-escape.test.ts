import { describe, expect, it } from 'vitest';
import { htmlBreakable } from './html-escape';

const textOf = (html: string) => html.replace(/<wbr>/g, '');

describe('htmlBreakable', () => {
  it('lets a long name or path wrap after its separators, its text unchanged', () => {
    const path = 'inference/nannyml/nannyml_california_housing_analysis.csv line 3586';
    const html = htmlBreakable(path);
    expect(textOf(html)).toBe(path);
    expect(html).toContain('inference/<wbr>nannyml/<wbr>nannyml_<wbr>california_<wbr>');
    expect(htmlBreakable('sofia.lindqvist@acme-retail.example')).toBe(
      'sofia.<wbr>lindqvist@<wbr>acme-<wbr>retail.<wbr>example',
    );
  });

  it('leaves words and short names whole, and imported markup escaped', () => {
    expect(htmlBreakable('deployed to production at dep-14')).toBe('deployed to production at dep-14');
    expect(htmlBreakable('a.b')).toBe('a.b');
    const hostile = '<img/src=x/onerror=alert(1)>.example/long/path';
    expect(htmlBreakable(hostile)).not.toContain('<img');
    expect(textOf(htmlBreakable(hostile))).toBe('&lt;img/src=x/onerror=alert(1)&gt;.example/long/path');
  });
});
