// API-server-style admission checks for manifest objects: the kinds the cluster serves, decoding
// (values of the wrong type, then unknown fields), and each kind's validation, in the API server's words.
import type { FieldError, ManifestObject } from '../types.ts';
import { validateConfigMap, validateNamespace, validateNode, validateSecret } from './config.ts';
import { validateEndpoints, validateEndpointSlice } from './endpoints.ts';
import { validateGateway, validateGatewayClass, validateGRPCRoute, validateHTTPRoute, validateReferenceGrant } from './gateway.ts';
import { groupOf, lookupKind } from './kinds.ts';
import { validateObjectMeta } from './meta.ts';
import { validateIngress, validateIngressClass, validateNetworkPolicy } from './networking.ts';
import { validatePodSpec } from './pod.ts';
import { validateService } from './service.ts';
import { validateDaemonSet, validateDeployment, validateReplicaSet, validateStatefulSet } from './workloads.ts';

export { formatFieldError, formatFieldErrorBody, formatInvalidError, formatKubectlInvalidError } from './field-errors.ts';
export { lookupKind, unknownKindMessage, type KindInfo } from './kinds.ts';
export { findUnknownFields, formatStrictDecodingError } from './unknown-fields.ts';
export { findTypeError, formatDecodeError, type DecodeTypeError } from './type-errors.ts';
export { clusterIPAllocationError, NODE_PORT_RANGE, nodePortAlreadyAllocatedError, nodePortNotInRangeError, validateServiceAllocation } from './service.ts';

type Validator = (obj: ManifestObject) => FieldError[];

function validatePod(obj: ManifestObject): FieldError[] {
  return [...validateObjectMeta(obj.metadata, true, 'subdomain'), ...validatePodSpec(obj.spec, 'spec', { resourceIsPod: true })];
}

/** Validators by `group kind`, so a kind is validated as the group that serves it. */
const VALIDATORS: ReadonlyMap<string, Validator> = new Map([
  [' Namespace', validateNamespace],
  [' Node', validateNode],
  [' Pod', validatePod],
  [' Service', validateService],
  [' Endpoints', validateEndpoints],
  [' ConfigMap', validateConfigMap],
  [' Secret', validateSecret],
  ['apps Deployment', validateDeployment],
  ['apps ReplicaSet', validateReplicaSet],
  ['apps StatefulSet', validateStatefulSet],
  ['apps DaemonSet', validateDaemonSet],
  ['discovery.k8s.io EndpointSlice', validateEndpointSlice],
  ['networking.k8s.io NetworkPolicy', validateNetworkPolicy],
  ['networking.k8s.io Ingress', validateIngress],
  ['networking.k8s.io IngressClass', validateIngressClass],
  ['gateway.networking.k8s.io GatewayClass', validateGatewayClass],
  ['gateway.networking.k8s.io Gateway', validateGateway],
  ['gateway.networking.k8s.io HTTPRoute', validateHTTPRoute],
  ['gateway.networking.k8s.io GRPCRoute', validateGRPCRoute],
  ['gateway.networking.k8s.io ReferenceGrant', validateReferenceGrant],
]);

/**
 * Static validation of one object as the API server's create validation does, after defaulting.
 * Unknown kinds give no errors (see lookupKind); kinds NetLab does not model get ObjectMeta checks.
 * For a Service, the allocator's pre-checks come first and are reported alone, as upstream does.
 */
export function validateObject(obj: ManifestObject): FieldError[] {
  const info = lookupKind(obj.apiVersion, obj.kind);
  if (!info) return [];
  const validator = VALIDATORS.get(`${groupOf(obj.apiVersion)} ${info.kind}`);
  return validator ? validator(obj) : validateObjectMeta(obj.metadata, info.namespaced, 'subdomain');
}
