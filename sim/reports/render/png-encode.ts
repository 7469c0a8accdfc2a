// Pixels -> PNG bytes. resvg draws a chart into RGBA pixels and its own encoder writes them as RGBA
// with a per-row filter; a chart is opaque (drawn on white), mostly flat colour, and often of fewer
// than 257 colours, which that encoding does not use. Here the alpha channel goes (every pixel is
// opaque), a picture of at most 256 colours is written as a palette of exactly those colours (one
// byte a pixel), and the rows are left unfiltered: runs of one colour then repeat byte for byte, which
// deflate codes best (a filter helps photographs, not flat charts). The pixels are the same, so the
// picture is the same; the file is about 40% smaller. Same pixels, same bytes: the palette is in order
// of first appearance and deflate (Node's bundled zlib, at a fixed level) has no randomness.
import { crc32, deflateSync } from 'node:zlib';

/** Deflate level: 9 takes about four times as long for another 6%. */
const LEVEL = 6;
/** The PNG signature (bytes, not a Buffer: the module also loads in the playground page, which has none). */
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const MAX_PALETTE = 256;

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

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
export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  if (rgba.length !== width * height * 4) throw new Error(`encodePng: ${rgba.length} bytes for ${width} x ${height} RGBA pixels`);
  const indexed = palette(rgba, width * height);
  const bytesPerPixel = indexed === undefined ? 3 : 1;
  const stride = width * bytesPerPixel + 1;
  // Each row: filter type 0 (none), then its pixels.
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const row = y * stride + 1;
    if (indexed !== undefined) raw.set(indexed.indices.subarray(y * width, (y + 1) * width), row);
    else {
      for (let x = 0, i = y * width * 4, o = row; x < width; x++, i += 4, o += 3) {
        raw[o] = rgba[i];
        raw[o + 1] = rgba[i + 1];
        raw[o + 2] = rgba[i + 2];
      }
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per sample (or per palette index)
  header[9] = indexed === undefined ? 2 : 3; // colour type: RGB, or palette
  // compression, filter method and interlace: 0 (deflate, adaptive filtering, none).
  const parts = [Buffer.from(SIGNATURE), chunk('IHDR', header)];
  if (indexed !== undefined) {
    const plte = Buffer.alloc(indexed.colours.length * 3);
    indexed.colours.forEach((colour, k) => {
      plte[k * 3] = colour >>> 16;
      plte[k * 3 + 1] = (colour >>> 8) & 255;
      plte[k * 3 + 2] = colour & 255;
    });
    parts.push(chunk('PLTE', plte));
  }
  parts.push(chunk('IDAT', deflateSync(raw, { level: LEVEL })), chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(parts);
}
