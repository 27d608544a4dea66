// Truth tables as the upstream NetworkPolicy e2e tests print them (truthtable.go PrettyPrint): a
// header row `-` followed by the destinations, then one row per source; `.` connected, `X` not.

/** Formats a table exactly as the contract's `reachability` check expects (first row `-` then columns, `.` connected, `X` not). */
export function formatTruthTable(pods: string[], table: boolean[][]): string {
  const width = Math.max(1, ...pods.map((p) => p.length)) + 2;
  const pad = (s: string) => s.padEnd(width);
  const lines = [pad('-') + pods.map(pad).join('')];
  pods.forEach((from, i) => {
    lines.push(pad(from) + pods.map((_, j) => pad(table[i]?.[j] ? '.' : 'X')).join(''));
  });
  return lines.map((l) => l.trimEnd()).join('\n') + '\n';
}

/** Parses the contract's expected table text, tolerant of whitespace; errors with line numbers. */
export function parseTruthTable(text: string): { pods: string[]; table: boolean[][] } | { error: string; line: number } {
  const rows = text
    .split(/\r?\n/)
    .map((raw, i) => ({ cells: raw.trim().split(/\s+/).filter(Boolean), line: i + 1 }))
    .filter((r) => r.cells.length > 0);
  const header = rows[0];
  if (!header) return { error: 'the table is empty: expected a header row starting with "-"', line: 1 };
  if (header.cells[0] !== '-') return { error: `the header row must start with "-", found "${header.cells[0]}"`, line: header.line };
  const pods = header.cells.slice(1);
  if (pods.length === 0) return { error: 'the header row names no pods', line: header.line };
  const seen = new Set<string>();
  for (const p of pods) {
    if (!/^[^/\s]+\/[^/\s]+$/.test(p)) return { error: `"${p}" is not a pod reference of the form <namespace>/<name>`, line: header.line };
    if (seen.has(p)) return { error: `pod ${p} appears twice in the header row`, line: header.line };
    seen.add(p);
  }
  const table: boolean[][] = [];
  const body = rows.slice(1);
  for (let i = 0; i < body.length; i++) {
    const row = body[i]!;
    const [from, ...marks] = row.cells;
    const expected = pods[i];
    if (expected === undefined) return { error: `extra row "${from}": the header names ${pods.length} pods`, line: row.line };
    if (from !== expected) return { error: `row ${i + 1} must be ${expected} (rows list the header's pods in the same order), found "${from}"`, line: row.line };
    if (marks.length !== pods.length) return { error: `row ${from} has ${marks.length} cells, expected ${pods.length}`, line: row.line };
    const values: boolean[] = [];
    for (const mark of marks) {
      if (mark === '.') values.push(true);
      else if (mark === 'X' || mark === 'x') values.push(false);
      else return { error: `row ${from}: "${mark}" is not a cell; use "." (connected) or "X" (not connected)`, line: row.line };
    }
    table.push(values);
  }
  if (table.length < pods.length) {
    const last = rows[rows.length - 1]!;
    return { error: `missing row for ${pods[table.length]}: the header names ${pods.length} pods, found ${table.length} rows`, line: last.line };
  }
  return { pods, table };
}
