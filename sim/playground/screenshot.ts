// Takes the README's picture of the playground: builds the page into a temporary folder, opens it in
// Chromium (CHROMIUM_PATH or /usr/bin/chromium), runs the sample, steps the animation to a message on
// its way to a worker and saves a PNG. Usage: node dist/playground/screenshot.js scenarios/playground.png
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { buildPlaygroundPage } from './build.js';

const out = process.argv[2] ?? 'scenarios/playground.png';
/** The frame shown: the first message forwarded by the distributor, on its way to worker1. */
const FRAME = 8;

const dir = mkdtempSync(join(tmpdir(), 'sim-playground-'));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' });
try {
  const file = join(dir, 'index.html');
  writeFileSync(file, await buildPlaygroundPage());
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(file).href);
  await page.getByRole('button', { name: 'Run' }).click();
  await page.getByRole('link', { name: 'summary.csv', exact: true }).waitFor({ timeout: 120_000 });
  await page.locator('#anim-counter').filter({ hasText: /^step 0 of/ }).waitFor();
  await page.locator('#anim-speed').selectOption('0.5');
  for (let i = 0; i < FRAME; i++) await page.getByRole('button', { name: 'Step' }).click();
  // Half-way through the dot's move.
  await page.waitForTimeout(650);
  await page.screenshot({ path: out });
  process.stdout.write(`wrote ${out}\n`);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
