/**
 * `npx tsx generators/worlds/cli.ts --seed N --out DIR [--count K]`: writes world N (or worlds N…N+K-1 into
 * DIR/world-N) with their `truth.json`, and prints the time taken.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeWorld } from './write-world.js';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      count: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.out) {
    console.log('Usage: npx tsx generators/worlds/cli.ts --seed N --out DIR [--count K]');
    return values.help ? 0 : 2;
  }
  const seed = Number(values.seed);
  const count = values.count === undefined ? undefined : Number(values.count);
  if (!Number.isInteger(seed) || (count !== undefined && !(Number.isInteger(count) && count > 0))) {
    console.error('--seed and --count take whole numbers');
    return 2;
  }
  const started = performance.now();
  if (count === undefined) {
    const truth = await writeWorld(seed, values.out);
    console.log(`seed ${seed}: ${truth.cause.kind} (${truth.cause.variant}) → ${values.out}`);
  } else {
    for (let s = seed; s < seed + count; s++) {
      const truth = await writeWorld(s, join(values.out, `world-${s}`));
      console.log(
        `seed ${s}: ${truth.cause.kind} (${truth.cause.variant}), ${truth.blastRadius.decisions} decisions affected`,
      );
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const n = count ?? 1;
  console.log(
    `${n} world${n === 1 ? '' : 's'} in ${seconds.toFixed(1)} s (${((seconds / n) * 1000).toFixed(0)} ms per world)`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);
