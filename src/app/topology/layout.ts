import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api.js';
import type { TopologyGraph, TopologyNode } from './graph-types.ts';
import { GROUP_PADDING } from './model.ts';

// Auto layout with ELK's layered algorithm: tiers top to bottom (clients, cloud load balancers,
// Services, nodes), Kubernetes nodes as compound nodes holding namespace boxes holding pods.
// Each compound is laid out on its own (ELK's default SEPARATE_CHILDREN), and edges that cross
// into a compound are lifted to its top-level box, so tiers and order never depend on React
// Flow's edge routing.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Positions (relative to the parent, as React Flow wants) and absolute boxes per node id. */
export interface Layout {
  key: string;
  relative: Record<string, Box>;
  absolute: Record<string, Box>;
  width: number;
  height: number;
}

const ROOT_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.partitioning.activate': 'true',
  // One layout for everything: laying out disconnected parts apart and packing them by size
  // would reorder them whenever a size changes.
  'elk.separateConnectedComponents': 'false',
  'elk.spacing.nodeNode': '28',
  'elk.layered.spacing.nodeNodeBetweenLayers': '44',
  'elk.layered.spacing.edgeNodeBetweenLayers': '20',
  // Keep the model's (sorted) order inside each tier, so a small edit does not reshuffle the diagram.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.padding': '[top=16,left=16,bottom=16,right=16]',
};

const pad = (p: { top: number; side: number; bottom: number }) => `[top=${p.top},left=${p.side},bottom=${p.bottom},right=${p.side}]`;

// Namespaces sit side by side inside a node (the diagram is wider than tall in most panes); pods
// pack into rows inside a namespace, wrapping after a few.
const NODE_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.padding': pad(GROUP_PADDING.kubeNode),
  'elk.separateConnectedComponents': 'false',
  'elk.spacing.nodeNode': '12',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
  'elk.nodeSize.constraints': 'MINIMUM_SIZE',
  'elk.nodeSize.minimum': '(240,110)',
};

const NAMESPACE_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'rectpacking',
  'elk.padding': pad(GROUP_PADDING.namespace),
  'elk.spacing.nodeNode': '10',
  'elk.aspectRatio': '2.4',
  'elk.rectpacking.widthApproximation.strategy': 'TARGET_WIDTH',
  'elk.rectpacking.widthApproximation.targetWidth': '640',
  'elk.contentAlignment': 'V_TOP H_LEFT',
};

const UNSCHEDULED_OPTIONS: LayoutOptions = { ...NAMESPACE_OPTIONS, 'elk.padding': pad(GROUP_PADDING.kubeNode) };

/** The top-level ancestor of every node (itself for top-level nodes). */
function topLevelOf(nodes: TopologyNode[]): Map<string, string> {
  const parent = new Map(nodes.map((n) => [n.id, n.parentId]));
  const top = new Map<string, string>();
  for (const n of nodes) {
    let id = n.id;
    for (let p = parent.get(id); p; p = parent.get(id)) id = p;
    top.set(n.id, id);
  }
  return top;
}

/** Builds the ELK graph for a topology graph: nodes nested as compounds, tiers as partitions,
 * edges lifted to top-level boxes and deduplicated. Pure. */
export function toElkGraph(graph: TopologyGraph): ElkNode {
  const children = new Map<string | undefined, TopologyNode[]>();
  for (const n of graph.nodes) {
    const list = children.get(n.parentId);
    if (list) list.push(n);
    else children.set(n.parentId, [n]);
  }
  const build = (n: TopologyNode): ElkNode => {
    const kids = children.get(n.id) ?? [];
    const elk: ElkNode = { id: n.id };
    if (kids.length > 0 || n.type === 'kubeNode' || n.type === 'unscheduled' || n.type === 'namespace') {
      elk.children = kids.map(build);
      elk.layoutOptions = n.type === 'kubeNode' ? NODE_OPTIONS : n.type === 'unscheduled' ? UNSCHEDULED_OPTIONS : NAMESPACE_OPTIONS;
    } else {
      elk.width = n.width ?? 100;
      elk.height = n.height ?? 40;
    }
    // Namespace boxes of different heights line up on the node's top edge.
    if (n.type === 'namespace') elk.layoutOptions = { ...elk.layoutOptions, 'elk.alignment': 'TOP' };
    if (!n.parentId) elk.layoutOptions = { ...elk.layoutOptions, 'elk.partitioning.partition': String(n.data.tier) };
    return elk;
  };
  const top = topLevelOf(graph.nodes);
  const seen = new Set<string>();
  const edges: ElkExtendedEdge[] = [];
  for (const e of graph.edges) {
    const source = top.get(e.source);
    const target = top.get(e.target);
    if (!source || !target || source === target) continue;
    const id = `${source}->${target}`;
    if (seen.has(id)) continue;
    seen.add(id);
    edges.push({ id, sources: [source], targets: [target] });
  }
  return { id: 'root', layoutOptions: ROOT_OPTIONS, children: (children.get(undefined) ?? []).map(build), edges };
}

/** A string that changes exactly when the layout would: node ids, nesting, sizes, lifted edges. */
export function layoutKey(graph: TopologyGraph): string {
  const elk = toElkGraph(graph);
  const parts: string[] = [];
  const walk = (n: ElkNode, depth: number) => {
    parts.push(`${depth}:${n.id}:${n.width ?? ''}x${n.height ?? ''}`);
    for (const c of n.children ?? []) walk(c, depth + 1);
  };
  for (const c of elk.children ?? []) walk(c, 0);
  for (const e of elk.edges ?? []) parts.push(e.id);
  return parts.join('|');
}

/** Reads positions back from a laid-out ELK graph. Pure. */
export function readLayout(result: ElkNode, key: string): Layout {
  const relative: Record<string, Box> = {};
  const absolute: Record<string, Box> = {};
  const walk = (n: ElkNode, ox: number, oy: number) => {
    for (const c of n.children ?? []) {
      const box = { x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 };
      relative[c.id] = box;
      absolute[c.id] = { ...box, x: ox + box.x, y: oy + box.y };
      walk(c, ox + box.x, oy + box.y);
    }
  };
  walk(result, 0, 0);
  return { key, relative, absolute, width: result.width ?? 0, height: result.height ?? 0 };
}

/** Something that can run an ELK layout (the worker-backed ELK, or the bundled one in tests). */
export interface ElkRunner {
  layout(graph: ElkNode): Promise<ElkNode>;
}

/** Lays out a topology graph with the given ELK. */
export async function layoutGraph(elk: ElkRunner, graph: TopologyGraph): Promise<Layout> {
  const key = layoutKey(graph);
  const result = await elk.layout(toElkGraph(graph));
  return readLayout(result, key);
}

/** Puts laid-out positions on the graph's nodes; nodes the layout does not know yet (added since
 * it ran) stay hidden until the next layout arrives, so nothing jumps in the meantime. */
export function applyLayout(graph: TopologyGraph, layout: Layout | undefined): TopologyGraph {
  if (!layout) return { nodes: graph.nodes.map((n) => ({ ...n, hidden: true })), edges: graph.edges };
  const nodes = graph.nodes.map((n): TopologyNode => {
    const box = layout.relative[n.id];
    if (!box) return { ...n, hidden: true };
    return { ...n, position: { x: box.x, y: box.y }, width: box.width, height: box.height };
  });
  const shown = new Set(nodes.filter((n) => !n.hidden).map((n) => n.id));
  return { nodes, edges: graph.edges.filter((e) => shown.has(e.source) && shown.has(e.target)) };
}
