import { evaluateEgress, evaluateEgressToIp, evaluateIngress, type DirectionVerdict, type TrafficPeer } from '../netpol/index.ts';
import type { Pod, SourceLocation } from '../types.ts';
import type { TraceContext } from './context.ts';
import type { Hop, Packet, Reason } from './types.ts';

function reasonsOf(v: DirectionVerdict, ctx: TraceContext): Reason[] {
  const reasons: Reason[] = [];
  if (v.allowedBy) reasons.push({ ref: v.allowedBy.policy, rule: v.allowedBy.rule, field: v.allowedBy.rule, detail: v.allowedBy.detail, ...sourceOf(ctx, v.allowedBy.policy) });
  else {
    const what = v.direction === 'Ingress' ? 'ingress' : 'egress';
    for (const policy of v.policies) {
      const miss = v.closestMiss?.startsWith(`${policy} `) ? v.closestMiss.slice(policy.length + 1) : undefined;
      const field = miss?.split(':')[0];
      reasons.push({ ref: policy, ...(field ? { field } : {}), detail: miss ? `closest rule ${miss}` : `selects the pod for ${what}; none of its rules allows this traffic`, ...sourceOf(ctx, policy) });
    }
  }
  return reasons;
}

function policyHop(ctx: TraceContext, at: string, packet: Packet, v: DirectionVerdict): Hop {
  return { kind: 'policy', at, before: packet, message: v.message, reasons: reasonsOf(v, ctx) };
}

// Where the policy was written, so the inspector can jump to its YAML.
function sourceOf(ctx: TraceContext, ref: string): { source?: SourceLocation } {
  const policy = ctx.dp.cluster.networkPolicies.find((p) => `networkpolicy/${p.namespace}/${p.name}` === ref);
  return policy ? { source: policy.source } : {};
}

// Whether any policy selects the pod for this direction; most pods of most clusters are not
// isolated, and then there is nothing to evaluate or explain.
function isolated(ctx: TraceContext, pod: Pod, direction: 'ingress' | 'egress'): boolean {
  const index = ctx.policies;
  if (index.policies.length === 0) return false;
  const i = index.podIndexByKey.get(`${pod.namespace}/${pod.name}`);
  if (i === undefined) return true; // unknown to the index: let the evaluation explain
  return ((direction === 'ingress' ? index.ingressPoliciesByPod : index.egressPoliciesByPod)[i]?.length ?? 0) > 0;
}

/** Egress NetworkPolicy at the sending pod, against the post-DNAT destination pod. */
export function checkEgressToPod(ctx: TraceContext, hops: Hop[], sender: Pod, dst: Pod, packet: Packet, senderElement: string): boolean {
  if (!isolated(ctx, sender, 'egress')) return true;
  const { cluster } = ctx.dp;
  const egress = evaluateEgress(cluster, ctx.policies, sender, dst, packet.dstPort, packet.protocol);
  if (egress.isolated || egress.policies.length > 0) hops.push(policyHop(ctx, senderElement, packet, egress));
  return egress.allowed || !cluster.settings.networkPolicy;
}

/** Ingress NetworkPolicy at the destination pod, against the source as it arrives (after SNAT). */
export function checkIngress(ctx: TraceContext, hops: Hop[], arrivingFrom: TrafficPeer, dst: Pod, packet: Packet, dstElement: string): boolean {
  // Ingress policy does not apply to pods on the host network.
  if (dst.hostNetwork || !isolated(ctx, dst, 'ingress')) return true;
  const { cluster } = ctx.dp;
  const ingress = evaluateIngress(cluster, ctx.policies, arrivingFrom, dst, packet.dstPort, packet.protocol);
  if (ingress.isolated || ingress.policies.length > 0) hops.push(policyHop(ctx, dstElement, packet, ingress));
  return ingress.allowed || !cluster.settings.networkPolicy;
}

/** Egress check for a pod sending to an address that is not a pod (a node, the outside world). */
export function checkEgressToIp(ctx: TraceContext, hops: Hop[], src: Pod, packet: Packet, srcElement: string): boolean {
  if (!isolated(ctx, src, 'egress')) return true;
  const verdict = evaluateEgressToIp(ctx.dp.cluster, ctx.policies, src, packet.dstIP, packet.dstPort, packet.protocol);
  const enforced = ctx.dp.cluster.settings.networkPolicy;
  if (verdict.isolated || verdict.policies.length > 0) hops.push(policyHop(ctx, srcElement, packet, verdict));
  return verdict.allowed || !enforced;
}
