// The scenario editor: CodeMirror 6 with YAML, completion and hover from the scenario JSON Schema
// (codemirror-json-schema), and the loader's own problems as diagnostics at their line. The loader
// checks the same JSON Schema, with its own messages (field path, did-you-mean), so the schema's
// problems are not listed twice.
import { autocompletion } from '@codemirror/autocomplete';
import { type Diagnostic, linter, lintGutter } from '@codemirror/lint';
import { EditorState, type Extension, type Text } from '@codemirror/state';
import { EditorView, hoverTooltip } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import * as jsonSchema from 'codemirror-json-schema';
import { yamlCompletion, yamlSchemaHover } from 'codemirror-json-schema/yaml';
import { yaml, yamlLanguage } from '@codemirror/lang-yaml';
import type { PageProblem } from './protocol.js';

export interface EditorOptions {
  readonly parent: HTMLElement;
  readonly text: string;
  readonly schema: object;
  /** The loader's problems for `text` (those in other files are not marked here). */
  check(text: string): Promise<readonly PageProblem[] | undefined>;
  onChange(text: string): void;
}

export function createEditor(options: EditorOptions): EditorView {
  const problemsLinter = linter(
    async (view) => {
      const text = view.state.doc.toString();
      const problems = await options.check(text);
      // A newer edit supersedes this check (or it was cancelled): keep what is shown.
      if (problems === undefined || view.state.doc.toString() !== text) return [];
      return toDiagnostics(problems, view.state.doc);
    },
    { delay: 400 },
  );
  return new EditorView({
    parent: options.parent,
    state: EditorState.create({
      doc: options.text,
      extensions: [
        basicSetup,
        yaml(),
        yamlLanguage.data.of({ autocomplete: yamlCompletion() }),
        autocompletion(),
        hoverTooltip(yamlSchemaHover()),
        schemaState(options.schema),
        problemsLinter,
        lintGutter(),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': 'Scenario' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
}

/** The package's types name its own modules without extensions, which this project's resolution cannot follow. */
const schemaState = (jsonSchema as unknown as { stateExtensions(schema: object): Extension }).stateExtensions;

/** Replaces the whole text (a scenario chosen from the menu). */
export function setText(view: EditorView, text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

/** Problems of the edited file as diagnostics: from the problem's column to the end of its word. */
export function toDiagnostics(problems: readonly PageProblem[], doc: Text): Diagnostic[] {
  return problems.map((p) => {
    const line = doc.line(Math.min(Math.max(p.line, 1), doc.lines));
    const from = Math.min(line.from + Math.max(p.col, 1) - 1, line.to);
    const rest = line.text.slice(from - line.from);
    const word = /^[^\s,:{}[\]]*/.exec(rest)?.[0].length ?? 0;
    return { from, to: word > 0 ? from + word : line.to, severity: 'error', message: p.text, source: 'sim' };
  });
}
