// ping (busybox's or iputils'). ICMP is not in the engine's tracer, so the echo's fate is decided
// here from the same model: pod and node addresses answer; a ClusterIP does not, because
// kube-proxy's iptables and nftables rules only match the Service's TCP/UDP/SCTP ports (in IPVS
// mode the ClusterIP is bound to kube-ipvs0 on every node, and the node answers); a pod isolated
// by NetworkPolicy drops it, as Calico and Cilium do.

import { evaluateEgress, evaluateEgressToIp, evaluateIngress } from '../../netpol/index.ts';
import { parseIPv4 } from '../../net/ip.ts';
import { stderr, stdout, type CommandContext } from '../context.ts';
import { traceContextOf } from '../objects/view.ts';
import { resolveName } from './net.ts';
import type { ShellSource } from './source.ts';

/** Whether an echo request to `ip` is answered, with the reply's TTL and NetLab's explanation. */
export function icmpEcho(ctx: CommandContext, src: ShellSource, ip: string): { reply: boolean; ttl: number; note?: string } {
  const t = traceContextOf(ctx.view);
  const { cluster } = ctx.view;
  const mode = cluster.settings.kubeProxyMode;
  const pod = src.pod;
  if (ip.startsWith('127.') || (pod && pod.podIP === ip)) return { reply: true, ttl: 64 };
  const target = t.dp.podsByIP.get(ip);
  const node = t.dp.nodesByIP.get(ip);
  const svc = cluster.services.find((s) => s.clusterIP === ip || s.loadBalancerIPs.includes(ip) || s.externalIPs.includes(ip));
  if (!pod) {
    if (node) return { reply: true, ttl: 64 };
    if (target || (svc && svc.clusterIP === ip)) return { reply: false, ttl: 0, note: `${ip} is ${target ? 'a pod IP' : 'a ClusterIP'}: it is only routable inside the cluster, and this terminal is outside it.` };
    if (svc) return { reply: false, ttl: 0, note: `${ip} is the load balancer of Service ${svc.namespace}/${svc.name}: the cloud load balancer forwards only the Service's ports, not ICMP.` };
    return { reply: false, ttl: 0, note: `Nothing in the simulated network has the address ${ip} (and it has no Internet).` };
  }
  const enforced = cluster.settings.networkPolicy;
  if (target) {
    if (enforced && !pod.hostNetwork) {
      const egress = evaluateEgress(cluster, t.policies, pod, target, 0, 'TCP');
      if (egress.isolated) return { reply: false, ttl: 0, note: `${pod.namespace}/${pod.name} is isolated for egress by ${egress.policies.join(', ')}: NetworkPolicy rules only allow TCP, UDP and SCTP, so the CNI (as Calico and Cilium do) drops the ICMP echo.` };
    }
    const from = pod.hostNetwork ? { kind: 'ip' as const, ip: pod.podIP, description: `node ${pod.nodeName}` } : { kind: 'pod' as const, pod };
    if (enforced && !(pod.hostNetwork && pod.nodeName === target.nodeName)) {
      const ingress = evaluateIngress(cluster, t.policies, from, target, 0, 'TCP');
      if (ingress.isolated) return { reply: false, ttl: 0, note: `${target.namespace}/${target.name} is isolated for ingress by ${ingress.policies.join(', ')}: NetworkPolicy rules only allow TCP, UDP and SCTP, so the CNI drops the ICMP echo.` };
    }
    return { reply: true, ttl: target.nodeName === pod.nodeName ? 63 : 62 };
  }
  if (node) {
    if (enforced && !pod.hostNetwork && evaluateEgressToIp(cluster, t.policies, pod, ip, 0, 'TCP').isolated) return { reply: false, ttl: 0, note: `${pod.namespace}/${pod.name} is isolated for egress: the CNI drops the ICMP echo.` };
    return { reply: true, ttl: node.name === pod.nodeName ? 64 : 63 };
  }
  if (svc) {
    if (mode === 'ipvs') return { reply: true, ttl: 64, note: `In IPVS mode kube-proxy binds ${ip} to the kube-ipvs0 dummy interface on every node, so ${pod.nodeName} itself answers the ping (no pod sees it).` };
    return { reply: false, ttl: 0, note: `${ip} is ${svc.clusterIP === ip ? 'the ClusterIP' : 'an address'} of Service ${svc.namespace}/${svc.name}: no interface has it, and kube-proxy's ${mode} rules only match its ${svc.ports.map((p) => `${p.port}/${p.protocol}`).join(', ') || 'ports'}, so the ICMP echo is never answered. Test a Service with curl or nc instead.` };
  }
  return { reply: false, ttl: 0, note: `Nothing in the simulated network has the address ${ip} (and it has no Internet).` };
}

/** Runs ping. */
export function runPing(ctx: CommandContext, src: ShellSource, argv: string[]): number {
  let count = 4;
  let hostArg: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-c') count = Math.max(1, Math.min(20, Number(argv[++i]) || 1));
    else if (/^-c\d+$/.test(a)) count = Math.max(1, Math.min(20, Number(a.slice(2))));
    else if (a === '-W' || a === '-w' || a === '-i' || a === '-s') i++;
    else if (!a.startsWith('-')) hostArg = a;
  }
  const busybox = src.profile.flavour === 'busybox';
  if (!hostArg) {
    stderr(ctx, busybox ? 'BusyBox v1.36.1 (2023-07-27 17:12:24 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n' : 'ping: usage error: Destination address required\n');
    return busybox ? 1 : 2;
  }
  let ip = hostArg;
  if (parseIPv4(hostArg) === undefined) {
    const res = resolveName(ctx, src, hostArg, 'A');
    const a = res.reachable ? res.result.records.find((r) => r.type === 'A')?.data : undefined;
    if (!a) {
      stderr(ctx, busybox ? `ping: bad address '${hostArg}'\n` : `ping: ${hostArg}: ${res.reachable ? 'Name or service not known' : 'Temporary failure in name resolution'}\n`);
      return busybox ? 1 : 2;
    }
    ip = a;
  }
  const echo = icmpEcho(ctx, src, ip);
  if (echo.note) ctx.notes.push(echo.note);
  const times = Array.from({ length: count }, (_, i) => 0.06 + ((ctx.session.clock * 31 + i * 17) % 40) / 1000);
  const ms = (n: number) => n.toFixed(3);
  const min = Math.min(...times);
  const max = Math.max(...times);
  const avg = times.reduce((a, b) => a + b, 0) / times.length;
  if (busybox) {
    stdout(ctx, `PING ${hostArg} (${ip}): 56 data bytes\n`);
    if (echo.reply) times.forEach((t, i) => stdout(ctx, `64 bytes from ${ip}: seq=${i} ttl=${echo.ttl} time=${ms(t)} ms\n`));
    stdout(ctx, `\n--- ${hostArg} ping statistics ---\n${count} packets transmitted, ${echo.reply ? count : 0} packets received, ${echo.reply ? 0 : 100}% packet loss\n`);
    if (echo.reply) stdout(ctx, `round-trip min/avg/max = ${ms(min)}/${ms(avg)}/${ms(max)} ms\n`);
  } else {
    stdout(ctx, `PING ${hostArg} (${ip}) 56(84) bytes of data.\n`);
    if (echo.reply) times.forEach((t, i) => stdout(ctx, `64 bytes from ${ip}: icmp_seq=${i + 1} ttl=${echo.ttl} time=${ms(t)} ms\n`));
    const elapsed = (count - 1) * 1000 + (echo.reply ? 3 : 75);
    stdout(ctx, `\n--- ${hostArg} ping statistics ---\n${count} packets transmitted, ${echo.reply ? count : 0} received, ${echo.reply ? 0 : 100}% packet loss, time ${elapsed}ms\n`);
    if (echo.reply) stdout(ctx, `rtt min/avg/max/mdev = ${ms(min)}/${ms(avg)}/${ms(max)}/${ms((max - min) / 2)} ms\n`);
  }
  return echo.reply ? 0 : 1;
}
