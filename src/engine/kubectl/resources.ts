// The API resources the simulated cluster serves, as kubectl discovers them (`kubectl
// api-resources` on a kind cluster plus the Gateway API standard channel), and how kubectl
// resolves what a person types (`svc`, `service`, `services`, `Service`, `deployments.apps`).
import { API_RESOURCES } from '../validation/kinds.ts';

/** One resource type, as discovery describes it. */
export interface ResourceType {
  kind: string;
  /** Plural resource name (`services`). */
  resource: string;
  singular: string;
  shortNames: string[];
  /** API group ('' for the core group). */
  group: string;
  version: string;
  namespaced: boolean;
}

/** Every resource type, in discovery order (the validation module's table, which admission uses too). */
export const RESOURCE_TYPES: ResourceType[] = API_RESOURCES.map((r) => ({
  kind: r.kind,
  resource: r.resource,
  singular: r.kind.toLowerCase(),
  shortNames: r.shortNames,
  group: r.group,
  version: r.versions[0]!,
  namespaced: r.namespaced,
}));

/** The `all` category, in the order `kubectl get all` prints it. */
export const ALL_CATEGORY = ['pods', 'replicationcontrollers', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'horizontalpodautoscalers', 'cronjobs', 'jobs'];

/** Finds the resource type for what a person typed (plural, singular, short name, Kind, or `resource.group`). */
export function resolveResourceType(typed: string): ResourceType | undefined {
  const t = typed.toLowerCase();
  const direct = RESOURCE_TYPES.find((r) => r.resource === t || r.singular === t || r.shortNames.includes(t));
  if (direct) return direct;
  const dot = t.indexOf('.');
  if (dot > 0) {
    const name = t.slice(0, dot);
    const group = t.slice(dot + 1).replace(/^v1(beta1)?\./, '');
    return RESOURCE_TYPES.find((r) => (r.resource === name || r.singular === name || r.shortNames.includes(name)) && (r.group === group || `${r.version}.${r.group}` === group));
  }
  return undefined;
}

/** The type of a Kind (`Service` -> services). */
export function resourceTypeOfKind(kind: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((r) => r.kind === kind);
}

/** `kind.group` as kubectl names a type in its messages (`deployment.apps`, `pod`). */
export function kindString(type: ResourceType): string {
  return type.group ? `${type.singular}.${type.group}` : type.singular;
}

/** The apiVersion of a type (`apps/v1`, `v1`). */
export function apiVersionOf(type: ResourceType): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

/** `resource.group` as the API server names a type in errors (`deployments.apps`, `pods`). */
export function qualifiedResource(type: ResourceType): string {
  return type.group ? `${type.resource}.${type.group}` : type.resource;
}
