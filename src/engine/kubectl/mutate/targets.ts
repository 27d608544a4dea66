// The objects a mutating command acts on: `TYPE NAME...`, `TYPE/NAME...`, `TYPE -l SELECTOR`
// or `TYPE --all`, in the command's namespace.

import { resolveResourceArgs } from '../args.ts';
import type { CommandContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { bool, str, type ParsedFlags } from '../flags.ts';
import { matchesRequirements, parseSelector } from '../format/selectors.ts';
import { listObjects, type ApiObject } from '../objects/view.ts';

/** The objects found, and the errors for those that were not. */
export interface Targets {
  objects: ApiObject[];
  errors: string[];
}

/** Resolves resource arguments to live objects. */
export function resolveTargets(ctx: CommandContext, args: string[], flags: ParsedFlags): Targets | { error: string } {
  const requests = resolveResourceArgs(args);
  if ('error' in requests) return requests;
  const namespace = str(flags, 'namespace') || ctx.session.namespace;
  const allNamespaces = bool(flags, 'all-namespaces');
  const selectorText = str(flags, 'selector');
  const selector = selectorText ? parseSelector(selectorText) : [];
  if ('error' in selector) return { error: `error: ${selector.error}` };
  const objects: ApiObject[] = [];
  const errors: string[] = [];
  for (const req of requests) {
    const all = listObjects(ctx.view, req.type, allNamespaces ? undefined : namespace);
    if (req.names.length === 0) {
      if (!selectorText && !bool(flags, 'all')) return { error: 'error: resource(s) were provided, but no name was specified' };
      objects.push(...all.filter((o) => matchesRequirements(o.labels, selector)));
      continue;
    }
    for (const name of req.names) {
      const obj = all.find((o) => o.name === name);
      if (obj) objects.push(obj);
      else errors.push(notFound(req.type, name));
    }
  }
  return { objects, errors };
}

/** The current namespace of a command (-n, else the context's). */
export function namespaceOf(ctx: CommandContext, flags: ParsedFlags): string {
  return str(flags, 'namespace') || ctx.session.namespace;
}
