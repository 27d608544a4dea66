import { describe, expect, it } from 'vitest';
import type { Packet, Trace } from '../../engine/trace/types.ts';
import { comparePackets, describeElement, flattenTraces, formatPacket, summarizeTraces } from './hop-view.ts';
import { reasonRange } from './reason-range.ts';

const packet = (over: Partial<Packet> = {}): Packet => ({ srcIP: '10.244.0.3', srcPort: 40000, dstIP: '10.96.0.11', dstPort: 80, protocol: 'TCP', ...over });
const trace = (outcome: Trace['outcome'], servedBy?: string, hops = 2): Trace => ({
  from: 'pod/default/client',
  to: 'http://web',
  outcome,
  ...(servedBy ? { servedBy } : {}),
  summary: outcome,
  hops: Array.from({ length: hops }, (_, i) => ({ kind: i === hops - 1 ? 'deliver' : 'send', at: 'pod/default/client', message: `hop ${i}`, reasons: [] })),
});

describe('flattenTraces', () => {
  it('numbers the hops of every trace in order', () => {
    const events = flattenTraces([trace('connected', 'default/a', 2), trace('refused', undefined, 3)]);
    expect(events.map((e) => [e.index, e.trace, e.hop])).toEqual([
      [0, 0, 0],
      [1, 0, 1],
      [2, 1, 0],
      [3, 1, 1],
      [4, 1, 2],
    ]);
    expect(events[1]).toMatchObject({ label: 'Delivered', icon: '✓', tone: 'ok' });
  });
});

describe('comparePackets', () => {
  const cases = [
    { name: 'DNAT changes the destination', before: packet(), after: packet({ dstIP: '10.244.1.2' }), changed: ['Destination IP'] },
    { name: 'SNAT changes the source', before: packet(), after: packet({ srcIP: '172.18.0.2', srcPort: 61000 }), changed: ['Source IP', 'Source port'] },
    { name: 'nothing changes on a plain hop', before: packet(), after: packet(), changed: [] },
    { name: 'only a before packet marks nothing changed', before: packet(), after: undefined, changed: [] },
  ];
  it.each(cases)('$name', ({ before, after, changed }) => {
    expect(comparePackets(before, after).filter((f) => f.changed).map((f) => f.field)).toEqual(changed);
  });
  it('is empty without packets', () => expect(comparePackets()).toEqual([]));
});

describe('formatting', () => {
  const cases = [
    { name: 'packet with ports', got: formatPacket(packet()), want: '10.244.0.3:40000 → 10.96.0.11:80/TCP' },
    { name: 'packet without source port', got: formatPacket(packet({ srcPort: undefined })), want: '10.244.0.3 → 10.96.0.11:80/TCP' },
    { name: 'namespaced element', got: describeElement('pod/default/web-0'), want: 'web-0 (pod in default)' },
    { name: 'cluster-scoped element', got: describeElement('node/node-1'), want: 'node-1 (node)' },
    { name: 'plain element', got: describeElement('external'), want: 'external' },
    { name: 'spread summary', got: summarizeTraces([trace('connected', 'default/a'), trace('connected', 'default/b'), trace('connected', 'default/a')]), want: '3 connected; served by default/a ×2, default/b ×1' },
    { name: 'mixed outcomes', got: summarizeTraces([trace('timeout'), trace('refused')]), want: '1 timed out, 1 refused' },
  ];
  it.each(cases)('$name', ({ got, want }) => expect(got).toBe(want));
});

describe('reasonRange', () => {
  const range = { startLine: 3, startCol: 1, endLine: 3, endCol: 9 };
  const cases = [
    { name: 'a reason in the edited file links to its range', reason: { ref: 'service/default/web', detail: 'x', source: { file: 'p.yaml', doc: 0, range } }, want: range },
    { name: 'a reason in another file has no link', reason: { ref: 'service/kube-system/kube-dns', detail: 'x', source: { file: '<cluster>', doc: 0, range } }, want: undefined },
    { name: 'a reason without a source has no link', reason: { ref: 'node/node-1', detail: 'x' }, want: undefined },
  ];
  it.each(cases)('$name', ({ reason, want }) => expect(reasonRange(reason, 'p.yaml')).toEqual(want));
});

describe('reasonRange with the editor text', () => {
  it('points at the field the reason names', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports:\n  - port: 80\n';
    const range = reasonRange({ ref: 'service/default/web', field: 'spec.ports', detail: '', source: { file: 'f.yaml', doc: 0, range: { startLine: 1, startCol: 1, endLine: 8, endCol: 1 } } }, 'f.yaml', text);
    expect(range?.startLine).toBe(7);
  });
});
