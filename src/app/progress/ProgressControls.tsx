// Progress as a file (export, import) and a reset, under the lesson list.
import { useRef, useState, type ChangeEvent } from 'react';
import { ConfirmButton } from '../lesson/ConfirmButton.tsx';
import { exportProgress, importProgress, mergeProgress } from './progress.ts';
import { useProgress } from './progress-store.ts';

/** Export, import and reset-all for lesson progress. */
export function ProgressControls() {
  const fileInput = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState('');

  const onExport = () => {
    const { lessons } = useProgress.getState();
    const url = URL.createObjectURL(new Blob([exportProgress({ lessons })], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'netlab-progress.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setMessage('Progress saved as netlab-progress.json.');
  };

  const onImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const imported = importProgress(await file.text());
    if ('error' in imported) {
      setMessage(`Not imported: ${imported.error}.`);
      return;
    }
    const { lessons, replace } = useProgress.getState();
    replace(mergeProgress({ lessons }, imported));
    setMessage(`Imported progress for ${Object.keys(imported.lessons).length} lessons.`);
  };

  return (
    <div className="progress-controls">
      <h2>Your progress</h2>
      <p className="muted">Saved in this browser only. Keep a copy as a file to move it elsewhere.</p>
      <div className="button-row">
        <button type="button" onClick={onExport}>
          Export…
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Import…
        </button>
        <input ref={fileInput} type="file" accept="application/json,.json" hidden onChange={(e) => void onImport(e)} aria-label="Import a progress file" />
        <ConfirmButton question="Forget all lesson progress?" confirmLabel="Reset everything" onConfirm={() => useProgress.getState().dispatch({ type: 'resetAll' })}>
          Reset all progress
        </ConfirmButton>
      </div>
      <p className="progress-message" role="status">
        {message}
      </p>
    </div>
  );
}
