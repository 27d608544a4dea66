import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAB } from '../engine/kubectl/fixtures.test-helpers.ts';
import { runKubectlCommand } from './kubectl.ts';

const dir = mkdtempSync(join(tmpdir(), 'netlab-kubectl-'));
const lab = join(dir, 'lab.yaml');
writeFileSync(lab, LAB);
const scenario = join(dir, 'lab.scenario.yaml');
writeFileSync(scenario, `name: kubectl CLI\ncluster:\n  kubeProxyMode: ipvs\nmanifests: |\n${LAB.split('\n').map((l) => (l ? `  ${l}` : l)).join('\n')}`);
const fix = join(dir, 'fix.yaml');
writeFileSync(fix, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 8080\n    targetPort: 80\n');

function run(args: string[]) {
  let out = '';
  let err = '';
  const code = runKubectlCommand(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('netlab kubectl', () => {
  const cases = [
    { name: 'a kubectl command', args: [lab, '--', 'get', 'svc', 'web'], code: 0, out: 'NAME   TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nweb    ClusterIP   10.96.0.11   <none>        80/TCP    5m2s\n', err: '' },
    { name: 'a command inside a pod', args: [lab, '--exec', 'client', '--', 'curl', '-s', 'http://web'], code: 0, out: 'web-jvlr5hhcwx-vrrfb\n', err: '' },
    { name: 'quoting survives', args: [lab, '--exec', 'client', '--', 'curl', '-s', '-o', '/dev/null', '-w', '%{http_code} %{remote_ip}', 'web'], code: 0, out: '200 10.96.0.11', err: '' },
    { name: 'errors go to stderr with the exit status', args: [lab, '--', 'get', 'svc', 'nope'], code: 1, out: '', err: 'Error from server (NotFound): services "nope" not found\n' },
    { name: 'a scenario file with its cluster settings', args: [scenario, '--exec', 'box', '--', 'ping', '-c', '1', 'web'], code: 0, err: '# netlab: In IPVS mode kube-proxy binds 10.96.0.11 to the kube-ipvs0 dummy interface on every node, so node-2 itself answers the ping (no pod sees it).\n' },
    { name: 'files named by -f are read from disk', args: [lab, '--', 'apply', '-f', fix], code: 0, out: 'service/web configured\n', err: '' },
    { name: 'a missing file', args: [join(dir, 'nope.yaml'), '--', 'get', 'pods'], code: 2, out: '', err: `${join(dir, 'nope.yaml')}: no such file\n` },
    { name: 'a missing pod', args: [lab, '--exec', 'nope', '--', 'hostname'], code: 1, out: '', err: 'Error from server (NotFound): pods "nope" not found\n' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = run(c.args);
      expect(r.code).toBe(c.code);
      if (c.out !== undefined) expect(r.out).toBe(c.out);
      expect(r.err).toBe(c.err);
    });
  }

  it('prints usage without a file or command', () => {
    const r = run([]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('usage: netlab kubectl FILE');
  });

  it('--show-manifests prints the changed text', () => {
    const r = run([lab, '--show-manifests', '--', 'scale', 'deploy', 'web', '--replicas=1']);
    expect(r.out).toContain('deployment.apps/web scaled\n---- ');
    expect(r.out).toContain('  replicas: 1\n');
  });
});
