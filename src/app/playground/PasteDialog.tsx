// A dialog to paste YAML into the playground: `kubectl get ... -o yaml` output or any manifests.
import { useEffect, useId, useRef, useState } from 'react';

/** The paste dialog (modal); `onImport` gets the text exactly as pasted. */
export function PasteDialog({ open, onClose, onImport }: { open: boolean; onClose(): void; onImport(text: string): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const id = useId();
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="paste-dialog" aria-labelledby={`${id}-title`} onClose={onClose} data-testid="paste-dialog">
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim() === '') return;
          onImport(text);
          setText('');
          onClose();
        }}
      >
        <h2 id={`${id}-title`}>Paste YAML</h2>
        <p className="muted">
          The output of <code>kubectl get pods,services -o yaml</code> (a <code>kind: List</code>) or any manifests. It replaces the playground&apos;s YAML as
          it is: <code>status</code> stays as the state the cluster observed, and nothing is removed.
        </p>
        <label htmlFor={`${id}-text`} className="sr-only">
          YAML to import
        </label>
        <textarea id={`${id}-text`} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} rows={16} placeholder="apiVersion: v1&#10;kind: List&#10;items:&#10;- ..." />
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={text.trim() === ''}>
            Import
          </button>
        </div>
      </form>
    </dialog>
  );
}
