import { describe, expect, it, vi } from 'vitest';
import type { IpcChannel } from '../shared/ipc/contract.js';
import { buildMenuTemplate } from './menu.js';
import { createAppMenuApi, createPreloadApi } from './preload-api.js';

describe('window.api from the preload', () => {
  it('forwards contract channels and refuses any other channel without sending it', async () => {
    const invoke = vi.fn(async () => ({ text: 'ok' }));
    const api = createPreloadApi(invoke);
    await expect(api.invoke('git:show', { repository: 'r', commit: 'abc1234', path: 'a' })).resolves.toEqual({
      text: 'ok',
    });
    await expect(api.invoke('fs:read' as IpcChannel, {} as never)).rejects.toThrow(/Unknown channel: fs:read/);
    expect(invoke).toHaveBeenCalledTimes(1);
  });

  it('passes only known menu commands and unsubscribes', () => {
    let deliver: (command: unknown) => void = () => undefined;
    const unsubscribe = vi.fn();
    const menu = createAppMenuApi((listener) => ((deliver = listener), unsubscribe));
    const seen: string[] = [];
    const off = menu.onCommand((command) => seen.push(command));
    deliver('open-sample');
    deliver('rm -rf');
    off();
    expect(seen).toEqual(['open-sample']);
    expect(unsubscribe).toHaveBeenCalled();
  });
});

describe('the View menu', () => {
  it('offers devtools in development only', () => {
    const devtools = (isDev: boolean) =>
      buildMenuTemplate({ platform: 'linux', isDev, appName: 'A', send: () => undefined, showAbout: () => undefined })
        .flatMap((menu) => (Array.isArray(menu.submenu) ? menu.submenu : []))
        .some((item) => item.role === 'toggleDevTools');
    expect(devtools(true)).toBe(true);
    expect(devtools(false)).toBe(false);
  });
});
