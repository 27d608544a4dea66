// How kubectl's resource builder reads `TYPE[,TYPE...] [NAME...]` and `TYPE/NAME ...`
// arguments (cli-runtime's ResourceTypeOrNameArgs, normalizeMultipleResourcesArgs, the `all`
// category).

import { unknownResourceType } from './errors.ts';
import { ALL_CATEGORY, RESOURCE_TYPES, resolveResourceType, type ResourceType } from './resources.ts';

/** One resource type to visit, with the names asked for (none: every object). */
export interface ResourceRequest {
  type: ResourceType;
  names: string[];
}

export const NO_TYPE_NEEDED =
  "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'";

function resolveTypes(list: string): ResourceType[] | { error: string } {
  const out: ResourceType[] = [];
  for (const t of list.split(',').filter((s) => s !== '')) {
    const types = t.toLowerCase() === 'all' ? ALL_CATEGORY.map((r) => RESOURCE_TYPES.find((x) => x.resource === r)!) : [resolveResourceType(t)];
    for (const type of types) {
      if (!type) return { error: unknownResourceType(t) };
      if (!out.includes(type)) out.push(type);
    }
  }
  return out;
}

/** Reads resource arguments into requests, in the order kubectl visits them. */
export function resolveResourceArgs(args: string[]): ResourceRequest[] | { error: string } {
  if (args.length === 0) return [];
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length > 0) {
    if (slashed.length !== args.length) return { error: NO_TYPE_NEEDED };
    const requests: ResourceRequest[] = [];
    for (const a of args) {
      const i = a.indexOf('/');
      const typed = a.slice(0, i);
      const name = a.slice(i + 1);
      if (!typed || !name) return { error: `error: arguments in resource/name form must have a single resource and name` };
      const type = resolveResourceType(typed);
      if (!type) return { error: unknownResourceType(typed) };
      const last = requests[requests.length - 1];
      if (last && last.type === type) last.names.push(name);
      else requests.push({ type, names: [name] });
    }
    return requests;
  }
  const typeList = args[0]!;
  const names = args.slice(1);
  const explicit = typeList.split(',').filter((s) => s !== '');
  const types = resolveTypes(typeList);
  if ('error' in types) return types;
  if (names.length > 0 && explicit.length > 1) {
    // normalizeMultipleResourcesArgs: `a,b name` is `a/name b/name`.
    return types.map((type) => ({ type, names: [...names] }));
  }
  if (names.length > 0 && types.length > 1) return { error: 'error: you must specify only one resource' };
  return types.map((type) => ({ type, names: [...names] }));
}
