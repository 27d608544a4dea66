import { runScenarioFile } from '../engine/scenario/run.ts';
import type { ScenarioResult } from '../engine/scenario/types.ts';
import { findScenarioFiles, readText } from './io.ts';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** `netlab check PATH... [--json]`: runs every scenario; exit 0 all hold, 1 some failed, 2 some could not run. */
export function runCheckCommand(paths: string[], json: boolean, io: Io): number {
  if (paths.length === 0) {
    io.err('usage: netlab check PATH... [--json]\n');
    return 2;
  }
  const { files, missing } = findScenarioFiles(paths);
  const results: ScenarioResult[] = missing.map((m) => ({ file: m, name: '', checks: [], error: { file: m, line: 0, message: 'no such file or directory' } }));
  for (const file of files) {
    const text = readText(file);
    if (text === undefined) results.push({ file, name: '', checks: [], error: { file, line: 0, message: 'cannot read file' } });
    else results.push(runScenarioFile(file, text, readText));
  }
  const passed = results.reduce((n, r) => n + r.checks.filter((c) => c.passed).length, 0);
  const failed = results.reduce((n, r) => n + r.checks.filter((c) => !c.passed).length, 0);
  const errored = results.some((r) => r.error);
  if (json) {
    io.out(`${JSON.stringify({
      scenarios: results.map((r) => ({
        file: r.file,
        name: r.name,
        ...(r.error ? { error: r.error } : {}),
        checks: r.checks.map((c) => ({ kind: c.kind, passed: c.passed, expected: c.expected, actual: c.actual, message: c.message, line: c.line })),
      })),
      passed,
      failed,
    }, null, 2)}\n`);
  } else {
    for (const r of results) {
      for (const c of r.checks) io.out(`${c.passed ? 'PASS' : 'FAIL'} ${r.file}:${c.line} ${r.name} › ${c.kind}: ${c.message}\n`);
      if (r.error) io.err(`ERROR ${r.error.file}${r.error.line ? `:${r.error.line}` : ''}: ${r.error.message}\n`);
    }
    io.out(`${passed} passed, ${failed} failed\n`);
  }
  return errored ? 2 : failed > 0 ? 1 : 0;
}
