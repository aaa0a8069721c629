import { expect, type Page } from '@playwright/test';

// The e2e project is compiled without the DOM library (tsconfig.node.json): the little of it used in the page.
interface Box {
  readonly top: number;
  readonly left: number;
  readonly right: number;
  readonly width: number;
}
interface Element {
  readonly scrollWidth: number;
  readonly clientWidth: number;
  readonly textContent: string | null;
  readonly tagName: string;
  readonly parentElement: Element | null;
  readonly dataset: Record<string, string>;
  getBoundingClientRect(): Box;
  getAttribute(name: string): string | null;
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): Iterable<Element>;
  append(child: Element): void;
  remove(): void;
}
interface Dom {
  readonly document: {
    readonly documentElement: Element;
    querySelector(selector: string): Element | null;
    querySelectorAll(selector: string): Iterable<Element>;
    createTreeWalker(root: Element, show: number): { nextNode(): Element | null };
    createRange(): { selectNodeContents(node: Element): void; getClientRects(): Iterable<Box> };
    createElement(tag: 'button'): Element & { type: string; textContent: string | null };
  };
  getComputedStyle(element: Element): { readonly textOverflow: string };
}
const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT

/**
 * What a user sees of the header: every piece of text on one line, nothing cut off at the right edge and no
 * scrolling. Returns the problems found, each naming the text and what is wrong.
 */
export async function headerProblems(page: Page): Promise<string[]> {
  return page.evaluate((show) => {
    const { document, getComputedStyle } = globalThis as unknown as Dom;
    const problems: string[] = [];
    const header = document.querySelector('header.app-header');
    if (!header) return ['no header on this screen'];
    const box = header.getBoundingClientRect();
    const windowWidth = document.documentElement.clientWidth;
    if (header.scrollWidth > header.clientWidth) {
      problems.push(`the header scrolls: ${header.scrollWidth} px of content in ${header.clientWidth} px`);
    }
    if (box.right > windowWidth + 0.5) {
      problems.push(`the header is ${Math.round(box.width)} px wide in a ${windowWidth} px window`);
    }
    const walker = document.createTreeWalker(header, show);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      if (!text) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()];
      const lines = new Set(rects.map((r) => Math.round(r.top)));
      if (lines.size > 1) problems.push(`"${text}" wraps onto ${lines.size} lines`);
      // Text cut with an ellipsis on purpose (the case title) is measured by its box, not by its full length.
      const parent = node.parentElement;
      const cut = parent !== null && getComputedStyle(parent).textOverflow === 'ellipsis';
      const right = cut ? parent.getBoundingClientRect().right : Math.max(...rects.map((r) => r.right));
      if (right > box.right + 0.5) problems.push(`"${text}" ends ${Math.round(right - box.right)} px past the header`);
    }
    for (const control of header.querySelectorAll('button, input, select, [role="group"]')) {
      const r = control.getBoundingClientRect();
      const name = control.getAttribute('aria-label') ?? control.textContent?.trim() ?? control.tagName;
      if (r.right > box.right + 0.5 || r.left < box.left - 0.5) problems.push(`"${name}" sticks out of the header`);
    }
    return problems;
  }, SHOW_TEXT);
}

/** Fails when the header wraps, scrolls or is cut off, naming the screen and each problem. */
export async function expectHeaderOnOneLine(page: Page, where: string): Promise<void> {
  expect(await headerProblems(page), `the header on ${where}`).toEqual([]);
}

/**
 * Adds two more buttons where a screen's actions go (as the case-file commands will), measures, and removes them:
 * the header must still fit.
 */
export async function headerProblemsWithTwoMoreActions(page: Page): Promise<string[]> {
  const added = await page.evaluate(() => {
    const { document } = globalThis as unknown as Dom;
    const actions = document.querySelector('header.app-header .header-actions');
    if (!actions) return false;
    for (const label of ['Export case file…', 'Open case file…']) {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.probe = 'header-fit';
      button.textContent = label;
      actions.append(button);
    }
    return true;
  });
  if (!added) return ['no .header-actions in the header'];
  try {
    return await headerProblems(page);
  } finally {
    await page.evaluate(() => {
      for (const b of (globalThis as unknown as Dom).document.querySelectorAll('[data-probe="header-fit"]')) b.remove();
    });
  }
}
