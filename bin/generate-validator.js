#!/usr/bin/env node
// Writes sim/scenario/scenario-validator.ts, the scenario schema compiled by ajv (see
// sim/scenario/validator-source.ts). Run after changing the schema: `npm run validator`.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validatorSource } from '../dist/scenario/validator-source.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
writeFileSync(path.join(root, 'sim/scenario/scenario-validator.ts'), validatorSource());
