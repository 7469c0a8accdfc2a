import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineSvg, svgSize } from '../../sim/reports/html/html-report.js';
import { buildCharts, buildHtmlReport, beginOutput, buildSweepCharts, renderSvg, writeReport } from '../../sim/reports/index.js';
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

/** The charts the page shows: each container's name and the SVG inside it. */
function shown(html: string): { name: string; svg: string }[] {
  return [...html.matchAll(/<div class="view" id="chart-\d+" data-chart="([^"]*)">(<svg[\s\S]*?<\/svg>)<\/div>/g)].map((m) => ({ name: m[1], svg: m[2] }));
}

/** Each chart with its SVG, as writeReport hands them to buildHtmlReport. */
async function drawn(charts: { name: string; spec: object }[]): Promise<{ name: string; svg: string }[]> {
  return Promise.all(charts.map(async (chart) => ({ name: chart.name, svg: await renderSvg(chart.spec) })));
}

const sweep = sweepFixture();
const sweepCharts = buildSweepCharts(sweep);
let sweepDrawn: { name: string; svg: string }[] = [];
beforeAll(async () => {
  sweepDrawn = await drawn(sweepCharts);
}, 60_000);

describe('buildHtmlReport', () => {
  it('is one self-contained page: no external src or href, no script, every chart an inline SVG', () => {
    const html = buildHtmlReport({ sweep, charts: sweepDrawn });
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(references(html).filter((ref) => /^(?:https?:)?\/\//i.test(ref))).toEqual([]);
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*\\?["']?\s*(?:https?:)?\/\//i);
    expect(references(html).sort()).toEqual(['#answer', '#charts', '#scenario', '#summary', 'data:,']);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?https?:/i);
    expect(shown(html).map((chart) => chart.name)).toEqual(sweepCharts.map((chart) => chart.name));
    // No runtime: the page is its text and its drawings.
    expect(html.length).toBeLessThan(sweepDrawn.reduce((n, chart) => n + chart.svg.length, 0) + 60_000);
  }, 30_000);

  it('gives every chart its own ids, so no reference points into another chart', () => {
    const svg = '<svg><defs><linearGradient id="gradient_1"/><clipPath id="clip1"/></defs><path fill="url(#gradient_1)" clip-path="url(#clip1)"/><use href="#clip1"/></svg>';
    expect(inlineSvg(svg, 'chart-3')).toBe(
      '<svg><defs><linearGradient id="chart-3-gradient_1"/><clipPath id="chart-3-clip1"/></defs><path fill="url(#chart-3-gradient_1)" clip-path="url(#chart-3-clip1)"/><use href="#chart-3-clip1"/></svg>',
    );
    const html = buildHtmlReport({ sweep, charts: [...sweepDrawn, ...sweepDrawn] });
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [, id] of html.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(id);
  }, 30_000);

  it('has the scenario, the answer, the summary and one container per chart', async () => {
    const html = buildHtmlReport({ sweep, charts: sweepDrawn });
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
    for (const [i, chart] of sweepCharts.entries()) expect(html).toContain(`<div class="view" id="chart-${i}" data-chart="${chart.name}"><svg`);
    expect(shown(html).map((chart) => chart.svg)).toEqual(sweepDrawn.map((chart, i) => inlineSvg(chart.svg, `chart-${i}`)));
  }, 30_000);

  it('shows an ordinary run: summary.csv on its side, the findings escaped', async () => {
    const result = fixtureResult();
    const html = buildHtmlReport({ result, findings: ['round-robin <b>loses</b> & wins'], charts: [] });
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
    expect(buildHtmlReport({ result: flagged, charts: [] })).toContain('<code>theory_flag: disagrees</code> marks a run whose simulated mean wait is more than 25%');
    expect(buildHtmlReport({ result: quiet, charts: [] })).not.toContain('<code>theory_flag: disagrees</code>');
  }, 30_000);

  it('escapes what the scenario names, in the text and in the drawings', async () => {
    const result = fixtureResult();
    result.scenario = { ...result.scenario, name: '</script><script>alert(1)</script>' };
    const html = buildHtmlReport({ result, charts: await drawn(buildCharts(result).slice(0, 1)) });
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;: latency by strategy');
  }, 30_000);

  it('shows the SVG files beside it when the report writes them, holding none of their bytes', () => {
    const html = buildHtmlReport({ sweep, charts: sweepDrawn, svgFiles: true });
    expect(shown(html)).toEqual([]);
    expect(html).not.toMatch(/<svg/);
    const images = [...html.matchAll(/<div class="view" id="chart-\d+" data-chart="([^"]*)"><img src="([^"]*)" width="(\d+)" height="(\d+)" alt="[^"]*"><\/div>/g)];
    expect(images.map((m) => [m[1], m[2]])).toEqual(sweepCharts.map((chart) => [chart.name, `${chart.name}.svg`]));
    // Each picture keeps its drawing's size, so the page is laid out before the files load.
    for (const [i, m] of images.entries()) expect([Number(m[3]), Number(m[4])]).toEqual([svgSize(sweepDrawn[i].svg).width, svgSize(sweepDrawn[i].svg).height]);
    expect(Number(images[0][3])).toBeGreaterThan(200);
    expect(html.length).toBeLessThan(60_000);
    expect(references(html).filter((ref) => !ref.startsWith('#') && ref !== 'data:,').sort()).toEqual(sweepCharts.map((chart) => `${chart.name}.svg`).sort());
  }, 30_000);

  it('is the same bytes every time, and needs a result or a sweep', async () => {
    expect(buildHtmlReport({ sweep, charts: sweepDrawn })).toBe(buildHtmlReport({ sweep, charts: sweepDrawn }));
    expect(() => buildHtmlReport({ charts: [] })).toThrow(/result or a sweep/);
  }, 30_000);
});

describe('report.html in a browser', () => {
  const root = mkdtempSync(join(tmpdir(), 'html-report-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  async function written(name: string, result: ScenarioResult | SweepResult, svg = false): Promise<string> {
    const output = beginOutput(join(root, name));
    try {
      const files = await writeReport(result, output, { svg, html: true });
      expect(files).toContain('report.html');
      output.commit();
    } finally {
      output.abort();
    }
    return join(root, name, 'report.html');
  }

  it.skipIf(!hasChromium)(`shows every chart offline over file://, without JavaScript and without a console error${SKIP_NOTE}`, async () => {
    const { chromium } = await import('playwright-core');
    const pages = [await written('sweep', twoParameterSample()), await written('run', sampleResult())];
    const browser = await chromium.launch({
      executablePath: CHROMIUM as string,
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    try {
      for (const file of pages) {
        // The charts need no script: the page is opened with JavaScript off.
        const page = await browser.newPage({ javaScriptEnabled: false });
        const problems: string[] = [];
        page.on('console', (message) => {
          if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
        });
        page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
        page.on('request', (request) => {
          if (!/^(file|data):/.test(request.url())) problems.push(`request: ${request.url()}`);
        });
        await page.goto(pathToFileURL(file).href);
        const charts = shown(readFileSync(file, 'utf8')).length;
        expect(charts).toBeGreaterThanOrEqual(4);
        // Every container holds a laid-out drawing with marks in it, and every url(#...) it uses points
        // at an element of the same drawing.
        const views = await page.evaluate(() =>
          [...document.querySelectorAll('.view')].map((view) => {
            const svg = view.querySelector('svg');
            const refs = [...(svg?.querySelectorAll('[fill^="url(#"], [clip-path^="url(#"]') ?? [])].map((el) => /url\(#([^)]+)\)/.exec(el.getAttribute('fill') ?? el.getAttribute('clip-path') ?? '')?.[1] ?? '');
            return {
              width: svg?.getBoundingClientRect().width ?? 0,
              marks: svg?.querySelectorAll('path, rect, text').length ?? 0,
              // getElementById finds the page's first element of that id: it must be this drawing's own.
              dangling: refs.filter((id) => !(svg?.contains(document.getElementById(id)) ?? false)).length,
            };
          }),
        );
        expect(views).toHaveLength(charts);
        for (const view of views) {
          expect(view.width).toBeGreaterThan(200);
          expect(view.marks).toBeGreaterThan(10);
          expect(view.dangling).toBe(0);
        }
        expect(problems, file).toEqual([]);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  }, 120_000);

  it.skipIf(!hasChromium)(`shows the SVG files beside it, from its folder over file://, without JavaScript${SKIP_NOTE}`, async () => {
    const { chromium } = await import('playwright-core');
    const file = await written('run-files', sampleResult(), true);
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<svg/);
    const browser = await chromium.launch({
      executablePath: CHROMIUM as string,
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ javaScriptEnabled: false });
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
      page.on('request', (request) => {
        if (!/^(file|data):/.test(request.url())) problems.push(`request: ${request.url()}`);
      });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      // Every picture loaded (a missing or broken file has no natural width) and is laid out full size.
      const images = await page.evaluate(() =>
        [...document.querySelectorAll('.view img')].map((img) => ({
          loaded: (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
          width: img.getBoundingClientRect().width,
          height: img.getBoundingClientRect().height,
        })),
      );
      expect(images.length).toBeGreaterThanOrEqual(4);
      expect(images.length).toBe(html.match(/<figure class="chart">/g)?.length);
      for (const image of images) {
        expect(image.loaded).toBe(true);
        expect(image.width).toBeGreaterThan(200);
        expect(image.height).toBeGreaterThan(100);
      }
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await browser.close();
    }
  }, 120_000);
});
