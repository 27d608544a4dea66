import { describe, expect, it } from 'vitest';
import { complete, completionContext } from './complete.ts';
import { labSession, lastOf } from './fixtures.test-helpers.ts';

describe('complete', () => {
  const session = labSession();
  const cases = [
    { name: 'first words', line: 'ku', want: ['kubectl'] },
    { name: 'kubectl commands', line: 'kubectl ge', want: ['get'] },
    { name: 'commands not simulated are not offered', line: 'kubectl ed', want: [] },
    { name: 'resource types', line: 'kubectl get endpoint', want: ['endpoints', 'endpointslices'] },
    { name: 'object names of the type', line: 'kubectl get svc ', want: ['kubernetes', 'web'] },
    { name: 'names by short name and prefix', line: 'kubectl describe po web', want: ['web-jvlr5hhcwx-l8dt5', 'web-jvlr5hhcwx-vrrfb'] },
    { name: 'type/name', line: 'kubectl get deploy/w', want: ['deploy/web'] },
    { name: 'names in the namespace given with -n', line: 'kubectl get pods -n kube-system core', want: ['coredns-qc5cg9zs7r-9lnv9', 'coredns-qc5cg9zs7r-k72gg'] },
    { name: 'namespaces after -n', line: 'kubectl get pods -n kube-', want: ['kube-node-lease', 'kube-public', 'kube-system'] },
    { name: 'output formats', line: 'kubectl get pods -o ', want: ['custom-columns=', 'json', 'jsonpath=', 'name', 'wide', 'yaml'] },
    { name: 'flags of the command', line: 'kubectl get pods --show', want: ['--show-kind', '--show-labels'] },
    { name: 'pods for exec', line: 'kubectl exec -it cl', want: ['client'] },
    { name: 'nodes for cordon', line: 'kubectl cordon ', want: ['node-1', 'node-2'] },
    { name: 'subcommands', line: 'kubectl rollout re', want: ['restart', 'resume'] },
    { name: 'create service types', line: 'kubectl create service n', want: ['nodeport'] },
    { name: 'after a pipe, commands again', line: 'kubectl get pods | gr', want: ['grep'] },
  ];
  for (const c of cases) it(c.name, () => expect(complete(session, c.line)).toEqual(c.want));

  it('inside a pod: the image\'s programs, and Service names for network tools', () => {
    const inPod = lastOf(labSession(), ['kubectl exec -it box -- sh']).session;
    expect(complete(inPod, 'cu')).toEqual(['cut']);
    expect(complete(inPod, 'ns')).toEqual(['nslookup']);
    expect(complete(inPod, 'nslookup k')).toEqual(['kube-dns.kube-system', 'kube-dns.kube-system.svc.cluster.local', 'kubernetes', 'kubernetes.default']);
    expect(complete(inPod, 'wget http://w')).toEqual(['http://web', 'http://web.default']);
  });

  it('completes the word at the cursor, not at the end', () => {
    expect(complete(session, 'kubectl ge pods', 10)).toEqual(['get']);
    expect(completionContext('kubectl get po', 14)).toEqual({ words: ['kubectl', 'get'], current: 'po', start: 12 });
  });
});
