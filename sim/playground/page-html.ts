// The playground's one HTML file: the page's markup and style, the bundled data (scenarios, data
// files, the JSON Schema) as JSON, the simulation worker's script as inert text (started from a Blob
// URL), and the page's script. Nothing is fetched: the page works from file:// and any static host.
import { PAGE_STYLE } from './page-style.js';

export interface PageParts {
  readonly data: object;
  readonly workerScript: string;
  readonly pageScript: string;
}

/** JSON that cannot end its script element early: every `<` escaped. */
const inertJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * A bundled script, checked to be safe inline: esbuild escapes every `</script`; an HTML comment
 * opener followed by a `<script` tag would still put the parser in a state where the real end tag no
 * longer ends the element, so that pair is refused.
 */
function inertScript(code: string): string {
  if (/<\/script/i.test(code) || (code.includes('<!--') && /<script[\s/>]/i.test(code))) {
    throw new Error('internal: a bundled script cannot be inlined safely ("</script", or "<!--" with "<script")');
  }
  return code;
}

export function pageHtml(parts: PageParts): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>sim playground: MSMQ scale-out in the browser</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header class="top">
  <div class="brand"><h1>sim playground</h1><p>NServiceBus MSMQ scale-out, simulated in your browser: the same engine as <code>npx sim run</code>.</p></div>
  <div class="controls">
    <label>Bundled scenario <select id="scenario-menu"></select></label>
    <button id="run" type="button" class="primary">Run</button>
    <button id="cancel" type="button" disabled>Cancel</button>
    <button id="share" type="button">Share link</button>
    <progress id="progress" aria-label="Run progress" hidden></progress>
    <span id="status" role="status"></span>
  </div>
</header>
<main>
  <section class="editor-pane" aria-labelledby="editor-title">
    <h2 id="editor-title">Scenario</h2>
    <div id="problems" role="alert" hidden></div>
    <div id="editor"></div>
  </section>
  <section class="results-pane">
    <div id="results" hidden>
      <h2 id="result-title"></h2>
      <section><h3 id="table-title">Comparison</h3><div id="table"></div></section>
      <section id="findings-section"><h3>Findings</h3><div id="findings"></div></section>
      <section id="trace-section">
        <h3>The first messages</h3>
        <div class="trace-controls">
          <label>Strategy <select id="trace-strategy"></select></label>
          <label>Messages <select id="trace-messages"><option>3</option><option selected>5</option><option>8</option><option>12</option></select></label>
          <button id="anim-play" type="button" aria-pressed="false">Play</button>
          <button id="anim-step" type="button">Step</button>
          <button id="anim-restart" type="button">Restart</button>
          <label>Speed <select id="anim-speed"><option value="0.5">0.5x</option><option value="1" selected>1x</option><option value="2">2x</option><option value="4">4x</option></select></label>
          <span id="anim-counter"></span>
        </div>
        <p id="anim-caption" aria-live="polite"></p>
        <div id="animation"></div>
        <p class="legend"><span class="key key-work"></span> work message <span class="key key-reply"></span> reply <span class="key key-ready"></span> ready message</p>
        <details><summary>Narrated trace</summary><pre id="narration"></pre></details>
      </section>
      <section><h3>Charts</h3><div id="charts" class="charts"></div></section>
      <section><h3>Downloads</h3><p class="muted">The files <code>npx sim run</code> writes (the PNGs and report.html are made by the command line only), and the scenario.</p><div id="downloads"></div></section>
    </div>
    <div id="welcome" class="muted"><p>Press <strong>Run</strong> to simulate every strategy of the scenario. Change a number and run again; the address bar keeps your scenario, so a link shares it.</p></div>
  </section>
</main>
<script type="application/json" id="playground-data">${inertJson(parts.data)}</script>
<script type="text/plain" id="sim-worker">${inertScript(parts.workerScript)}</script>
<script>${inertScript(parts.pageScript)}</script>
</body>
</html>
`;
}
