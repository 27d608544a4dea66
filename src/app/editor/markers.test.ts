import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../engine/types.ts';
import { diagnosticsToMarkers, MARKER_SEVERITY } from './markers.ts';

const d = (over: Partial<Diagnostic>): Diagnostic => ({ code: 'c', severity: 'error', message: 'm', file: 'p.yaml', range: { startLine: 2, startCol: 3, endLine: 2, endCol: 9 }, ...over });

describe('diagnosticsToMarkers', () => {
  const cases = [
    { name: 'an error on its exact range', diag: d({}), want: { severity: MARKER_SEVERITY.Error, startLineNumber: 2, startColumn: 3, endLineNumber: 2, endColumn: 9, code: 'c', message: 'm', source: 'netlab' } },
    { name: 'a warning', diag: d({ severity: 'warning' }), want: { severity: MARKER_SEVERITY.Warning } },
    { name: 'info', diag: d({ severity: 'info' }), want: { severity: MARKER_SEVERITY.Info } },
    { name: 'an empty range widens to one character', diag: d({ range: { startLine: 4, startCol: 5, endLine: 4, endCol: 5 } }), want: { startLineNumber: 4, startColumn: 5, endLineNumber: 4, endColumn: 6 } },
    { name: 'no range marks the first line', diag: d({ range: undefined }), want: { startLineNumber: 1, startColumn: 1, endColumn: 2 } },
    { name: 'no file counts as this file', diag: d({ file: undefined }), want: { code: 'c' } },
  ];
  it.each(cases)('$name', ({ diag, want }) => {
    const markers = diagnosticsToMarkers([diag], 'p.yaml');
    expect(markers).toHaveLength(1);
    expect(markers[0]).toMatchObject(want);
  });

  it('leaves out diagnostics about other files', () => {
    expect(diagnosticsToMarkers([d({ file: '<cluster>' })], 'p.yaml')).toEqual([]);
  });
});
