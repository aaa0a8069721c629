/**
 * Reads the built-in sample investigation's folder: `case.json` (its description), the input files,
 * and the Git bundles. `ground-truth.json` is the generator's answer key and is never read here.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import type { InputFile } from '../../shared/ipc/contract.js';

const caseSchema = z.object({
  title: z.string().min(1),
  description: z.string(),
  decisionId: z.string().min(1),
  featureName: z.string().min(1),
});

export type SampleDescription = z.infer<typeof caseSchema>;

export interface SampleBundle {
  /** File name relative to the sample folder, with `/` separators. */
  readonly name: string;
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
}

export interface SampleFolder {
  readonly description: SampleDescription;
  readonly files: ReadonlyArray<InputFile>;
  readonly bundles: ReadonlyArray<SampleBundle>;
}

/** The environment variable that points the app at another sample folder (e.g. a copy the e2e tests edit). */
export const SAMPLE_DIR_ENV = 'LINEAGE_INVESTIGATOR_SAMPLE_DIR';

/** The sample folder to read: `LINEAGE_INVESTIGATOR_SAMPLE_DIR` when set (resolved), else `dir`. */
export function sampleDirFrom(dir: string, env: Readonly<Record<string, string | undefined>> = process.env): string {
  const override = env[SAMPLE_DIR_ENV];
  return override ? resolve(override) : dir;
}

/** Files never sent to the renderer. */
const EXCLUDED = new Set(['case.json', 'ground-truth.json']);

/** The hex SHA-256 of some bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function listFiles(root: string, dir: string = root): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const paths: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) paths.push(...(await listFiles(root, path)));
    else if (entry.isFile()) paths.push(path);
  }
  return paths;
}

async function readDescription(dir: string): Promise<SampleDescription> {
  const path = join(dir, 'case.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new Error(
      `The built-in sample is missing (${path} not found). Generate it with: ` +
        'npm run sample -- --seed 7 --scale small --out assets/sample',
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = caseSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: ${issue?.path.join('.') || 'case'} ${issue?.message ?? 'is invalid'}`);
  }
  return parsed.data;
}

/** Only the Git bundles of a sample folder (without reading the other inputs). */
export async function readSampleBundles(dir: string): Promise<ReadonlyArray<SampleBundle>> {
  const bundles: SampleBundle[] = [];
  for (const path of (await listFiles(dir)).sort()) {
    const name = relative(dir, path).split(sep).join('/');
    if (!name.endsWith('.bundle')) continue;
    const bytes = await readFile(path);
    bundles.push({ name, path, sha256: sha256Hex(bytes), size: bytes.byteLength });
  }
  return bundles;
}

/**
 * Reads a sample folder: its description, every input file (name relative to the folder, SHA-256, size, text and
 * absolute path, so a case can re-check its citations against the file later)
 * except `case.json`, `ground-truth.json`, hidden files and `*.bundle`, and the bundles themselves.
 */
export async function readSampleFolder(dir: string): Promise<SampleFolder> {
  const description = await readDescription(dir);
  const files: InputFile[] = [];
  const bundles: SampleBundle[] = [];
  const paths = (await listFiles(dir)).sort();
  for (const path of paths) {
    const name = relative(dir, path).split(sep).join('/');
    if (EXCLUDED.has(name)) continue;
    const bytes = await readFile(path);
    const sha256 = sha256Hex(bytes);
    if (name.endsWith('.bundle')) bundles.push({ name, path, sha256, size: bytes.byteLength });
    else
      files.push({ name, sha256, size: bytes.byteLength, text: new TextDecoder().decode(bytes), path: resolve(path) });
  }
  return { description, files, bundles };
}
