/**
 * The application menu: File (Open sample investigation, Open a case file…, Quit), Edit, View (reload; devtools only in
 * development), Help. Menu commands reach the renderer on MENU_COMMAND_CHANNEL; the preload hands them to
 * `window.appMenu.onCommand(listener)`.
 */
import type { MenuItemConstructorOptions } from 'electron';

/** The main → renderer channel of menu commands. */
export const MENU_COMMAND_CHANNEL = 'menu:command';

/** Commands the menu sends to the renderer. */
export const MENU_COMMANDS = ['open-sample', 'open-case-file'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface MenuOptions {
  readonly platform: string;
  readonly isDev: boolean;
  readonly appName: string;
  readonly send: (command: MenuCommand) => void;
  readonly showAbout: () => void;
}

/** The menu template for `Menu.buildFromTemplate`. */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [{ role: 'reload' }, { role: 'forceReload' }];
  if (options.isDev) view.push({ role: 'toggleDevTools' });
  view.push({ type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' });
  view.push({ type: 'separator' }, { role: 'togglefullscreen' });
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        {
          label: 'Open sample investigation',
          accelerator: 'CmdOrCtrl+Shift+O',
          click: () => options.send('open-sample'),
        },
        {
          label: 'Open a case file…',
          accelerator: 'CmdOrCtrl+O',
          click: () => options.send('open-case-file'),
        },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'help', submenu: [{ label: `About ${options.appName}`, click: options.showAbout }] },
  ];
  return isMac ? [{ role: 'appMenu' }, ...template] : template;
}
