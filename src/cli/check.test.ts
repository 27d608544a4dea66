import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheckCommand } from './check.ts';

const MANIFESTS = `manifests: |
  apiVersion: v1
  kind: Pod
  metadata: {name: web, labels: {app: web}}
  spec: {containers: [{name: c, image: nginx}]}
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: web}
  spec: {selector: {app: web}, ports: [{port: 80}]}
`;

function run(files: Record<string, string>, json = false): { code: number; out: string; err: string } {
  const dir = mkdtempSync(join(tmpdir(), 'netlab-check-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  let out = '';
  let err = '';
  const code = runCheckCommand([dir], json, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('netlab check', () => {
  const cases = [
    { name: 'all checks hold: exit 0', files: { 'a.scenario.yaml': `name: ok\n${MANIFESTS}checks:\n  - endpoints: svc/default/web\n    expect: {ready: [10.244.0.2:80]}\n` }, code: 0, closing: '1 passed, 0 failed' },
    { name: 'a failed expectation: exit 1', files: { 'a.scenario.yaml': `name: bad\n${MANIFESTS}checks:\n  - endpoints: svc/default/web\n    expect: {ready: []}\n` }, code: 1, closing: '0 passed, 1 failed' },
    { name: 'an unknown key: exit 2 with file and line', files: { 'a.scenario.yaml': `name: typo\n${MANIFESTS}checkz: []\n` }, code: 2, closing: '0 passed, 0 failed', err: /a\.scenario\.yaml:12: unknown key "checkz"/ },
    { name: 'bad YAML in manifests: exit 2', files: { 'a.scenario.yaml': 'name: broken\nmanifests: |\n  kind: [\n' }, code: 2, closing: '0 passed, 0 failed', err: /a\.scenario\.yaml:\d+: error converting YAML to JSON/ },
    { name: 'an unknown reference: exit 2', files: { 'a.scenario.yaml': `name: ref\n${MANIFESTS}checks:\n  - endpoints: svc/default/nope\n    expect: {ready: []}\n` }, code: 2, closing: '0 passed, 0 failed', err: /services "nope" not found/ },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = run(c.files);
      expect(r.code).toBe(c.code);
      expect(r.out.trim().split('\n').pop()).toBe(c.closing);
      if (c.err) expect(r.err).toMatch(c.err);
    });
  }

  it('prints the contract JSON with --json', () => {
    const r = run({ 'a.scenario.yaml': `name: ok\n${MANIFESTS}checks:\n  - lookup: {from: pod/default/web, name: web}\n    expect: {answers: [10.96.0.11]}\n` }, true);
    const json = JSON.parse(r.out) as { scenarios: Array<{ name: string; checks: Array<Record<string, unknown>> }>; passed: number; failed: number };
    expect(json.passed).toBe(1);
    expect(json.failed).toBe(0);
    expect(Object.keys(json.scenarios[0]!.checks[0]!)).toEqual(expect.arrayContaining(['kind', 'passed', 'expected', 'actual', 'message']));
  });
});
