import { evaluateConnection, evaluateEgressToIp, type DirectionVerdict, type TrafficPeer } from '../netpol/index.ts';
import type { Pod } from '../types.ts';
import type { TraceContext } from './context.ts';
import type { Hop, Packet, Reason } from './types.ts';

function reasonsOf(v: DirectionVerdict): Reason[] {
  const reasons: Reason[] = [];
  if (v.allowedBy) reasons.push({ ref: v.allowedBy.policy, rule: v.allowedBy.rule, detail: v.allowedBy.detail });
  else for (const policy of v.policies) reasons.push({ ref: policy, detail: v.closestMiss ?? v.message });
  return reasons;
}

function policyHop(at: string, packet: Packet, v: DirectionVerdict, enforced: boolean): Hop {
  const note = !enforced && !v.allowed ? ' (not enforced: this cluster\'s CNI does not implement NetworkPolicy)' : '';
  return { kind: 'policy', at, before: packet, message: `${v.direction}: ${v.message}${note}`, reasons: reasonsOf(v) };
}

/** Checks NetworkPolicy for a packet arriving at a pod: egress at the source pod (if it is one)
 * against the post-DNAT destination, ingress at the destination against the source as it arrives
 * (which differs from the sender after SNAT). Returns whether the packet gets through. */
export function checkPolicies(
  ctx: TraceContext,
  hops: Hop[],
  sender: TrafficPeer,
  arrivingFrom: TrafficPeer,
  dst: Pod,
  packet: Packet,
  elements: { sender: string; dst: string },
): boolean {
  const { cluster } = ctx.dp;
  const enforced = cluster.settings.networkPolicy;
  if (sender.kind === 'pod') {
    const egress = evaluateConnection(cluster, ctx.policies, sender, dst, packet.dstPort, packet.protocol).egress;
    if (egress.isolated || egress.policies.length > 0) hops.push(policyHop(elements.sender, packet, egress, enforced));
    if (!egress.allowed && enforced) return false;
  }
  // Ingress policy does not apply to pods on the host network; a pod always reaches itself.
  if (dst.hostNetwork) return true;
  const ingress = evaluateConnection(cluster, ctx.policies, arrivingFrom, dst, packet.dstPort, packet.protocol).ingress;
  if (ingress.isolated || ingress.policies.length > 0) hops.push(policyHop(elements.dst, packet, ingress, enforced));
  return ingress.allowed || !enforced;
}

/** Egress check for a pod sending to an address that is not a pod (a node, the outside world). */
export function checkEgressToIp(ctx: TraceContext, hops: Hop[], src: Pod, packet: Packet, srcElement: string): boolean {
  const verdict = evaluateEgressToIp(ctx.dp.cluster, ctx.policies, src, packet.dstIP, packet.dstPort, packet.protocol);
  const enforced = ctx.dp.cluster.settings.networkPolicy;
  if (verdict.isolated || verdict.policies.length > 0) hops.push(policyHop(srcElement, packet, verdict, enforced));
  return verdict.allowed || !enforced;
}
