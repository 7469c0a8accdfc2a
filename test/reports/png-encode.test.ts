// The PNG writer: what it writes decodes (by the format's rules, read here independently) to exactly
// the pixels it was given, as a palette where a picture has at most 256 colours and as RGB otherwise.
import { createRequire } from 'node:module';
import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../sim/reports/render/png-encode.js';
import { buildCharts, renderSvg } from '../../sim/reports/index.js';
import { sampleResult } from './sample-result.js';

interface Decoded {
  width: number;
  height: number;
  colourType: number;
  paletteSize: number;
  rgba: Uint8Array;
}

/** Reads a PNG of 8-bit RGB or palette pixels with unfiltered rows, checking every chunk's CRC. */
function decode(png: Buffer): Decoded {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let at = 8;
  const chunks: { type: string; data: Buffer }[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length), `${type} CRC`).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
    chunks.push({ type, data });
    at += 12 + length;
  }
  expect(chunks[0].type).toBe('IHDR');
  expect(chunks.at(-1)?.type).toBe('IEND');
  const header = chunks[0].data;
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const colourType = header[9];
  expect([header[8], header[10], header[11], header[12]]).toEqual([8, 0, 0, 0]);
  const plte = chunks.find((c) => c.type === 'PLTE')?.data;
  const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const bytes = colourType === 3 ? 1 : 3;
  expect(raw.length).toBe((width * bytes + 1) * height);
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const row = y * (width * bytes + 1);
    expect(raw[row]).toBe(0);
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const source = colourType === 3 ? (plte as Buffer).subarray(raw[row + 1 + x] * 3) : raw.subarray(row + 1 + x * 3);
      rgba[o] = source[0];
      rgba[o + 1] = source[1];
      rgba[o + 2] = source[2];
      rgba[o + 3] = 255;
    }
  }
  return { width, height, colourType, paletteSize: plte === undefined ? 0 : plte.length / 3, rgba };
}

/** Opaque pixels of `colours` distinct colours, in stripes. */
function stripes(width: number, height: number, colours: number): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    const c = Math.floor(p / 3) % colours;
    rgba.set([c & 255, (c * 7) & 255, c >> 8, 255], p * 4);
  }
  return rgba;
}

describe('encodePng', () => {
  it('writes a picture of at most 256 colours as a palette of exactly those, in order of appearance', () => {
    const rgba = stripes(64, 13, 256);
    const decoded = decode(encodePng(rgba, 64, 13));
    expect(decoded).toMatchObject({ width: 64, height: 13, colourType: 3, paletteSize: 256 });
    expect(decoded.rgba).toEqual(rgba);
  });

  it('writes a picture of more colours as RGB, without the alpha channel', () => {
    const rgba = stripes(50, 20, 257);
    const decoded = decode(encodePng(rgba, 50, 20));
    expect(decoded).toMatchObject({ colourType: 2, paletteSize: 0 });
    expect(decoded.rgba).toEqual(rgba);
  });

  it('writes a rendered chart pixel for pixel as resvg drew it, smaller than resvg writes it, the same bytes every time', async () => {
    const { Resvg } = createRequire(import.meta.url)('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
    const svg = await renderSvg(buildCharts(sampleResult()).find((chart) => chart.name === 'queue-lengths')!.spec);
    const image = new Resvg(svg, { background: 'white', font: { loadSystemFonts: false, fontDirs: ['/usr/share/fonts/truetype/dejavu'] } }).render();
    const png = encodePng(image.pixels, image.width, image.height);
    // Compared as bytes: a deep comparison of a few million numbers one by one takes far longer.
    expect(Buffer.from(decode(png).rgba).equals(image.pixels)).toBe(true);
    expect(png.length).toBeLessThan(image.asPng().length * 0.8);
    expect(encodePng(image.pixels, image.width, image.height).equals(png)).toBe(true);
  }, 60_000);

  it('refuses pixels that do not fill the size', () => {
    expect(() => encodePng(new Uint8Array(12), 2, 2)).toThrow(/12 bytes for 2 x 2/);
  });
});
