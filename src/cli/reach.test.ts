import { describe, expect, it } from 'vitest';
import { makeCluster, modelPods, policy } from '../engine/netpol/test-model.ts';
import type { Cluster } from '../engine/types.ts';
import { runReach } from './reach.ts';

async function run(args: string[], cluster: Cluster = makeCluster(modelPods(['x/a', 'x/b', 'y/a']), [policy('x', 'deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] })])) {
  let out = '';
  let err = '';
  const code = await runReach(args, { readFile: async () => '', out: (s) => (out += s), err: (s) => (err += s) }, async (file) => (file === 'missing.yaml' ? { error: 'missing.yaml: no such file' } : { cluster }));
  return { code, out, err };
}

describe('netlab reach', () => {
  it('prints ingress, egress and combined tables as policy-assistant does, then the check table', async () => {
    const { code, out, err } = await run(['s.yaml', '--port', '80']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('probe on port 80, protocol TCP: 3 pods, 1 NetworkPolicies (networkpolicy/x/deny-ingress)');
    expect(out).toContain(
      [
        'Ingress:',
        '+-----+-----+-----+-----+',
        '|     | X/A | X/B | Y/A |',
        '+-----+-----+-----+-----+',
        '| x/a | #   | X   | .   |',
        '| x/b | X   | #   | .   |',
        '| y/a | X   | X   | #   |',
        '+-----+-----+-----+-----+',
      ].join('\n'),
    );
    expect(out).toContain('Egress:\n');
    expect(out).toContain('Combined:\n');
    expect(out).toContain(['As a reachability check expects it (port 80/TCP):', '-    x/a  x/b  y/a', 'x/a  .    X    .', 'x/b  X    .    .', 'y/a  X    X    .', ''].join('\n'));
  });

  it('honours --pods, --protocol and --flag=value', async () => {
    const { code, out } = await run(['s.yaml', '--port=81', '--protocol', 'udp', '--pods', 'y/a,x/a']);
    expect(code).toBe(0);
    expect(out).toContain('probe on port 81, protocol UDP: 2 pods');
    expect(out).toContain('-    y/a  x/a\ny/a  .    X\nx/a  .    .\n');
  });

  it('shows what unenforced policies would do, and that everything connects', async () => {
    const base = makeCluster(modelPods(['x/a', 'y/a']), [policy('x', 'deny-ingress', { podSelector: {} })], { networkPolicy: false });
    const { out } = await run(['s.yaml', '--port', '80'], base);
    expect(out).toContain('does not enforce NetworkPolicy (networkPolicy: false)');
    expect(out).toContain('| y/a | X   | #   |');
    expect(out).toContain('-    x/a  y/a\nx/a  .    .\ny/a  .    .\n');
  });

  it('marks destinations with nothing listening, as the check does', async () => {
    const { out } = await run(['s.yaml', '--port', '9090']);
    expect(out).toContain('nothing listens on x/a, x/b, y/a');
    expect(out).toContain('x/a  X    X    X');
  });

  it.each([
    { name: 'no file', args: ['--port', '80'], err: 'missing FILE' },
    { name: 'no port', args: ['s.yaml'], err: 'missing --port' },
    { name: 'bad port', args: ['s.yaml', '--port', '0'], err: '--port must be a number between 1 and 65535, got "0"' },
    { name: 'bad protocol', args: ['s.yaml', '--port', '80', '--protocol', 'ICMP'], err: '--protocol must be TCP, UDP or SCTP, got "ICMP"' },
    { name: 'unknown flag', args: ['s.yaml', '--port', '80', '--json'], err: 'unknown flag --json' },
    { name: 'unknown pod', args: ['s.yaml', '--port', '80', '--pods', 'x/nope'], err: 'no such pod: x/nope' },
    { name: 'load error', args: ['missing.yaml', '--port', '80'], err: 'missing.yaml: no such file' },
  ])('exits 2 on $name', async ({ args, err }) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(err);
  });
});
