/**
 * Electron hardening: the Content-Security-Policy, denied permissions, denied navigation and window.open,
 * and the IPC sender check. Typed against Electron's own declarations; the Electron objects are parameters,
 * so the rules are unit-tested with fakes (app-shell.test.ts).
 */
import type { Event, Session, WebContents } from 'electron';

/**
 * The CSP of every page: the same string as the renderer's `<meta http-equiv="Content-Security-Policy">`
 * (renderer/index.html) and as the web-mode bridge's header (bridge/server.ts).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export type SessionLike = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
  readonly webRequest: Pick<Session['webRequest'], 'onHeadersReceived'>;
};

export type WebContentsLike = Pick<WebContents, 'setWindowOpenHandler' | 'on'>;

/** Response headers with any CSP the response carried replaced by ours. */
export function withContentSecurityPolicy(
  headers: Readonly<Record<string, string[]>> | undefined,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}

/** Sets the CSP on every response of the session and denies every permission request and check. */
export function hardenSession(session: SessionLike): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** True when `url` is the `file:` URL of the page `indexUrl` (any query or fragment). */
export function isSameFileUrl(url: string | undefined, indexUrl: string): boolean {
  if (!url) return false;
  try {
    const actual = new URL(url);
    const expected = new URL(indexUrl);
    return actual.protocol === 'file:' && actual.host === expected.host && actual.pathname === expected.pathname;
  } catch {
    return false;
  }
}

/** An IPC sender is trusted only when its frame shows the app's own index page. */
export function isTrustedSender(frameUrl: string | undefined, indexUrl: string): boolean {
  return isSameFileUrl(frameUrl, indexUrl);
}

/**
 * Denies `window.open` and every navigation or redirect away from the app's index page,
 * and refuses `<webview>` tags.
 */
export function hardenWebContents(contents: WebContentsLike, indexUrl: string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const guard = (event: Event<{ url: string }>) => {
    if (!isSameFileUrl(event.url, indexUrl)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
