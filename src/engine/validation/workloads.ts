// Deployment, ReplicaSet, StatefulSet and DaemonSet after apps/v1 defaulting, following
// kubernetes/pkg/apis/apps/validation/validation.go.
import type { FieldError, ManifestObject } from '../types.ts';
import { asNumber, asObject, asString, asStringMap, child, goMap, type JsonObject } from './access.ts';
import { isValidPercent } from './content.ts';
import { forbidden, invalid, notSupported, required } from './field-errors.ts';
import { labelSelectorAsSelector, selectorValue, selects, validateAnnotations, validateLabels, validateLabelSelector, validateObjectMeta } from './meta.ts';
import { validatePodTemplateSpec } from './pod.ts';

type IntOrString = number | string;

function nonNegative(value: unknown, path: string): FieldError[] {
  const n = asNumber(value);
  return n !== undefined && n < 0 ? [invalid(path, n, 'must be greater than or equal to 0')] : [];
}

/** The template's labels as the error shows them: a sorted map, or null when absent. */
function templateLabels(template: JsonObject): Record<string, string> | null {
  const labels = asStringMap(asObject(template.metadata)?.labels);
  return labels ? goMap(labels) : null;
}

/** `selector` required and non-empty, then matching the template (Deployment, ReplicaSet, StatefulSet). */
function validateSelectorAndTemplate(spec: JsonObject, kindWord: string, path: string, withPodSpec: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const selectorPath = child(path, 'selector');
  const selector = asObject(spec.selector);
  if (!selector) {
    errs.push(required(selectorPath));
  } else {
    errs.push(...validateLabelSelector(selector, selectorPath));
    if (Object.keys(asObject(selector.matchLabels) ?? {}).length + (Array.isArray(selector.matchExpressions) ? selector.matchExpressions.length : 0) === 0) {
      errs.push(invalid(selectorPath, selectorValue(selector), `empty selector is invalid for ${kindWord}`));
    }
  }
  const predicate = labelSelectorAsSelector(selector);
  if (predicate.kind === 'error') {
    errs.push(invalid(selectorPath, selectorValue(selector), withPodSpec ? 'invalid label selector' : ''));
    return errs;
  }
  const template = asObject(spec.template) ?? {};
  const templatePath = child(path, 'template');
  // A nil selector selects nothing, so it also fails to match the template.
  if (predicate.kind !== 'everything' && !selects(predicate, asStringMap(asObject(template.metadata)?.labels) ?? {})) {
    errs.push(invalid(child(templatePath, 'metadata.labels'), templateLabels(template), '`selector` does not match template `labels`'));
  }
  if (withPodSpec) {
    errs.push(...validatePodTemplateSpec(template, templatePath));
  } else {
    // StatefulSet templates get labels and annotations checked, not the pod spec (an upstream TODO).
    const meta = asObject(template.metadata) ?? {};
    errs.push(...validateLabels(meta.labels, child(templatePath, 'labels')), ...validateAnnotations(meta.annotations, child(templatePath, 'annotations')));
  }
  return errs;
}

/** restartPolicy Always and no activeDeadlineSeconds: controllers keep their pods running. */
function validateTemplateLifecycle(spec: JsonObject, path: string, kind: string, forbidDeadline: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const podSpec = asObject(asObject(spec.template)?.spec) ?? {};
  const restartPolicy = asString(podSpec.restartPolicy) ?? 'Always';
  if (restartPolicy !== 'Always') errs.push(notSupported(child(path, 'template.spec.restartPolicy'), restartPolicy, ['Always']));
  if (forbidDeadline && podSpec.activeDeadlineSeconds !== undefined) {
    errs.push(forbidden(child(path, 'template.spec.activeDeadlineSeconds'), `activeDeadlineSeconds in ${kind} is not Supported`));
  }
  return errs;
}

/** ValidatePositiveIntOrPercent and the 100% cap. */
function validateIntOrPercent(value: IntOrString, path: string, capAt100: boolean): FieldError[] {
  if (typeof value === 'string') {
    const errs = isValidPercent(value).map((msg) => invalid(path, value, msg));
    if (!errs.length && capAt100 && parseInt(value, 10) > 100) errs.push(invalid(path, value, 'must not be greater than 100%'));
    return errs;
  }
  return nonNegative(value, path);
}

function intOrPercentValue(value: IntOrString): number {
  return typeof value === 'number' ? value : isValidPercent(value).length ? 0 : parseInt(value, 10);
}

function intOrString(value: unknown, fallback: IntOrString): IntOrString {
  return typeof value === 'number' || typeof value === 'string' ? value : fallback;
}

/** ValidateDeployment. */
export function validateDeployment(obj: ManifestObject): FieldError[] {
  const spec = asObject(obj.spec) ?? {};
  const errs = validateObjectMeta(obj.metadata, true, 'subdomain');
  errs.push(...nonNegative(spec.replicas, 'spec.replicas'));
  errs.push(...validateSelectorAndTemplate(spec, 'deployment', 'spec', true));
  // Deployments share the ReplicaSet template checks, wording included.
  errs.push(...validateTemplateLifecycle(spec, 'spec', 'ReplicaSet', true));
  errs.push(...validateDeploymentStrategy(asObject(spec.strategy) ?? {}));
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  const deadline = asNumber(spec.progressDeadlineSeconds) ?? 600;
  errs.push(...nonNegative(deadline, 'spec.progressDeadlineSeconds'));
  if (deadline <= (asNumber(spec.minReadySeconds) ?? 0)) errs.push(invalid('spec.progressDeadlineSeconds', deadline, 'must be greater than minReadySeconds'));
  return errs;
}

function validateDeploymentStrategy(strategy: JsonObject): FieldError[] {
  const type = asString(strategy.type) ?? 'RollingUpdate';
  const rolling = asObject(strategy.rollingUpdate);
  if (type === 'Recreate') return rolling ? [forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'")] : [];
  if (type !== 'RollingUpdate') {
    const value = { Type: type, RollingUpdate: rolling ? { MaxUnavailable: rolling.maxUnavailable ?? null, MaxSurge: rolling.maxSurge ?? null } : null };
    return [notSupported('spec.strategy', value, ['Recreate', 'RollingUpdate'])];
  }
  const maxUnavailable = intOrString(rolling?.maxUnavailable, '25%');
  const maxSurge = intOrString(rolling?.maxSurge, '25%');
  const path = 'spec.strategy.rollingUpdate';
  const errs = [...validateIntOrPercent(maxUnavailable, `${path}.maxUnavailable`, false), ...validateIntOrPercent(maxSurge, `${path}.maxSurge`, false)];
  if (intOrPercentValue(maxUnavailable) === 0 && intOrPercentValue(maxSurge) === 0) errs.push(invalid(`${path}.maxUnavailable`, maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
  if (typeof maxUnavailable === 'string' && !isValidPercent(maxUnavailable).length && parseInt(maxUnavailable, 10) > 100) {
    errs.push(invalid(`${path}.maxUnavailable`, maxUnavailable, 'must not be greater than 100%'));
  }
  return errs;
}

/** ValidateReplicaSet. */
export function validateReplicaSet(obj: ManifestObject): FieldError[] {
  const spec = asObject(obj.spec) ?? {};
  const errs = validateObjectMeta(obj.metadata, true, 'subdomain');
  errs.push(...nonNegative(spec.replicas, 'spec.replicas'), ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  // Upstream's ReplicaSet check reuses the Deployment wording.
  errs.push(...validateSelectorAndTemplate(spec, 'deployment', 'spec', true));
  errs.push(...validateTemplateLifecycle(spec, 'spec', 'ReplicaSet', true));
  return errs;
}

/** ValidateStatefulSet (the name must be a DNS label: it prefixes pod hostnames). */
export function validateStatefulSet(obj: ManifestObject): FieldError[] {
  const spec = asObject(obj.spec) ?? {};
  const errs = validateObjectMeta(obj.metadata, true, 'label');
  const policy = asString(spec.podManagementPolicy) ?? 'OrderedReady';
  if (policy !== 'OrderedReady' && policy !== 'Parallel') errs.push(invalid('spec.podManagementPolicy', policy, "must be 'OrderedReady' or 'Parallel'"));
  const strategy = asObject(spec.updateStrategy) ?? {};
  const type = asString(strategy.type) ?? 'RollingUpdate';
  const rolling = asObject(strategy.rollingUpdate);
  if (type === 'OnDelete') {
    if (rolling) errs.push(invalid('spec.updateStrategy.rollingUpdate', { Partition: asNumber(rolling.partition) ?? 0, MaxUnavailable: rolling.maxUnavailable ?? null }, "only allowed for updateStrategy 'RollingUpdate'"));
  } else if (type === 'RollingUpdate') {
    if (rolling) {
      errs.push(...nonNegative(rolling.partition, 'spec.updateStrategy.rollingUpdate.partition'));
      if (rolling.maxUnavailable !== undefined) {
        const mu = intOrString(rolling.maxUnavailable, 1);
        const path = 'spec.updateStrategy.rollingUpdate.maxUnavailable';
        errs.push(...validateIntOrPercent(mu, path, false));
        if (intOrPercentValue(mu) === 0) errs.push(invalid(path, mu, 'cannot be 0'));
        if (typeof mu === 'string' && !isValidPercent(mu).length && parseInt(mu, 10) > 100) errs.push(invalid(path, mu, 'must not be greater than 100%'));
      }
    }
  } else {
    errs.push(invalid('spec.updateStrategy', { Type: type, RollingUpdate: null }, "must be 'RollingUpdate' or 'OnDelete'"));
  }
  const retention = asObject(spec.persistentVolumeClaimRetentionPolicy);
  for (const f of ['whenDeleted', 'whenScaled']) {
    const v = asString(retention?.[f]) ?? 'Retain';
    if (retention && v !== 'Retain' && v !== 'Delete') errs.push(notSupported(`spec.persistentVolumeClaimRetentionPolicy.${f}`, v, ['Retain', 'Delete']));
  }
  errs.push(...nonNegative(spec.replicas, 'spec.replicas'), ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...nonNegative(asObject(spec.ordinals)?.start, 'spec.ordinals.start'));
  errs.push(...validateSelectorAndTemplate(spec, 'statefulset', 'spec', false));
  errs.push(...validateTemplateLifecycle(spec, 'spec', 'StatefulSet', true));
  return errs;
}

/** ValidateDaemonSet: no Required selector here, but a missing one matches no template. */
export function validateDaemonSet(obj: ManifestObject): FieldError[] {
  const spec = asObject(obj.spec) ?? {};
  const errs = validateObjectMeta(obj.metadata, true, 'subdomain');
  errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  const predicate = labelSelectorAsSelector(spec.selector);
  const template = asObject(spec.template) ?? {};
  if (predicate.kind !== 'error' && !selects(predicate, asStringMap(asObject(template.metadata)?.labels) ?? {})) {
    errs.push(invalid('spec.template.metadata.labels', templateLabels(template), '`selector` does not match template `labels`'));
  }
  const selector = asObject(spec.selector);
  if (selector && predicate.kind === 'everything') errs.push(invalid('spec.selector', selectorValue(selector), 'empty selector is invalid for daemonset'));
  errs.push(...validatePodTemplateSpec(template, 'spec.template'));
  errs.push(...validateTemplateLifecycle(spec, 'spec', 'DaemonSet', true));
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'), ...nonNegative(spec.templateGeneration, 'spec.templateGeneration'));
  errs.push(...validateDaemonSetUpdateStrategy(asObject(spec.updateStrategy) ?? {}));
  errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  return errs;
}

function validateDaemonSetUpdateStrategy(strategy: JsonObject): FieldError[] {
  const type = asString(strategy.type) ?? 'RollingUpdate';
  if (type === 'OnDelete') return [];
  const rolling = asObject(strategy.rollingUpdate);
  if (type !== 'RollingUpdate') {
    const value = { Type: type, RollingUpdate: rolling ? { MaxUnavailable: rolling.maxUnavailable ?? null, MaxSurge: rolling.maxSurge ?? null } : null };
    return [notSupported('spec.updateStrategy', value, ['RollingUpdate', 'OnDelete'])];
  }
  const path = 'spec.updateStrategy.rollingUpdate';
  const maxUnavailable = intOrString(rolling?.maxUnavailable, 1);
  const maxSurge = intOrString(rolling?.maxSurge, 0);
  const errs = [...validateIntOrPercent(maxUnavailable, `${path}.maxUnavailable`, true), ...validateIntOrPercent(maxSurge, `${path}.maxSurge`, true)];
  const hasUnavailable = intOrPercentValue(maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(maxSurge) !== 0;
  if (hasUnavailable && hasSurge) errs.push(invalid(`${path}.maxSurge`, maxSurge, 'may not be set when maxUnavailable is non-zero'));
  if (!hasUnavailable && !hasSurge) errs.push(required(`${path}.maxUnavailable`, 'cannot be 0 when maxSurge is 0'));
  return errs;
}
