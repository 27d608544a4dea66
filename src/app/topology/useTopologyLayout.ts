import { useEffect, useMemo, useRef, useState } from 'react';
import { loadElk } from './elk-loader.ts';
import type { TopologyGraph } from './graph-types.ts';
import { layoutGraph, layoutKey, type Layout } from './layout.ts';

export interface LayoutState {
  /** The newest finished layout (possibly of an older graph: it is kept while the next computes). */
  layout: Layout | undefined;
  /** True while a layout for the current graph is being computed. */
  pending: boolean;
  error?: string;
}

/** Lays the graph out with ELK off the main thread, only when its structure changed; the previous
 * layout stays in place until the new one is ready, and stale results are dropped. */
export function useTopologyLayout(graph: TopologyGraph): LayoutState {
  const key = useMemo(() => layoutKey(graph), [graph]);
  const [state, setState] = useState<{ layout?: Layout; error?: string }>({});
  const graphRef = useRef(graph);
  graphRef.current = graph;

  useEffect(() => {
    if (state.layout?.key === key) return;
    let cancelled = false;
    loadElk()
      .then((elk) => layoutGraph(elk, graphRef.current))
      .then((layout) => {
        if (!cancelled) setState({ layout });
      })
      .catch((e: unknown) => {
        if (!cancelled) setState((s) => ({ ...s, error: e instanceof Error ? e.message : String(e) }));
      });
    return () => {
      cancelled = true;
    };
    // Only a new structure needs a new layout; state.layout is read only to skip a redundant run.
  }, [key]);

  return { layout: state.layout, pending: state.layout?.key !== key && !state.error, ...(state.error ? { error: state.error } : {}) };
}
