// Public DNS: what the nodes' resolver and the internet know. In a kind cluster that is Docker's
// embedded DNS (node container names) forwarding to the internet; the lab's internet knows only
// the extra names the caller publishes (Ingress and Gateway hostnames, as ExternalDNS would).

import { addressFromReverse, inZone, ipFamily, normalizeName } from './names.ts';
import type { DnsIndex, DnsRecord, DnsServerAnswer, DnsType } from './types.ts';

/** The nodes' nameserver: kind rewrites Docker's 127.0.0.11 to the network gateway. */
export const NODE_RESOLVER_IP = '172.18.0.1';

/** Docker's embedded DNS answers container names with this TTL. */
const NODE_NAME_TTL = 600;
/** ExternalDNS publishes records with this TTL by default. */
const PUBLIC_HOST_TTL = 300;

const PUBLIC_REF = 'public-dns';

function nxdomain(name: string, detail: string): DnsServerAnswer {
  return { fqdn: name, rcode: 'NXDOMAIN', answers: [], reasons: [{ ref: PUBLIC_REF, detail }] };
}

/** Answers one absolute query as public DNS would: node names -> InternalIP (and back, for PTR),
 * published extra hosts -> their address; nothing else exists, the cluster domain included.
 * Memoized in the index: treat the answer as read-only. */
export function queryPublicDns(index: DnsIndex, fqdn: string, type: DnsType): DnsServerAnswer {
  const key = `public ${type} ${fqdn}`;
  const memo = index.answers.get(key);
  if (memo) return memo;
  const answer = answerPublic(index, fqdn, type);
  index.answers.set(key, answer);
  return answer;
}

function answerPublic(index: DnsIndex, fqdn: string, type: DnsType): DnsServerAnswer {
  const name = normalizeName(fqdn);
  if (type === 'PTR') {
    const ip = addressFromReverse(name);
    const node = ip === undefined ? undefined : index.nodesByIP.get(ip);
    if (!node) return nxdomain(name, `public DNS has no PTR record for ${name}`);
    return {
      fqdn: name,
      rcode: 'NOERROR',
      answers: [{ name, type: 'PTR', ttl: NODE_NAME_TTL, data: node.name }],
      reasons: [{ ref: `node/${node.name}`, detail: `${ip} is the InternalIP of node ${node.name}` }],
    };
  }

  const published = index.publicHosts.get(name);
  const node = published === undefined ? index.nodesByName.get(name) : undefined;
  if (published === undefined && !node) {
    const detail = inZone(name, index.zone)
      ? `${name} is in the cluster domain ${index.zone}, which only the cluster DNS serves`
      : `public DNS does not know ${name}`;
    return nxdomain(name, detail);
  }

  let records: DnsRecord[] = [];
  let detail: string;
  let ref = PUBLIC_REF;
  if (node) {
    ref = `node/${node.name}`;
    detail = `${name} is node ${node.name}, InternalIP ${node.internalIP}`;
    if (type === 'A') records = [{ name, type: 'A', ttl: NODE_NAME_TTL, data: node.internalIP }];
  } else {
    const address = published!;
    detail = `${name} is published in public DNS -> ${address}`;
    const family = ipFamily(address);
    if (family === undefined) {
      // A published hostname (a cloud load balancer's DNS name): a CNAME to it, as ExternalDNS writes.
      const target = normalizeName(address);
      if (type === 'A' || type === 'AAAA' || type === 'CNAME') records = [{ name, type: 'CNAME', ttl: PUBLIC_HOST_TTL, data: target }];
      if (type === 'A' || type === 'AAAA') {
        const next = queryPublicDns(index, target, type);
        if (target !== name && !next.answers.some((r) => r.type === 'CNAME')) records.push(...next.answers);
      }
    } else if (family === type) {
      records = [{ name, type, ttl: PUBLIC_HOST_TTL, data: address }];
    }
  }
  return { fqdn: name, rcode: 'NOERROR', answers: records, reasons: [{ ref, detail }] };
}
