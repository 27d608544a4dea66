import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../engine/cluster/settings.ts';
import { ADDONS, DEFAULT_SETTINGS, describeSettings, fromClusterBlock, nodeNames, sanitizeSettings, toClusterBlock, type PlaygroundSettings } from './cluster-settings.ts';

describe('cluster settings', () => {
  const cases: Array<{ name: string; settings: PlaygroundSettings; line: string; nodes: string[] }> = [
    { name: 'the defaults', settings: DEFAULT_SETTINGS, line: '2 nodes · iptables · NetworkPolicy enforced · LB cloud', nodes: ['node-1', 'node-2'] },
    {
      name: 'everything changed',
      settings: { nodes: ['kind-worker'], kubeProxyMode: 'nftables', networkPolicy: false, loadBalancer: 'none', addons: ['gateway-api', 'ingress-nginx'], seed: 7 },
      line: '1 node · nftables · NetworkPolicy not enforced · LB none · gateway-api · ingress-nginx',
      nodes: ['kind-worker'],
    },
  ];
  it.each(cases)('$name: the engine reads the block as the controls show it', ({ settings, line, nodes }) => {
    const block = toClusterBlock(settings);
    const { settings: engine, diagnostics } = resolveSettings(block);
    expect(diagnostics).toEqual([]);
    expect(engine.nodes).toEqual(nodes);
    expect(engine.kubeProxyMode).toBe(settings.kubeProxyMode);
    expect(engine.networkPolicy).toBe(settings.networkPolicy);
    expect(engine.loadBalancer).toBe(settings.loadBalancer);
    expect([...engine.addons].sort()).toEqual([...settings.addons].sort());
    expect(describeSettings(settings)).toBe(line);
    expect(nodeNames(settings)).toEqual(nodes);
    expect(fromClusterBlock(block)).toEqual({ settings: { ...settings, addons: ADDONS.filter((a) => settings.addons.includes(a)) }, notes: [] });
  });

  it.each([
    { name: 'a bad mode', block: { kubeProxyMode: 'userspace' }, note: /userspace/ },
    { name: 'an unknown addon', block: { addons: ['istio'] }, note: /istio/ },
    { name: 'nodes as a string', block: { nodes: 'three' as unknown as number }, note: /nodes/ },
  ])('falls back to the default, with a note: $name', ({ block, note }) => {
    const { settings, notes } = fromClusterBlock(block);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(notes).toEqual([expect.stringMatching(note)]);
  });

  it.each([
    { name: 'garbage', value: 'x', want: DEFAULT_SETTINGS },
    { name: 'hostile node names', value: { nodes: [{}, 1] }, want: DEFAULT_SETTINGS },
    { name: 'a good value', value: { nodes: 3, kubeProxyMode: 'ipvs', networkPolicy: false, loadBalancer: 'none', addons: ['ingress-nginx'] }, want: { nodes: 3, kubeProxyMode: 'ipvs', networkPolicy: false, loadBalancer: 'none', addons: ['ingress-nginx'] } },
  ])('reads stored settings defensively: $name', ({ value, want }) => expect(sanitizeSettings(value)).toEqual(want));
});
