// A file brought into the playground: a `*.scenario.yaml` becomes cluster settings, manifests and
// checks to run; any other YAML (kubectl output included) becomes the manifests as they are. Pure.
import { isMap, parseDocument, Scalar } from 'yaml';
import type { ClusterBlock } from '../../engine/cluster/settings.ts';
import { loadScenario } from '../../engine/scenario/load.ts';
import type { ScenarioCheck } from '../../engine/scenario/types.ts';
import { fromClusterBlock, type PlaygroundSettings } from './cluster-settings.ts';
import { describeKinds, inspectManifests } from './kubectl-import.ts';

/** A scenario loaded into the playground, kept to run its checks against the edited YAML. */
export interface LoadedScenario {
  /** The file name it was loaded from. */
  file: string;
  name: string;
  description?: string;
  /** The scenario file as loaded. */
  text: string;
  /** One label per check, in order. */
  checks: string[];
}

export type ImportResult =
  | { kind: 'scenario'; scenario: LoadedScenario; manifests: string; settings: PlaygroundSettings; notes: string[] }
  | { kind: 'manifests'; manifests: string; settings: PlaygroundSettings; summary: string; notes: string[] }
  | { kind: 'error'; message: string };

/** Whether a file is a scenario: by its name, or by its shape (`name` and `manifests` at the top). */
export function isScenarioFile(name: string, text: string): boolean {
  if (/\.scenario\.ya?ml$/i.test(name)) return true;
  if (!/^manifests\s*:/m.test(text) || !/^name\s*:/m.test(text)) return false;
  const doc = parseDocument(text);
  return isMap(doc.contents) && doc.contents.has('manifests') && doc.contents.has('name') && !doc.contents.has('kind');
}

/** Imports one file; `others` are files dropped with it (a scenario may list manifests by path). */
export function importFile(name: string, text: string, others: Readonly<Record<string, string>>, current: PlaygroundSettings): ImportResult {
  if (isScenarioFile(name, text)) return importScenario(name, text, others);
  return importManifests(text, current);
}

/** Manifests as they are: nothing is stripped; the nodes they name become the cluster's. */
export function importManifests(text: string, current: PlaygroundSettings): ImportResult {
  const insight = inspectManifests(text);
  const settings = insight.nodes ? { ...current, nodes: insight.nodes } : current;
  return { kind: 'manifests', manifests: text, settings, summary: `${describeKinds(insight)}${insight.fromCluster ? ' (from a live cluster: status kept as observed state)' : ''}`, notes: insight.notes };
}

function importScenario(name: string, text: string, others: Readonly<Record<string, string>>): ImportResult {
  const file = name.split(/[\\/]/).pop() || 'scenario.scenario.yaml';
  const readFile = (path: string) => others[path] ?? others[path.split('/').pop() ?? path];
  const loaded = loadScenario(file, text, readFile);
  if ('message' in loaded) return { kind: 'error', message: `${loaded.file}:${loaded.line}: ${loaded.message}` };
  const manifests =
    loaded.manifests.length === 1 && loaded.manifests[0]!.file === file
      ? loaded.manifests[0]!.text
      : loaded.manifests.map((m) => `# from ${m.file}\n${m.text.replace(/\n?$/, '\n')}`).join('---\n');
  const { settings, notes } = fromClusterBlock(loaded.cluster);
  return {
    kind: 'scenario',
    scenario: { file, name: loaded.name, ...(loaded.description ? { description: loaded.description } : {}), text, checks: loaded.checks.map(checkLabel) },
    manifests,
    settings,
    notes,
  };
}

/** A check in a few words: its description, else what it probes. */
export function checkLabel(check: ScenarioCheck): string {
  if (check.description) return check.description;
  const spec = (typeof check.spec === 'object' && check.spec !== null ? check.spec : {}) as Record<string, unknown>;
  const expect = typeof check.expect === 'object' ? check.expect : {};
  const want = (key: string) => (expect[key] !== undefined ? `: ${String(expect[key])}` : '');
  switch (check.kind) {
    case 'probe':
      return `probe ${String(spec.from)} → ${String(spec.to)}${want('outcome')}`;
    case 'lookup':
      return `lookup ${String(spec.name)} from ${String(spec.from)}${expect.answers ? `: ${JSON.stringify(expect.answers)}` : want('outcome')}`;
    case 'reachability':
      return `reachability on port ${String(spec.port)}`;
    case 'endpoints':
      return `endpoints of ${String(check.spec)}`;
    case 'admission':
      return `admission of ${String(check.spec)}${expect.accepted !== undefined ? (expect.accepted ? ': accepted' : ': rejected') : ''}`;
    case 'condition':
      return `condition ${String(expect.type)} of ${String(check.spec)}${want('status')}`;
  }
}

/** The loaded scenario with the playground's current YAML and settings in place of its own, so
 * its checks judge what the learner has now. */
export function scenarioForRun(scenario: LoadedScenario, manifests: string, cluster: ClusterBlock): string {
  const doc = parseDocument(scenario.text);
  const block = new Scalar(manifests);
  // A literal block keeps the YAML readable and its lines countable; the library falls back to a
  // quoted string when the text cannot be one (trailing spaces on a line, tabs).
  block.type = Scalar.BLOCK_LITERAL;
  doc.set('cluster', doc.createNode(cluster));
  doc.set('manifests', block);
  return doc.toString({ lineWidth: 0 });
}
