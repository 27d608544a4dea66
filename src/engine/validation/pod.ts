// PodSpec validation after v1 defaulting, following ValidatePodSpec in
// kubernetes/pkg/apis/core/validation/validation.go (the parts that matter to networking lessons:
// containers, ports, DNS, restart policy, volumes as far as mounts refer to them).
import type { FieldError } from '../types.ts';
import { asArray, asNumber, asObject, asString, child, index, type JsonObject } from './access.ts';
import { inclusiveRangeError, isDNS1123Label, isDNS1123Subdomain, isDNS1123SubdomainWithUnderscore, isQualifiedName, isValidPortName, isValidPortNum } from './content.ts';
import { duplicate, forbidden, invalid, notFound, notSupported, required } from './field-errors.ts';
import { isValidIP } from './ip-format.ts';
import { validateAnnotations, validateLabels } from './meta.ts';

export const PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const MAX_DNS_NAMESERVERS = 3;
const MAX_DNS_SEARCH_PATHS = 32;
const MAX_DNS_SEARCH_LIST_CHARS = 2048;
const relaxedEnvVarName = /^[\x20-\x3c\x3e-\x7e]+$/;

export interface PodSpecOptions {
  /** The spec belongs to a Pod rather than a template (pod-only checks run). */
  resourceIsPod: boolean;
}

/** ValidatePortNumOrName: an int port in range, or an IANA_SVC_NAME. */
export function validatePortNumOrName(value: unknown, path: string): FieldError[] {
  if (typeof value === 'number') return isValidPortNum(value).map((msg) => invalid(path, value, msg));
  if (typeof value === 'string') return isValidPortName(value).map((msg) => invalid(path, value, msg));
  return [];
}

/** ValidatePodSpec for a spec at `path` (`spec`, or `spec.template.spec` in a workload). */
export function validatePodSpec(specValue: unknown, path: string, opts: PodSpecOptions): FieldError[] {
  const spec = asObject(specValue) ?? {};
  const errs: FieldError[] = [];
  const volumes = validateVolumes(asArray(spec.volumes), child(path, 'volumes'), errs);
  const containers = asArray(spec.containers).map((c) => asObject(c) ?? {});
  const initContainers = asArray(spec.initContainers).map((c) => asObject(c) ?? {});
  const hostNetwork = spec.hostNetwork === true;

  // validateContainers
  const containersPath = child(path, 'containers');
  if (containers.length === 0) errs.push(required(containersPath));
  const names = new Set<string>();
  containers.forEach((ctr, i) => {
    const ctrPath = index(containersPath, i);
    errs.push(...validateContainerCommon(ctr, volumes, ctrPath));
    const name = asString(ctr.name) ?? '';
    if (names.has(name)) errs.push(duplicate(child(ctrPath, 'name'), name));
    else names.add(name);
    for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) errs.push(...validateProbe(ctr[probe], probe, child(ctrPath, probe)));
    if (ctr.restartPolicy !== undefined) errs.push(forbidden(child(ctrPath, 'restartPolicy'), 'may not be set for non-init containers'));
  });
  errs.push(...checkHostPortConflicts(containers, containersPath));

  // validateInitContainers: names are unique across regular and init containers.
  const initPath = child(path, 'initContainers');
  initContainers.forEach((ctr, i) => {
    const ctrPath = index(initPath, i);
    errs.push(...validateContainerCommon(ctr, volumes, ctrPath));
    if (ctr.restartPolicy !== undefined && ctr.restartPolicy !== 'Always') errs.push(notSupported(child(ctrPath, 'restartPolicy'), ctr.restartPolicy, ['Always']));
    const name = asString(ctr.name) ?? '';
    if (names.has(name)) errs.push(duplicate(child(ctrPath, 'name'), name));
    else if (name) names.add(name);
    errs.push(...checkHostPortConflicts([ctr], initPath));
    if (ctr.restartPolicy !== 'Always') {
      for (const probe of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (ctr[probe] !== undefined) errs.push(forbidden(child(ctrPath, probe), 'may not be set for init containers without restartPolicy=Always'));
      }
    }
  });

  // validatePodHostNetworkDeps: defaulting copies containerPort into an unset hostPort.
  if (hostNetwork) {
    containers.forEach((ctr, i) => {
      asArray(ctr.ports).forEach((p, j) => {
        const port = asObject(p) ?? {};
        const hp = asNumber(port.hostPort);
        if (hp !== undefined && hp !== 0 && hp !== asNumber(port.containerPort)) {
          errs.push(invalid(child(index(child(index(containersPath, i), 'ports'), j), 'hostPort'), hp, 'must match `containerPort` when `hostNetwork` is true'));
        }
      });
    });
  }

  const restartPolicy = asString(spec.restartPolicy) ?? 'Always';
  if (!RESTART_POLICIES.includes(restartPolicy)) errs.push(notSupported(child(path, 'restartPolicy'), restartPolicy, RESTART_POLICIES));
  const dnsPolicy = asString(spec.dnsPolicy) ?? 'ClusterFirst';
  if (!DNS_POLICIES.includes(dnsPolicy)) errs.push(notSupported(child(path, 'dnsPolicy'), dnsPolicy, DNS_POLICIES));
  errs.push(...validateLabels(spec.nodeSelector, child(path, 'nodeSelector')));
  errs.push(...validateDNSConfig(spec.dnsConfig, dnsPolicy, child(path, 'dnsConfig')));
  errs.push(...validateReadinessGates(spec.readinessGates, child(path, 'readinessGates')));
  errs.push(...nameCheck(spec.serviceAccountName, child(path, 'serviceAccountName'), isDNS1123Subdomain));
  errs.push(...nameCheck(spec.nodeName, child(path, 'nodeName'), isDNS1123Subdomain));
  const deadline = asNumber(spec.activeDeadlineSeconds);
  if (deadline !== undefined && (deadline < 1 || deadline > 2147483647)) errs.push(invalid(child(path, 'activeDeadlineSeconds'), deadline, inclusiveRangeError(1, 2147483647)));
  errs.push(...nameCheck(spec.hostname, child(path, 'hostname'), isDNS1123Label));
  errs.push(...nameCheck(spec.subdomain, child(path, 'subdomain'), isDNS1123Label));
  errs.push(...validateHostAliases(spec.hostAliases, child(path, 'hostAliases')));
  errs.push(...nameCheck(spec.priorityClassName, child(path, 'priorityClassName'), isDNS1123Subdomain));
  if (opts.resourceIsPod) {
    // validateContainersOnlyForPod: templates tolerate this for backward compatibility.
    const only = (list: JsonObject[], listPath: string): void => {
      list.forEach((ctr, i) => {
        const image = asString(ctr.image) ?? '';
        if (image !== image.trim()) errs.push(invalid(child(index(listPath, i), 'image'), image, 'must not have leading or trailing whitespace'));
      });
    };
    only(containers, containersPath);
    only(initContainers, initPath);
  }
  return errs;
}

/** ValidatePodTemplateSpec for a workload's `spec.template`. */
export function validatePodTemplateSpec(templateValue: unknown, path: string): FieldError[] {
  const template = asObject(templateValue) ?? {};
  const meta = asObject(template.metadata) ?? {};
  // The template's labels are reported at `template.labels`, without `metadata` (as upstream does).
  const errs = [...validateLabels(meta.labels, child(path, 'labels')), ...validateAnnotations(meta.annotations, child(path, 'annotations'))];
  const spec = asObject(template.spec) ?? {};
  errs.push(...validatePodSpec(spec, child(path, 'spec'), { resourceIsPod: false }));
  if (asArray(spec.ephemeralContainers).length) errs.push(forbidden(child(child(path, 'spec'), 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'));
  return errs;
}

function nameCheck(value: unknown, path: string, check: (s: string) => string[]): FieldError[] {
  const s = asString(value);
  return s ? check(s).map((msg) => invalid(path, s, msg)) : [];
}

/** ValidateVolumes: names, duplicates, one source each. Returns the names mounts may use. */
function validateVolumes(volumes: unknown[], path: string, errs: FieldError[]): Set<string> {
  const names = new Set<string>();
  volumes.forEach((v, i) => {
    const vol = asObject(v) ?? {};
    const volPath = index(path, i);
    const name = asString(vol.name) ?? '';
    const el: FieldError[] = [];
    const sources = Object.keys(vol).filter((k) => k !== 'name');
    if (sources.length === 0) el.push(required(volPath, 'must specify a volume type'));
    sources.slice(1).forEach((s) => el.push(forbidden(child(volPath, s), 'may not specify more than 1 volume type')));
    if (!name) el.push(required(child(volPath, 'name')));
    else el.push(...isDNS1123Label(name).map((msg) => invalid(child(volPath, 'name'), name, msg)));
    if (names.has(name)) el.push(duplicate(child(volPath, 'name'), name));
    if (el.length === 0) names.add(name);
    else errs.push(...el);
  });
  return names;
}

/** validateContainerCommon: name, image, ports, env, mounts, pull policy. */
function validateContainerCommon(ctr: JsonObject, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = asString(ctr.name) ?? '';
  if (!name) errs.push(required(child(path, 'name')));
  else errs.push(...isDNS1123Label(name).map((msg) => invalid(child(path, 'name'), name, msg)));
  if (!asString(ctr.image)) errs.push(required(child(path, 'image')));
  const tmp = asString(ctr.terminationMessagePolicy);
  if (tmp !== undefined && !TERMINATION_MESSAGE_POLICIES.includes(tmp)) errs.push(notSupported(child(path, 'terminationMessagePolicy'), tmp, TERMINATION_MESSAGE_POLICIES));
  errs.push(...validateContainerPorts(asArray(ctr.ports), child(path, 'ports')));
  asArray(ctr.env).forEach((e, i) => {
    const envName = asString(asObject(e)?.name) ?? '';
    const envPath = child(index(child(path, 'env'), i), 'name');
    if (!envName) errs.push(required(envPath));
    else if (!relaxedEnvVarName.test(envName)) errs.push(invalid(envPath, envName, "a valid environment variable name must consist only of printable ASCII characters other than '='"));
  });
  const mountPaths = new Set<string>();
  asArray(ctr.volumeMounts).forEach((m, i) => {
    const mount = asObject(m) ?? {};
    const mountPath = index(child(path, 'volumeMounts'), i);
    const mountName = asString(mount.name) ?? '';
    const dir = asString(mount.mountPath) ?? '';
    if (!mountName) errs.push(required(child(mountPath, 'name')));
    if (!volumes.has(mountName)) errs.push(notFound(child(mountPath, 'name'), mountName));
    if (!dir) errs.push(required(child(mountPath, 'mountPath')));
    if (mountPaths.has(dir)) errs.push(invalid(child(mountPath, 'mountPath'), dir, 'must be unique'));
    mountPaths.add(dir);
  });
  const pull = asString(ctr.imagePullPolicy);
  if (pull !== undefined && !PULL_POLICIES.includes(pull)) errs.push(notSupported(child(path, 'imagePullPolicy'), pull, PULL_POLICIES));
  return errs;
}

/** validateContainerPorts: names unique within the container, ports in range, protocol known. */
function validateContainerPorts(ports: unknown[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const port = asObject(p) ?? {};
    const portPath = index(path, i);
    const name = asString(port.name) ?? '';
    if (name) {
      const msgs = isValidPortName(name);
      if (msgs.length) msgs.forEach((msg) => errs.push(invalid(child(portPath, 'name'), name, msg)));
      else if (names.has(name)) errs.push(duplicate(child(portPath, 'name'), name));
      else names.add(name);
    }
    const containerPort = asNumber(port.containerPort) ?? 0;
    if (containerPort === 0) errs.push(required(child(portPath, 'containerPort')));
    else errs.push(...isValidPortNum(containerPort).map((msg) => invalid(child(portPath, 'containerPort'), containerPort, msg)));
    const hostPort = asNumber(port.hostPort) ?? 0;
    if (hostPort !== 0) errs.push(...isValidPortNum(hostPort).map((msg) => invalid(child(portPath, 'hostPort'), hostPort, msg)));
    const protocol = asString(port.protocol) ?? 'TCP';
    if (!(PORT_PROTOCOLS as readonly string[]).includes(protocol)) errs.push(notSupported(child(portPath, 'protocol'), protocol, PORT_PROTOCOLS));
  });
  return errs;
}

/** AccumulateUniqueHostPorts: one protocol/hostIP/hostPort per pod. */
function checkHostPortConflicts(containers: JsonObject[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  containers.forEach((ctr, i) => {
    asArray(ctr.ports).forEach((p, j) => {
      const port = asObject(p) ?? {};
      const hostPort = asNumber(port.hostPort) ?? 0;
      if (hostPort === 0) return;
      const key = `${asString(port.protocol) ?? 'TCP'}/${asString(port.hostIP) ?? ''}/${hostPort}`;
      if (seen.has(key)) errs.push(duplicate(child(index(child(index(path, i), 'ports'), j), 'hostPort'), key));
      else seen.add(key);
    });
  });
  return errs;
}

/** validateProbe: one handler, ports well-formed, success threshold 1 where required. */
function validateProbe(probeValue: unknown, kind: string, path: string): FieldError[] {
  const probe = asObject(probeValue);
  if (!probe) return [];
  const errs: FieldError[] = [];
  const handlers = ['exec', 'httpGet', 'tcpSocket', 'grpc'].filter((h) => probe[h] !== undefined);
  if (handlers.length === 0) errs.push(required(path, 'must specify a handler type'));
  handlers.slice(1).forEach((h) => errs.push(forbidden(child(path, h), 'may not specify more than 1 handler type')));
  const first = handlers[0];
  const handler = first ? asObject(probe[first]) ?? {} : {};
  if (first === 'exec' && asArray(handler.command).length === 0) errs.push(required(child(child(path, 'exec'), 'command')));
  if (first === 'httpGet' || first === 'tcpSocket' || first === 'grpc') errs.push(...validatePortNumOrName(handler.port, child(child(path, first), 'port')));
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    const n = asNumber(probe[f]);
    if (n !== undefined && n < 0) errs.push(invalid(child(path, f), n, 'must be greater than or equal to 0'));
  }
  const success = asNumber(probe.successThreshold);
  if (kind !== 'readinessProbe' && success !== undefined && success !== 1) errs.push(invalid(child(path, 'successThreshold'), success, 'must be 1'));
  return errs;
}

/** validatePodDNSConfig: `None` needs a config with a nameserver; limits from libc. */
function validateDNSConfig(value: unknown, dnsPolicy: string, path: string): FieldError[] {
  const config = asObject(value);
  if (dnsPolicy === 'None') {
    if (!config) return [required(path, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (asArray(config.nameservers).length === 0) return [required(child(path, 'nameservers'), 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
  }
  if (!config) return [];
  const errs: FieldError[] = [];
  const nameservers = asArray(config.nameservers).map(String);
  if (nameservers.length > MAX_DNS_NAMESERVERS) errs.push(invalid(child(path, 'nameservers'), nameservers, `must not have more than ${MAX_DNS_NAMESERVERS} nameservers`));
  nameservers.forEach((ns, i) => errs.push(...isValidIP(index(child(path, 'nameservers'), i), ns)));
  const searches = asArray(config.searches).map(String);
  if (searches.length > MAX_DNS_SEARCH_PATHS) errs.push(invalid(child(path, 'searches'), searches, `must not have more than ${MAX_DNS_SEARCH_PATHS} search paths`));
  if (searches.join(' ').length > MAX_DNS_SEARCH_LIST_CHARS) {
    errs.push(invalid(child(path, 'searches'), searches, `must not have more than ${MAX_DNS_SEARCH_LIST_CHARS} characters (including spaces) in the search list`));
  }
  searches.forEach((s, i) => {
    // AllowRelaxedDNSSearchValidation (on by default): `.` and underscores are accepted.
    if (s === '.') return;
    const trimmed = s.endsWith('.') ? s.slice(0, -1) : s;
    errs.push(...isDNS1123SubdomainWithUnderscore(trimmed).map((msg) => invalid(index(child(path, 'searches'), i), trimmed, msg)));
  });
  asArray(config.options).forEach((o, i) => {
    if (!asString(asObject(o)?.name)) errs.push(required(index(child(path, 'options'), i), 'must not be empty'));
  });
  return errs;
}

function validateReadinessGates(value: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  asArray(value).forEach((g, i) => {
    const type = asString(asObject(g)?.conditionType) ?? '';
    errs.push(...isQualifiedName(type).map((msg) => invalid(child(index(path, i), 'conditionType'), type, msg)));
  });
  return errs;
}

function validateHostAliases(value: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  asArray(value).forEach((a, i) => {
    const alias = asObject(a) ?? {};
    errs.push(...isValidIP(child(index(path, i), 'ip'), asString(alias.ip) ?? ''));
    asArray(alias.hostnames).forEach((h, j) => errs.push(...nameCheck(h, index(child(index(path, i), 'hostnames'), j), isDNS1123Subdomain)));
  });
  return errs;
}
