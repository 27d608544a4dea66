import { describe, expect, it } from 'vitest';
import { formatTruthTable, parseTruthTable } from './truth-table.ts';

describe('formatTruthTable', () => {
  it('prints `-`, the columns, then one row per source as upstream truthtable.go does', () => {
    expect(formatTruthTable(['x/a', 'x/b', 'y/a'], [
      [true, true, false],
      [true, true, false],
      [true, false, true],
    ])).toBe(['-    x/a  x/b  y/a', 'x/a  .    .    X', 'x/b  .    .    X', 'y/a  .    X    .', ''].join('\n'));
  });
});

describe('parseTruthTable', () => {
  it.each([
    { name: 'the contract example', text: '-    x/a x/b y/a\nx/a  .   .   X\nx/b  .   .   X\ny/a  .   X   .\n' },
    { name: 'tabs as upstream prints them', text: '-\tx/a\tx/b\ty/a\nx/a\t.\t.\tX\nx/b\t.\t.\tX\ny/a\t.\tX\t.' },
    { name: 'blank lines and indentation', text: '\n   -  x/a x/b  y/a\n\n  x/a . . X\n  x/b . . x\n  y/a . X .\n\n' },
  ])('parses $name', ({ text }) => {
    expect(parseTruthTable(text)).toEqual({
      pods: ['x/a', 'x/b', 'y/a'],
      table: [
        [true, true, false],
        [true, true, false],
        [true, false, true],
      ],
    });
  });

  it('round-trips formatTruthTable', () => {
    const pods = ['x/a', 'y/b'];
    const table = [
      [true, false],
      [false, true],
    ];
    expect(parseTruthTable(formatTruthTable(pods, table))).toEqual({ pods, table });
  });

  it.each([
    { name: 'empty text', text: '  \n', error: 'the table is empty: expected a header row starting with "-"', line: 1 },
    { name: 'header without "-"', text: 'x/a x/b\nx/a . .', error: 'the header row must start with "-", found "x/a"', line: 1 },
    { name: 'not a pod reference', text: '- x/a b\nx/a . .\nb . .', error: '"b" is not a pod reference of the form <namespace>/<name>', line: 1 },
    { name: 'duplicate column', text: '- x/a x/a', error: 'pod x/a appears twice in the header row', line: 1 },
    { name: 'row out of order', text: '- x/a x/b\nx/b . .\nx/a . .', error: 'row 1 must be x/a (rows list the header\'s pods in the same order), found "x/b"', line: 2 },
    { name: 'short row', text: '- x/a x/b\nx/a .\nx/b . .', error: 'row x/a has 1 cells, expected 2', line: 2 },
    { name: 'bad cell', text: '- x/a x/b\nx/a . .\n\nx/b . ?', error: 'row x/b: "?" is not a cell; use "." (connected) or "X" (not connected)', line: 4 },
    { name: 'missing row', text: '- x/a x/b\nx/a . .', error: 'missing row for x/b: the header names 2 pods, found 1 rows', line: 2 },
    { name: 'extra row', text: '- x/a\nx/a .\nx/b .', error: 'extra row "x/b": the header names 1 pods', line: 3 },
  ])('reports $name with its line', ({ text, error, line }) => {
    expect(parseTruthTable(text)).toEqual({ error, line });
  });
});
