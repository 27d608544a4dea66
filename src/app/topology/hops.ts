import type { Hop, Packet, Trace } from '../../engine/trace/types.ts';

// Pure helpers that turn traces into what the packet layer draws. The UI never re-derives
// routing: every position comes from a hop's `at` and `to`.

/** How a hop looks: its short label and the family of icon and colour it uses. */
export type HopTone = 'move' | 'dns' | 'nat' | 'policy' | 'ok' | 'drop' | 'reject';

export interface HopVisual {
  /** A few words shown beside the packet (`DNAT → 10.244.1.2:80`, `dropped by policy x/deny`). */
  label: string;
  tone: HopTone;
}

const endpoint = (p: Packet | undefined, side: 'src' | 'dst') => {
  if (!p) return '';
  const ip = side === 'src' ? p.srcIP : p.dstIP;
  const port = side === 'src' ? p.srcPort : p.dstPort;
  return port === undefined ? ip : `${ip}:${port}`;
};

/** Short label and tone for one hop. */
export function describeHop(hop: Hop): HopVisual {
  switch (hop.kind) {
    case 'send':
      return { label: 'send', tone: 'move' };
    case 'route':
      return { label: 'route', tone: 'move' };
    case 'dns-query':
      return { label: 'DNS query', tone: 'dns' };
    case 'dns-answer': {
      if (/NXDOMAIN|no A record/.test(hop.message)) return { label: `DNS: ${/NXDOMAIN/.test(hop.message) ? 'NXDOMAIN' : 'no answer'}`, tone: 'reject' };
      const answer = hop.message.split(' → ')[1];
      return { label: answer ? `DNS answer ${answer}` : 'DNS answer', tone: 'dns' };
    }
    case 'load-balancer':
      return { label: 'load balancer → node', tone: 'move' };
    case 'node-port':
      return { label: `NodePort ${hop.before?.dstPort ?? ''}`.trim(), tone: 'nat' };
    case 'cluster-ip':
      return { label: `ClusterIP ${endpoint(hop.before, 'dst')}`.trim(), tone: 'nat' };
    case 'external-ip':
      return { label: `externalIP ${endpoint(hop.before, 'dst')}`.trim(), tone: 'nat' };
    case 'dnat':
      return { label: `DNAT → ${endpoint(hop.after, 'dst')}`, tone: 'nat' };
    case 'snat':
      return { label: `SNAT → ${hop.after?.srcIP ?? ''}`.trim(), tone: 'nat' };
    case 'policy':
      return { label: 'NetworkPolicy check', tone: 'policy' };
    case 'l7':
      return { label: 'L7 routing', tone: 'move' };
    case 'deliver':
      return hop.to
        ? { label: hop.message.startsWith('HTTP/') ? hop.message.split(' (')[0]!.replace('HTTP/1.1 ', 'HTTP ') : 'response', tone: 'ok' }
        : { label: 'delivered', tone: 'ok' };
    case 'reject':
      return { label: /no endpoints/.test(hop.message) ? 'refused: no endpoints' : 'refused', tone: 'reject' };
    case 'drop': {
      const policy = hop.reasons.find((r) => r.ref.startsWith('networkpolicy/'));
      if (policy) return { label: `dropped by policy ${policy.ref.slice('networkpolicy/'.length)}`, tone: 'drop' };
      if (/NetworkPolicy/.test(hop.message)) return { label: 'dropped by policy', tone: 'drop' };
      return { label: 'dropped', tone: 'drop' };
    }
  }
}

/** The elements a trace visits, in order, without consecutive repeats (for path highlighting). */
export function hopPath(trace: Trace, upTo = trace.hops.length - 1): string[] {
  const path: string[] = [];
  const visit = (id: string | undefined) => {
    if (id && path[path.length - 1] !== id) path.push(id);
  };
  trace.hops.slice(0, upTo + 1).forEach((hop) => {
    visit(hop.at);
    visit(hop.to);
  });
  return path;
}

/** One packet to draw: a hop of one trace, moving from `from` to `to` or standing at `from`. */
export interface PacketFrame {
  trace: number;
  hop: number;
  from: string;
  to?: string;
  visual: HopVisual;
  message: string;
  /** The trace the player is on (drawn in front, labelled); the others show the spread. */
  active: boolean;
  /** Position among the packets shown, for staggering their start. */
  order: number;
}

/** The packets to draw when the player is at `active`: the active trace's hop, plus the same hop
 * of every other trace (clamped to its last hop) so repeated requests show the load-balancing spread. */
export function packetFrames(traces: Trace[], active: { trace: number; hop: number } | undefined): PacketFrame[] {
  if (!active) return [];
  const frames: PacketFrame[] = [];
  traces.forEach((trace, i) => {
    if (trace.hops.length === 0) return;
    const h = Math.min(Math.max(0, active.hop), trace.hops.length - 1);
    if (i === active.trace && h !== active.hop) return;
    const hop = trace.hops[h]!;
    frames.push({ trace: i, hop: h, from: hop.at, ...(hop.to ? { to: hop.to } : {}), visual: describeHop(hop), message: hop.message, active: i === active.trace, order: 0 });
  });
  // The active packet leaves first; the rest follow in trace order.
  frames.sort((a, b) => (a.active === b.active ? a.trace - b.trace : a.active ? -1 : 1));
  frames.forEach((f, i) => (f.order = i));
  return frames;
}

/** How many traces each pod answered, by pod element id (the spread of `repeat: N`). */
export function servedCounts(traces: Trace[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of traces) {
    if (!t.servedBy) continue;
    const id = `pod/${t.servedBy}`;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** Elements the traces visit that the diagram hides by default (so they are drawn after all). */
export function tracedElements(traces: Trace[]): string[] {
  const ids = new Set<string>();
  for (const t of traces)
    for (const h of t.hops) {
      ids.add(h.at);
      if (h.to) ids.add(h.to);
    }
  return [...ids].sort();
}

/** Milliseconds one hop's animation takes at a playback speed (0.25 to 4); the player can pace
 * its steps with it. */
export function hopDurationMs(speed = 1): number {
  const s = Math.min(4, Math.max(0.25, speed || 1));
  return Math.round(700 / s);
}
