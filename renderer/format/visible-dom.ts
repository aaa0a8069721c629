/**
 * The net under every name the app shows: whatever text reaches the page — a component that forgot `visibleText`,
 * a graph label, a tooltip, a dialog — has its bidirectional controls and invisible characters shown as `[U+XXXX]`
 * (shared/model/visible-text.ts) as soon as it is added or changed. Components still call `visibleText` where they
 * show imported names (their text is right from the start, and in exports built from data); this catches the rest.
 * Text the user edits (inputs, text areas, editable regions) is left as typed.
 */
import { needsVisibleText, visibleText } from '../../shared/model/visible-text';

/** The attributes read out as text: tooltips, accessible names, image descriptions. */
export const SHOWN_ATTRIBUTES = ['title', 'aria-label', 'aria-description', 'alt', 'placeholder'];

const EDITED = new Set(['TEXTAREA', 'INPUT', 'SCRIPT', 'STYLE']);

function edited(node: Node): boolean {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return element !== null && (EDITED.has(element.tagName) || (element as HTMLElement).isContentEditable === true);
}

function fixText(node: Text): void {
  const value = node.nodeValue;
  if (value && needsVisibleText(value) && !edited(node)) node.nodeValue = visibleText(value);
}

function fixAttributes(element: Element): void {
  for (const name of SHOWN_ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value && needsVisibleText(value)) element.setAttribute(name, visibleText(value));
  }
}

/** Fixes `node` and everything under it. */
function fixTree(node: Node): void {
  if (node.nodeType === Node.TEXT_NODE) return fixText(node as Text);
  if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
  if (node.nodeType === Node.ELEMENT_NODE) fixAttributes(node as Element);
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let next = walker.nextNode(); next; next = walker.nextNode()) {
    if (next.nodeType === Node.TEXT_NODE) fixText(next as Text);
    else fixAttributes(next as Element);
  }
}

/** Shows hidden and re-ordering characters under `root` now and whenever its text changes; returns the stop. */
export function guardVisibleText(root: Node): () => void {
  fixTree(root);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') fixText(record.target as Text);
      else if (record.type === 'attributes') fixAttributes(record.target as Element);
      else record.addedNodes.forEach(fixTree);
    }
  });
  observer.observe(root, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: SHOWN_ATTRIBUTES,
  });
  return () => observer.disconnect();
}
