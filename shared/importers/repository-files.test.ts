/**
 * The files of a project's work tree that are not evidence, as the CLI and the app read them (bytes decoded as UTF-8,
 * invalid bytes as U+FFFD): real files of OpenLineage's repository (fixtures/repository-files/SOURCES.md) are skipped
 * naming what they are, and tables that could be evidence are still rejected.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { binaryFormatReason } from './binary-formats';
import { tableNotEvidence } from './record-table';
import { HEAD_SIZE, startImport, type ImportSummary } from './streaming';

const folder = new URL('../../fixtures/repository-files/openlineage/', import.meta.url);
const bytesOf = (path: string) => readFileSync(new URL(path, folder));
const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

function summaryOf(name: string, text: string): ImportSummary {
  const job = startImport(text.slice(0, HEAD_SIZE), { id: '0'.repeat(64), name });
  job.push(text);
  return job.end();
}
const read = (path: string) => summaryOf(path, utf8(bytesOf(path)));

describe('binary files of a known format are skipped naming the format', () => {
  it.each([
    ['website/ol-logo.png', 'a PNG image: an image, not evidence'],
    ['gradle/gradle-wrapper.jar', 'a JAR (Java archive): not read: unpack it to import the files it holds'],
    [
      'iceberg/snap-279738701695871110-1-7e3ed845-a5da-4e15-9ed6-9d592392c71e.avro',
      'an Avro data file, not a format the importers read',
    ],
    [
      '../dbt-core/proto/dbtlabs_proto_public.head.bin',
      'a Protocol Buffers descriptor set (compiled .proto schemas), not evidence',
    ],
  ])('%s', (path, reason) => {
    const summary = read(path);
    expect([summary.skipped, summary.rejectedCount, summary.counts]).toEqual([reason, 0, {}]);
  });

  it('reads the magic whether the decoder replaced a high byte (UTF-8) or kept it (Latin-1)', () => {
    const png = bytesOf('website/ol-logo.png');
    expect(binaryFormatReason('logo.png', new TextDecoder('latin1').decode(png))).toMatch(/^a PNG image/);
    const gzip = gzipSync(bytesOf('flink/events.jsonl'));
    expect(binaryFormatReason('events.jsonl.gz', utf8(gzip))).toMatch(/^gzip-compressed data: not read/);
    expect(summaryOf('events.jsonl.gz', utf8(gzip)).skipped).toMatch(/^gzip-compressed data/);
  });

  it('skips fonts by their sfnt header (TrueType, OpenType, collections), the short magic with its extension', () => {
    // The OpenType table directory: sfnt version, then numTables, searchRange, entrySelector, rangeShift.
    const sfnt = (version: number[]) => utf8(Uint8Array.of(...version, 0, 17, 1, 0, 0, 4, 0, 16));
    expect(summaryOf('web/src/fonts/Karla-Bold.ttf', sfnt([0, 1, 0, 0])).skipped).toBe('a TrueType font, not evidence');
    expect(summaryOf('SourceCodePro.otf', sfnt([0x4f, 0x54, 0x54, 0x4f])).skipped).toBe(
      'an OpenType font, not evidence',
    );
    expect(summaryOf('fonts.ttc', utf8(Uint8Array.of(0x74, 0x74, 0x63, 0x66, 0, 1, 0, 0))).skipped).toBe(
      'a font collection, not evidence',
    );
    expect(summaryOf('data.bin', sfnt([0, 1, 0, 0])).rejections[0]?.reason).toMatch(/binary data, not text/);
  });

  it('still rejects binary data of no known format, and a JPEG magic needs its extension', () => {
    const garbage = `\u0000\u0001${utf8(bytesOf('website/ol-logo.png')).slice(8)}`;
    expect(summaryOf('data.bin', garbage).skipped).toBeUndefined();
    expect(summaryOf('data.bin', garbage).rejections[0]?.reason).toMatch(/binary data, not text/);
    expect(binaryFormatReason('export.json', '\ufffd\ufffd\ufffd\ufffdJFIF')).toBeUndefined();
    expect(binaryFormatReason('photo.JPG', '\ufffd\ufffd\ufffd\ufffdJFIF')).toMatch(/^a JPEG image/);
  });
});

describe('tables and JSON that no mapping could make evidence are skipped', () => {
  it('skips the dbt seeds of a dbt project, whatever their columns', () => {
    for (const seed of ['raw_customers.csv', 'raw_orders.csv', 'raw_payments.csv']) {
      const summary = read(`dbt_project/seeds/${seed}`);
      expect([seed, summary.rejectedCount, summary.skipped]).toEqual([
        seed,
        0,
        "a dbt seed (a CSV under seeds/ that `dbt seed` loads into the warehouse): the project's reference data, not evidence",
      ]);
    }
  });

  it('judges the same CSVs out of a seeds folder by their columns: a time makes a table to map', () => {
    for (const seed of ['raw_customers.csv', 'raw_orders.csv', 'raw_payments.csv']) {
      const summary = summaryOf(seed, utf8(bytesOf(`dbt_project/seeds/${seed}`)));
      expect([seed, summary.skipped, summary.rejections[0]?.reason]).toEqual([
        seed,
        undefined,
        expect.stringMatching(/^needs a column mapping: a CSV of \d rows with the columns \w+_id, /),
      ]);
    }
    const timeless = utf8(bytesOf('dbt_project/seeds/raw_customers.csv')).replace(/,[^,\n]*$/gm, '');
    expect(summaryOf('customers.csv', timeless).skipped).toBe(
      "a CSV of 5 rows with the columns customer_id, first_name, last_name, email: no column could be a record's " +
        'time, which every decision, deployment, audit and enforcement entry has — reference data or configuration, ' +
        'not evidence',
    );
  });

  it('skips JSON records of other fields with no time, a bare facet, a JSON number and a build manifest', () => {
    expect(read('flink/events.jsonl').skipped).toMatch(
      /^JSON lines whose records have the fields id, version: no field could be a record's time,/,
    );
    expect(read('python/nominal_time_without_end.json').skipped).toBe('a single OpenLineage facet, not an event');
    expect(read('iceberg/version-hint.text').skipped).toBe('a JSON number, not evidence');
    expect(read('docker/manifest.json').skipped).toMatch(
      /^a JSON array whose records have the fields hadoopVersion, hiveVersion, tezVersion: no field could be a record's time/,
    );
  });

  it("skips a Helm chart's templates (YAML with {{ }} actions, marquez/SOURCES.md), still rejects broken YAML", () => {
    const marquez = (name: string) => readFileSync(new URL(`../marquez/chart/${name}`, folder), 'utf8');
    for (const name of ['service.yaml', 'configmap.yaml']) {
      const summary = summaryOf(`chart/templates/marquez/${name}`, marquez(name));
      expect([summary.skipped, summary.rejectedCount]).toEqual([
        'a YAML template ({{ }} actions outside quotes, as in a Helm chart): configuration rendered before use, not evidence',
        0,
      ]);
    }
    const quoted = 'name: "{{ .Release.Name }}"\nlabels: [unclosed\n';
    expect(summaryOf('values.yaml', quoted).rejections[0]?.reason).toMatch(/^invalid YAML: /);
  });

  it('reads a .yaml file in YAML flow style (`[`, `#` comments) as YAML, not as JSON that does not parse', () => {
    expect(read('dbt_structured_logs/NodeStart.yaml').skipped).toBe(
      'YAML list of a kind not imported (2 items, the first with keys data, info), not evidence',
    );
    const events = read('dbt_structured_logs/NodeStart_OL.yaml');
    expect([events.rejectedCount, events.skipped]).toEqual([
      0,
      'YAML list of a kind not imported (2 items, the first with keys eventTime, run, job, eventType, inputs, …), not evidence',
    ]);
    const named = utf8(bytesOf('dbt_structured_logs/NodeStart_OL.yaml'));
    expect(summaryOf('NodeStart_OL.json', named).rejections[0]?.reason).toMatch(/^invalid JSON: /);
  });

  it('describes a JSON array longer than the head by its records, and reads a YAML stream of documents', () => {
    const manifest = utf8(bytesOf('docker/manifest.json')).trim().slice(1, -1).trim();
    const long = `[${Array.from({ length: 1000 }, () => manifest).join(',\n')}]`;
    expect(long.length).toBeGreaterThan(HEAD_SIZE);
    expect(summaryOf('manifests.json', long).skipped).toMatch(
      /^a JSON array whose records have the fields hadoopVersion, hiveVersion, tezVersion: no field could be/,
    );
    const cut = long.slice(0, HEAD_SIZE + 100);
    expect(summaryOf('manifests.json', cut).rejections[0]?.reason).toMatch(/^invalid JSON: /);
    const k8s = 'apiVersion: v1\nkind: Service\n---\napiVersion: apps/v1\nkind: Deployment\n';
    expect(summaryOf('deploy.yaml', k8s).skipped).toBe(
      'YAML of 2 documents of a kind not imported (the first with keys apiVersion, kind), not evidence',
    );
    expect(summaryOf('deploy.yaml', `${k8s}---\nkind: [unclosed\n`).rejections[0]?.reason).toMatch(/^invalid YAML/);
  });

  it('skips a text whose JSON header ends at a --- line (minijinja test inputs), and still rejects cut JSON', () => {
    const dbtCore = new URL('../../fixtures/repository-files/dbt-core/minijinja/', import.meta.url);
    for (const name of ['fragment_simple.txt', 'keep-trailing-newlines.txt']) {
      const summary = summaryOf(name, readFileSync(new URL(name, dbtCore), 'utf8'));
      expect([name, summary.rejectedCount, summary.skipped]).toEqual([
        name,
        0,
        'a text with a JSON header before a "---" line (front matter), not evidence',
      ]);
    }
    expect(summaryOf('export.txt', '{\n  "var": "foo"\n---\n').rejections[0]?.reason).toMatch(/does not parse/);
  });

  it("skips JSON with comments (a website's tsconfig.json); JSON cut short with // in its strings is still rejected", () => {
    expect(read('website/tsconfig.json').skipped).toBe(
      'JSON with comments (JSONC, as tsconfig.json and editor settings are written): configuration, not evidence',
    );
    const cut = '{"eventType": "START", "producer": "https://github.com/OpenLineage/OpenLineage", "run": {';
    expect(summaryOf('event.json', cut).skipped).toBeUndefined();
    expect(summaryOf('event.json', cut).rejectedCount).toBe(1);
  });

  it('finds a time by the header a mapping would take, or by ISO dates in most of the first rows', () => {
    const rows = [{ at: '2026-11-20T10:00:00Z' }, { at: 'yesterday' }, { at: '2026-11-20 10:02' }];
    expect(tableNotEvidence('t', ['ref', 'at'], rows)).toBeUndefined();
    expect(tableNotEvidence('t', ['ref', 'at'], rows.slice(1, 2))).toMatch(/^t: no column could be a record's time/);
    expect(tableNotEvidence('t', ['ref', 'logged_at'])).toBeUndefined();
    expect(tableNotEvidence('t', ['code', 'name'], [{ code: 'FR', name: 'France' }])).toMatch(/^t: no column/);
  });
});
