import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCharts, buildHtmlReport, beginOutput, buildSweepCharts, writeReport } from '../../sim/reports/index.js';
import type { ScenarioResult, SweepResult } from '../../sim/metrics/results.js';
import { findChromium } from '../find-chromium.js';
import { fixtureResult } from './fixture.js';
import { sampleResult } from './sample-result.js';
import { sweepFixture } from './sweep-fixture.js';
import { twoParameterSample } from './sweep-sample.js';

const CHROMIUM = findChromium();
const hasChromium = CHROMIUM !== undefined;
// The skip is said once, in the test's own name, which the summary lists as skipped.
const SKIP_NOTE = hasChromium ? '' : ' [skipped: no Chromium on PATH or in CHROMIUM_PATH]';

/** Every src= or href= attribute value in the page's markup (outside its scripts). */
function references(html: string): string[] {
  const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '<script></script>');
  return [...markup.matchAll(/\b(?:src|href)\s*=\s*["']?([^"'\s>]*)/gi)].map((match) => match[1]);
}

/** The charts embedded in the page, as the page's script reads them. */
function embedded(html: string): { name: string; spec: object }[] {
  const json = /<script type="application\/json" id="chart-specs">([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (json === undefined) throw new Error('no chart-specs script');
  return JSON.parse(json) as { name: string; spec: object }[];
}

const sweep = sweepFixture();
const sweepCharts = buildSweepCharts(sweep);

describe('buildHtmlReport', () => {
  it('is one self-contained page: no external src or href, the libraries inline', async () => {
    const html = await buildHtmlReport({ sweep, charts: sweepCharts });
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(references(html).filter((ref) => /^(?:https?:)?\/\//i.test(ref))).toEqual([]);
    // Nor in the inlined scripts (which build SVG, and must not point it at the network either).
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*\\?["']?\s*(?:https?:)?\/\//i);
    expect(references(html).sort()).toEqual(['#answer', '#charts', '#scenario', '#summary', 'data:,']);
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?https?:/i);
    expect(html).not.toContain('sourceMappingURL');
    // vega and vega-lite, each a script of its own, then the data and the drawing script.
    expect((html.match(/<script>/g) ?? []).length).toBe(3);
    expect(html).toContain('vegaLite');
    expect(html.length).toBeGreaterThan(700_000);
  }, 30_000);

  it('has the scenario, the answer, the summary and one container per chart', async () => {
    const html = await buildHtmlReport({ sweep, charts: sweepCharts });
    expect(html).toContain('<title>fixture: sim report</title>');
    expect(html).toContain('<dt>swept</dt><dd>endpoints.Sales.instances.count: 2, 3</dd>');
    expect(html).toContain('<dt>SLA</dt><dd>latency_p99 &lt;= 2s</dd>');
    expect(html).toContain('<td>PlaceOrder: exponential(200ms)</td>');
    expect(html).toContain('<td>PlaceOrder to Sales: poisson(8/s)</td>');
    expect(html).toContain(
      '<li>distributor: 3 workers (endpoints.Sales.instances.count) keep latency_p99 &lt;= 2000 ms: 1500 ms (95% upper bound 1748 ms, margin 252 ms)</li>',
    );
    expect(html).toContain('<table class="sweep">');
    expect(html).toContain('<td class="num">2300 ± 496.868</td>');
    expect(html).not.toContain('id="findings"');
    for (const [i, chart] of sweepCharts.entries()) expect(html).toContain(`<div class="view" id="chart-${i}" data-chart="${chart.name}"></div>`);
    expect(embedded(html)).toEqual(JSON.parse(JSON.stringify(sweepCharts)));
  }, 30_000);

  it('shows an ordinary run: summary.csv on its side, the findings escaped', async () => {
    const result = fixtureResult();
    const html = await buildHtmlReport({ result, findings: ['round-robin <b>loses</b> & wins'], charts: buildCharts(result) });
    expect(html).toContain('<li>round-robin &lt;b&gt;loses&lt;/b&gt; &amp; wins</li>');
    expect(html).toContain('<table class="summary">');
    expect(html).toContain('<tr><th scope="row">latency_p99_ms</th><td class="num">1234.57</td><td class="num">20000</td></tr>');
    expect(html).toContain('<tr><th scope="row">theory_model</th><td>M/M/2</td><td>–</td></tr>');
    expect(html).not.toContain('id="answer"');
    expect(html).toContain('<p class="muted">No faults.</p>');
  }, 30_000);

  it('explains theory_flag: disagrees where a run shows it, and only there', async () => {
    const result = fixtureResult();
    const flagged: ScenarioResult = { ...result, runs: result.runs.map((r, i) => (i === 0 ? { ...r, summary: { ...r.summary, theory_flag: 'disagrees' } } : r)) };
    const quiet: ScenarioResult = { ...result, runs: result.runs.map((r) => ({ ...r, summary: { ...r.summary, theory_flag: '' } })) };
    expect(await buildHtmlReport({ result: flagged, charts: [] })).toContain('<code>theory_flag: disagrees</code> marks a run whose simulated mean wait is more than 25%');
    expect(await buildHtmlReport({ result: quiet, charts: [] })).not.toContain('<code>theory_flag: disagrees</code>');
  }, 30_000);

  it('keeps a spec from closing its script element', async () => {
    const result = fixtureResult();
    result.scenario = { ...result.scenario, name: '</script><script>alert(1)</script>' };
    const html = await buildHtmlReport({ result, charts: buildCharts(result) });
    expect(html.match(/<\/script>/g)?.length).toBe(4);
    expect(embedded(html)[0].spec).toMatchObject({ title: { text: '</script><script>alert(1)</script>: latency by strategy' } });
  }, 30_000);

  it('is the same bytes every time, and needs a result or a sweep', async () => {
    expect(await buildHtmlReport({ sweep, charts: sweepCharts })).toBe(await buildHtmlReport({ sweep, charts: sweepCharts }));
    await expect(buildHtmlReport({ charts: [] })).rejects.toThrow(/result or a sweep/);
  }, 30_000);
});

describe('report.html in a browser', () => {
  const root = mkdtempSync(join(tmpdir(), 'html-report-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  async function written(name: string, result: ScenarioResult | SweepResult): Promise<string> {
    const output = beginOutput(join(root, name));
    try {
      const files = await writeReport(result, output, { svg: false, html: true });
      expect(files).toContain('report.html');
      output.commit();
    } finally {
      output.abort();
    }
    return join(root, name, 'report.html');
  }

  it.skipIf(!hasChromium)(`draws every chart offline over file://, without a console error${SKIP_NOTE}`, async () => {
    const { chromium } = await import('playwright-core');
    const pages = [await written('sweep', twoParameterSample()), await written('run', sampleResult())];
    const browser = await chromium.launch({
      executablePath: CHROMIUM as string,
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    const open = async (file: string) => {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('request', (request) => {
        if (!/^(file|data):/.test(request.url())) problems.push(`request: ${request.url()}`);
      });
      await page.goto(pathToFileURL(file).href);
      return { page, problems };
    };
    try {
      for (const file of pages) {
        const { page, problems } = await open(file);
        const charts = embedded(readFileSync(file, 'utf8')).length;
        expect(charts).toBeGreaterThanOrEqual(4);
        // Every container holds its drawing (an <svg>, or a <canvas> were the renderer changed).
        await page.waitForFunction(
          (n) => {
            const views = [...document.querySelectorAll('.view')];
            return views.length === n && views.every((view) => view.querySelector('svg, canvas') !== null);
          },
          charts,
          { timeout: 60_000 },
        );
        await page.waitForSelector('body[data-charts="done"]');
        expect(await page.locator('.view.failed').count()).toBe(0);
        expect(problems, file).toEqual([]);
        await page.close();
      }
      // The harness sees a failure: a chart vega-lite cannot compile is reported on the page and the console.
      const broken = join(root, 'broken.html');
      const result = fixtureResult();
      writeFileSync(broken, await buildHtmlReport({ result, charts: [{ name: 'broken', spec: { mark: 'bar', encoding: { x: { field: 'a', type: 'nonsense' } } } }] }));
      const { page, problems } = await open(broken);
      await page.waitForSelector('body[data-charts="done"]');
      expect(await page.locator('.view.failed').count()).toBe(1);
      expect(problems).toEqual([expect.stringMatching(/^console error: chart broken:/)]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
