// Before a command writes an object into the editor, the simulated API server is asked whether it
// would store it; a rejected object is reported in the API server's words and not written.

import { simulate } from '../../cluster/build.ts';
import { objectRef } from '../../cluster/admission.ts';
import type { CommandContext } from '../context.ts';
import { sessionManifests } from '../session.ts';

/** true when the object would be admitted from `text`, else the error kubectl would print. */
export function admitsCandidate(ctx: CommandContext, text: string, kind: string, namespace: string | undefined, name: string, file?: string): true | string {
  const session = { ...ctx.session, manifests: { ...ctx.session.manifests, text } };
  const sim = simulate({ manifests: sessionManifests(session), ...(session.cluster ? { cluster: session.cluster } : {}), ...(ctx.options.cache ? { cache: ctx.options.cache } : {}) });
  const ref = objectRef(kind, namespace, name);
  const record = sim.cluster.objects.filter((o) => o.ref === ref).pop();
  if (!record || record.accepted) return true;
  const error = record.error ?? `The ${kind} "${name}" is invalid`;
  if (error.startsWith('The ')) return invalidMessage(error);
  return `Error from server (BadRequest): ${file ? `error when creating "${file}": ` : ''}${error}`;
}

/** cmdutil's MultilineError: several causes of an Invalid error go on lines of their own. */
export function invalidMessage(error: string): string {
  const m = /^(The .*? is invalid): \[(.*)\]$/s.exec(error);
  if (!m) return error;
  // Causes are `field.path: message`; split before each field path, not at commas inside messages.
  const causes = m[2]!.split(/, (?=[a-z][A-Za-z0-9]*(?:\[\d+\])?(?:\.[A-Za-z0-9[\]]+)*: )/);
  return causes.length === 1 ? `${m[1]}: ${causes[0]}` : `${m[1]}: \n${causes.map((c) => `* ${c}`).join('\n')}`;
}
