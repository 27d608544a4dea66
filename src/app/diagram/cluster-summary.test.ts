import { describe, expect, it } from 'vitest';
import { simulate } from '../../engine/cluster/build.ts';
import { DEFAULT_PLAYGROUND_YAML } from '../state/default-scenario.ts';
import { summarizeCluster } from './cluster-summary.ts';

const summary = (yaml: string) => summarizeCluster(simulate({ manifests: [{ file: 'p.yaml', text: yaml }] }).cluster);

describe('summarizeCluster', () => {
  const cases = [
    { name: 'the default scenario', yaml: DEFAULT_PLAYGROUND_YAML, pods: 3, services: [['web', 2]] },
    { name: 'a selector that matches nothing', yaml: DEFAULT_PLAYGROUND_YAML.replace('  selector:\n    app: web', '  selector:\n    app: webb'), pods: 3, services: [['web', 0]] },
    { name: 'no manifests at all', yaml: '', pods: 0, services: [] },
  ];
  it.each(cases)('$name', ({ yaml, pods, services }) => {
    const s = summary(yaml);
    expect(s.nodes.map((n) => n.name)).toEqual(['node-1', 'node-2']);
    expect(s.nodes.flatMap((n) => n.pods)).toHaveLength(pods);
    expect(s.services.map((x) => [x.name, x.endpoints])).toEqual(services);
  });
});
