// The nginx.ingress.kubernetes.io annotations this model acts on, parsed as ingress-nginx's
// internal/ingress/annotations parsers do (parser.GetBoolAnnotation / GetIntAnnotation: a value
// that does not parse falls back to the ConfigMap default).
import type { CanaryPolicy, NginxAnnotations, RateLimit } from './types.ts';

export const ANNOTATION_PREFIX = 'nginx.ingress.kubernetes.io/';

// ConfigMap defaults (internal/ingress/controller/config NewDefault, v1.12).
const DEFAULT_SSL_REDIRECT = true;
const DEFAULT_BURST_MULTIPLIER = 5;
const DEFAULT_WEIGHT_TOTAL = 100;
const BACKEND_PROTOCOLS = ['HTTP', 'HTTPS', 'AUTO_HTTP', 'GRPC', 'GRPCS', 'FCGI'];

// strconv.ParseBool's accepted spellings.
const TRUE_VALUES = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE_VALUES = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** Reads a bool annotation as strconv.ParseBool would; undefined when absent or unparsable. */
export function boolAnnotation(annotations: Record<string, string>, name: string, problems: string[]): boolean | undefined {
  const raw = annotations[ANNOTATION_PREFIX + name];
  if (raw === undefined) return undefined;
  if (TRUE_VALUES.has(raw)) return true;
  if (FALSE_VALUES.has(raw)) return false;
  problems.push(`${ANNOTATION_PREFIX}${name}: "${raw}" is not a boolean; the default applies`);
  return undefined;
}

/** Reads an int annotation as strconv.Atoi would; undefined when absent or unparsable. */
export function intAnnotation(annotations: Record<string, string>, name: string, problems: string[]): number | undefined {
  const raw = annotations[ANNOTATION_PREFIX + name];
  if (raw === undefined) return undefined;
  if (/^[+-]?\d+$/.test(raw.trim()) && raw.trim() === raw) return Number(raw);
  problems.push(`${ANNOTATION_PREFIX}${name}: "${raw}" is not an integer; the annotation is ignored`);
  return undefined;
}

function stringAnnotation(annotations: Record<string, string>, name: string): string | undefined {
  const raw = annotations[ANNOTATION_PREFIX + name];
  return raw === undefined || raw === '' ? undefined : raw;
}

/** Parses the annotations of one Ingress (`<ns>/<name>` names its rate-limit zone). */
export function parseNginxAnnotations(annotations: Record<string, string>, ingressKey: string): NginxAnnotations {
  const problems: string[] = [];
  const out: NginxAnnotations = {
    sslRedirect: boolAnnotation(annotations, 'ssl-redirect', problems) ?? DEFAULT_SSL_REDIRECT,
    forceSslRedirect: boolAnnotation(annotations, 'force-ssl-redirect', problems) ?? false,
    useRegex: boolAnnotation(annotations, 'use-regex', problems) ?? false,
    backendProtocol: parseBackendProtocol(annotations, problems),
    problems,
  };
  const rewriteTarget = stringAnnotation(annotations, 'rewrite-target');
  if (rewriteTarget) out.rewriteTarget = rewriteTarget;
  const appRoot = stringAnnotation(annotations, 'app-root');
  if (appRoot) out.appRoot = appRoot;
  const redirect = parseRedirect(annotations, problems);
  if (redirect) out.redirect = redirect;
  const rateLimit = parseRateLimit(annotations, ingressKey, problems);
  if (rateLimit) out.rateLimit = rateLimit;
  const canary = parseCanary(annotations, problems);
  if (canary) out.canary = canary;
  return out;
}

function parseBackendProtocol(annotations: Record<string, string>, problems: string[]): string {
  const raw = stringAnnotation(annotations, 'backend-protocol');
  if (raw === undefined) return 'HTTP';
  const upper = raw.trim().toUpperCase();
  if (BACKEND_PROTOCOLS.includes(upper)) return upper;
  problems.push(`${ANNOTATION_PREFIX}backend-protocol: "${raw}" is not one of ${BACKEND_PROTOCOLS.join(', ')}; HTTP applies`);
  return 'HTTP';
}

// annotations/redirect: temporal-redirect wins over permanent-redirect.
function parseRedirect(annotations: Record<string, string>, problems: string[]): NginxAnnotations['redirect'] {
  const temporal = stringAnnotation(annotations, 'temporal-redirect');
  if (temporal) return { url: temporal, code: intAnnotation(annotations, 'temporal-redirect-code', problems) ?? 302, annotation: 'temporal-redirect' };
  const permanent = stringAnnotation(annotations, 'permanent-redirect');
  if (permanent) return { url: permanent, code: intAnnotation(annotations, 'permanent-redirect-code', problems) ?? 301, annotation: 'permanent-redirect' };
  return undefined;
}

// annotations/ratelimit: burst = limit × limit-burst-multiplier (default 5), zone per Ingress.
function parseRateLimit(annotations: Record<string, string>, ingressKey: string, problems: string[]): RateLimit | undefined {
  const rps = Math.max(0, intAnnotation(annotations, 'limit-rps', problems) ?? 0);
  const rpm = Math.max(0, intAnnotation(annotations, 'limit-rpm', problems) ?? 0);
  if (rps === 0 && rpm === 0) return undefined;
  const burstMultiplier = intAnnotation(annotations, 'limit-burst-multiplier', []) ?? DEFAULT_BURST_MULTIPLIER;
  const list = stringAnnotation(annotations, 'limit-allowlist') ?? stringAnnotation(annotations, 'limit-whitelist') ?? '';
  const allowlist = list.split(',').map((s) => s.trim()).filter(Boolean);
  return { rps, rpm, burstMultiplier, allowlist, zone: ingressKey.replace('/', '_') };
}

// annotations/canary: the rules only count when `canary: "true"`.
function parseCanary(annotations: Record<string, string>, problems: string[]): CanaryPolicy | undefined {
  if (boolAnnotation(annotations, 'canary', problems) !== true) return undefined;
  const policy: CanaryPolicy = {
    weight: intAnnotation(annotations, 'canary-weight', problems) ?? 0,
    weightTotal: intAnnotation(annotations, 'canary-weight-total', problems) ?? DEFAULT_WEIGHT_TOTAL,
  };
  const header = stringAnnotation(annotations, 'canary-by-header');
  if (header) policy.header = header;
  const headerValue = stringAnnotation(annotations, 'canary-by-header-value');
  if (headerValue) policy.headerValue = headerValue;
  const headerPattern = stringAnnotation(annotations, 'canary-by-header-pattern');
  if (headerPattern) policy.headerPattern = headerPattern;
  const cookie = stringAnnotation(annotations, 'canary-by-cookie');
  if (cookie) policy.cookie = cookie;
  return policy;
}

/** The annotations of the catch-all server's generated root location (no Ingress applied). */
export function catchAllAnnotations(): NginxAnnotations {
  // The catch-all location is built without locationApplyAnnotations: a zero-valued Rewrite, so no
  // ssl-redirect either.
  return { sslRedirect: false, forceSslRedirect: false, useRegex: false, backendProtocol: 'HTTP', problems: [] };
}
