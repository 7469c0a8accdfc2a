// `sim trace FILE`: run one strategy of one variant and tell the story of its first messages in
// sentences (and, with --mermaid, as a sequence diagram). The run stops as soon as the story is
// complete: the trace sink throws a private marker that ends the simulation early.
import { followStory, mermaidDiagram, narrateSteps } from '../reports/index.js';
import { formatProblem, loadScenarioFile } from '../scenario/index.js';
import { checkStrategies, checkVariants, parseSeed } from './arguments.js';
import { UsageError } from './exit-codes.js';
import { parseFrom, parseMermaidPath, parseMessageCount, parseOne } from './trace-arguments.js';
import { writeFileAtomically } from './write-file.js';
import { checkFileTarget } from './out-place.js';

export interface TraceArgs {
  file: string;
  strategy?: unknown;
  variant?: unknown;
  messages?: unknown;
  from?: unknown;
  mermaid?: unknown;
  seed?: unknown;
  set?: string[];
}


export async function traceCommand(args: TraceArgs, print: (text: string) => void): Promise<void> {
  const seed = parseSeed(args.seed);
  const messages = parseMessageCount(args.messages);
  const fromMs = parseFrom(args.from);
  const strategyName = parseOne(args.strategy, '--strategy');
  const variantName = parseOne(args.variant, '--variant');
  const mermaidFile = parseMermaidPath(args.mermaid);
  if (mermaidFile !== undefined) checkFileTarget(mermaidFile, '--mermaid');
  const loaded = loadScenarioFile(args.file, { set: args.set });
  if (!loaded.ok) throw new UsageError(loaded.problems.map(formatProblem));
  if (variantName !== undefined) checkVariants([variantName], loaded.variants.map((v) => v.name));
  const variant = variantName !== undefined ? loaded.variants.find((v) => v.name === variantName) : loaded.variants[0];
  const base = variant?.scenario ?? loaded.scenario;
  const scenario = seed === undefined ? base : { ...base, seed };
  if (strategyName !== undefined) checkStrategies([strategyName], scenario.strategies.map((s) => s.name));
  const strategy = scenario.strategies.find((s) => strategyName === undefined || s.name === strategyName);
  if (strategy === undefined) throw new UsageError([`sim: ${args.file} has no strategies to trace`]);

  const { steps, found } = await followStory(scenario, strategy.name, { messages, fromMs });
  if (mermaidFile !== undefined) writeFileAtomically(mermaidFile, mermaidDiagram(steps));

  const which = messages === 1 ? 'the first message' : `the first ${messages} messages`;
  const at = fromMs > 0 ? ` at or after ${String(args.from)}` : '';
  const variantNote = variant !== undefined ? `, variant ${variant.name}` : '';
  const lines = [`sim trace ${args.file} — strategy ${strategy.name}${variantNote} (seed ${scenario.seed}): ${which}${at === '' ? '' : ` sent${at}`}`, ...narrateSteps(steps)];
  if (found < messages) {
    lines.push(found === 0 ? `The run sent no messages${at}.` : `The run sent only ${found === 1 ? '1 message' : `${found} messages`}${at}.`);
  }
  if (mermaidFile !== undefined) lines.push('', `wrote ${mermaidFile}`);
  // One write: a reader that stops early (| head) then meets a finished write rather than a broken pipe.
  print(`${lines.join('\n')}\n`);
}
