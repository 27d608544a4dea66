// Engine diagnostics as Monaco marker data: pure, tested without Monaco.
import type { Diagnostic, Severity } from '../../engine/types.ts';

/** Monaco's MarkerSeverity values (kept here so this module does not load Monaco). */
export const MARKER_SEVERITY = { Hint: 1, Info: 2, Warning: 4, Error: 8 } as const;

/** The fields of Monaco's IMarkerData this app sets. */
export interface MarkerData {
  severity: number;
  message: string;
  code: string;
  source: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/** The owner of the engine's markers, distinct from monaco-yaml's own. */
export const MARKER_OWNER = 'netlab';

const SEVERITY: Record<Severity, number> = { error: MARKER_SEVERITY.Error, warning: MARKER_SEVERITY.Warning, info: MARKER_SEVERITY.Info };

/** Markers for the diagnostics about `file`, on their exact ranges (an empty range widens to one
 * character so it stays visible); diagnostics without a range mark the first line. */
export function diagnosticsToMarkers(diagnostics: readonly Diagnostic[], file: string): MarkerData[] {
  return diagnostics
    .filter((d) => d.file === undefined || d.file === file)
    .map((d) => {
      const r = d.range ?? { startLine: 1, startCol: 1, endLine: 1, endCol: 1 };
      const empty = r.endLine < r.startLine || (r.endLine === r.startLine && r.endCol <= r.startCol);
      return {
        severity: SEVERITY[d.severity] ?? MARKER_SEVERITY.Info,
        message: d.message,
        code: d.code,
        source: 'netlab',
        startLineNumber: r.startLine,
        startColumn: r.startCol,
        endLineNumber: empty ? r.startLine : r.endLine,
        endColumn: empty ? r.startCol + 1 : r.endCol,
      };
    });
}
