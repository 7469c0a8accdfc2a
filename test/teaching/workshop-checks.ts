// The machine-readable checks of scenarios/workshop.md: parsing the guide into exercises and checks,
// reading CSV files, and evaluating one check against the CSV files of one run.
//
// A check is an HTML comment right under the observation it backs:
//
//   <!-- check: SCENARIO [with PATH=VALUE[; PATH=VALUE]...] | FILE | ROWS | ASSERTION -->
//
//   SCENARIO   a bundled scenario, scenarios/SCENARIO.yaml. `with` changes it the way the guide asks
//              the learner to, `--set PATH=VALUE` for each edit: PATH is a dotted path with [n]
//              indexes, VALUE a YAML scalar. The path must already exist in the file.
//   FILE       a CSV file the run writes (summary.csv, faults.csv, ...; messages.csv turns on
//              --messages-csv for that run).
//   ROWS       `all`, or `column=value, column=value`: the rows every term starts from.
//   ASSERTION  EXPRESSION OP EXPRESSION, with OP one of == != < <= > >=, or
//              EXPRESSION between EXPRESSION and EXPRESSION (inclusive).
//   EXPRESSION numbers and terms with + - * / and parentheses. A term is a column, optionally after
//              an aggregate (max, min, sum, mean) and before `[column=value, ...]` narrowing the
//              rows; `count` (or `count[...]`) counts rows. A column without an aggregate must select
//              exactly one row.
//
// `pending check:` instead of `check:` marks a check whose scenario uses a feature still being
// finished: it is skipped while the run rejects the scenario (exit code 2) and enforced once it runs.
import YAML from 'yaml';

export type Selector = ReadonlyArray<readonly [string, string]>;
type Aggregate = 'max' | 'min' | 'sum' | 'mean' | 'count';
type Comparison = '==' | '!=' | '<' | '<=' | '>' | '>=';

export type Expr =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'term'; readonly aggregate?: Aggregate; readonly column?: string; readonly where: Selector }
  | { readonly kind: 'binary'; readonly op: '+' | '-' | '*' | '/'; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'negate'; readonly operand: Expr };

export type Assertion =
  | { readonly kind: 'compare'; readonly op: Comparison; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'between'; readonly value: Expr; readonly low: Expr; readonly high: Expr };

export interface Edit {
  readonly text: string;
  readonly path: ReadonlyArray<string | number>;
  readonly value: unknown;
}

export interface Check {
  /** The comment's content after `check:`, whitespace collapsed: the name of its test. */
  readonly text: string;
  readonly pending: boolean;
  readonly line: number;
  readonly scenario: string;
  readonly edits: readonly Edit[];
  readonly file: string;
  readonly rows: Selector;
  readonly assertion: Assertion;
}

export interface Exercise {
  readonly number: number;
  readonly title: string;
  readonly line: number;
  readonly body: string;
  readonly checks: Check[];
}

export interface Guide {
  readonly exercises: Exercise[];
  /** Checks that don't parse, checks outside an exercise, exercises out of order. */
  readonly problems: string[];
}

const AGGREGATES = new Set(['max', 'min', 'sum', 'mean', 'count']);
const FILE_NAME = /^[a-z0-9][a-z0-9-]*\.csv$/;
const SCENARIO_NAME = /^[a-z0-9][a-z0-9-]*$/;

// ---------------------------------------------------------------------------------------------------
// The guide

/** Splits the guide into `## Exercise N: title` sections and parses every check comment in them. */
export function parseGuide(markdown: string): Guide {
  const lines = markdown.split('\n');
  const exercises: Exercise[] = [];
  const problems: string[] = [];
  let current: { number: number; title: string; line: number; body: string[]; checks: Check[] } | undefined;
  let inFence = false;
  let comment: { start: number; text: string } | undefined;
  const close = (): void => {
    if (current) exercises.push({ number: current.number, title: current.title, line: current.line, body: current.body.join('\n'), checks: current.checks });
    current = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const lineNo = i + 1;
    if (comment) {
      comment.text += `\n${line}`;
      if (line.includes('-->')) {
        handleComment(comment.text, comment.start);
        comment = undefined;
      }
      current?.body.push(line);
      continue;
    }
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (!inFence && /^## /.test(line)) {
      close();
      const m = /^## Exercise (\d+): (.+)$/.exec(line);
      if (m) current = { number: Number(m[1]), title: m[2].trim(), line: lineNo, body: [], checks: [] };
      else if (/^## Exercise\b/i.test(line)) problems.push(`line ${lineNo}: an exercise heading must read "## Exercise N: title", got "${line}"`);
      continue;
    }
    current?.body.push(line);
    if (inFence) continue;
    const start = line.indexOf('<!--');
    if (start >= 0) {
      const rest = line.slice(start);
      if (rest.includes('-->')) handleComment(rest, lineNo);
      else comment = { start: lineNo, text: rest };
    }
  }
  if (comment) problems.push(`line ${comment.start}: an HTML comment is never closed`);
  close();

  exercises.forEach((e, i) => {
    if (e.number !== i + 1) problems.push(`line ${e.line}: exercise ${e.number} should be numbered ${i + 1}`);
  });
  return { exercises, problems };

  function handleComment(raw: string, lineNo: number): void {
    const inner = raw.replace(/^<!--/, '').replace(/-->[\s\S]*$/, '').replace(/\s+/g, ' ').trim();
    if (!/check/i.test(inner)) return;
    const m = /^(pending )?check: (.*)$/.exec(inner);
    if (!m) {
      problems.push(`line ${lineNo}: a comment that mentions "check" is not a check ("check: ..." or "pending check: ..."): ${inner}`);
      return;
    }
    let check: Check;
    try {
      check = parseCheck(m[2], { pending: Boolean(m[1]), line: lineNo });
    } catch (e) {
      problems.push(`line ${lineNo}: ${(e as Error).message}: ${inner}`);
      return;
    }
    if (!current) problems.push(`line ${lineNo}: a check outside any exercise: ${check.text}`);
    else current.checks.push(check);
  }
}

export interface GuideRules {
  readonly minExercises: number;
  readonly scenarioExists: (name: string) => boolean;
}

/** Everything wrong with the guide's structure (empty when it is sound). */
export function guideProblems(guide: Guide, rules: GuideRules): string[] {
  const problems = [...guide.problems];
  if (guide.exercises.length < rules.minExercises) {
    problems.push(`the guide has ${guide.exercises.length} exercises, at least ${rules.minExercises} are needed`);
  }
  for (const e of guide.exercises) {
    if (e.checks.length === 0) problems.push(`exercise ${e.number} (${e.title}) has no check`);
    if (!/npx sim (run|trace) /.test(e.body)) problems.push(`exercise ${e.number} (${e.title}) gives no command to run`);
    for (const c of e.checks) {
      if (!rules.scenarioExists(c.scenario)) problems.push(`exercise ${e.number}: unknown scenario "${c.scenario}" in check: ${c.text}`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------
// One check

export function parseCheck(body: string, where: { pending?: boolean; line?: number } = {}): Check {
  const text = body.replace(/\s+/g, ' ').trim();
  const parts = text.split('|').map((p) => p.trim());
  if (parts.length !== 4) throw new Error(`a check has 4 parts separated by "|" (scenario | file | rows | assertion), got ${parts.length}`);
  const [run, file, rows, assertion] = parts;

  const runMatch = /^(\S+)(?: with (.+))?$/.exec(run);
  if (!runMatch || !SCENARIO_NAME.test(runMatch[1])) throw new Error(`bad scenario "${run}"`);
  const edits = runMatch[2] ? runMatch[2].split(';').map((e) => parseEdit(e.trim())) : [];
  if (!FILE_NAME.test(file)) throw new Error(`bad file name "${file}" (a CSV file of the run, e.g. summary.csv)`);

  return {
    text: `${where.pending ? 'pending ' : ''}${text}`,
    pending: where.pending ?? false,
    line: where.line ?? 0,
    scenario: runMatch[1],
    edits,
    file,
    rows: rows === 'all' ? [] : parseSelector(rows),
    assertion: parseAssertion(assertion),
  };
}

function parseEdit(text: string): Edit {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new Error(`an edit is PATH=VALUE, got "${text}"`);
  const pathText = text.slice(0, eq).trim();
  if (!/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*|\[\d+\])*$/.test(pathText)) throw new Error(`bad path "${pathText}"`);
  const path: Array<string | number> = [];
  for (const m of pathText.matchAll(/([A-Za-z_][\w-]*)|\[(\d+)\]/g)) path.push(m[1] !== undefined ? m[1] : Number(m[2]));
  const raw = text.slice(eq + 1).trim();
  if (raw === '') throw new Error(`no value in edit "${text}"`);
  return { text: `${pathText}=${raw}`, path, value: YAML.parse(raw) };
}

function parseSelector(text: string): Selector {
  return text.split(',').map((pair) => {
    const eq = pair.indexOf('=');
    const column = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (eq <= 0 || !/^[A-Za-z0-9_.]+$/.test(column) || value === '') throw new Error(`a row selector is column=value, got "${pair.trim()}"`);
    return [column, value] as const;
  });
}

type Token =
  | { t: 'num'; v: number }
  | { t: 'word'; v: string }
  | { t: 'op'; v: string }
  | { t: 'sel'; v: Selector };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ') {
      i++;
      continue;
    }
    if (c === '[') {
      const end = text.indexOf(']', i);
      if (end < 0) throw new Error(`unclosed "[" in "${text}"`);
      tokens.push({ t: 'sel', v: parseSelector(text.slice(i + 1, end)) });
      i = end + 1;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (['==', '!=', '<=', '>='].includes(two)) {
      tokens.push({ t: 'op', v: two });
      i += 2;
      continue;
    }
    if ('+-*/()<>'.includes(c)) {
      tokens.push({ t: 'op', v: c });
      i++;
      continue;
    }
    const num = /^\d+(\.\d+)?(e[+-]?\d+)?/i.exec(text.slice(i));
    if (num) {
      tokens.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const word = /^[a-z_][a-z0-9_]*/.exec(text.slice(i));
    if (word) {
      tokens.push({ t: 'word', v: word[0] });
      i += word[0].length;
      continue;
    }
    throw new Error(`unexpected "${c}" in "${text}"`);
  }
  return tokens;
}

function parseAssertion(text: string): Assertion {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isOp = (v: string): boolean => peek()?.t === 'op' && peek()!.v === v;
  const isWord = (v: string): boolean => peek()?.t === 'word' && peek()!.v === v;

  const primary = (): Expr => {
    const tok = peek();
    if (!tok) throw new Error(`"${text}" ends too early`);
    if (tok.t === 'num') {
      pos++;
      return { kind: 'number', value: tok.v };
    }
    if (tok.t === 'op' && tok.v === '(') {
      pos++;
      const inner = sum();
      if (!isOp(')')) throw new Error(`missing ")" in "${text}"`);
      pos++;
      return inner;
    }
    if (tok.t === 'op' && tok.v === '-') {
      pos++;
      return { kind: 'negate', operand: primary() };
    }
    if (tok.t === 'word' && tok.v !== 'between' && tok.v !== 'and') {
      pos++;
      let aggregate: Aggregate | undefined;
      let column: string | undefined = tok.v;
      if (tok.v === 'count') {
        aggregate = 'count';
        column = undefined;
      } else if (AGGREGATES.has(tok.v)) {
        const next = peek();
        if (next?.t !== 'word') throw new Error(`"${tok.v}" needs a column in "${text}"`);
        aggregate = tok.v as Aggregate;
        column = next.v;
        pos++;
      }
      let where: Selector = [];
      const next = peek();
      if (next?.t === 'sel') {
        where = next.v;
        pos++;
      }
      return { kind: 'term', aggregate, column, where };
    }
    throw new Error(`unexpected "${tok.t === 'sel' ? '[...]' : String(tok.v)}" in "${text}"`);
  };
  const product = (): Expr => {
    let left = primary();
    while (isOp('*') || isOp('/')) {
      const op = (tokens[pos++] as { v: string }).v as '*' | '/';
      left = { kind: 'binary', op, left, right: primary() };
    }
    return left;
  };
  const sum = (): Expr => {
    let left = product();
    while (isOp('+') || isOp('-')) {
      const op = (tokens[pos++] as { v: string }).v as '+' | '-';
      left = { kind: 'binary', op, left, right: product() };
    }
    return left;
  };

  const left = sum();
  let assertion: Assertion;
  if (isWord('between')) {
    pos++;
    const low = sum();
    if (!isWord('and')) throw new Error(`"between" needs "and" in "${text}"`);
    pos++;
    assertion = { kind: 'between', value: left, low, high: sum() };
  } else {
    const tok = peek();
    if (tok?.t !== 'op' || !['==', '!=', '<', '<=', '>', '>='].includes(tok.v)) {
      throw new Error(`an assertion needs a comparison (== != < <= > >= or between ... and ...) in "${text}"`);
    }
    pos++;
    assertion = { kind: 'compare', op: tok.v as Comparison, left, right: sum() };
  }
  if (pos !== tokens.length) throw new Error(`unexpected text after the assertion in "${text}"`);
  return assertion;
}

// ---------------------------------------------------------------------------------------------------
// CSV files

export interface Table {
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

/** RFC 4180: quoted fields may hold commas, quotes ("") and newlines. */
export function parseCsv(text: string): Table {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const [header = [], ...rows] = records;
  return { header, rows };
}

// ---------------------------------------------------------------------------------------------------
// Evaluating

export interface Outcome {
  readonly passed: boolean;
  /** The values the assertion compared, for the failure message. */
  readonly detail: string;
}

/**
 * Evaluates a check against one run's files. `table(name)` returns a CSV file of the run, or undefined
 * when the run didn't write it. Throws when the check itself is wrong for the data: an unknown file or
 * column, a selector value no row has, a plain column selecting other than one row, an empty cell.
 */
export function evaluate(check: Check, table: (file: string) => Table | undefined, writtenFiles: readonly string[] = []): Outcome {
  const data = table(check.file);
  if (!data) throw new Error(`unknown file ${check.file}: the run wrote ${writtenFiles.length ? writtenFiles.join(', ') : 'no such file'}`);
  // strategy and variant values are checked against summary.csv too, so a count over a file with no
  // rows (leftovers.csv when nothing was left) still catches a misspelt strategy.
  const summary = table('summary.csv');
  const columnIndex = (column: string): number => {
    const i = data.header.indexOf(column);
    if (i < 0) throw new Error(`unknown column "${column}" in ${check.file} (columns: ${data.header.join(', ')})`);
    return i;
  };
  const validate = (selector: Selector): void => {
    for (const [column, value] of selector) {
      const i = columnIndex(column);
      const inFile = data.rows.some((r) => r[i] === value);
      const si = summary && (column === 'strategy' || column === 'variant') ? summary.header.indexOf(column) : -1;
      const inSummary = si >= 0 && summary!.rows.some((r) => r[si] === value);
      if (!inFile && !inSummary) throw new Error(`no row of ${check.file} has ${column}=${value}`);
    }
  };
  const select = (selector: Selector): ReadonlyArray<readonly string[]> => {
    validate(selector);
    const indexed = selector.map(([column, value]) => [columnIndex(column), value] as const);
    return data.rows.filter((r) => indexed.every(([i, v]) => r[i] === v));
  };
  const describeRows = (selector: Selector): string => (selector.length ? selector.map(([c, v]) => `${c}=${v}`).join(', ') : 'all rows');

  const value = (e: Expr): number => {
    switch (e.kind) {
      case 'number':
        return e.value;
      case 'negate':
        return -value(e.operand);
      case 'binary': {
        const a = value(e.left);
        const b = value(e.right);
        if (e.op === '+') return a + b;
        if (e.op === '-') return a - b;
        if (e.op === '*') return a * b;
        return a / b;
      }
      case 'term': {
        const selector = [...check.rows, ...e.where];
        const rows = select(selector);
        if (e.aggregate === 'count') return rows.length;
        const i = columnIndex(e.column!);
        const numbers = rows.map((r) => {
          const cell = r[i];
          const n = Number(cell);
          if (cell === '' || Number.isNaN(n)) throw new Error(`${e.column} is not a number ("${cell}") in ${check.file} at ${describeRows(selector)}`);
          return n;
        });
        if (!e.aggregate) {
          if (numbers.length !== 1) throw new Error(`${e.column} at ${describeRows(selector)} selects ${numbers.length} rows of ${check.file}; narrow the rows or use an aggregate`);
          return numbers[0];
        }
        if (e.aggregate === 'sum') return numbers.reduce((a, b) => a + b, 0);
        if (numbers.length === 0) throw new Error(`${e.aggregate} ${e.column} at ${describeRows(selector)}: no rows in ${check.file}`);
        if (e.aggregate === 'max') return Math.max(...numbers);
        if (e.aggregate === 'min') return Math.min(...numbers);
        return numbers.reduce((a, b) => a + b, 0) / numbers.length;
      }
    }
  };

  const a = check.assertion;
  const show = (n: number): string => (Number.isInteger(n) ? String(n) : n.toPrecision(6));
  if (a.kind === 'between') {
    const v = value(a.value);
    const low = value(a.low);
    const high = value(a.high);
    return { passed: v >= low && v <= high, detail: `${show(v)} is not between ${show(low)} and ${show(high)}` };
  }
  const left = value(a.left);
  const right = value(a.right);
  const passed = {
    '==': left === right,
    '!=': left !== right,
    '<': left < right,
    '<=': left <= right,
    '>': left > right,
    '>=': left >= right,
  }[a.op];
  return { passed, detail: `${show(left)} ${a.op} ${show(right)} is false` };
}

/** Applies a check's edits to a scenario's YAML text (what `--set` does); every path must already exist. */
export function applyEdits(yamlText: string, edits: readonly Edit[]): string {
  const doc = YAML.parseDocument(yamlText);
  for (const edit of edits) {
    if (!doc.hasIn(edit.path)) throw new Error(`the scenario has no ${edit.text.slice(0, edit.text.indexOf('='))} to change`);
    doc.setIn(edit.path, edit.value);
  }
  return String(doc);
}

/** What identifies one run: the scenario, its edits, and whether messages.csv is needed. */
export function runKey(check: Check): string {
  return [check.scenario, ...check.edits.map((e) => e.text)].join(' ; ');
}
