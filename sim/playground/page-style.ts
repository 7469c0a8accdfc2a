// The playground page's style sheet.
export const PAGE_STYLE = `
:root { --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --bg: #f5f7fa; --accent: #2563eb; --work: #2563eb; --reply: #059669; --ready: #d97706; font-family: system-ui, "DejaVu Sans", Verdana, sans-serif; color: var(--ink); }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); }
h1 { font-size: 1.25rem; margin: 0; }
h2 { font-size: 1.05rem; margin: 0 0 .5rem; }
h3 { font-size: .95rem; margin: 1.25rem 0 .5rem; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.top { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between; padding: .75rem 1.25rem; background: #fff; border-bottom: 1px solid var(--line); position: sticky; top: 0; z-index: 5; }
.brand p { margin: .15rem 0 0; color: var(--muted); font-size: .85rem; }
.controls { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; font-size: .9rem; }
button, select { font: inherit; padding: .35rem .7rem; border: 1px solid var(--line); border-radius: 6px; background: #fff; cursor: pointer; }
button:disabled { opacity: .45; cursor: default; }
button.primary { background: var(--accent); border-color: var(--accent); color: #fff; font-weight: 600; padding: .35rem 1.2rem; }
progress { width: 9rem; }
#status { color: var(--muted); }
main { display: grid; grid-template-columns: minmax(22rem, 40%) 1fr; gap: 1rem; padding: 1rem 1.25rem; align-items: start; }
@media (max-width: 900px) { main { grid-template-columns: 1fr; } }
.editor-pane { position: sticky; top: 4.75rem; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: .75rem; }
#editor .cm-editor { height: calc(100vh - 10.5rem); min-height: 20rem; font-size: 13px; border: 1px solid var(--line); border-radius: 6px; }
#editor .cm-editor.cm-focused { outline: 2px solid #93c5fd; }
#problems { background: #fef2f2; border: 1px solid #fca5a5; color: #991b1b; border-radius: 6px; padding: .5rem .75rem; margin-bottom: .5rem; font-size: .85rem; max-height: 10rem; overflow: auto; }
#problems ul { margin: .25rem 0 0; padding-left: 1.1rem; }
#problems li { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .8rem; }
.results-pane { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: .75rem 1rem 1.5rem; min-width: 0; }
table.comparison { border-collapse: collapse; font-size: .9rem; }
table.comparison th, table.comparison td { padding: .3rem .75rem; border-bottom: 1px solid var(--line); }
table.comparison th { text-align: right; color: var(--muted); font-weight: 600; }
table.comparison th:first-child, td.text { text-align: left; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
.ledger { color: #9a3412; font-size: .85rem; }
.muted { color: var(--muted); }
#findings ul { margin: 0; padding-left: 1.2rem; line-height: 1.5; }
.trace-controls { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; font-size: .9rem; }
#anim-counter { color: var(--muted); font-variant-numeric: tabular-nums; }
#anim-caption { min-height: 2.6em; margin: .6rem 0; padding: .5rem .75rem; background: var(--bg); border-left: 3px solid var(--accent); font-size: .9rem; }
svg.anim { width: 100%; height: auto; max-height: 32rem; display: block; }
.machine-box { fill: #f8fafc; stroke: #9aa5b1; stroke-width: 1.2; }
.machine-name { font-weight: 700; font-size: 14px; fill: var(--ink); }
.place-box { fill: #fff; stroke: var(--line); }
.place-queue .place-box { fill: #eff6ff; }
.place-distributor .place-box { fill: #fff7ed; }
.place-sender .place-box { fill: #ecfdf5; }
.place-label { font-size: 12px; fill: var(--ink); }
.place-value { font-size: 11px; fill: var(--muted); }
.link { fill: none; stroke-width: 1.5; }
.link-work { stroke: #93c5fd; } .link-reply { stroke: #6ee7b7; stroke-dasharray: 2 3; } .link-ready { stroke: #fcd34d; stroke-dasharray: 5 4; }
.arrow-work { fill: #93c5fd; } .arrow-reply { fill: #6ee7b7; } .arrow-ready { fill: #fcd34d; }
.queue-bar { fill: #60a5fa; }
.dot circle { stroke: #fff; stroke-width: 1.5; }
.dot text { font-size: 9px; fill: #fff; font-weight: 700; pointer-events: none; }
.dot-work circle { fill: var(--work); }
.dot-reply circle { fill: var(--reply); }
.dot-ready circle { fill: var(--ready); }
.dot-ready text { font-size: 0; }
.legend { font-size: .8rem; color: var(--muted); display: flex; gap: .4rem; align-items: center; }
.key { display: inline-block; width: .8rem; height: .8rem; border-radius: 50%; margin-left: .6rem; }
.key-work { background: var(--work); } .key-reply { background: var(--reply); } .key-ready { background: var(--ready); }
pre { font-size: .78rem; overflow: auto; background: var(--bg); padding: .6rem; border-radius: 6px; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(26rem, 1fr)); gap: 1rem; }
figure.chart { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: .5rem; overflow: auto; }
figure.chart svg { max-width: 100%; height: auto; }
.plan { white-space: pre-wrap; }
figure.chart figcaption { font-size: .75rem; color: var(--muted); }
ul.downloads { display: flex; flex-wrap: wrap; gap: .4rem; list-style: none; padding: 0; }
ul.downloads a { display: inline-block; padding: .2rem .55rem; border: 1px solid var(--line); border-radius: 4px; font-size: .8rem; text-decoration: none; color: var(--accent); }
`;
