import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { chromiumArgs, findChromium, hasDisplay } from './chromium.js';

describe('findChromium', () => {
  it('prefers /usr/bin/chromium, then the first browser on PATH', () => {
    expect(findChromium({ PATH: '/opt/bin' }, (p) => p === '/usr/bin/chromium')).toBe('/usr/bin/chromium');
    const onPath = join('/opt/bin', 'google-chrome');
    expect(findChromium({ PATH: '/x:/opt/bin' }, (p) => p === onPath)).toBe(onPath);
    expect(findChromium({ PATH: '/x' }, () => false)).toBeNull();
  });
});

describe('hasDisplay', () => {
  it('needs X11 or Wayland', () => {
    expect(hasDisplay({})).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' })).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
  });
});

describe('chromiumArgs', () => {
  it('opens an app window with its own profile and no background traffic', () => {
    const args = chromiumArgs('http://127.0.0.1:1/?token=t', '/data/p');
    expect(args).toEqual(
      expect.arrayContaining([
        '--app=http://127.0.0.1:1/?token=t',
        '--user-data-dir=/data/p',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ]),
    );
  });
});
