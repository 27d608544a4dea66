import { describe, expect, it } from 'vitest';
import { base64ErrorOffset, QUANTITY_FORMAT_ERROR, QUANTITY_SUFFIX_ERROR, quantityError } from './go-scalars.ts';

describe('quantityError', () => {
  const cases: Array<{ name: string; text: string; want: string | undefined }> = [
    { name: 'millicores', text: '500m', want: undefined },
    { name: 'binary suffix', text: '1Gi', want: undefined },
    { name: 'decimal suffix', text: '1G', want: undefined },
    { name: 'a fraction', text: '0.5', want: undefined },
    { name: 'an exponent', text: '1e3', want: undefined },
    { name: 'a signed exponent', text: '2E-2', want: undefined },
    { name: 'Go writes big floats with e+', text: '1e+21', want: undefined },
    { name: 'zero', text: '0', want: undefined },
    { name: 'surrounding spaces are trimmed', text: ' 1 ', want: undefined },
    { name: 'empty', text: '', want: QUANTITY_FORMAT_ERROR },
    { name: 'a word after the number', text: '1 cpu', want: QUANTITY_FORMAT_ERROR },
    { name: 'megabytes as people write them', text: '512mb', want: QUANTITY_FORMAT_ERROR },
    { name: 'a byte suffix after a binary one', text: '1KiB', want: QUANTITY_FORMAT_ERROR },
    { name: 'a bool', text: 'true', want: QUANTITY_FORMAT_ERROR },
    { name: 'an object', text: '{"cpu":1}', want: QUANTITY_FORMAT_ERROR },
    { name: 'two dots', text: '1.5.5', want: QUANTITY_FORMAT_ERROR },
    { name: 'a doubled suffix', text: '1mm', want: QUANTITY_SUFFIX_ERROR },
    { name: 'a bare exponent mark', text: '1e', want: QUANTITY_SUFFIX_ERROR },
    { name: 'a binary suffix missing its letter', text: '192i', want: QUANTITY_SUFFIX_ERROR },
    { name: 'digits after a suffix that is not an exponent', text: '1k8', want: QUANTITY_SUFFIX_ERROR },
  ];
  it.each(cases)('$name', ({ text, want }) => {
    expect(quantityError(text)).toBe(want);
  });
});

describe('base64ErrorOffset', () => {
  const cases: Array<{ name: string; text: string; want: number | undefined }> = [
    { name: 'padded', text: 'aGVsbG8=', want: undefined },
    { name: 'a whole number of quanta', text: 'aHVudGVyMg==', want: undefined },
    { name: 'empty', text: '', want: undefined },
    { name: 'newlines are skipped', text: 'Zm9v\nYmFy\n', want: undefined },
    { name: 'plain text: the short last quantum', text: 'hunter2', want: 4 },
    { name: 'missing padding', text: 'aGVsbG8', want: 4 },
    { name: 'a lone character', text: 'a', want: 0 },
    { name: 'a character outside the alphabet', text: 'p@ss', want: 1 },
    { name: 'padding too early', text: '=', want: 0 },
    { name: 'half the padding', text: 'ab=', want: 3 },
    { name: 'padding then data', text: 'ab=c', want: 2 },
    { name: 'data after the padding', text: 'ab==x', want: 4 },
    { name: 'offsets count UTF-8 bytes', text: 'ééab', want: 0 },
    { name: 'a multi-byte character later on', text: 'abcdé', want: 4 },
  ];
  it.each(cases)('$name', ({ text, want }) => {
    expect(base64ErrorOffset(text)).toBe(want);
  });
});
