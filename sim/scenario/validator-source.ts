// The source of scenario-validator.ts: ajv compiles the scenario JSON Schema (schema.ts) into a
// standalone validating function, once, when the code is built, instead of in every process that
// loads a scenario (compiling costs more than the rest of a scenario error's start-up). ajv and its
// code generator are needed only here: `node bin/generate-validator.js` writes the file, and a test
// fails when it no longer matches the schema.
import { Ajv } from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { scenarioJsonSchema } from './schema.js';

/** The options the scenario is validated with. verbose: errors carry the offending data and the schema around it, which the messages need. */
const OPTIONS = { allErrors: true, verbose: true, code: { source: true, esm: true } } as const;

const HEADER = `// @ts-nocheck
// Generated from the scenario JSON Schema (schema.ts) by \`node bin/generate-validator.js\`, with
// validator-source.ts: do not edit. test/scenario/scenario-validator.test.ts fails when it is stale.
`;

/** The TypeScript module that exports \`validate\`, the scenario schema's compiled validator. */
export function validatorSource(): string {
  const ajv = new Ajv(OPTIONS);
  // A CommonJS module: its default export arrives as the module object's `default`.
  const generate = standaloneModule.default;
  const code = generate(ajv, ajv.compile(scenarioJsonSchema()));
  // ajv's ESM output still loads its run-time helpers with require(); an ES module imports them. They
  // are CommonJS: Node hands over the module object (the helper is its `default`), bundlers the helper.
  const helpers: string[] = [];
  const body = code.replace(/require\("ajv\/dist\/runtime\/(\w+)"\)\.default/g, (_all: string, name: string) => {
    helpers.push(name);
    return `(${name}Helper.default ?? ${name}Helper)`;
  });
  if (/\brequire\(/.test(body)) throw new Error('internal: the generated validator loads a module this generator does not know');
  const imports = [...new Set(helpers)].map((name) => `import ${name}Helper from 'ajv/dist/runtime/${name}.js';\n`).join('');
  return `${HEADER}${imports}${body.replace(/^"use strict";/, '')}\n`;
}
