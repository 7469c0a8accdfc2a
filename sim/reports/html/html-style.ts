// The stylesheet of report.html: system fonts, a readable measure, quiet tables. No external resources.
export const HTML_STYLE = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d8dee4; --soft: #f6f8fa; --accent: #0b5cad; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.5 "DejaVu Sans", system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
header { padding: 24px 32px 12px; border-bottom: 1px solid var(--line); background: var(--soft); }
header h1 { margin: 0; font-size: 26px; }
header p { margin: 2px 0 8px; }
nav a { margin-right: 16px; color: var(--accent); text-decoration: none; font-weight: 600; }
nav a:hover { text-decoration: underline; }
main { max-width: 1180px; padding: 8px 32px 48px; }
section { margin-top: 28px; }
h2 { font-size: 20px; margin: 0 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 18px 0 6px; }
.muted { color: var(--muted); font-size: 13px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 0 32px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: 13px; margin: 4px 0; }
th, td { padding: 4px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { background: var(--soft); font-weight: 600; white-space: nowrap; }
tbody th { font-weight: normal; font-family: "DejaVu Sans Mono", ui-monospace, Menlo, Consolas, monospace; font-size: 12px; white-space: nowrap; }
table.sweep td, table.summary td { white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tbody tr:hover { background: #fafbfc; }
ul.answer { list-style: none; padding: 12px 16px; margin: 0 0 6px; background: #eef6ee; border-left: 4px solid #2e7d32; }
ul.answer li { margin: 4px 0; }
ul.findings li { margin: 4px 0; }
figure.chart { margin: 16px 0 28px; }
figure.chart figcaption { font: 12px "DejaVu Sans Mono", ui-monospace, monospace; color: var(--muted); margin-bottom: 4px; }
.view { overflow-x: auto; min-height: 60px; }
.view svg, .view img { display: block; max-width: 100%; height: auto; }
`.trim();
