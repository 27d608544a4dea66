// Where a reason points in the learner's YAML. It parses the YAML, so it lives apart from the
// event list's helpers and loads with the inspector, not with the first page.
import { locateField } from '../../engine/parse/manifests.ts';
import type { Reason } from '../../engine/trace/types.ts';
import type { SourceRange } from '../../engine/types.ts';

/** The source range a reason points at, when it is in the file being edited: the field it
 * names when the editor's text has it, else the whole object. */
export function reasonRange(reason: Reason, file: string, text?: string): SourceRange | undefined {
  if (!reason.source?.range || reason.source.file !== file) return undefined;
  if (reason.field && text !== undefined) return locateField(text, file, reason.source.doc, reason.field) ?? reason.source.range;
  return reason.source.range;
}
