import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { complete } from './complete.ts';
import { labSession } from './fixtures.test-helpers.ts';
import { runCommandLine } from './run.ts';

// Nothing a learner types may throw or reach the "internal error" safety net: lines built from
// kubectl's own vocabulary (so they get past the first checks) and plain noise.
const WORDS = [
  'kubectl', 'k', 'get', 'describe', 'apply', 'delete', 'scale', 'label', 'annotate', 'expose', 'create', 'run', 'exec', 'logs', 'cordon',
  'uncordon', 'drain', 'rollout', 'restart', 'status', 'config', 'set-context', 'api-resources', 'deployment', 'service', 'clusterip', 'namespace',
  'pods', 'po', 'svc', 'ep', 'endpointslices', 'nodes', 'ns', 'deploy', 'rs', 'ing', 'netpol', 'gateway', 'httproute', 'all', 'pod/client',
  'deploy/web', 'svc/web', 'web', 'client', 'box', 'node-1', 'kube-system', '-n', '-A', '-l', 'app=web', "'app in (web)'", '-o', 'wide', 'yaml',
  'json', 'name', "jsonpath='{.items[*].metadata.name}'", '--show-labels', '--replicas=3', '--replicas', '-1', '--image=nginx', '--image=busybox',
  '--rm', '-it', '-i', '--', 'sh', 'bash', '-c', 'curl', '-v', '-s', '-m', '2', 'http://web', 'https://web', 'web:80', 'wget', '-qO-', 'nslookup',
  'dig', '+short', 'host', 'nc', '-zv', '80', 'ping', '-c', '1', 'cat', '/etc/resolv.conf', 'env', 'exit', 'echo', '$HOME', '|', 'grep', '&&',
  ';', '>', '/dev/null', '2>&1', '-f', 'lab.yaml', 'x=y', 'x-', '--overwrite', '--force', '--port=80', '--target-port=8080', '--type=NodePort',
  '"', "'", '\\', '{', '}', '[', ']', '(', ')', '*', '%', '=', ',', '-', '--', '-o=', '--bogus', '',
];

const lineArb = fc.oneof(
  fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 9 }).map((ws) => ws.join(' ')),
  fc.string({ maxLength: 40 }),
  fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((ws) => `kubectl ${ws.join(' ')}`),
);

describe('fuzzing the terminal', () => {
  it('never throws and never falls back to an internal error', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 3 }), (lines) => {
        let session = labSession();
        for (const line of lines) {
          const r = runCommandLine(session, line, { elapsedSeconds: 1 });
          expect(typeof r.output).toBe('string');
          expect(Number.isInteger(r.exitCode)).toBe(true);
          expect(r.output).not.toContain('netlab: internal error');
          expect(() => JSON.stringify(r.session)).not.toThrow();
          session = r.session;
        }
      }),
      { numRuns: 250, seed: 7 },
    );
  }, 120_000);

  it('completion never throws', () => {
    fc.assert(
      fc.property(lineArb, fc.nat(60), (line, cursor) => {
        expect(Array.isArray(complete(labSession(), line, cursor))).toBe(true);
      }),
      { numRuns: 150, seed: 11 },
    );
  }, 60_000);
});
