import { describe, expect, it } from 'vitest';
import { simulate } from '../../engine/cluster/build.ts';
import { DEFAULT_PLAYGROUND_YAML } from '../state/default-scenario.ts';
import { countObjects, summarizeCluster } from './cluster-summary.ts';

const summary = (yaml: string) => summarizeCluster(simulate({ manifests: [{ file: 'p.yaml', text: yaml }] }).cluster);

describe('summarizeCluster', () => {
  const cases = [
    { name: 'the default scenario', yaml: DEFAULT_PLAYGROUND_YAML, pods: 3, services: [['web', 2]], counts: '2 nodes · 3 pods · 1 Service' },
    { name: 'a selector that matches nothing', yaml: DEFAULT_PLAYGROUND_YAML.replace('  selector:\n    app: web', '  selector:\n    app: webb'), pods: 3, services: [['web', 0]], counts: '2 nodes · 3 pods · 1 Service' },
    { name: 'no manifests at all', yaml: '', pods: 0, services: [], counts: '2 nodes · 0 pods · 0 Services' },
  ];
  it.each(cases)('$name', ({ yaml, pods, services, counts }) => {
    const s = summary(yaml);
    expect(countObjects(simulate({ manifests: [{ file: 'p.yaml', text: yaml }] }).cluster)).toBe(counts);
    expect(s.nodes.map((n) => n.name)).toEqual(['node-1', 'node-2']);
    expect(s.nodes.flatMap((n) => n.pods)).toHaveLength(pods);
    expect(s.services.map((x) => [x.name, x.endpoints])).toEqual(services);
  });
});
