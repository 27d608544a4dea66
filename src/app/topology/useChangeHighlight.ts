import { useEffect, useMemo, useState } from 'react';
import type { Cluster } from '../../engine/types.ts';
import { diffClusters, isEmptyChanges, type ClusterChanges } from './diff.ts';

/** How long the "what changed" highlight stays after an edit. */
export const CHANGE_HIGHLIGHT_MS = 6000;

/** The changes between `previous` and `cluster`, for a few seconds after `previous` changes;
 * undefined otherwise. `dismiss` ends the highlight early. */
export function useChangeHighlight(previous: Cluster | undefined, cluster: Cluster): { changes: ClusterChanges | undefined; dismiss: () => void } {
  const changes = useMemo(() => diffClusters(previous, cluster), [previous, cluster]);
  const [dismissed, setDismissed] = useState<ClusterChanges | undefined>(undefined);
  useEffect(() => {
    if (isEmptyChanges(changes)) return;
    const timer = setTimeout(() => setDismissed(changes), CHANGE_HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [changes]);
  const active = !isEmptyChanges(changes) && dismissed !== changes;
  return { changes: active ? changes : undefined, dismiss: () => setDismissed(changes) };
}
