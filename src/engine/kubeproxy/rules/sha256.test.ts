import { describe, expect, it } from 'vitest';
import { base32Std, sha256, toHex, utf8Bytes } from './sha256.ts';

describe('sha256', () => {
  // FIPS 180-4 / NIST CSRC example vectors.
  const cases = [
    { name: 'empty string', input: '', hex: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
    { name: 'abc', input: 'abc', hex: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' },
    {
      name: 'two blocks (448 bits)',
      input: 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      hex: '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    },
    { name: 'exactly 64 bytes', input: 'a'.repeat(64), hex: 'ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb' },
    { name: 'one million a', input: 'a'.repeat(1_000_000), hex: 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(toHex(sha256(c.input))).toBe(c.hex);
    });
  }
});

describe('base32Std', () => {
  // RFC 4648 section 10 test vectors.
  const cases = [
    { name: 'empty', input: '', out: '' },
    { name: 'f', input: 'f', out: 'MY======' },
    { name: 'fo', input: 'fo', out: 'MZXQ====' },
    { name: 'foo', input: 'foo', out: 'MZXW6===' },
    { name: 'foob', input: 'foob', out: 'MZXW6YQ=' },
    { name: 'fooba', input: 'fooba', out: 'MZXW6YTB' },
    { name: 'foobar', input: 'foobar', out: 'MZXW6YTBOI======' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(base32Std(utf8Bytes(c.input))).toBe(c.out);
    });
  }
});

describe('utf8Bytes', () => {
  it('encodes multi-byte characters', () => {
    expect(Array.from(utf8Bytes('é€😀'))).toEqual([0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]);
  });
});
