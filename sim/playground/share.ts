// The scenario in the page's address: `#file=scenarios/x.yaml&yaml=<deflated, base64url>`, so a link
// carries the text being edited. The browser's own CompressionStream does the deflating.

export interface Shared {
  readonly file: string;
  readonly text: string;
}

export async function encodeShare(shared: Shared): Promise<string> {
  const packed = await transform(new TextEncoder().encode(shared.text), new CompressionStream('deflate-raw'));
  let binary = '';
  for (const byte of packed) binary += String.fromCharCode(byte);
  const base64 = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `#file=${encodeURIComponent(shared.file)}&yaml=${base64}`;
}

/** The scenario in `hash`, or undefined when there is none (or it is damaged). */
export async function decodeShare(hash: string): Promise<Shared | undefined> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const file = params.get('file');
  const yaml = params.get('yaml');
  if (file === null || yaml === null) return undefined;
  try {
    const binary = atob(yaml.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const text = new TextDecoder().decode(await transform(bytes, new DecompressionStream('deflate-raw')));
    return { file, text };
  } catch {
    return undefined;
  }
}

async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}
