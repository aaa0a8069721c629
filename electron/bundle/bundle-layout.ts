/** Where an evidence bundle keeps what (paths inside the bag). See docs/evidence-bundle.md. */
export const BUNDLE_PATHS = {
  reportHtml: 'data/report/report.html',
  reportMarkdown: 'data/report/report.md',
  caseRecord: 'data/case/case.json',
  sources: 'data/sources.json',
  sourceFolder: 'data/sources',
  excerptFolder: 'data/excerpts',
} as const;

/** The same paths relative to `data/`, as `writeBag` takes them. */
export const payloadPath = (bagPath: string): string => bagPath.replace(/^data\//, '');
