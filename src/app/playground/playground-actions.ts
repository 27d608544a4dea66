// What the playground's toolbar does: bring files or pasted YAML in, and run a scenario's checks.
import { engineClient } from '../engine/engine-instance.ts';
import { useFaults } from '../faults/fault-store.ts';
import { DEFAULT_PLAYGROUND_YAML } from '../state/default-scenario.ts';
import { useDocuments } from '../state/documents-store.ts';
import { useNotices } from '../state/notices-store.ts';
import { toClusterBlock, type PlaygroundSettings } from './cluster-settings.ts';
import { usePlayground } from './playground-store.ts';
import type { ImportResult } from './scenario-import.ts';

// Reading scenarios and manifests needs the YAML parser: loaded when the learner first imports.
const loadImporter = () => import('./scenario-import.ts');

const DOC = 'playground';
const BACKUP = 'playground:previous';
/** Files larger than this are not manifests anyone edits in a browser tab. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/** Imports dropped or picked files: a scenario among them wins, the others are its manifest files. */
export async function importFiles(files: readonly File[]): Promise<void> {
  const notices = useNotices.getState();
  const tooBig = files.find((f) => f.size > MAX_IMPORT_BYTES);
  if (tooBig) {
    notices.push({ tone: 'error', message: `${tooBig.name} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB: not loaded.` });
    return;
  }
  const read = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
  const { importFile, isScenarioFile } = await loadImporter();
  const primary = read.find((f) => isScenarioFile(f.name, f.text)) ?? read[0];
  if (!primary) return;
  const others = Object.fromEntries(read.filter((f) => f !== primary).map((f) => [f.name, f.text]));
  apply(primary.name, importFile(primary.name, primary.text, others, usePlayground.getState().settings));
}

/** Imports pasted YAML (`kubectl get -o yaml` output or any manifests), exactly as pasted. */
export async function importPasted(text: string): Promise<void> {
  const { importManifests } = await loadImporter();
  apply('pasted YAML', importManifests(text, usePlayground.getState().settings));
}

function apply(source: string, result: ImportResult): void {
  const notices = useNotices.getState();
  if (result.kind === 'error') {
    notices.push({ tone: 'error', message: `Could not load ${source}: ${result.message}` });
    return;
  }
  const docs = useDocuments.getState();
  const mine = docs.docs[DOC] ?? DEFAULT_PLAYGROUND_YAML;
  if (mine !== result.manifests) docs.setDoc(BACKUP, mine);
  docs.setDoc(DOC, result.manifests);
  // Faults name pods and nodes of the cluster that was there before.
  useFaults.getState().clear(DOC);
  const playground = usePlayground.getState();
  playground.setSettings(result.settings);
  playground.setScenario(result.kind === 'scenario' ? result.scenario : undefined);
  const restore = mine !== result.manifests ? { label: 'Restore my YAML', run: restoreBackup } : undefined;
  const headline =
    result.kind === 'scenario'
      ? `Loaded scenario “${result.scenario.name}” with ${result.scenario.checks.length} check${result.scenario.checks.length === 1 ? '' : 's'}: edit the YAML, then Run checks.`
      : `Loaded ${source}: ${result.summary}.`;
  notices.push({ tone: 'info', message: [headline, ...result.notes].join(' '), ...(restore ? { action: restore } : {}) });
}

function restoreBackup(): void {
  const docs = useDocuments.getState();
  const backup = docs.docs[BACKUP];
  if (backup === undefined) return;
  docs.setDoc(DOC, backup);
  docs.removeDoc(BACKUP);
}

/** Runs the loaded scenario's checks against the playground's YAML and settings as they are now. */
export async function runChecks(): Promise<void> {
  const { scenario, settings, setChecks } = usePlayground.getState();
  if (!scenario) return;
  const yaml = useDocuments.getState().docs[DOC] ?? DEFAULT_PLAYGROUND_YAML;
  setChecks({ status: 'running' });
  const input = checksInput(yaml, settings);
  try {
    const { scenarioForRun } = await loadImporter();
    const result = await engineClient().runScenario({ file: scenario.file, text: scenarioForRun(scenario, yaml, toClusterBlock(settings)) });
    // A scenario loaded meanwhile makes this run moot.
    if (usePlayground.getState().scenario === scenario) setChecks({ status: 'done', result, input });
  } catch (error) {
    if (usePlayground.getState().scenario === scenario) setChecks({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}

/** What a run of the checks depended on, to tell when its results are out of date. */
export function checksInput(yaml: string, settings: PlaygroundSettings): string {
  return `${JSON.stringify(toClusterBlock(settings))}\n${yaml}`;
}
