// nslookup (BIND's, or busybox's applet), dig (BIND 9.18) and host, answering from the engine's
// CoreDNS model through the pod's resolv.conf. dig does not use the search list unless +search
// is given, exactly why `dig web` finds nothing in a cluster while `nslookup web` works.

import type { DnsRecord, DnsResult, DnsType } from '../../dns/index.ts';
import { parseIPv4 } from '../../net/ip.ts';
import { stderr, stdout, type CommandContext } from '../context.ts';
import { unixDate } from '../format/time.ts';
import { resolveName, type Resolution } from './net.ts';
import type { ShellSource } from './source.ts';

const TYPES: DnsType[] = ['A', 'AAAA', 'SRV', 'PTR', 'CNAME'];

function dotted(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}

/** Record data as BIND prints it: names absolute, with their trailing dot. */
function rdata(r: DnsRecord): string {
  if (r.type === 'CNAME' || r.type === 'PTR') return dotted(r.data);
  if (r.type === 'SRV') {
    const parts = r.data.split(' ');
    return `${parts.slice(0, 3).join(' ')} ${dotted(parts[3] ?? '')}`;
  }
  return r.data;
}

function reverseOf(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
}

function zoneOf(ctx: CommandContext): string {
  return ctx.view.cluster.settings.clusterDomain;
}

function authoritative(ctx: CommandContext, name: string | undefined): boolean {
  if (!name) return false;
  const zone = zoneOf(ctx);
  return name === zone || name.endsWith(`.${zone}`) || name.endsWith('.in-addr.arpa');
}

/** Runs nslookup. */
export function runNslookup(ctx: CommandContext, src: ShellSource, argv: string[]): number {
  let type: DnsType = 'A';
  const positional: string[] = [];
  for (const a of argv) {
    const m = /^-(?:type|q|query|querytype)=(\w+)$/i.exec(a);
    if (m) {
      const t = m[1]!.toUpperCase() as DnsType;
      if (TYPES.includes(t)) type = t;
    } else if (!a.startsWith('-')) positional.push(a);
  }
  const busybox = src.profile.flavour === 'busybox';
  const name = positional[0];
  if (!name) {
    stderr(ctx, busybox ? 'BusyBox v1.36.1 (2023-07-27 17:12:24 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n' : '> \n');
    return 1;
  }
  if (parseIPv4(name) !== undefined) type = 'PTR';
  const res = resolveName(ctx, src, name, type);
  const server = positional[1] ?? res.result.nameserver;
  if (!res.reachable) {
    stdout(ctx, ';; connection timed out; no servers could be reached\n\n');
    return 1;
  }
  stdout(ctx, `Server:\t\t${server}\nAddress:\t${server}${busybox ? ':53' : '#53'}\n\n`);
  const r = res.result;
  if (r.rcode === 'NXDOMAIN') {
    stdout(ctx, `** server can't find ${type === 'PTR' && parseIPv4(name) !== undefined ? reverseOf(name) : name}: NXDOMAIN\n\n`);
    return 1;
  }
  if (r.records.length === 0) {
    stdout(ctx, busybox ? '' : `*** Can't find ${r.attempts[r.attempts.length - 1]?.fqdn ?? name}: No answer\n\n`);
    return busybox ? 0 : 1;
  }
  if (!authoritative(ctx, r.resolvedName)) stdout(ctx, 'Non-authoritative answer:\n');
  for (const rec of r.records) {
    if (rec.type === 'CNAME') stdout(ctx, `${rec.name}\tcanonical name = ${dotted(rec.data)}\n`);
    else if (rec.type === 'PTR') stdout(ctx, `${rec.name}\tname = ${dotted(rec.data)}\n`);
    else if (rec.type === 'SRV') stdout(ctx, `${rec.name}\tservice = ${rdata(rec)}\n`);
    else stdout(ctx, `Name:\t${rec.name}\nAddress: ${rec.data}\n`);
  }
  stdout(ctx, '\n');
  return 0;
}

function rrLine(r: DnsRecord): string {
  return `${dotted(r.name)}\t${r.ttl}\tIN\t${r.type}\t${rdata(r)}`;
}

function soa(ctx: CommandContext, qname: string): string {
  const zone = zoneOf(ctx);
  if (authoritative(ctx, qname)) return `${zone}.\t\t30\tIN\tSOA\tns.dns.${zone}. hostmaster.${zone}. 1748854800 7200 1800 86400 30`;
  return '.\t\t\t30\tIN\tSOA\ta.root-servers.net. nstld.verisign-grs.com. 2025060200 1800 900 604800 86400';
}

function messageSize(qname: string, records: DnsRecord[], authority: boolean): number {
  const q = qname.length + 2 + 4;
  const answers = records.reduce((n, r) => n + 12 + (r.type === 'A' ? 4 : r.type === 'AAAA' ? 16 : r.type === 'SRV' ? 8 + r.data.length : r.data.length + 2), 0);
  return 12 + q + answers + (authority ? 70 : 0) + 11;
}

/** Runs dig. */
export function runDig(ctx: CommandContext, src: ShellSource, argv: string[]): number {
  let type: DnsType = 'A';
  let short = false;
  let search = false;
  let server: string | undefined;
  let reverse: string | undefined;
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '+short') short = true;
    else if (a === '+search') search = true;
    else if (a === '+nosearch') search = false;
    else if (a.startsWith('+')) continue;
    else if (a.startsWith('@')) server = a.slice(1);
    else if (a === '-x') reverse = argv[++i];
    else if (a === '-t') type = (argv[++i] ?? 'A').toUpperCase() as DnsType;
    else if (TYPES.includes(a.toUpperCase() as DnsType) && names.length > 0) type = a.toUpperCase() as DnsType;
    else if (a === 'IN') continue;
    else names.push(a);
  }
  let qname = names[0] ?? '.';
  if (reverse) {
    qname = `${reverseOf(reverse)}.`;
    type = 'PTR';
  }
  const res: Resolution = resolveName(ctx, src, search || qname.endsWith('.') ? qname : `${qname}.`, type);
  const r: DnsResult = res.result;
  const ns = server ?? r.nameserver;
  const asked = dotted(r.resolvedName ?? r.attempts[r.attempts.length - 1]?.fqdn ?? qname);
  if (!res.reachable) {
    const err = `;; communications error to ${ns}#53: timed out\n`;
    stdout(ctx, `${err}${err}${err}`);
    if (!short) stdout(ctx, `\n; <<>> DiG 9.18.33 <<>> ${argv.join(' ')}\n;; global options: +cmd\n;; no servers could be reached\n`);
    return 9;
  }
  if (short) {
    stdout(ctx, r.records.map((rec) => `${rdata(rec)}\n`).join(''));
    return 0;
  }
  const aa = authoritative(ctx, asked.slice(0, -1));
  const nx = r.rcode === 'NXDOMAIN' || r.records.length === 0;
  const id = (ctx.session.clock * 7919) % 65536;
  const lines = [
    '',
    `; <<>> DiG 9.18.33 <<>> ${argv.join(' ')}`,
    ';; global options: +cmd',
    ';; Got answer:',
    `;; ->>HEADER<<- opcode: QUERY, status: ${r.rcode}, id: ${id}`,
    `;; flags: qr ${aa ? 'aa ' : ''}rd${aa ? '' : ' ra'}; QUERY: 1, ANSWER: ${r.records.length}, AUTHORITY: ${nx ? 1 : 0}, ADDITIONAL: 1`,
    ...(aa ? [';; WARNING: recursion requested but not available'] : []),
    '',
    ';; OPT PSEUDOSECTION:',
    '; EDNS: version: 0, flags:; udp: 1232',
    ';; QUESTION SECTION:',
    `;${asked}\t\tIN\t${type}`,
    '',
  ];
  if (r.records.length) lines.push(';; ANSWER SECTION:', ...r.records.map(rrLine), '');
  if (nx) lines.push(';; AUTHORITY SECTION:', soa(ctx, asked.slice(0, -1)), '');
  lines.push(';; Query time: 0 msec', `;; SERVER: ${ns}#53(${ns}) (UDP)`, `;; WHEN: ${unixDate(ctx.session.clock)}`, `;; MSG SIZE  rcvd: ${messageSize(asked, r.records, nx)}`, '', '');
  stdout(ctx, lines.join('\n'));
  return 0;
}

/** Runs host. */
export function runHost(ctx: CommandContext, src: ShellSource, argv: string[]): number {
  let type: DnsType | undefined;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-t') type = (argv[++i] ?? 'A').toUpperCase() as DnsType;
    else if (!a.startsWith('-')) positional.push(a);
  }
  const name = positional[0];
  if (!name) {
    stderr(ctx, 'Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n');
    return 1;
  }
  const ptr = parseIPv4(name) !== undefined;
  const res = resolveName(ctx, src, name, ptr ? 'PTR' : (type ?? 'A'));
  if (!res.reachable) {
    stdout(ctx, ';; connection timed out; no servers could be reached\n');
    return 1;
  }
  const r = res.result;
  if (r.rcode === 'NXDOMAIN') {
    stdout(ctx, `Host ${ptr ? reverseOf(name) : name} not found: 3(NXDOMAIN)\n`);
    return 1;
  }
  if (r.records.length === 0) return 0;
  for (const rec of r.records) {
    if (rec.type === 'A') stdout(ctx, `${rec.name} has address ${rec.data}\n`);
    else if (rec.type === 'AAAA') stdout(ctx, `${rec.name} has IPv6 address ${rec.data}\n`);
    else if (rec.type === 'CNAME') stdout(ctx, `${rec.name} is an alias for ${dotted(rec.data)}\n`);
    else if (rec.type === 'PTR') stdout(ctx, `${rec.name} domain name pointer ${dotted(rec.data)}\n`);
    else stdout(ctx, `${rec.name} has SRV record ${rdata(rec)}\n`);
  }
  return 0;
}
