import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, isSameFileUrl, withContentSecurityPolicy } from './security.js';

/** Directives a `<meta>` CSP cannot carry (browsers ignore them there); only the header can. */
const HEADER_ONLY = ['frame-ancestors', 'report-uri', 'sandbox'];
const directives = (policy: string) =>
  policy
    .split(';')
    .map((d) => d.trim().replace(/\s+/g, ' '))
    .filter(Boolean);

describe('the Content-Security-Policy', () => {
  it("is the renderer's meta-tag policy, plus the directives only a header can carry", () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1];
    expect(meta, 'renderer/index.html has a CSP meta tag').toBeDefined();
    const header = directives(CONTENT_SECURITY_POLICY).filter((d) => !HEADER_ONLY.includes(d.split(' ')[0] ?? ''));
    expect(directives(meta ?? '').sort()).toEqual(header.sort());
  });

  it('replaces a CSP sent in any letter case and keeps other headers', () => {
    const headers = withContentSecurityPolicy({ 'CONTENT-SECURITY-POLICY': ["script-src 'unsafe-eval'"], A: ['1'] });
    expect(headers).toEqual({ A: ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('isSameFileUrl', () => {
  const index = 'file:///opt/app/dist/renderer/index.html';
  it('accepts the index page with any query or fragment, nothing else', () => {
    expect(isSameFileUrl(`${index}?token=1#/case/2`, index)).toBe(true);
    expect(isSameFileUrl('file:///opt/app/dist/renderer/other.html', index)).toBe(false);
    expect(isSameFileUrl('http://127.0.0.1/opt/app/dist/renderer/index.html', index)).toBe(false);
    expect(isSameFileUrl('file://evil.host/opt/app/dist/renderer/index.html', index)).toBe(false);
    expect(isSameFileUrl('not a url', index)).toBe(false);
    expect(isSameFileUrl(undefined, index)).toBe(false);
  });
});
