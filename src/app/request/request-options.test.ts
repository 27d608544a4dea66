import { describe, expect, it } from 'vitest';
import { simulate } from '../../engine/cluster/build.ts';
import { DEFAULT_PLAYGROUND_YAML } from '../state/default-scenario.ts';
import { defaultRequest, sourceOptions, targetSuggestions } from './request-options.ts';

const { cluster } = simulate({ manifests: [{ file: 'p.yaml', text: `${DEFAULT_PLAYGROUND_YAML}---\napiVersion: v1\nkind: Service\nmetadata: { name: api, namespace: shop }\nspec:\n  selector: { app: api }\n  ports: [{ name: http, port: 8080 }, { name: dns, port: 53, protocol: UDP }]\n` }] });

describe('sourceOptions', () => {
  it('offers the learner pods first, then system pods, nodes and the outside client', () => {
    const options = sourceOptions(cluster);
    expect(options[0]).toMatchObject({ value: 'pod/default/client', group: 'Pods in default' });
    const groups = [...new Set(options.map((o) => o.group))];
    expect(groups).toEqual(['Pods in default', 'Pods in kube-system', 'Nodes', 'Outside the cluster']);
    expect(options.at(-1)).toEqual({ value: 'external', label: 'external client (198.51.100.7)', group: 'Outside the cluster' });
    expect(options.filter((o) => o.group === 'Nodes').map((o) => o.value)).toEqual(['node/node-1', 'node/node-2']);
  });
});

describe('targetSuggestions', () => {
  it('suggests URLs for TCP ports and references for every port, the learner Services first', () => {
    const targets = targetSuggestions(cluster);
    expect(targets.slice(0, 2)).toEqual(['http://web.default', 'http://api.shop:8080']);
    expect(targets).toContain('svc/shop/api:53');
    expect(targets).not.toContain('http://api.shop:53');
    expect(targets.indexOf('svc/default/kubernetes:443')).toBeGreaterThan(targets.indexOf('svc/shop/api:8080'));
    expect(targets).toContain('https://kubernetes.default');
  });
});

describe('defaultRequest', () => {
  const cases = [
    { name: 'empty fields get the first source and target', current: { from: '', to: '' }, want: { from: 'pod/default/client', to: 'http://web.default' } },
    { name: 'a source that still exists is kept', current: { from: 'node/node-2', to: 'x' }, want: { from: 'node/node-2', to: 'x' } },
    { name: 'a source that vanished is replaced', current: { from: 'pod/default/gone', to: 'x' }, want: { from: 'pod/default/client', to: 'x' } },
  ];
  it.each(cases)('$name', ({ current, want }) => expect(defaultRequest(cluster, current)).toEqual(want));
});
