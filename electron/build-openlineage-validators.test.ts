/** The committed validators are what the committed OpenLineage schemas compile to (regenerate if this fails). */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { VALIDATORS, validatorsSource } from './build-openlineage-validators';

it('shared/importers/openlineage-schemas/validators.ts is up to date with the schemas', async () => {
  const committed = readFileSync(VALIDATORS, 'utf8');
  expect(committed === (await validatorsSource()), 'run: npx tsx electron/build-openlineage-validators.ts').toBe(true);
}, 60_000);
