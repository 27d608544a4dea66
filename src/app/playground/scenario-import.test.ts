import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenarioFile } from '../../engine/scenario/run.ts';
import { DEFAULT_SETTINGS, toClusterBlock } from './cluster-settings.ts';
import { importFile, isScenarioFile, scenarioForRun } from './scenario-import.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const SCENARIO = fixture('web-service.scenario.yaml');

describe('isScenarioFile', () => {
  it.each([
    { name: 'by its name', file: 'x.scenario.yaml', text: 'kind: Pod', want: true },
    { name: 'by its shape', file: 'x.yaml', text: 'name: a\nmanifests: |\n  kind: Pod\n', want: true },
    { name: 'a manifest with a name field is not one', file: 'x.yaml', text: 'kind: ConfigMap\nname: a\nmanifests: b\n', want: false },
    { name: 'plain manifests', file: 'x.yaml', text: 'apiVersion: v1\nkind: Pod\n', want: false },
  ])('$name', ({ file, text, want }) => expect(isScenarioFile(file, text)).toBe(want));
});

describe('importFile', () => {
  it('turns a scenario into settings, manifests and check labels', () => {
    const result = importFile('web-service.scenario.yaml', SCENARIO, {}, DEFAULT_SETTINGS);
    expect(result.kind).toBe('scenario');
    if (result.kind !== 'scenario') return;
    expect(result.settings).toEqual({ ...DEFAULT_SETTINGS, nodes: 3, kubeProxyMode: 'ipvs' });
    expect(result.manifests).toMatch(/^apiVersion: apps\/v1\nkind: Deployment/);
    expect(result.manifests).toContain('app: frontend');
    expect(result.scenario).toMatchObject({ file: 'web-service.scenario.yaml', name: 'The web Service reaches its pods' });
    expect(result.scenario.checks).toEqual([
      'lookup web from pod/default/client: ["10.96.0.11"]',
      'probe pod/default/client → http://web.default: connected',
      'the Service has the three web pods as endpoints',
    ]);
  });

  it('reads manifests a scenario lists by path from the files dropped with it', () => {
    const text = 'name: by path\nmanifests: [app/web.yaml, client.yaml]\n';
    const result = importFile('s.scenario.yaml', text, { 'web.yaml': 'kind: A\n', 'client.yaml': '---\nkind: B\n' }, DEFAULT_SETTINGS);
    expect(result).toMatchObject({ kind: 'scenario', manifests: '# from app/web.yaml\nkind: A\n---\n# from client.yaml\n---\nkind: B\n' });
  });

  it.each([
    { name: 'an unknown key', text: 'name: x\nmanifets: |\n  a: b\n', want: /unknown key "manifets"/ },
    { name: 'a missing manifest file', text: 'name: x\nmanifests: [nope.yaml]\n', want: /manifest file not found: nope.yaml/ },
  ])('reports a scenario that cannot be loaded: $name', ({ text, want }) => {
    const result = importFile('bad.scenario.yaml', text, {}, DEFAULT_SETTINGS);
    expect(result.kind).toBe('error');
    if (result.kind === 'error') expect(result.message).toMatch(want);
  });

  it('keeps other YAML as it is, and takes the nodes it names', () => {
    const list = fixture('kubectl-get-list.yaml');
    const result = importFile('pods.yaml', list, {}, DEFAULT_SETTINGS);
    expect(result).toMatchObject({ kind: 'manifests', manifests: list, settings: { ...DEFAULT_SETTINGS, nodes: ['kind-worker', 'kind-worker2'] } });
  });
});

describe('scenarioForRun', () => {
  const loaded = importFile('web-service.scenario.yaml', SCENARIO, {}, DEFAULT_SETTINGS);
  if (loaded.kind !== 'scenario') throw new Error('fixture did not load');
  const run = (manifests: string, settings = loaded.settings) => runScenarioFile('web-service.scenario.yaml', scenarioForRun(loaded.scenario, manifests, toClusterBlock(settings)), () => undefined);

  it('judges the YAML as loaded: the broken selector fails two checks', () => {
    const result = run(loaded.manifests);
    expect(result.error).toBeUndefined();
    expect(result.checks.map((c) => c.passed)).toEqual([true, false, false]);
  });

  it('judges the edited YAML: the fixed selector passes every check', () => {
    expect(run(loaded.manifests.replace('app: frontend', 'app: web')).checks.map((c) => c.passed)).toEqual([true, true, true]);
  });

  it('judges the current settings: on two nodes the endpoints differ', () => {
    const result = run(loaded.manifests.replace('app: frontend', 'app: web'), { ...loaded.settings, nodes: 2 });
    expect(result.checks.map((c) => c.passed)).toEqual([true, true, false]);
  });

  it('carries YAML a literal block cannot hold', () => {
    const result = run(`${loaded.manifests.replace('app: frontend', 'app: web')}\n# trailing spaces   \n\ttab\n`.replace('\ttab\n', ''));
    expect(result.error).toBeUndefined();
  });
});
