import { describe, expect, it } from 'vitest';
import type { ManifestObject } from '../types.ts';
import { findUnknownFields, validateObject } from './index.ts';

function sampleObjects(count: number): ManifestObject[] {
  const out: ManifestObject[] = [];
  for (let i = 0; out.length < count; i++) {
    const labels = { app: `app-${i}`, tier: 'web' };
    out.push({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: `app-${i}`, namespace: 'default', labels },
      spec: {
        replicas: 2,
        selector: { matchLabels: labels },
        template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: 80 }], readinessProbe: { httpGet: { path: '/', port: 'http' } } }] } },
      },
    } as ManifestObject);
    out.push({ apiVersion: 'v1', kind: 'Service', metadata: { name: `app-${i}` }, spec: { selector: labels, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } } as ManifestObject);
    out.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: `app-${i}` },
      spec: { podSelector: { matchLabels: labels }, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }, { podSelector: { matchLabels: { role: 'client' } } }], ports: [{ port: 80 }] }] },
    } as ManifestObject);
  }
  return out;
}

describe('validation speed', () => {
  it('validates 2,500 objects fast enough to run on every keystroke', () => {
    const objects = sampleObjects(2500);
    // Warm up the JIT once, then measure.
    for (const obj of objects.slice(0, 100)) validateObject(obj);
    const start = performance.now();
    let errors = 0;
    for (const obj of objects) errors += validateObject(obj).length + findUnknownFields(obj).length;
    const elapsed = performance.now() - start;
    expect(errors).toBe(0);
    // Typically ~30 ms here; the bound is loose so a slow CI machine does not flake.
    expect(elapsed).toBeLessThan(1000);
  });
});
