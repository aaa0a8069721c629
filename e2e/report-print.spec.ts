/**
 * The printed report read as a compliance reviewer reads it, page by page: the CLI's HTML report of two cases — the
 * sample's, and one on the real NannyML inference log (the decision `watch` names at its first shift) with the whole
 * real fixture folder beside it — laid out at an A4 page's printable width with print styles, as Chromium prints it
 * to PDF. In no table cell does a word or a time break across lines ('com|mit', 'deploym|ent', '2026-|02-26'); no
 * table or block is wider than the page; the traced path's drawing fits the page, unscaled below 7 pt, every label
 * inside its card, every edge with its arrow, under a caption; no chart of one bar; no section or subsection heading
 * with nothing under it; no raw ISO time, no '(s)', no gap of the lineage card named by its code; no sentence of the timeline speaks of a suspect version the scope
 * says was not recorded; where the rank is not the score's order, the report says why before the table.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REAL_FIXTURES, realFixture } from '../fixtures/real-fixtures';
import { NANNYML_MAPPING } from '../shared/importers/nannyml-mapping.fixture';
import { expect, test } from './fixtures';

/** A4 less the report's 12 mm side margins and its 18 + 20 mm top and bottom margins (@page), in CSS pixels. */
const PAGE = { width: Math.round(((210 - 2 * 12) / 25.4) * 96), height: Math.round(((297 - 38) / 25.4) * 96) };
/** The smallest type a printed page may carry: 7 pt, in CSS pixels. */
const SMALLEST_TYPE = (7 * 96) / 72;

const work = mkdtempSync(join(tmpdir(), 'li-report-print-'));
const env = { ...process.env, LINEAGE_INVESTIGATOR_DATA_DIR: join(work, 'data') };
const cli = (args: string[]) =>
  execFileSync('npx', ['tsx', 'electron/cli/main.ts', ...args], { stdio: 'pipe', env, encoding: 'utf8' });

/** What the page says of itself, read in the browser (the e2e project has no DOM types: plain script). */
interface PrintReading {
  readonly brokenWords: string[];
  readonly brokenTimes: string[];
  readonly widest: number;
  readonly figures: Array<{
    readonly caption: string;
    readonly width: number;
    readonly height: number;
    readonly smallestType: number;
    readonly labelsOutside: string[];
    readonly edges: number;
    readonly arrows: number;
    readonly nodes: number;
  }>;
  readonly charts: number[];
  readonly emptyHeadings: string[];
  readonly text: string;
  readonly scopeVersion: string;
  readonly timelineText: string;
  readonly cardText: string;
  readonly scores: number[];
  readonly beforeSuspects: string;
}

const READ_PRINT = `(() => {
  const lines = (node, from, to) => {
    const range = document.createRange();
    range.setStart(node, from);
    range.setEnd(node, to);
    return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
  };
  const brokenWords = [];
  const brokenTimes = [];
  for (const td of document.querySelectorAll('td')) {
    const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // A hash or an id may break anywhere; a name in code (a job's) only between its parts.
      if (node.parentElement.closest('code:not(.name), pre')) continue;
      // The text of a cell a word at a time: a <wbr> splits a name into several text nodes, never a word.
      for (const m of node.textContent.matchAll(/\\b[A-Za-z]{2,}\\b/g))
        if (lines(node, m.index, m.index + m[0].length) > 1) brokenWords.push(m[0]);
      for (const m of node.textContent.matchAll(/\\d{4}-\\d\\d-\\d\\d|\\d\\d:\\d\\d:\\d\\d/g))
        if (lines(node, m.index, m.index + m[0].length) > 1) brokenTimes.push(m[0]);
    }
  }
  const widest = Math.max(...[...document.querySelectorAll('body *')].map((e) => e.getBoundingClientRect().right),
    document.documentElement.scrollWidth);
  const figures = [...document.querySelectorAll('figure')].filter((f) => f.querySelector('g.nodes')).map((f) => {
    const svg = f.querySelector('svg');
    const box = svg.getBoundingClientRect();
    const scale = box.width / svg.viewBox.baseVal.width;
    const labelsOutside = [];
    let smallestType = Infinity;
    for (const g of svg.querySelectorAll('g.node')) {
      const card = g.querySelector('rect').getBoundingClientRect();
      for (const text of g.querySelectorAll('text')) {
        smallestType = Math.min(smallestType, Number(text.getAttribute('font-size')) * scale);
        const r = text.getBoundingClientRect();
        if (r.left < card.left - 0.5 || r.right > card.right + 0.5 || r.top < card.top || r.bottom > card.bottom)
          labelsOutside.push(text.textContent);
      }
    }
    const edges = svg.querySelectorAll('path.edge');
    return {
      caption: f.querySelector('figcaption')?.textContent ?? '',
      width: box.width,
      height: box.height,
      smallestType,
      labelsOutside,
      edges: edges.length,
      arrows: [...edges].filter((e) => e.getAttribute('marker-end')).length,
      nodes: svg.querySelectorAll('g.node').length,
    };
  });
  const charts = [...document.querySelectorAll('figure svg')].filter((s) => !s.querySelector('g.nodes'))
    .map((s) => s.querySelectorAll('rect').length);
  // A heading with nothing after it before the next heading of its rank or above.
  const emptyHeadings = [...document.querySelectorAll('h2, h3')].filter((h) => {
    const next = h.nextElementSibling;
    return !next || /^H[1-3]$/.test(next.tagName) && next.tagName <= h.tagName || next.tagName === 'SECTION';
  }).map((h) => h.textContent);
  const section = (name) => [...document.querySelectorAll('section')].find((s) => s.querySelector('h2')?.textContent === name);
  const scope = section('Scope');
  const headers = [...scope.querySelectorAll('th')].map((th) => th.textContent);
  const suspects = section('Suspects');
  const table = suspects.querySelector('table');
  const columns = table ? [...table.querySelectorAll('th')].map((th) => th.textContent) : [];
  // A change's row: one cell under each header (a row of its terms, across the table, is not one).
  const changeRows = table ? [...table.querySelectorAll('tr')].filter((tr) => tr.querySelector('td') && tr.children.length === columns.length) : [];
  return {
    brokenWords, brokenTimes, widest, figures, charts, emptyHeadings,
    text: document.body.innerText,
    scopeVersion: scope.querySelectorAll('td')[headers.indexOf('version')]?.textContent ?? '',
    timelineText: section('Timeline').innerText,
    cardText: [...document.querySelectorAll('section')].find((s) => /^Lineage card/.test(s.querySelector('h2')?.textContent))?.innerText ?? '',
    scores: changeRows.map((tr) => Number(tr.children[columns.indexOf('score')].textContent)),
    beforeSuspects: table ? [...suspects.children].slice(0, [...suspects.children].indexOf(table)).map((e) => e.textContent).join(' ') : '',
  };
})()`;

/** The two reports: the sample's case, and the case of the first shift `watch` finds in the real NannyML log. */
function reports(): Array<{ readonly name: string; readonly file: string }> {
  const truth = JSON.parse(readFileSync('assets/sample/ground-truth.json', 'utf8')) as { caseDecisionId: string };
  const sample = join(work, 'sample.html');
  cli(['report', '--source', 'assets/sample', '--decision', truth.caseDecisionId, '--format', 'html', '--out', sample]);
  const mapping = join(work, 'nannyml-mapping.json');
  writeFileSync(mapping, JSON.stringify(NANNYML_MAPPING));
  const log = realFixture('inference', 'nannyml', 'nannyml_california_housing_analysis.csv');
  let watched = '';
  try {
    watched = cli(['watch', '--source', log, '--mapping', mapping]);
  } catch (e) {
    // Exit 1: a shift was found, as expected of this log; its lines are on stdout all the same.
    watched = String((e as { stdout?: string }).stdout ?? '');
  }
  const decision = /--decision (\S+)/.exec(watched)?.[1];
  expect(decision, `watch names a decision to investigate:\n${watched}`).toBeTruthy();
  const real = join(work, 'real.html');
  cli(
    ['report', '--source', REAL_FIXTURES, '--mapping', mapping, '--decision', decision!, '--format', 'html'].concat([
      '--out',
      real,
    ]),
  );
  return [
    { name: 'the sample case', file: sample },
    { name: `decision ${decision} of the real NannyML log`, file: real },
  ];
}

test('the printed report reads as a reviewer files it: whole words, whole times, the graph legible, nothing empty', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize(PAGE);
  await page.emulateMedia({ media: 'print' });
  for (const report of reports()) {
    await page.setContent(readFileSync(report.file, 'utf8'));
    const read = (await page.evaluate(READ_PRINT)) as PrintReading;
    const where = ` (${report.name})`;
    expect.soft(read.brokenWords, `words broken across lines${where}`).toEqual([]);
    expect.soft(read.brokenTimes, `dates or clocks broken across lines${where}`).toEqual([]);
    expect.soft(read.widest, `wider than the printable page${where}`).toBeLessThanOrEqual(PAGE.width + 1);

    expect.soft(read.figures, `the traced path's drawing${where}`).toHaveLength(1);
    for (const figure of read.figures) {
      expect.soft(figure.caption, `its caption${where}`).toMatch(/\w+ \w+/);
      expect.soft(figure.width).toBeLessThanOrEqual(PAGE.width + 1);
      expect.soft(figure.height, `taller than a page${where}`).toBeLessThanOrEqual(PAGE.height);
      expect.soft(figure.smallestType, `type printed below 7 pt${where}`).toBeGreaterThanOrEqual(SMALLEST_TYPE - 0.01);
      expect.soft(figure.labelsOutside, `labels past their card's edge${where}`).toEqual([]);
      expect.soft(figure.edges, `an edge between each two nodes of the path${where}`).toBe(figure.nodes - 1);
      expect.soft(figure.arrows).toBe(figure.edges);
    }
    for (const bars of read.charts) expect.soft(bars, `a chart of one bar${where}`).toBeGreaterThan(1);
    expect.soft(read.emptyHeadings, `headings with nothing under them${where}`).toEqual([]);

    expect.soft(read.text.match(/\d{4}-\d\d-\d\dT\d\d:\d\d/)?.[0], `a raw ISO time${where}`).toBeUndefined();
    expect.soft(read.text.match(/\w+\(s\)/)?.[0], `a "(s)" count${where}`).toBeUndefined();
    expect.soft(read.text, `an empty subject or action${where}`).not.toMatch(/(subject|action) —/);
    expect
      .soft(read.cardText.match(/\([a-z]+(?:-[a-z]+)+\)/)?.[0], `a gap named by its code, not in words${where}`)
      .toBeUndefined();
    if (/no version/i.test(read.scopeVersion))
      expect.soft(read.timelineText, `the timeline names a version the scope has not${where}`).not.toMatch(/version/i);
    const outOfOrder = read.scores.some((score, i) => i > 0 && score > read.scores[i - 1]!);
    if (outOfOrder) expect.soft(read.beforeSuspects, `why the rank is not the score's order${where}`).toMatch(/score/);
  }
});
