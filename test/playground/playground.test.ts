// The playground in a real browser (Chromium through playwright-core), from file:// with the network
// switched off and from a loopback http server: it loads, runs the sample scenario to the same
// summary.csv as `sim run`, shows a bad scenario's problem at its line, plays and steps the animation,
// cancels a run, keeps the scenario in its address, asks for nothing over the network, and logs no
// errors.
import { readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sim, tempDir } from '../cli/run-cli.js';
import { findChromium, serveFolder } from './browser.js';

const SAMPLE = 'scenarios/scale-out-sample.yaml';
const executablePath = findChromium();

describe.skipIf(executablePath === undefined)('playground in Chromium', () => {
  const dir = tempDir();
  let browser: Browser;
  let server: Server;
  let httpUrl: string;
  let cliSummary: Buffer;

  beforeAll(async () => {
    const built = sim('playground', '--out', path.join(dir, 'site'));
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    expect(built.stdout).toContain(pathToFileURL(path.join(dir, 'site', 'index.html')).href);
    const run = sim('run', SAMPLE, '--out', path.join(dir, 'cli'), '--no-svg', '--no-png', '--no-html');
    expect(run.code).toBe(0);
    cliSummary = readFileSync(path.join(dir, 'cli', 'summary.csv'));
    ({ url: httpUrl, server } = await serveFolder(path.join(dir, 'site')));
    browser = await chromium.launch({ executablePath });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    rmSync(dir, { recursive: true, force: true });
  });

  it('the page is at most 6 MB', () => {
    expect(readFileSync(path.join(dir, 'site', 'index.html')).length).toBeLessThanOrEqual(6 * 1024 * 1024);
  });

  for (const mode of ['file', 'http'] as const) {
    it(`works over ${mode}://`, async () => {
      const context = await browser.newContext({ offline: mode === 'file', acceptDownloads: true, viewport: { width: 1440, height: 1000 } });
      const ownOrigin = mode === 'http' ? httpUrl : 'file://';
      const outside: string[] = [];
      // Every request that leaves the page (anything but the page itself, blob: and data:) is refused and recorded.
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(ownOrigin)) return route.continue();
        outside.push(url);
        return route.abort();
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => void (/^(file|blob|data):/.test(r.url()) || r.url().startsWith(ownOrigin) || outside.push(r.url())));
      await page.goto(mode === 'http' ? httpUrl : pathToFileURL(path.join(dir, 'site', 'index.html')).href);

      const editor = page.getByRole('textbox', { name: 'Scenario' });
      await expect.poll(() => editor.textContent()).toContain('name: scale-out-sample');
      if (mode === 'http') {
        // Cancel ends a run under way; the next run starts afresh.
        await page.getByRole('button', { name: 'Run' }).click();
        await page.getByRole('button', { name: 'Cancel' }).click();
        await expect.poll(() => page.locator('#status').textContent()).toBe('Cancelled.');
      }
      await page.getByRole('button', { name: 'Run' }).click();
      const link = page.getByRole('link', { name: 'summary.csv', exact: true });
      await link.waitFor({ timeout: 90_000 });
      expect(await downloaded(page, 'summary.csv')).toEqual(cliSummary);
      expect(await page.getByRole('link', { name: 'scale-out-sample.yaml' }).count()).toBe(1);
      expect(await page.getByRole('link', { name: 'findings.txt' }).count()).toBe(1);

      // The animation: a step advances one frame; play advances on its own until paused.
      const counter = page.locator('#anim-counter');
      await expect.poll(() => counter.textContent(), { timeout: 30_000 }).toMatch(/^step 0 of \d+$/);
      await page.getByRole('button', { name: 'Step' }).click();
      expect(await counter.textContent()).toMatch(/^step 1 of /);
      expect(await page.locator('#anim-caption').textContent()).toContain('worker1 starts');
      await page.getByRole('button', { name: 'Play' }).click();
      await expect.poll(async () => Number(/step (\d+)/.exec((await counter.textContent()) ?? '')?.[1]), { timeout: 20_000 }).toBeGreaterThan(3);
      await page.getByRole('button', { name: 'Pause' }).click();
      expect(await page.locator('svg.anim .dot').count()).toBeGreaterThan(0);

      // A bad scenario: the loader's message in the alert, marked at its line in the editor.
      const bad = readFileSync(SAMPLE, 'utf8').replace('- { machine: worker2, threads: 1 }', '- { machine: workr2, threads: 1 }');
      const line = bad.split('\n').findIndex((l) => l.includes('workr2')) + 1;
      await editor.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText(bad);
      await page.getByRole('button', { name: 'Run' }).click();
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain(`${SAMPLE}:${line}:`);
      expect(await alert.textContent()).toContain('did you mean "worker2"');
      const marked = await page.evaluate(() => {
        const range = document.querySelector('.cm-lintRange-error');
        const lineEl = range?.closest('.cm-line');
        return lineEl ? [...(lineEl.parentElement?.children ?? [])].indexOf(lineEl) + 1 : 0;
      });
      expect(marked).toBe(line);

      // The address now carries the edited scenario: opening it again shows the same text.
      await expect.poll(() => page.evaluate(() => location.hash), { timeout: 10_000 }).toContain('yaml=');
      const shared = page.url();
      await page.goto('about:blank');
      await page.goto(shared);
      await expect.poll(() => editor.textContent()).toContain('machine: workr2');

      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

/** Clicks the download link named `name` and returns the file's bytes. */
async function downloaded(page: Page, name: string): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name, exact: true }).click()]);
  const file = await download.path();
  return readFileSync(file);
}
