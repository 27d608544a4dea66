// Engine traces mapped to what the event list and inspector show: pure, tested without React.
import type { Hop, HopKind, Outcome, Packet, Trace } from '../../engine/trace/types.ts';

/** One row of the event list: a hop of one of the traces, flattened in sending order. */
export interface HopEvent {
  /** Position in the flattened list. */
  index: number;
  trace: number;
  hop: number;
  kind: HopKind;
  label: string;
  icon: string;
  tone: Tone;
  at: string;
  to?: string;
  message: string;
}

export type Tone = 'ok' | 'bad' | 'neutral';

const KINDS: Record<HopKind, { label: string; icon: string; tone: Tone }> = {
  'dns-query': { label: 'DNS query', icon: '?', tone: 'neutral' },
  'dns-answer': { label: 'DNS answer', icon: '↩', tone: 'neutral' },
  send: { label: 'Send', icon: '→', tone: 'neutral' },
  'load-balancer': { label: 'Load balancer', icon: '⇉', tone: 'neutral' },
  'node-port': { label: 'NodePort', icon: '⊡', tone: 'neutral' },
  'cluster-ip': { label: 'ClusterIP', icon: '◎', tone: 'neutral' },
  'external-ip': { label: 'External IP', icon: '◎', tone: 'neutral' },
  dnat: { label: 'DNAT', icon: '⇄', tone: 'neutral' },
  snat: { label: 'SNAT', icon: '⇄', tone: 'neutral' },
  route: { label: 'Route', icon: '↝', tone: 'neutral' },
  policy: { label: 'NetworkPolicy', icon: '⛉', tone: 'neutral' },
  l7: { label: 'L7 proxy', icon: '≡', tone: 'neutral' },
  deliver: { label: 'Delivered', icon: '✓', tone: 'ok' },
  reject: { label: 'Rejected', icon: '✕', tone: 'bad' },
  drop: { label: 'Dropped', icon: '✕', tone: 'bad' },
};

/** The label, icon and tone of a hop kind (icon and text, so colour is never the only signal). */
export function describeHopKind(kind: HopKind): { label: string; icon: string; tone: Tone } {
  return KINDS[kind] ?? { label: kind, icon: '•', tone: 'neutral' };
}

/** Flattens traces into one event list, trace after trace. */
export function flattenTraces(traces: readonly Trace[]): HopEvent[] {
  const events: HopEvent[] = [];
  traces.forEach((trace, t) => {
    trace.hops.forEach((hop: Hop, h) => {
      const kind = describeHopKind(hop.kind);
      events.push({ index: events.length, trace: t, hop: h, kind: hop.kind, ...kind, at: hop.at, ...(hop.to ? { to: hop.to } : {}), message: hop.message });
    });
  });
  return events;
}

const OUTCOMES: Record<Outcome, { label: string; icon: string; tone: Tone }> = {
  connected: { label: 'Connected', icon: '✓', tone: 'ok' },
  refused: { label: 'Refused', icon: '✕', tone: 'bad' },
  timeout: { label: 'Timed out', icon: '⏱', tone: 'bad' },
  unresolved: { label: 'Unresolved', icon: '?', tone: 'bad' },
};

/** How an outcome is shown. */
export function describeOutcome(outcome: Outcome): { label: string; icon: string; tone: Tone } {
  return OUTCOMES[outcome];
}

/** `10.244.0.5:40000 → 10.96.0.11:80/TCP`. */
export function formatPacket(packet: Packet): string {
  const src = packet.srcPort === undefined ? packet.srcIP : `${packet.srcIP}:${packet.srcPort}`;
  return `${src} → ${packet.dstIP}:${packet.dstPort}/${packet.protocol}`;
}

/** One row of the inspector's before/after table. */
export interface PacketField {
  field: string;
  before?: string;
  after?: string;
  changed: boolean;
}

const PACKET_FIELDS: Array<{ field: string; get: (p: Packet) => string | undefined }> = [
  { field: 'Source IP', get: (p) => p.srcIP },
  { field: 'Source port', get: (p) => (p.srcPort === undefined ? undefined : String(p.srcPort)) },
  { field: 'Destination IP', get: (p) => p.dstIP },
  { field: 'Destination port', get: (p) => String(p.dstPort) },
  { field: 'Protocol', get: (p) => p.protocol },
];

/** The packet's fields before and after the hop, flagging what address translation changed. */
export function comparePackets(before?: Packet, after?: Packet): PacketField[] {
  if (!before && !after) return [];
  return PACKET_FIELDS.map(({ field, get }) => {
    const b = before ? get(before) : undefined;
    const a = after ? get(after) : undefined;
    return { field, ...(b !== undefined ? { before: b } : {}), ...(a !== undefined ? { after: a } : {}), changed: before !== undefined && after !== undefined && a !== b };
  });
}

/** A diagram element id made readable: `pod/default/web-0` -> `web-0 (pod in default)`. */
export function describeElement(id: string): string {
  const parts = id.split('/');
  if (parts.length === 3) return `${parts[2]} (${parts[0]} in ${parts[1]})`;
  if (parts.length === 2) return `${parts[1]} (${parts[0]})`;
  return id;
}

/** A one-line summary of many requests: outcomes and how the responses spread over pods. */
export function summarizeTraces(traces: readonly Trace[]): string {
  if (traces.length === 0) return '';
  const outcomes = new Map<Outcome, number>();
  const servedBy = new Map<string, number>();
  for (const t of traces) {
    outcomes.set(t.outcome, (outcomes.get(t.outcome) ?? 0) + 1);
    if (t.servedBy) servedBy.set(t.servedBy, (servedBy.get(t.servedBy) ?? 0) + 1);
  }
  const outcomeText = [...outcomes].map(([o, n]) => `${n} ${describeOutcome(o).label.toLowerCase()}`).join(', ');
  const spread = [...servedBy].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([pod, n]) => `${pod} ×${n}`).join(', ');
  return spread ? `${outcomeText}; served by ${spread}` : outcomeText;
}
