// kubectl's error messages, in its own words (cmdutil.CheckErr, apierrors, cobra, pflag).

import { qualifiedResource, type ResourceType } from './resources.ts';

/** `Error from server (NotFound): services "web" not found`. */
export function notFound(type: ResourceType, name: string): string {
  return `Error from server (NotFound): ${qualifiedResource(type)} "${name}" not found`;
}

/** `Error from server (NotFound): namespaces "x" not found`, for commands that need the namespace. */
export function namespaceNotFound(name: string): string {
  return `Error from server (NotFound): namespaces "${name}" not found`;
}

/** `error: the server doesn't have a resource type "foo"`. */
export function unknownResourceType(typed: string): string {
  return `error: the server doesn't have a resource type "${typed}"`;
}

/** A flag error as kubectl's FlagErrorFunc prints it. */
export function flagError(message: string, command: string): string {
  return `error: ${message}\nSee '${command} --help' for usage.`;
}

/** cmdutil.UsageErrorf. */
export function usageError(message: string, command: string): string {
  return `error: ${message}\nSee '${command} -h' for help and examples`;
}

/** Levenshtein distance, case-insensitive, as cobra's ld(). */
export function levenshtein(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let j = 1; j <= t.length; j++) {
    for (let i = 1; i <= s.length; i++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
    }
  }
  return d[s.length]![t.length]!;
}

/** cobra's SuggestionsFor: commands within distance 2, or starting with what was typed. */
export function suggestionsFor(typed: string, commands: Array<{ name: string; suggestFor?: string[] }>): string[] {
  const out: string[] = [];
  for (const c of commands) {
    const close = levenshtein(typed, c.name) <= 2 || c.name.toLowerCase().startsWith(typed.toLowerCase());
    if (close || c.suggestFor?.includes(typed)) out.push(c.name);
  }
  return out;
}

/** cobra's unknown command error with its "Did you mean this?" block. */
export function unknownCommand(typed: string, parent: string, commands: Array<{ name: string; suggestFor?: string[] }>): string {
  const suggestions = typed ? suggestionsFor(typed, commands) : [];
  const block = suggestions.length ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}` : '';
  return `error: unknown command "${typed}" for "${parent}"${block}`;
}

/** kubectl's fatal() adds a newline only when the message lacks one. */
export function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
