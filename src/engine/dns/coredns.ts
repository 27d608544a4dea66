// The CoreDNS server of a kubeadm cluster: the kubernetes plugin is authoritative for the cluster
// zone and answers reverse zones (falling through to the next plugin when it has no PTR), and
// `forward . /etc/resolv.conf` sends everything else to the node's resolver.
// Record assembly follows plugin/backend_lookup.go (A, AAAA, SRV, CNAME, PTR).

import type { Cluster } from '../types.ts';
import { indexDns } from './dns-index.ts';
import { CLUSTER_TTL, kubernetesRecords, reverseRecords } from './kubernetes-plugin.ts';
import { addressFromReverse, canonicalIP, inZone, ipFamily, isReverseName, normalizeName } from './names.ts';
import { queryPublicDns } from './public-dns.ts';
import type { DnsIndex, DnsReason, DnsRecord, DnsServerAnswer, DnsType } from './types.ts';

/** kubeadm's `cache 30` caps the TTL of forwarded answers at 30 seconds. */
const CACHE_TTL_CAP = 30;
/** backend_lookup.go stops following CNAMEs after this many links. */
const MAX_CNAME_CHAIN = 10;

const COREFILE_REF = 'configmap/kube-system/coredns';

interface Lookup {
  nameError: boolean;
  records: DnsRecord[];
  reasons: DnsReason[];
}

/** `forward . /etc/resolv.conf`: the CoreDNS pods use dnsPolicy Default, so this is the node's resolver. */
function forward(index: DnsIndex, name: string, type: DnsType): DnsServerAnswer {
  const upstream = queryPublicDns(index, name, type);
  return {
    ...upstream,
    answers: upstream.answers.map((r) => (r.ttl > CACHE_TTL_CAP ? { ...r, ttl: CACHE_TTL_CAP } : r)),
    reasons: [{ ref: COREFILE_REF, detail: `${name} is outside ${index.zone}: CoreDNS forwards it to the node's resolver (forward . /etc/resolv.conf)` }, ...upstream.reasons],
  };
}

/** A and AAAA answers (plugin.A/AAAA): addresses of the right family, and CNAMEs followed inside
 * the zone, or through the upstream resolver outside it. */
function addressRecords(index: DnsIndex, qname: string, type: 'A' | 'AAAA', chain: DnsRecord[]): Lookup {
  const back = kubernetesRecords(index, qname);
  if (back.nameError) return { nameError: true, records: [], reasons: back.reasons };
  const records: DnsRecord[] = [];
  const reasons = [...back.reasons];
  const seen = new Set<string>();
  for (const rec of back.records) {
    const family = ipFamily(rec.host);
    if (family === undefined) {
      const target = normalizeName(rec.host);
      if (target === qname || chain.length > MAX_CNAME_CHAIN) continue; // x CNAME x is a loop
      if (chain.some((c) => c.name === qname && c.data === target)) continue;
      const cname: DnsRecord = { name: qname, type: 'CNAME', ttl: CLUSTER_TTL, data: target };
      if (inZone(target, index.zone)) {
        const next = addressRecords(index, target, type, [...chain, cname]);
        reasons.push(...next.reasons);
        // Inside the zone the CNAME is only answered when its target resolves.
        if (!next.nameError && next.records.length > 0) records.push(cname, ...next.records);
      } else {
        // The upstream lookup runs through the whole server; whatever it returns (even NXDOMAIN)
        // is appended after the CNAME.
        const upstream = serveClusterDns(index, target, type);
        reasons.push(...upstream.reasons);
        records.push(cname, ...upstream.answers);
      }
      continue;
    }
    if (family === type && !seen.has(rec.host)) {
      seen.add(rec.host);
      records.push({ name: qname, type, ttl: CLUSTER_TTL, data: canonicalIP(rec.host) });
    }
  }
  return { nameError: false, records, reasons };
}

/** SRV answers (plugin.SRV): every record has priority 0 and weight 100/n (at least 1), where n
 * counts the backend's address records before duplicates and portless ones are dropped. */
function srvRecords(index: DnsIndex, qname: string): Lookup {
  const back = kubernetesRecords(index, qname);
  if (back.nameError) return { nameError: true, records: [], reasons: back.reasons };
  // The kubernetes plugin serves no SRV for ExternalName Services.
  const services = back.records.filter((r) => ipFamily(r.host) !== undefined);
  const weight = Math.max(1, Math.floor(100 / Math.max(1, services.length)));
  const seen = new Set<string>();
  const records: DnsRecord[] = [];
  for (const s of services) {
    if (s.port === -1) continue;
    const key = `${s.target}|${s.port}`;
    if (seen.has(key)) continue;
    seen.add(key);
    records.push({ name: qname, type: 'SRV', ttl: CLUSTER_TTL, data: `0 ${weight} ${s.port} ${s.target}` });
  }
  return { nameError: false, records, reasons: back.reasons };
}

function answerClusterZone(index: DnsIndex, name: string, type: DnsType): Lookup {
  switch (type) {
    case 'A':
    case 'AAAA':
      return addressRecords(index, name, type, []);
    case 'SRV':
      return srvRecords(index, name);
    case 'CNAME': {
      const back = kubernetesRecords(index, name);
      const first = back.records[0];
      const records: DnsRecord[] =
        first && ipFamily(first.host) === undefined ? [{ name, type: 'CNAME', ttl: CLUSTER_TTL, data: normalizeName(first.host) }] : [];
      return { nameError: back.nameError, records, reasons: back.reasons };
    }
    case 'PTR': {
      // A forward name has no PTR records, but NODATA and NXDOMAIN still differ.
      const back = kubernetesRecords(index, name);
      return { nameError: back.nameError, records: [], reasons: back.reasons };
    }
  }
}

function toAnswer(name: string, lookup: Lookup): DnsServerAnswer {
  return { fqdn: name, rcode: lookup.nameError ? 'NXDOMAIN' : 'NOERROR', answers: lookup.records, reasons: lookup.reasons };
}

/** Answers one absolute query as the cluster's CoreDNS would, from a prebuilt index (memoized
 * in the index: treat the answer as read-only). */
export function serveClusterDns(index: DnsIndex, fqdn: string, type: DnsType): DnsServerAnswer {
  const key = `cluster ${type} ${fqdn}`;
  const memo = index.answers.get(key);
  if (memo) return memo;
  const answer = answerQuery(index, fqdn, type);
  index.answers.set(key, answer);
  return answer;
}

function answerQuery(index: DnsIndex, fqdn: string, type: DnsType): DnsServerAnswer {
  const name = normalizeName(fqdn);
  if (inZone(name, index.zone)) return toAnswer(name, answerClusterZone(index, name, type));
  if (isReverseName(name) && type === 'PTR') {
    const ip = addressFromReverse(name);
    if (ip !== undefined) {
      const back = reverseRecords(index, ip);
      if (!back.nameError) {
        const answers = back.records.map((r): DnsRecord => ({ name, type: 'PTR', ttl: CLUSTER_TTL, data: r.host }));
        return { fqdn: name, rcode: 'NOERROR', answers, reasons: back.reasons };
      }
      // `fallthrough in-addr.arpa ip6.arpa`: the next plugin, forward, gets the query.
      const upstream = forward(index, name, type);
      return { ...upstream, reasons: [...back.reasons, ...upstream.reasons] };
    }
  }
  // Out of the zone, and reverse names the kubernetes plugin cannot parse, go upstream.
  return forward(index, name, type);
}

/** Answers one fully-qualified query as CoreDNS' kubernetes plugin would (authoritative for the
 * cluster zone and reverse zones; other names are forwarded to the node's resolver). */
export function queryClusterDns(cluster: Cluster, fqdn: string, type: DnsType, index?: DnsIndex): DnsServerAnswer {
  return serveClusterDns(index ?? indexDns(cluster), fqdn, type);
}
