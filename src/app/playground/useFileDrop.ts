// Dropping files anywhere on the playground loads them.
import { useCallback, useRef, useState, type DragEvent } from 'react';

/** Drag-and-drop handlers for an element, and whether files are being dragged over it. */
export function useFileDrop(onFiles: (files: File[]) => void) {
  const [over, setOver] = useState(false);
  // dragenter/dragleave fire for every child crossed: count them to know when the pointer left.
  const depth = useRef(0);
  const hasFiles = (e: DragEvent) => [...e.dataTransfer.types].includes('Files');
  const onDragEnter = useCallback((e: DragEvent) => {
    if (!hasFiles(e)) return;
    depth.current += 1;
    setOver(true);
  }, []);
  const onDragLeave = useCallback((e: DragEvent) => {
    if (!hasFiles(e)) return;
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setOver(false);
  }, []);
  const onDragOver = useCallback((e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current = 0;
      setOver(false);
      const files = [...e.dataTransfer.files];
      if (files.length > 0) onFiles(files);
    },
    [onFiles],
  );
  return { over, handlers: { onDragEnter, onDragLeave, onDragOver, onDrop } };
}
