import { parse } from 'yaml';
import { simulate, type Simulation } from '../engine/cluster/build.ts';
import { loadScenario } from '../engine/scenario/load.ts';
import { readText } from './io.ts';

/** Loads a scenario file or a plain manifest file into a simulation, with an error when it cannot. */
export function loadSimulation(file: string): { sim: Simulation } | { error: string } {
  const text = readText(file);
  if (text === undefined) return { error: `${file}: no such file` };
  if (looksLikeScenario(text)) {
    const scenario = loadScenario(file, text, readText);
    if ('message' in scenario) return { error: `${scenario.file}:${scenario.line}: ${scenario.message}` };
    return { sim: simulate({ manifests: scenario.manifests, ...(scenario.cluster ? { cluster: scenario.cluster } : {}) }) };
  }
  return { sim: simulate({ manifests: [{ file, text }] }) };
}

function looksLikeScenario(text: string): boolean {
  try {
    const first = parse(text.split(/^---\s*$/m)[0] ?? '') as unknown;
    return typeof first === 'object' && first !== null && !('kind' in first) && ('manifests' in first || 'checks' in first);
  } catch {
    return false;
  }
}
