// `kubectl label` and `kubectl annotate`: KEY=VALUE sets, KEY- removes, --overwrite to change a
// value; the change is written into the object's document in the editor.

import { stderr, stdout, type CommandContext } from '../context.ts';
import { flagError } from '../errors.ts';
import { bool, str, type ParsedFlags } from '../flags.ts';
import { kindString } from '../resources.ts';
import { deleteIn, setIn } from './documents.ts';
import { editObject } from './edit.ts';
import { resolveTargets } from './targets.ts';

const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function validKey(key: string): boolean {
  const parts = key.split('/');
  const name = parts[parts.length - 1]!;
  return parts.length <= 2 && NAME.test(name) && name.length <= 63 && (parts.length === 1 || /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(parts[0]!));
}

/** Runs `kubectl label` (which = 'labels') or `kubectl annotate` (which = 'annotations'). */
export function runMetadataChange(ctx: CommandContext, flags: ParsedFlags, which: 'labels' | 'annotations'): number {
  const verb = which === 'labels' ? 'label' : 'annotate';
  const pairs: string[] = [];
  const resources: string[] = [];
  for (const a of flags.args) {
    const pair = (a.includes('=') && a[0] !== '=') || (a.endsWith('-') && a !== '-');
    if (pair) pairs.push(a);
    else if (pairs.length) {
      stderr(ctx, `error: all resources must be specified before ${which === 'labels' ? 'label' : 'annotation'} changes: ${a}\n`);
      return 1;
    } else resources.push(a);
  }
  if (resources.length === 0) {
    stderr(ctx, `${flagError('one or more resources must be specified as <resource> <name> or <resource>/<name>', `kubectl ${verb}`)}\n`);
    return 1;
  }
  if (pairs.length === 0 && !bool(flags, 'list')) {
    stderr(ctx, `error: at least one ${which === 'labels' ? 'label' : 'annotation'} update is required\n`);
    return 1;
  }
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const p of pairs) {
    if (p.endsWith('-') && !p.includes('=')) {
      remove.push(p.slice(0, -1));
      continue;
    }
    const i = p.indexOf('=');
    const key = p.slice(0, i);
    const value = p.slice(i + 1);
    if (!validKey(key)) {
      stderr(ctx, `error: invalid ${which === 'labels' ? 'label' : 'annotation'} spec: ${p}\n`);
      return 1;
    }
    if (which === 'labels' && !VALUE.test(value)) {
      stderr(ctx, `error: invalid label value: "${p}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n`);
      return 1;
    }
    set[key] = value;
  }
  if (remove.some((k) => k in set)) {
    stderr(ctx, `error: can not both modify and remove ${which === 'labels' ? 'a label' : 'an annotation'} in the same command\n`);
    return 1;
  }
  const targets = resolveTargets(ctx, resources, flags);
  if ('error' in targets) {
    stderr(ctx, `${targets.error}\n`);
    return 1;
  }
  let failed = targets.errors.length > 0;
  for (const obj of targets.objects) {
    const current = which === 'labels' ? obj.labels : obj.annotations;
    if (bool(flags, 'list')) {
      stdout(ctx, `Listing labels for ${obj.type.kind}.${obj.type.group}/${obj.name}:\n`);
      for (const k of Object.keys(current).sort()) stdout(ctx, ` ${k}=${current[k]}\n`);
      continue;
    }
    if (!bool(flags, 'overwrite')) {
      const conflicts = Object.entries(set).filter(([k, v]) => k in current && current[k] !== v);
      if (conflicts.length) {
        const detail = conflicts.map(([k]) => `'${k}' already has a value (${current[k]})`);
        stderr(ctx, which === 'labels' ? `error: ${detail.map((d) => `${d}, and --overwrite is false`).join(', ')}\n` : `error: --overwrite is false but found the following declared annotation(s): ${detail.join(', ')}\n`);
        failed = true;
        continue;
      }
    }
    for (const k of remove) if (!(k in current)) stdout(ctx, `${which === 'labels' ? 'label' : 'annotation'} "${k}" not found.\n`);
    const added = Object.entries(set).filter(([k, v]) => current[k] !== v);
    const removed = remove.filter((k) => k in current);
    if (added.length || removed.length) {
      if (str(flags, 'dry-run') !== 'client' && str(flags, 'dry-run') !== 'server') {
        const refused = editObject(ctx, obj, (doc) => {
          for (const [k, v] of added) setIn(doc, ['metadata', which, k], v);
          for (const k of removed) deleteIn(doc, ['metadata', which, k]);
        });
        if (refused) {
          stderr(ctx, `${refused.error}\n`);
          failed = true;
          continue;
        }
      }
    }
    const msg = which === 'labels' ? (added.length && removed.length ? 'modified' : added.length ? 'labeled' : removed.length ? 'unlabeled' : 'not labeled') : 'annotated';
    const dry = str(flags, 'dry-run') === 'client' ? ' (dry run)' : str(flags, 'dry-run') === 'server' ? ' (server dry run)' : '';
    stdout(ctx, str(flags, 'output') === 'name' ? `${kindString(obj.type)}/${obj.name}\n` : `${kindString(obj.type)}/${obj.name} ${msg}${dry}\n`);
  }
  for (const e of targets.errors) stderr(ctx, `${e}\n`);
  return failed ? 1 : 0;
}
