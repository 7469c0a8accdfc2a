// Pixels -> PNG bytes. resvg draws a chart into RGBA pixels and its own encoder writes them as RGBA
// with a per-row filter; a chart is opaque (drawn on white), mostly flat colour, and often of fewer
// than 257 colours, which that encoding does not use. Here the alpha channel goes (every pixel is
// opaque) and a picture of at most 256 colours is written as a palette of exactly those colours (one
// byte a pixel); fast-png writes the file (rows unfiltered, so runs of one colour repeat byte for byte,
// which deflate codes best). The pixels are the same, so the picture is the same; the file is about
// 40% smaller. Same pixels, same bytes: the palette is in order of first appearance, and fast-png
// deflates in JavaScript (fflate, at a fixed level), whatever zlib the Node build carries.
import { encode } from 'fast-png';

/** Deflate level: 9 takes several times as long for a few percent. */
const LEVEL = 6;
const MAX_PALETTE = 256;

/**
 * The colours of an opaque picture in order of first appearance (as 0xRRGGBB), and each pixel's index
 * among them; undefined when it has more than MAX_PALETTE. An open-addressing table, no allocation per pixel.
 */
function palette(rgba: Uint8Array, pixels: number): { colours: Int32Array; indices: Uint8Array } | undefined {
  const size = 1024;
  const keys = new Int32Array(size).fill(-1);
  const slots = new Uint8Array(size);
  const colours = new Int32Array(MAX_PALETTE);
  const indices = new Uint8Array(pixels);
  let count = 0;
  for (let p = 0, i = 0; p < pixels; p++, i += 4) {
    const colour = (rgba[i] << 16) | (rgba[i + 1] << 8) | rgba[i + 2];
    let h = Math.imul(colour, 0x9e3779b1) >>> 22;
    while (keys[h] !== -1 && keys[h] !== colour) h = (h + 1) & (size - 1);
    if (keys[h] === -1) {
      if (count === MAX_PALETTE) return undefined;
      keys[h] = colour;
      slots[h] = count;
      colours[count++] = colour;
    }
    indices[p] = slots[h];
  }
  return { colours: colours.subarray(0, count), indices };
}

/** A PNG of opaque RGBA pixels (`width` x `height`, row by row): palette or RGB, alpha left out. */
export function encodePng(rgba: Uint8Array, width: number, height: number): Uint8Array {
  if (rgba.length !== width * height * 4) throw new Error(`encodePng: ${rgba.length} bytes for ${width} x ${height} RGBA pixels`);
  const zlib = { level: LEVEL } as const;
  const indexed = palette(rgba, width * height);
  if (indexed !== undefined) {
    const colours = Array.from(indexed.colours, (c): [number, number, number] => [c >>> 16, (c >>> 8) & 255, c & 255]);
    return encode({ width, height, data: indexed.indices, channels: 1, depth: 8, palette: colours }, { zlib });
  }
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0, o = 0; i < rgba.length; i += 4, o += 3) {
    rgb[o] = rgba[i];
    rgb[o + 1] = rgba[i + 1];
    rgb[o + 2] = rgba[i + 2];
  }
  return encode({ width, height, data: rgb, channels: 3, depth: 8 }, { zlib });
}
