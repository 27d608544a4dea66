import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYGROUND_YAML } from '../state/default-scenario.ts';
import { fromBase64Url, MAX_YAML_BYTES, packPlayground, packYaml, toBase64Url, unpackPlayground, unpackYaml } from './share-link.ts';

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('share links', () => {
  it.each([
    { name: 'the default scenario', yaml: DEFAULT_PLAYGROUND_YAML },
    { name: 'unicode', yaml: 'metadata:\n  annotations: { note: "café ☕" }\n' },
    { name: 'empty', yaml: '' },
  ])('round-trips $name', async ({ yaml }) => {
    const packed = await packYaml(yaml);
    expect(packed).toMatch(/^v1\.[A-Za-z0-9_-]*$/);
    expect(await unpackYaml(packed)).toEqual({ yaml });
  });

  const bad = [
    { name: 'no version prefix', packed: 'abc', error: 'unknown format' },
    { name: 'no data', packed: 'v1.', error: 'holds no YAML' },
    { name: 'characters outside base64url', packed: 'v1.<script>alert(1)</script>', error: 'damaged' },
    { name: 'data that is not deflate', packed: `v1.${toBase64Url(new TextEncoder().encode('plain text, not compressed at all'))}`, error: 'damaged' },
    { name: 'too long', packed: `v1.${'A'.repeat(200_004)}`, error: 'too long' },
  ];
  it.each(bad)('rejects $name with a message', async ({ packed, error }) => {
    const result = await unpackYaml(packed);
    expect(result).toEqual({ error: expect.stringContaining(error) });
  });

  it('rejects a tiny link that inflates past the size limit', async () => {
    const bomb = await deflate(new Uint8Array(MAX_YAML_BYTES + 1024).fill(0x61));
    expect(await unpackYaml(`v1.${toBase64Url(bomb)}`)).toEqual({ error: expect.stringContaining('larger than') });
  });

  it('rejects data that is not UTF-8 text', async () => {
    const packed = `v1.${toBase64Url(await deflate(new Uint8Array([0xff, 0xfe, 0xfd])))}`;
    expect(await unpackYaml(packed)).toEqual({ error: expect.stringContaining('not text') });
  });

  it.each([
    { name: 'bytes round-trip', bytes: [0, 1, 250, 251, 252, 253, 254, 255] },
    { name: 'empty', bytes: [] },
  ])('base64url $name', ({ bytes }) => {
    expect([...(fromBase64Url(toBase64Url(new Uint8Array(bytes))) ?? [])]).toEqual(bytes);
  });

  it.each([
    { name: 'YAML and settings', playground: { yaml: DEFAULT_PLAYGROUND_YAML, cluster: { nodes: 3, kubeProxyMode: 'ipvs' } } },
    { name: 'YAML alone', playground: { yaml: 'a: b\n' } },
  ])('round-trips a v2 playground: $name', async ({ playground }) => {
    const packed = await packPlayground(playground);
    expect(packed).toMatch(/^v2\.[A-Za-z0-9_-]*$/);
    expect(await unpackPlayground(packed)).toEqual(playground);
  });

  it('still opens v1 links', async () => {
    expect(await unpackPlayground(await packYaml('a: b\n'))).toEqual({ yaml: 'a: b\n' });
  });

  it.each([
    { name: 'not JSON', text: 'kind: Pod' },
    { name: 'JSON without yaml', text: '{"cluster":{}}' },
    { name: 'yaml not a string', text: '{"yaml":{"evil":true}}' },
  ])('rejects a v2 link whose data is not a playground: $name', async ({ text }) => {
    const packed = `v2.${toBase64Url(await deflate(new TextEncoder().encode(text)))}`;
    expect(await unpackPlayground(packed)).toEqual({ error: expect.stringContaining('not a playground') });
  });
});
