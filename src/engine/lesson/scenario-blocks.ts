// Reads a challenge's `checks` and `cluster` fences with the scenario loader itself, so a lesson's
// checks accept exactly what a scenario file's `checks:` accepts, with lines of the lesson file.
import type { ClusterBlock } from '../cluster/settings.ts';
import { resolveSettings } from '../cluster/settings.ts';
import { loadScenario } from '../scenario/load.ts';
import type { ScenarioCheck } from '../scenario/types.ts';

type Problem = { line: number; message: string };

const noFiles = () => undefined;

/** Parses the body of a ```` ```yaml checks ```` fence (a YAML list of checks) whose first line is
 * file line `codeLine`. */
export function parseChecksYaml(file: string, yaml: string, codeLine: number): { checks: ScenarioCheck[] } | { problem: Problem } {
  if (/^\s*checks\s*:/m.test(yaml.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('#')) ?? '')) {
    return { problem: { line: codeLine, message: 'write the checks as a YAML list (- probe: ...), without a "checks:" key' } };
  }
  // The list may sit at column 0 under `checks:`: YAML allows a block sequence there.
  const loaded = loadScenario(file, `name: challenge\nchecks:\n${yaml}\n`, noFiles);
  const toFile = (line: number) => Math.max(codeLine, line + codeLine - 3);
  if ('message' in loaded) return { problem: { line: toFile(loaded.line), message: `checks: ${loaded.message}` } };
  if (loaded.checks.length === 0) return { problem: { line: codeLine, message: 'checks: a challenge needs at least one check' } };
  return { checks: loaded.checks.map((c) => ({ ...c, line: toFile(c.line) })) };
}

/** Parses the body of a ```` ```yaml cluster ```` fence (a scenario's `cluster:` mapping). */
export function parseClusterYaml(file: string, yaml: string, codeLine: number): { cluster: ClusterBlock } | { problem: Problem } {
  const indented = yaml.split('\n').map((l) => `  ${l}`).join('\n');
  const loaded = loadScenario(file, `name: challenge\ncluster:\n${indented}\n`, noFiles);
  const toFile = (line: number) => Math.max(codeLine, line + codeLine - 3);
  if ('message' in loaded) return { problem: { line: toFile(loaded.line), message: loaded.message.replace(/^unknown key "cluster\./, 'unknown key "') } };
  const cluster = loaded.cluster ?? {};
  const bad = resolveSettings(cluster).diagnostics[0];
  if (bad) return { problem: { line: codeLine, message: `cluster: ${bad.message}` } };
  return { cluster };
}
