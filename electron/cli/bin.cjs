#!/usr/bin/env node
// The `lineage-investigator` command (package.json "bin"): starts the built CLI bundle.
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS launcher by design (package.json "bin"). */
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', '..', 'dist', 'electron', 'cli.cjs');
if (!existsSync(cli)) {
  console.error(`lineage-investigator is not built (${cli} is missing): run npm run build first.`);
  process.exit(1);
}
require(cli);
