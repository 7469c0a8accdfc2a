// The committed gallery (reports/) is exactly what the bundled scenarios produce today: regenerate
// every report into a temporary folder with the built CLI and compare file by file, byte by byte.
// This fails when a change alters an output without `npm run gallery`, and guards determinism.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../cli/run-cli.js';

function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** Regenerating every report takes about 50 s on an idle 2-core machine; four times that, with room. */
const GALLERY_BUDGET_MS = 600_000;

describe('gallery', () => {
  it('reports/ matches a fresh regeneration of every bundled scenario', () => {
    const out = tempDir();
    const run = spawnSync(process.execPath, ['bin/gallery.js', '--out-root', out], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const scenarios = readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')).sort();
    expect(readdirSync(out).sort()).toEqual(scenarios);
    // The gallery is written without PNGs; a user's own run of a bundled scenario adds them (ignored by git).
    const committed = tree('reports').filter((f) => scenarios.includes(f.split(path.sep)[0]) && !f.endsWith('.png'));
    const fresh = tree(out);
    expect(fresh.some((f) => f.endsWith('.png'))).toBe(false);
    expect(committed).toEqual(fresh);
    const differing = fresh.filter((f) => !readFileSync(path.join(out, f)).equals(readFileSync(path.join('reports', f))));
    expect(differing, 'run `npm run gallery` and commit reports/').toEqual([]);
  }, GALLERY_BUDGET_MS);
});
