import { describe, expect, it } from 'vitest';
import type { Hop, Trace } from '../../engine/trace/types.ts';
import { describeHop, hopDurationMs, hopPath, packetFrames, servedCounts, tracedElements } from './hops.ts';

const packet = { srcIP: '10.244.1.3', srcPort: 40000, dstIP: '10.96.0.11', dstPort: 80, protocol: 'TCP' as const };
const hop = (kind: Hop['kind'], at: string, to?: string, extra: Partial<Hop> = {}): Hop => ({ kind, at, ...(to ? { to } : {}), message: kind, reasons: [], ...extra });

/** client -> DNS -> ClusterIP -> DNAT to a web pod, as the engine traces it. */
function trace(pod: string, extra: Partial<Trace> = {}): Trace {
  return {
    from: 'pod/default/client',
    to: 'http://web',
    outcome: 'connected',
    servedBy: `default/${pod}`,
    summary: '',
    hops: [
      hop('dns-query', 'pod/default/client', 'service/kube-system/kube-dns'),
      hop('dns-answer', 'service/kube-system/kube-dns', 'pod/default/client', { message: 'web.default.svc.cluster.local → 10.96.0.11' }),
      hop('send', 'pod/default/client', 'node/node-2'),
      hop('cluster-ip', 'node/node-2', 'service/default/web', { before: packet }),
      hop('dnat', 'service/default/web', `pod/default/${pod}`, { before: packet, after: { ...packet, dstIP: '10.244.0.2' } }),
      hop('route', 'node/node-2', 'node/node-1'),
      hop('deliver', `pod/default/${pod}`),
    ],
    ...extra,
  };
}

describe('describeHop', () => {
  const cases = [
    { name: 'DNS answer shows the address', hop: hop('dns-answer', 'x', 'y', { message: 'web.default.svc.cluster.local → 10.96.0.11' }), expected: { label: 'DNS answer 10.96.0.11', tone: 'dns' } },
    { name: 'NXDOMAIN is a failure', hop: hop('dns-answer', 'x', 'y', { message: 'nope: NXDOMAIN (tried ...)' }), expected: { label: 'DNS: NXDOMAIN', tone: 'reject' } },
    { name: 'ClusterIP', hop: hop('cluster-ip', 'node/n', 'service/d/web', { before: packet }), expected: { label: 'ClusterIP 10.96.0.11:80', tone: 'nat' } },
    { name: 'NodePort', hop: hop('node-port', 'node/n', 'service/d/web', { before: { ...packet, dstPort: 30080 } }), expected: { label: 'NodePort 30080', tone: 'nat' } },
    { name: 'DNAT to the chosen pod', hop: hop('dnat', 'service/d/web', 'pod/d/a', { after: { ...packet, dstIP: '10.244.0.2' } }), expected: { label: 'DNAT → 10.244.0.2:80', tone: 'nat' } },
    { name: 'SNAT', hop: hop('snat', 'node/n', undefined, { after: { ...packet, srcIP: '172.18.0.2' } }), expected: { label: 'SNAT → 172.18.0.2', tone: 'nat' } },
    {
      name: 'drop by a policy names it',
      hop: hop('drop', 'pod/x/a', undefined, { message: 'dropped by NetworkPolicy: the client sees a timeout', reasons: [{ ref: 'networkpolicy/x/deny-all', detail: '' }] }),
      expected: { label: 'dropped by policy x/deny-all', tone: 'drop' },
    },
    { name: 'other drops', hop: hop('drop', 'lb/d/web', undefined, { message: 'not in loadBalancerSourceRanges' }), expected: { label: 'dropped', tone: 'drop' } },
    { name: 'refused at a Service without endpoints', hop: hop('reject', 'service/d/web', undefined, { message: 'Service d/web:http has no endpoints: kube-proxy REJECTs' }), expected: { label: 'refused: no endpoints', tone: 'reject' } },
    { name: 'refused by a pod', hop: hop('reject', 'pod/d/a', undefined, { message: 'nothing in pod a listens on 81/TCP: TCP RST' }), expected: { label: 'refused', tone: 'reject' } },
    { name: 'HTTP response', hop: hop('deliver', 'pod/d/a', 'pod/d/client', { message: 'HTTP/1.1 200 OK from a (GET /)' }), expected: { label: 'HTTP 200 OK from a', tone: 'ok' } },
    { name: 'delivered', hop: hop('deliver', 'pod/d/a'), expected: { label: 'delivered', tone: 'ok' } },
  ];
  it.each(cases)('$name', ({ hop: h, expected }) => {
    expect(describeHop(h)).toEqual(expected);
  });
});

describe('hopPath', () => {
  it('lists visited elements in order without consecutive repeats', () => {
    expect(hopPath(trace('web-1'))).toEqual([
      'pod/default/client',
      'service/kube-system/kube-dns',
      'pod/default/client',
      'node/node-2',
      'service/default/web',
      'pod/default/web-1',
      'node/node-2',
      'node/node-1',
      'pod/default/web-1',
    ]);
  });
  it('stops at the given hop', () => {
    expect(hopPath(trace('web-1'), 1)).toEqual(['pod/default/client', 'service/kube-system/kube-dns', 'pod/default/client']);
  });
});

describe('packetFrames', () => {
  const traces = [trace('web-1'), trace('web-2'), { ...trace('web-3'), hops: trace('web-3').hops.slice(0, 3) }];
  const cases = [
    { name: 'nothing before playback', active: undefined, expected: [] },
    {
      name: 'the active trace first, the others at the same hop',
      active: { trace: 1, hop: 4 },
      expected: [
        { trace: 1, hop: 4, from: 'service/default/web', to: 'pod/default/web-2', active: true, order: 0 },
        { trace: 0, hop: 4, from: 'service/default/web', to: 'pod/default/web-1', active: false, order: 1 },
        { trace: 2, hop: 2, from: 'pod/default/client', to: 'node/node-2', active: false, order: 2 },
      ],
    },
    {
      name: 'an event hop stands still',
      active: { trace: 0, hop: 6 },
      expected: [
        { trace: 0, hop: 6, from: 'pod/default/web-1', active: true, order: 0 },
        { trace: 1, hop: 6, from: 'pod/default/web-2', active: false, order: 1 },
        { trace: 2, hop: 2, from: 'pod/default/client', to: 'node/node-2', active: false, order: 2 },
      ],
    },
  ];
  it.each(cases)('$name', ({ active, expected }) => {
    const frames = packetFrames(traces, active).map(({ trace: t, hop: h, from, to, active: a, order }) => ({ trace: t, hop: h, from, ...(to ? { to } : {}), active: a, order }));
    expect(frames).toEqual(expected);
  });
});

describe('servedCounts and tracedElements', () => {
  it('counts the spread and lists every element visited', () => {
    const traces = [trace('web-1'), trace('web-2'), trace('web-1'), { ...trace('web-3'), servedBy: undefined, outcome: 'timeout' as const }];
    expect([...servedCounts(traces)].sort()).toEqual([
      ['pod/default/web-1', 2],
      ['pod/default/web-2', 1],
    ]);
    expect(tracedElements([trace('web-1')])).toEqual(['node/node-1', 'node/node-2', 'pod/default/client', 'pod/default/web-1', 'service/default/web', 'service/kube-system/kube-dns']);
  });
});

describe('hopDurationMs', () => {
  const cases = [
    { name: 'normal speed', speed: 1, expected: 700 },
    { name: 'fast', speed: 4, expected: 175 },
    { name: 'slow', speed: 0.25, expected: 2800 },
    { name: 'clamped', speed: 100, expected: 175 },
  ];
  it.each(cases)('$name', ({ speed, expected }) => expect(hopDurationMs(speed)).toBe(expected));
});
