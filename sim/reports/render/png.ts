// SVG text -> PNG bytes: resvg (a Rust renderer, no browser) draws the pixels, png-encode.ts writes
// them (palette or RGB, a little over half the size of resvg's own RGBA file). The native module is
// loaded on the first call only, so runs that write no PNG never load it. Same SVG, same bytes: resvg
// has no clock or randomness, and the fonts are fixed (DejaVu Sans, which the charts ask for first).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { encodePng } from './png-encode.js';

type ResvgModule = typeof import('@resvg/resvg-js');

/**
 * Pixels per SVG unit. The charts are laid out in CSS pixels (700 to 900 wide, 11 px labels), which is
 * the density a screen shows them at, and where a printed page shows them at about 130 dpi; drawing
 * them larger would only add pixels, and a PNG's size grows with its pixel count.
 */
export const PNG_SCALE = 1;
const DEFAULT_FONT = 'DejaVu Sans';
/**
 * Where DejaVu lives on Debian and Ubuntu. Reading every system font costs ~0.1 s per PNG, more than
 * drawing it; the charts ask for DejaVu Sans only, so when this folder is there resvg reads just it.
 */
const DEJAVU_DIR = '/usr/share/fonts/truetype/dejavu';
let fontDirs: string[] | undefined;

function fonts(): { loadSystemFonts: boolean; fontDirs?: string[] } {
  fontDirs ??= existsSync(DEJAVU_DIR) ? [DEJAVU_DIR] : [];
  return fontDirs.length > 0 ? { loadSystemFonts: false, fontDirs } : { loadSystemFonts: true };
}

let resvg: ResvgModule | undefined;

function load(): ResvgModule {
  resvg ??= createRequire(import.meta.url)('@resvg/resvg-js') as ResvgModule;
  return resvg;
}

const OPTIONS = {
  background: 'white',
  fitTo: { mode: 'zoom', value: PNG_SCALE },
  font: { ...fonts(), defaultFontFamily: DEFAULT_FONT, sansSerifFamily: DEFAULT_FONT },
} as const;

/** The PNG of an SVG, PNG_SCALE pixels per SVG unit, on a white background. */
export function renderPng(svg: string): Buffer {
  const { Resvg } = load();
  const image = new Resvg(svg, OPTIONS).render();
  return encodePng(image.pixels, image.width, image.height);
}

/**
 * The same PNG, drawn on one of Node's thread-pool threads (resvg's own async entry point), so the main
 * thread can lay out the next chart meanwhile. Each image is drawn by one thread from its SVG alone:
 * the bytes are the same whatever the number of threads.
 */
export async function renderPngAsync(svg: string): Promise<Buffer> {
  const image = await load().renderAsync(svg, OPTIONS);
  return encodePng(image.pixels, image.width, image.height);
}
