// What a lesson's workspace holds: one of its playground scenarios, a challenge, or the scenario a
// prediction plays in. Each keeps its own document, so switching never loses the learner's edits.
// Pure.
import type { ClusterBlock } from '../../engine/cluster/settings.ts';
import type { ChallengeBlock, Lesson } from '../../engine/lesson/types.ts';
import { loadScenario } from '../../engine/scenario/load.ts';

export type WorkspaceSource =
  | { kind: 'scenario'; path: string }
  | { kind: 'challenge'; id: string }
  /** The scenario of a predict item, reloaded as written each time it plays. */
  | { kind: 'predict'; path: string };

/** The documents-store key of a source's YAML. */
export function docKeyFor(lessonId: string, source: WorkspaceSource): string {
  return `lesson:${lessonId}:${source.kind}:${source.kind === 'challenge' ? source.id : source.path}`;
}

/** Whether two sources are the same. */
export function sameSource(a: WorkspaceSource | undefined, b: WorkspaceSource | undefined): boolean {
  return a !== undefined && b !== undefined && docKeyFor('', a) === docKeyFor('', b);
}

/** A scenario ready for the workspace: its manifests as one YAML text, and its cluster. */
export interface ScenarioWorkspace {
  name: string;
  description?: string;
  manifests: string;
  cluster?: ClusterBlock;
}

/** Loads a scenario file of the lesson (`files` by path from the lesson root) for the editor. */
export function scenarioWorkspace(path: string, files: Readonly<Record<string, string>>): ScenarioWorkspace | { error: string } {
  const text = files[path];
  if (text === undefined) return { error: `scenario file not found: ${path}` };
  const loaded = loadScenario(path, text, (p) => files[p]);
  if ('message' in loaded) return { error: `${loaded.file}:${loaded.line}: ${loaded.message}` };
  // Manifests kept in other files arrive as one text, each part saying where it came from.
  const manifests =
    loaded.manifests.length === 1 && loaded.manifests[0]!.file === path
      ? loaded.manifests[0]!.text
      : loaded.manifests.map((m) => `# from ${m.file.split('/').pop() ?? m.file}\n${m.text.replace(/\n?$/, '\n')}`).join('---\n');
  return { name: loaded.name, ...(loaded.description ? { description: loaded.description } : {}), manifests, ...(loaded.cluster ? { cluster: loaded.cluster } : {}) };
}

/** What the workspace shows for a source: the YAML to start from, its cluster, its file name. */
export interface WorkspaceSetup {
  source: WorkspaceSource;
  docKey: string;
  file: string;
  initialText: string;
  cluster?: ClusterBlock;
  /** What the workspace holds, in words ("Challenge: Fix the port"). */
  title: string;
  error?: string;
}

const baseName = (path: string) => (path.split('/').pop() ?? path).replace(/\.scenario\.ya?ml$/i, '').replace(/\.ya?ml$/i, '');

/** The workspace for `source` in `lesson`; a source the lesson no longer has gives undefined. */
export function workspaceSetup(lesson: Lesson, files: Readonly<Record<string, string>>, source: WorkspaceSource): WorkspaceSetup | undefined {
  const docKey = docKeyFor(lesson.id, source);
  if (source.kind === 'challenge') {
    const challenge = lesson.blocks.find((b): b is ChallengeBlock => b.kind === 'challenge' && b.id === source.id);
    if (!challenge) return undefined;
    return { source, docKey, file: `${challenge.id}.yaml`, initialText: challenge.start, ...(challenge.cluster ? { cluster: challenge.cluster } : {}), title: `Challenge: ${challenge.title || challenge.id}` };
  }
  const known = lesson.blocks.some((b) => (b.kind === 'playground' && b.path === source.path) || (b.kind === 'quiz' && b.item.type === 'predict' && b.item.path === source.path));
  if (!known) return undefined;
  const file = `${baseName(source.path)}${source.kind === 'predict' ? '.predict' : ''}.yaml`;
  const scenario = scenarioWorkspace(source.path, files);
  if ('error' in scenario) return { source, docKey, file, initialText: '', title: baseName(source.path), error: scenario.error };
  return { source, docKey, file, initialText: scenario.manifests, ...(scenario.cluster ? { cluster: scenario.cluster } : {}), title: `${source.kind === 'predict' ? 'Prediction' : 'Playground'}: ${scenario.name}` };
}

/** The source a lesson opens with: its first playground, else its first challenge. */
export function defaultSource(lesson: Lesson): WorkspaceSource | undefined {
  for (const block of lesson.blocks) if (block.kind === 'playground') return { kind: 'scenario', path: block.path };
  for (const block of lesson.blocks) if (block.kind === 'challenge') return { kind: 'challenge', id: block.id };
  return undefined;
}
