import { describe, expect, it, vi } from 'vitest';
import type { IpcChannel } from '../shared/ipc/contract.js';
import { buildMenuTemplate } from './menu.js';
import { createAppMenuApi, createFileOriginApi, createPreloadApi } from './preload-api.js';

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
    deliver('open-case-file');
    off();
    expect(seen).toEqual(['open-sample', 'open-case-file']);
    expect(unsubscribe).toHaveBeenCalled();
  });
});

describe('window.fileOrigins from the preload', () => {
  it('sends the path Electron gives with the file size, and answers null when there is none or main refuses', async () => {
    const sent: unknown[] = [];
    const dropped = new File(['a,b\n1,2\n'], 'scores.csv');
    const origins = createFileOriginApi(
      (file) => {
        if (!(file instanceof File)) throw new TypeError('not a File');
        return file === dropped ? '/home/ana/scores.csv' : '';
      },
      async (channel, request) => (sent.push([channel, request]), { registered: sent.length === 1 }),
    );
    expect(await origins.register(dropped)).toBe('/home/ana/scores.csv');
    expect(sent).toEqual([['origin:register', { path: '/home/ana/scores.csv', size: 8 }]]);
    expect(await origins.register(new File(['x'], 'made-in-memory.csv'))).toBeNull();
    expect(await origins.register({ name: 'forged' } as unknown as File)).toBeNull();
    expect(sent).toHaveLength(1);
    expect(await origins.register(dropped)).toBeNull(); // the main process refused it this time
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
