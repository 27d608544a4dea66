// kubectl describe's PrefixWriter over a tabwriter (tabbedString): text written at indentation
// levels of two spaces, aligned at the end; a flush aligns what came before on its own.

import { DESCRIBE_TABWRITER, alignTabs } from '../format/tabwriter.ts';
import { formatLabels } from '../format/selectors.ts';
import { humanDuration } from '../format/time.ts';

/** Collects describe output. */
export interface DescribeWriter {
  segments: string[];
  current: string;
}

/** A new, empty writer. */
export function newWriter(): DescribeWriter {
  return { segments: [], current: '' };
}

/** Writes text at an indentation level (the prefix goes before the text only, as in Go). */
export function write(w: DescribeWriter, level: number, text: string): void {
  w.current += '  '.repeat(level) + text;
}

/** Aligns what was written so far on its own (PrefixWriter.Flush). */
export function flush(w: DescribeWriter): void {
  w.segments.push(alignTabs(w.current, DESCRIBE_TABWRITER));
  w.current = '';
}

/** The aligned output. */
export function finish(w: DescribeWriter): string {
  flush(w);
  return w.segments.join('');
}

/** printLabelsMultiline: `Title:\tk=v` then `\tk2=v2` lines, or `<none>`. */
export function writeLabels(w: DescribeWriter, title: string, labels: Record<string, string> | undefined, initialIndent = '', innerIndent = '\t'): void {
  write(w, 0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    write(w, 0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) write(w, 0, `${initialIndent}${innerIndent}`);
    write(w, 0, `${k}=${labels![k]}\n`);
  });
}

const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const MAX_ANNOTATION = 140;

/** printAnnotationsMultiline: `key: value` lines; long or multi-line values on lines of their own. */
export function writeAnnotations(w: DescribeWriter, title: string, annotations: Record<string, string> | undefined): void {
  write(w, 0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {}).filter((k) => !SKIPPED_ANNOTATIONS.has(k)).sort();
  if (keys.length === 0) {
    write(w, 0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) write(w, 0, '\t');
    const value = annotations![k]!.replace(/\n$/, '');
    if (value.length + k.length + 2 > MAX_ANNOTATION || value.includes('\n')) {
      write(w, 0, `${k}:\n`);
      for (const s of value.split('\n')) write(w, 0, `\t  ${s.length > MAX_ANNOTATION - 2 ? `${s.slice(0, MAX_ANNOTATION - 2)}...` : s}\n`);
    } else write(w, 0, `${k}: ${value}\n`);
  });
}

/** One event as DescribeEvents prints it. */
export interface DescribeEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  /** Clock seconds of its first occurrence. */
  at: number;
  from: string;
  message: string;
  count?: number;
}

/** DescribeEvents: the events table, or `Events:\t<none>`. */
export function writeEvents(w: DescribeWriter, events: DescribeEvent[] | undefined, clock: number): void {
  if (!events) return;
  if (events.length === 0) {
    write(w, 0, 'Events:\t<none>\n');
    return;
  }
  flush(w);
  write(w, 0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  write(w, 1, '----\t------\t----\t----\t-------\n');
  for (const e of events) {
    const age = humanDuration(clock - e.at);
    const interval = e.count && e.count > 1 ? `${age} (x${e.count} over ${age})` : age;
    write(w, 1, `${e.type}\t${e.reason}\t${interval}\t${e.from}\t${e.message.trim()}\n`);
  }
}

/** labels.FormatLabels for a selector line. */
export { formatLabels };
