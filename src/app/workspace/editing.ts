// What panels other than the editor may do to the workspace's YAML.
import type { DocumentKey } from '../state/documents-store.ts';

/** A handle on the workspace's YAML: read at the moment of an action, never rendered from (so
 * the panels holding it do not re-render on every keystroke). */
export interface WorkspaceEditing {
  docKey: DocumentKey;
  file: string;
  getText(): string;
  /** Replaces the YAML; the editor applies it as one undoable edit. */
  setText(text: string): void;
}
