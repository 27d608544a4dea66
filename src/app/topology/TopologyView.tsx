import { Background, BackgroundVariant, Controls, Panel, ReactFlow, ReactFlowProvider, useReactFlow, useStore, useStoreApi, type NodeMouseHandler } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import type { Trace } from '../../engine/trace/types.ts';
import type { Cluster } from '../../engine/types.ts';
import { markChanges } from './diff.ts';
import type { TopologyGraph, TopologyNode } from './graph-types.ts';
import { hopPath, packetFrames, servedCounts, tracedElements } from './hops.ts';
import { applyLayout, type Layout } from './layout.ts';
import { usePrefersReducedMotion, useColorMode } from './media-hooks.ts';
import { clusterToGraph, UNSCHEDULED_ID } from './model.ts';
import { ChangeLegend, TopologyKey } from './TopologyLegend.tsx';
import { topologyNodeTypes } from './TopologyNodes.tsx';
import { TopologyText } from './TopologyText.tsx';
import { useChangeHighlight } from './useChangeHighlight.ts';
import { useTopologyLayout } from './useTopologyLayout.ts';
import './topology.css';

// Motion is only needed once a request is replayed: load the packet layer then.
const PacketLayer = lazy(() => import('./PacketLayer.tsx').then((m) => ({ default: m.PacketLayer })));

export interface TopologyViewProps {
  cluster: Cluster;
  traces: Trace[];
  /** The hop the player is at (the request panel drives playback). */
  activeHop?: { trace: number; hop: number };
  playing?: boolean;
  /** Playback speed, 0.25 to 4. */
  speed?: number;
  /** The cluster before the last edit, for "what changed". */
  previous?: Cluster;
  /** How the last request's answer changed with the last edit (`client → http://web: was connected → now refused`). */
  verdictChange?: string;
  /** A click (or Enter) on a pod, Service, node, load balancer or client. */
  onSelectElement?(id: string): void;
  /** A click on a packet. */
  onSelectHop?(trace: number, hop: number): void;
}

/** Whether a diagram node stands for an element traces and the inspector know. */
const isElement = (id: string) => !id.startsWith('nsgroup/') && id !== UNSCHEDULED_ID;

/** The animated cluster diagram: tiers of clients, load balancers, Services and nodes with their
 * pods, auto-laid-out, with the active hop's packets flying over it. */
export function TopologyView(props: TopologyViewProps): ReactElement {
  return (
    <ReactFlowProvider>
      <TopologyCanvas {...props} />
    </ReactFlowProvider>
  );
}

function TopologyCanvas({ cluster, traces, activeHop, playing = false, speed = 1, previous, verdictChange, onSelectElement, onSelectHop }: TopologyViewProps): ReactElement {
  const colorMode = useColorMode();
  const reducedMotion = usePrefersReducedMotion();
  const [selected, setSelected] = useState<string | undefined>(undefined);

  const tracedKey = useMemo(() => tracedElements(traces).join(' '), [traces]);
  const baseGraph = useMemo(() => clusterToGraph(cluster, { show: tracedKey.split(' ') }), [cluster, tracedKey]);
  const { layout, pending, error } = useTopologyLayout(baseGraph);
  const { changes, dismiss } = useChangeHighlight(previous, cluster);

  const activeTrace = activeHop ? traces[activeHop.trace] : undefined;
  const onPath = useMemo(() => new Set(activeTrace && activeHop ? hopPath(activeTrace, activeHop.hop) : []), [activeTrace, activeHop]);
  const served = useMemo(() => servedCounts(traces), [traces]);
  const laidOut = useMemo(() => applyLayout(changes ? markChanges(baseGraph, changes) : baseGraph, layout), [baseGraph, changes, layout]);
  // Decorations touch only the nodes they change, so React Flow re-renders just those.
  const graph = useMemo(() => decorate(laidOut, served, selected), [laidOut, served, selected]);

  const frames = useMemo(() => (layout ? packetFrames(traces, activeHop) : []), [traces, activeHop, layout]);
  const activeMessage = activeTrace && activeHop ? activeTrace.hops[activeHop.hop]?.message : undefined;

  const select = useCallback(
    (id: string) => {
      if (!isElement(id)) return;
      setSelected(id);
      onSelectElement?.(id);
    },
    [onSelectElement],
  );
  const onNodeClick: NodeMouseHandler<TopologyNode> = useCallback((_, node) => select(node.id), [select]);
  // React Flow focuses nodes with Tab; Enter on a focused node selects it like a click.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' || !(e.target instanceof HTMLElement)) return;
    const id = e.target.closest<HTMLElement>('.react-flow__node')?.dataset.id;
    if (id) select(id);
  };

  return (
    <div className="topology" onKeyDown={onKeyDown}>
      <div className="topo-canvas">
        <ReactFlow<TopologyNode>
          nodes={graph.nodes}
          edges={graph.edges}
          nodeTypes={topologyNodeTypes}
          colorMode={colorMode}
          nodesDraggable={false}
          nodesConnectable={false}
          edgesFocusable={false}
          onNodeClick={onNodeClick}
          deleteKeyCode={null}
          selectionKeyCode={null}
          multiSelectionKeyCode={null}
          // Space is typed into the editor next door; panning is by dragging anyway.
          panActivationKeyCode={null}
          zoomOnDoubleClick={false}
          minZoom={0.1}
          maxZoom={2}
          fitView
          aria-label="Cluster topology diagram"
        >
          <Background variant={BackgroundVariant.Dots} gap={18} size={1} />
          <Controls showInteractive={false} />
          <FitOnLayout layout={layout} />
          {frames.length > 0 && layout ? (
            <Suspense fallback={null}>
              <PacketLayer frames={frames} boxes={layout.absolute} speed={speed} playing={playing} reducedMotion={reducedMotion} onSelectHop={onSelectHop} />
            </Suspense>
          ) : null}
          <Panel position="top-left">{changes ? <ChangeLegend changes={changes} verdict={verdictChange} onDismiss={dismiss} /> : null}</Panel>
          {!layout ? (
            <Panel position="top-center">
              <p className="topo-status-note" role="status">
                {error ? `The diagram could not be laid out: ${error}` : 'Laying out the diagram…'}
              </p>
            </Panel>
          ) : null}
        </ReactFlow>
        {pending && layout ? <div className="topo-busy" aria-hidden="true" /> : null}
      </div>
      <div className="topo-footer">
        <TopologyKey />
        <TopologyText graph={laidOut} />
      </div>
      <PathHighlight ids={onPath} />
      <div className="topo-sr-only" aria-live="polite">
        {activeMessage ?? ''}
      </div>
    </div>
  );
}

/** Decorations that never change the layout: spread counts and the selection. */
function decorate(graph: TopologyGraph, served: Map<string, number>, selected: string | undefined): TopologyGraph {
  if (served.size === 0 && !selected) return graph;
  const nodes = graph.nodes.map((n): TopologyNode => {
    let node = n;
    const count = served.get(n.id);
    if (count && node.type === 'pod') node = { ...node, data: { ...node.data, served: count } };
    if (n.id === selected) node = { ...node, selected: true };
    return node;
  });
  return { nodes, edges: graph.edges };
}

/** Outlines the elements the active request has visited. It changes on every hop, so it is a
 * style rule rather than node data: React Flow does not re-render a single node for it. */
function PathHighlight({ ids }: { ids: Set<string> }): ReactElement | null {
  if (ids.size === 0) return null;
  const selectors = [...ids].map((id) => `.topology .react-flow__node[data-id=${JSON.stringify(id)}] > :is(.topo-card, .topo-group)`);
  return <style>{`${selectors.join(',\n')} { border-color: var(--topo-accent); box-shadow: 0 0 0 1.5px var(--topo-accent); }`}</style>;
}

/** Fits the view when a new layout arrives and some of it would be off screen, and again when the
 * canvas is resized (a pane folded or dragged): the diagram then uses the room it was given. */
function FitOnLayout({ layout }: { layout: Layout | undefined }): null {
  const flow = useReactFlow();
  const store = useStoreApi();
  const fitted = useRef<string | undefined>(undefined);
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const size = useRef<{ width: number; height: number } | undefined>(undefined);
  useEffect(() => {
    if (!layout || fitted.current === layout.key) return;
    const first = fitted.current === undefined;
    fitted.current = layout.key;
    const frame = requestAnimationFrame(() => {
      const { x, y, zoom } = flow.getViewport();
      const { width: w, height: h } = store.getState();
      const inside = -x / zoom <= 0 && -y / zoom <= 0 && (w - x) / zoom >= layout.width && (h - y) / zoom >= layout.height;
      if (first || !inside) void flow.fitView({ padding: 0.08, duration: first ? 0 : 250 });
    });
    return () => cancelAnimationFrame(frame);
  }, [layout, flow, store]);
  useEffect(() => {
    if (!layout || width === 0 || height === 0) return;
    const before = size.current;
    if (!before) {
      size.current = { width, height };
      return;
    }
    // Small changes since the last fit (a scrollbar, a status line) keep the learner's zoom.
    if (Math.abs(before.width - width) < 24 && Math.abs(before.height - height) < 24) return;
    const timer = setTimeout(() => {
      size.current = { width, height };
      void flow.fitView({ padding: 0.08, duration: 0 });
    }, 120);
    return () => clearTimeout(timer);
  }, [width, height, layout, flow]);
  return null;
}
