import { describe, expect, it } from 'vitest';
import { createSession } from '../../engine/kubectl/session.ts';
import { DEFAULT_PLAYGROUND_YAML } from '../state/default-scenario.ts';
import { useTraces } from '../state/trace-store.ts';
import { completeTerminalLine, inPodShellFor, promptFor, runTerminalLine, syncSession, type TerminalTarget } from './run-line.ts';

/** A workspace whose editor is a variable. */
function workspace(docKey: string, text = DEFAULT_PLAYGROUND_YAML): TerminalTarget & { text: string } {
  const ws = {
    docKey,
    file: 'playground.yaml',
    text,
    getText: () => ws.text,
    setText: (next: string) => {
      ws.text = next;
    },
  };
  return ws;
}

describe('syncSession', () => {
  const cases = [
    { name: 'a new session on the editor text', session: undefined, cluster: undefined, want: { text: 'a: 1', cluster: undefined } },
    { name: 'the editor text replaces the old one', session: createSession({ file: 'x.yaml', text: 'old' }), cluster: undefined, want: { text: 'a: 1', cluster: undefined } },
    { name: 'settings removed from the workspace go', session: { ...createSession({ file: 'x.yaml', text: 'old' }), cluster: { nodes: 3 } }, cluster: undefined, want: { text: 'a: 1', cluster: undefined } },
    { name: 'the workspace settings are used', session: undefined, cluster: { nodes: 3 }, want: { text: 'a: 1', cluster: { nodes: 3 } } },
  ];
  for (const c of cases)
    it(c.name, () => {
      const s = syncSession(c.session, 'p.yaml', 'a: 1', c.cluster);
      expect({ text: s.manifests.text, cluster: s.cluster }).toEqual(c.want);
      expect(s.manifests.file).toBe('p.yaml');
    });
});

// The whole path through the engine client (on the main thread here: Node has no Workers).
describe('runTerminalLine', () => {
  it('prints the service table', async () => {
    const ws = workspace('t1');
    const r = await runTerminalLine(ws, 'kubectl get svc');
    expect(r.exitCode).toBe(0);
    expect(r.output).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP/);
    expect(r.output).toMatch(/\nweb\s+ClusterIP\s+10\.96\./);
  });

  it('puts a changed cluster back into the editor', async () => {
    const ws = workspace('t2');
    const r = await runTerminalLine(ws, 'kubectl scale deployment web --replicas=3');
    expect(r.output).toBe('deployment.apps/web scaled\n');
    expect(ws.text).toContain('replicas: 3');
    expect(ws.text).toContain('# Edit me');
  });

  it('sees edits made in the editor since the last command', async () => {
    const ws = workspace('t3');
    await runTerminalLine(ws, 'kubectl get svc');
    ws.text = ws.text.replace('name: web\nspec:\n  selector', 'name: api\nspec:\n  selector');
    const r = await runTerminalLine(ws, 'kubectl get svc api');
    expect(r.output).toMatch(/\napi\s+ClusterIP/);
  });

  it('sends requests to the request panel', async () => {
    const ws = workspace('t4');
    useTraces.setState({ sent: { from: 'pod/default/client', to: 'http://x', repeat: 1 } });
    const r = await runTerminalLine(ws, 'kubectl run tmp --image=curlimages/curl --rm -it -- curl http://web');
    expect(r.exitCode).toBe(0);
    expect(r.output).toContain('pod "tmp" deleted');
    const traces = useTraces.getState();
    expect(traces.traces).toHaveLength(1);
    expect(traces.traces[0]!.hops.some((h) => h.at === 'service/default/web')).toBe(true);
    // Not the panel's own request: an edit must not re-send it.
    expect(traces.sent).toBeUndefined();
  });

  it('keeps the pod shell between lines', async () => {
    const ws = workspace('t5');
    await runTerminalLine(ws, 'kubectl exec -it client -- sh');
    expect(inPodShellFor('t5')).toBe(true);
    expect(promptFor('t5')).not.toBe('$ ');
    const r = await runTerminalLine(ws, 'nslookup web');
    expect(r.output).toContain('web.default.svc.cluster.local');
    await runTerminalLine(ws, 'exit');
    expect(promptFor('t5')).toBe('$ ');
  });

  it('reports errors in kubectl words', async () => {
    const r = await runTerminalLine(workspace('t6'), 'kubectl get svc nope');
    expect(r.exitCode).toBe(1);
    expect(r.output).toBe('Error from server (NotFound): services "nope" not found\n');
  });
});

describe('completeTerminalLine', () => {
  it('completes resource names from the cluster', async () => {
    const c = await completeTerminalLine(workspace('c1'), 'kubectl get svc w', 17);
    expect(c).toEqual({ start: 16, current: 'w', candidates: ['web'] });
  });
});
