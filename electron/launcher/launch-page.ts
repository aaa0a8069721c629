/**
 * The page web mode opens Chromium on: a local file, readable by this user only, that sends the browser on to the
 * app's address with its token. Chromium's command line is shown to every user of the machine (`ps`, /proc), so
 * `--app=` names this file, never the token; the bridge trades the token for its session cookie on the first load
 * and the page is deleted then (or when web mode stops).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface LaunchPage {
  /** The `file://` address to give Chromium. */
  readonly url: string;
  readonly path: string;
  /** Deletes the page (no error when it is already gone). */
  remove(): void;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Writes the page sending the browser to `appUrl` into `dir` (created, like the page, for this user only). */
export function writeLaunchPage(dir: string, appUrl: string): LaunchPage {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const path = join(dir, `open-${randomBytes(8).toString('hex')}.html`);
  const html = [
    '<!doctype html>',
    '<meta charset="utf-8">',
    '<meta name="referrer" content="no-referrer">',
    '<title>Lineage Investigator</title>',
    // replace(): the page leaves no entry to go back to
    `<script>location.replace(${JSON.stringify(appUrl).replace(/</g, '\\u003c')})</script>`,
    `<noscript><meta http-equiv="refresh" content="0;url=${escapeHtml(appUrl)}"></noscript>`,
    '',
  ].join('\n');
  writeFileSync(path, html, { mode: 0o600, flag: 'wx' });
  return { url: pathToFileURL(path).href, path, remove: () => rmSync(path, { force: true }) };
}
