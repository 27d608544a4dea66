// Playground YAML packed into a URL fragment (deflate-raw + base64url) and unpacked defensively:
// a shared link is untrusted input.

/** Version prefix of the packed form, so the format can change without breaking old links:
 * `v1.` holds the YAML alone, `v2.` a JSON object with the YAML and the cluster settings. */
const PREFIX = 'v1.';
const PREFIX_V2 = 'v2.';
/** Longest packed text accepted (URLs past this are not links people share). */
export const MAX_PACKED_LENGTH = 200_000;
/** Largest unpacked YAML accepted: a tiny link must not inflate into gigabytes. */
export const MAX_YAML_BYTES = 512 * 1024;

/** Packs YAML text into a URL-safe string. */
export async function packYaml(yaml: string): Promise<string> {
  const compressed = await pipeBytes(new TextEncoder().encode(yaml), new CompressionStream('deflate-raw'), Number.POSITIVE_INFINITY);
  return PREFIX + toBase64Url(compressed);
}

/** A shared playground: its YAML and, from `v2.` links on, its cluster settings (untrusted: the
 * receiver validates them). */
export interface SharedPlayground {
  yaml: string;
  cluster?: unknown;
}

/** Packs a playground (YAML and cluster settings) into a URL-safe string. */
export async function packPlayground(playground: { yaml: string; cluster?: object }): Promise<string> {
  const json = JSON.stringify({ yaml: playground.yaml, ...(playground.cluster ? { cluster: playground.cluster } : {}) });
  const compressed = await pipeBytes(new TextEncoder().encode(json), new CompressionStream('deflate-raw'), Number.POSITIVE_INFINITY);
  return PREFIX_V2 + toBase64Url(compressed);
}

/** Unpacks a shared playground of either version; every failure is a message, never a throw. */
export async function unpackPlayground(packed: string): Promise<SharedPlayground | { error: string }> {
  if (!packed.startsWith(PREFIX_V2)) return unpackYaml(packed);
  const text = await unpackText(packed.slice(PREFIX_V2.length));
  if ('error' in text) return text;
  let value: unknown;
  try {
    value = JSON.parse(text.yaml);
  } catch {
    return { error: 'the link is damaged (its data is not a playground)' };
  }
  const v = value as { yaml?: unknown; cluster?: unknown } | null;
  if (typeof v !== 'object' || v === null || typeof v.yaml !== 'string') return { error: 'the link is damaged (its data is not a playground)' };
  return { yaml: v.yaml, ...(typeof v.cluster === 'object' && v.cluster !== null ? { cluster: v.cluster } : {}) };
}

/** Unpacks a shared string; every failure is a message for the learner, never a throw. */
export async function unpackYaml(packed: string): Promise<{ yaml: string } | { error: string }> {
  if (!packed.startsWith(PREFIX)) return { error: 'the link was not made by this version of NetLab (unknown format)' };
  return unpackText(packed.slice(PREFIX.length));
}

async function unpackText(body: string): Promise<{ yaml: string } | { error: string }> {
  if (body.length === 0) return { error: 'the link holds no YAML' };
  if (body.length > MAX_PACKED_LENGTH) return { error: 'the link is too long' };
  const bytes = fromBase64Url(body);
  if (!bytes) return { error: 'the link is damaged (it has characters a share link never contains)' };
  let inflated: Uint8Array;
  try {
    inflated = await pipeBytes(bytes, new DecompressionStream('deflate-raw'), MAX_YAML_BYTES);
  } catch (error) {
    if (error instanceof TooLargeError) return { error: `the shared YAML is larger than ${MAX_YAML_BYTES / 1024} KiB` };
    return { error: 'the link is damaged (its data does not decompress)' };
  }
  try {
    return { yaml: new TextDecoder('utf-8', { fatal: true }).decode(inflated) };
  } catch {
    return { error: 'the link is damaged (its data is not text)' };
  }
}

class TooLargeError extends Error {}

async function pipeBytes(input: Uint8Array, transform: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const writer = transform.writable.getWriter();
  // Writing and closing reject along with the readable side on corrupt data; reading reports it.
  writer.write(input as Uint8Array<ArrayBuffer>).catch(() => {});
  writer.close().catch(() => {});
  const reader = transform.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new TooLargeError();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** Base64url without padding (RFC 4648 section 5). */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes base64url; undefined when the text is not base64url. */
export function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}
