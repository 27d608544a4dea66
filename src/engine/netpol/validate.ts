import { cidrContainsCidr, parseCidr } from '../net/ip.ts';
import type { FieldError, ManifestObject } from '../types.ts';
import { validateLabelSelector } from './validate-selector.ts';

// The NetworkPolicy part of the API server's validation (pkg/apis/networking/validation:
// ValidateNetworkPolicySpec, ValidateNetworkPolicyPort, ValidateNetworkPolicyPeer,
// ValidateIPBlock), with its field paths and messages. Object metadata is validated elsewhere.

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const POLICY_TYPES = ['Ingress', 'Egress'];
const CIDR_MESSAGE = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** Validation of NetworkPolicy objects (CIDR, except within cidr, endPort, protocol) in FieldError
 * form, field paths like spec.ingress[0].from[0].ipBlock.cidr. */
export function validateNetworkPolicy(obj: ManifestObject): FieldError[] {
  const errs: FieldError[] = [];
  if (!present(obj.spec)) return errs;
  if (!isRecord(obj.spec)) return [{ type: 'Invalid', field: 'spec', value: obj.spec, detail: 'must be a NetworkPolicySpec object' }];
  const spec = obj.spec;
  errs.push(...validateLabelSelector(spec.podSelector, 'spec.podSelector'));
  for (const [direction, peersField] of [['ingress', 'from'], ['egress', 'to']] as const) {
    const rules = spec[direction];
    if (!present(rules)) continue;
    if (!Array.isArray(rules)) {
      errs.push({ type: 'Invalid', field: `spec.${direction}`, value: rules, detail: 'must be a list of rules' });
      continue;
    }
    rules.forEach((rule, r) => {
      const rulePath = `spec.${direction}[${r}]`;
      if (!present(rule)) return;
      if (!isRecord(rule)) {
        errs.push({ type: 'Invalid', field: rulePath, value: rule, detail: 'must be a rule object' });
        return;
      }
      errs.push(...validateList(rule.ports, `${rulePath}.ports`, validatePort));
      errs.push(...validateList(rule[peersField], `${rulePath}.${peersField}`, validatePeer));
    });
  }
  errs.push(...validatePolicyTypes(spec.policyTypes));
  return errs;
}

function validateList(value: unknown, path: string, each: (item: unknown, path: string) => FieldError[]): FieldError[] {
  if (!present(value)) return [];
  if (!Array.isArray(value)) return [{ type: 'Invalid', field: path, value, detail: 'must be a list' }];
  return value.flatMap((item, i) => each(item, `${path}[${i}]`));
}

function portNumErrors(value: number): string[] {
  return value >= 1 && value <= 65535 ? [] : ['must be between 1 and 65535, inclusive'];
}

/** IsValidPortName, as for container port names. */
function portNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

function validatePort(value: unknown, path: string): FieldError[] {
  if (!isRecord(value)) return present(value) ? [{ type: 'Invalid', field: path, value, detail: 'must be a port object' }] : [];
  const errs: FieldError[] = [];
  const { protocol, port, endPort } = value;
  if (present(protocol) && (typeof protocol !== 'string' || !PROTOCOLS.includes(protocol))) {
    errs.push({ type: 'NotSupported', field: `${path}.protocol`, value: protocol, supported: PROTOCOLS });
  }
  if (present(endPort) && !Number.isInteger(endPort)) {
    errs.push({ type: 'Invalid', field: `${path}.endPort`, value: endPort, detail: 'must be an integer' });
    return errs;
  }
  const end = present(endPort) ? (endPort as number) : undefined;
  if (!present(port)) {
    if (end !== undefined) errs.push({ type: 'Invalid', field: `${path}.endPort`, value: end, detail: 'may not be specified when `port` is not specified' });
  } else if (typeof port === 'number') {
    if (!Number.isInteger(port)) errs.push({ type: 'Invalid', field: `${path}.port`, value: port, detail: 'must be an integer or a port name' });
    else {
      for (const msg of portNumErrors(port)) errs.push({ type: 'Invalid', field: `${path}.port`, value: port, detail: msg });
      if (end !== undefined) {
        if (end < port) errs.push({ type: 'Invalid', field: `${path}.endPort`, value: end, detail: 'must be greater than or equal to `port`' });
        for (const msg of portNumErrors(end)) errs.push({ type: 'Invalid', field: `${path}.endPort`, value: end, detail: msg });
      }
    }
  } else if (typeof port === 'string') {
    if (end !== undefined) errs.push({ type: 'Invalid', field: `${path}.endPort`, value: end, detail: 'may not be specified when `port` is non-numeric' });
    for (const msg of portNameErrors(port)) errs.push({ type: 'Invalid', field: `${path}.port`, value: port, detail: msg });
  } else {
    errs.push({ type: 'Invalid', field: `${path}.port`, value: port, detail: 'must be an integer or a port name' });
  }
  return errs;
}

function validatePeer(value: unknown, path: string): FieldError[] {
  if (!isRecord(value)) return [{ type: present(value) ? 'Invalid' : 'Required', field: path, ...(present(value) ? { value } : {}), detail: 'must specify a peer' }];
  const errs: FieldError[] = [];
  let peers = 0;
  if (present(value.podSelector)) {
    peers++;
    errs.push(...validateLabelSelector(value.podSelector, `${path}.podSelector`));
  }
  if (present(value.namespaceSelector)) {
    peers++;
    errs.push(...validateLabelSelector(value.namespaceSelector, `${path}.namespaceSelector`));
  }
  if (present(value.ipBlock)) {
    peers++;
    errs.push(...validateIPBlock(value.ipBlock, `${path}.ipBlock`));
  }
  if (peers === 0) errs.push({ type: 'Required', field: path, detail: 'must specify a peer' });
  else if (peers > 1 && present(value.ipBlock)) errs.push({ type: 'Forbidden', field: path, detail: 'may not specify both ipBlock and another peer' });
  return errs;
}

function validateIPBlock(value: unknown, path: string): FieldError[] {
  if (!isRecord(value)) return [{ type: 'Invalid', field: path, value, detail: 'must be an ipBlock object' }];
  const cidrText = typeof value.cidr === 'string' ? value.cidr : '';
  if (cidrText === '') return [{ type: 'Required', field: `${path}.cidr`, detail: '' }];
  const cidr = parseAnyCidr(cidrText);
  if (!cidr) return [{ type: 'Invalid', field: `${path}.cidr`, value: cidrText, detail: CIDR_MESSAGE }];
  const errs: FieldError[] = [];
  const except = value.except;
  if (!present(except)) return errs;
  if (!Array.isArray(except)) return [{ type: 'Invalid', field: `${path}.except`, value: except, detail: 'must be a list' }];
  except.forEach((raw, i) => {
    const field = `${path}.except[${i}]`;
    const text = typeof raw === 'string' ? raw : String(raw);
    const inner = parseAnyCidr(text);
    if (!inner) {
      errs.push({ type: 'Invalid', field, value: text, detail: CIDR_MESSAGE });
      return;
    }
    if (!isStrictSubset(cidr, inner)) errs.push({ type: 'Invalid', field, value: text, detail: 'must be a strict subset of `cidr`' });
  });
  return errs;
}

function validatePolicyTypes(value: unknown): FieldError[] {
  if (!present(value)) return [];
  if (!Array.isArray(value)) return [{ type: 'Invalid', field: 'spec.policyTypes', value, detail: 'must be a list' }];
  if (value.length > POLICY_TYPES.length) return [{ type: 'Invalid', field: 'spec.policyTypes', value, detail: 'may not specify more than two policyTypes' }];
  const errs: FieldError[] = [];
  value.forEach((t, i) => {
    if (typeof t !== 'string' || !POLICY_TYPES.includes(t)) errs.push({ type: 'NotSupported', field: `spec.policyTypes[${i}]`, value: t, supported: POLICY_TYPES });
  });
  return errs;
}

type AnyCidr = { family: 4; base: number; bits: number } | { family: 6; base: bigint; bits: number };

/** Parses an IPv4 or IPv6 CIDR as Go's net.ParseCIDR does (host bits allowed, as the legacy field validation permits). */
function parseAnyCidr(text: string): AnyCidr | undefined {
  const v4 = parseCidr(text);
  if (v4) return { family: 4, ...v4 };
  const m = /^([0-9A-Fa-f:.]+)\/(\d{1,3})$/.exec(text);
  if (!m || !m[1]!.includes(':')) return undefined;
  const bits = Number(m[2]);
  const ip = parseIPv6(m[1]!);
  if (ip === undefined || bits > 128) return undefined;
  const mask = bits === 0 ? 0n : ((1n << 128n) - 1n) ^ ((1n << BigInt(128 - bits)) - 1n);
  return { family: 6, base: ip & mask, bits };
}

function parseIPv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (part: string): string[] | undefined => {
    if (part === '') return [];
    const out: string[] = [];
    const pieces = part.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i]!;
      if (i === pieces.length - 1 && p.includes('.')) {
        const four = parseCidr(`${p}/32`);
        if (!four) return undefined;
        out.push((four.base >>> 16).toString(16), (four.base & 0xffff).toString(16));
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(p)) out.push(p);
      else return undefined;
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...new Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  return all.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/** ValidateIPBlock: `except` must lie inside `cidr` with a longer prefix. */
function isStrictSubset(outer: AnyCidr, inner: AnyCidr): boolean {
  if (outer.family !== inner.family || inner.bits <= outer.bits) return false;
  if (outer.family === 4 && inner.family === 4) return cidrContainsCidr(outer, inner);
  if (outer.family === 6 && inner.family === 6) {
    const shift = BigInt(128 - outer.bits);
    return inner.base >> shift === outer.base >> shift;
  }
  return false;
}
