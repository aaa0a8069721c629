import {
  Controls,
  getNodesBounds,
  getViewportForBounds,
  MiniMap,
  type NodeChange,
  type NodeMouseHandler,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
} from '@xyflow/react';
import { type KeyboardEvent, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ColumnView } from '../trace/column-fields';
import { graphCommandForKey } from '../trace/graph-commands';
import { nextNode } from '../trace/graph-navigation';
import type { TraceComparison } from '../trace/trace-diff';
import type { ViewGraph } from '../trace/view-graph';
import { createDetailViewport, DetailViewportContext, DetailViewportSync } from './detail-viewport';
import { EdgeLayer } from './EdgeLayer';
import { exportGraphImage, type ImageFormat } from './export-image';
import { FIT_DEPTH, type LineageFlowEdge, type LineageFlowNode, NODE_HEIGHT, NODE_WIDTH } from './flow-types';
import { type GraphActions, GraphActionsContext } from './graph-actions';
import './graph.css';
import { GraphLegend } from './GraphLegend';
import { GraphToolbar } from './GraphToolbar';
import { DETAIL_ZOOM } from './level-of-detail';
import { nodeTypes } from './node-types';
import { layoutInput, toFlow } from './to-flow';
import type { Position } from './layout';
import { useLayout } from './useLayout';

export interface LineageGraphProps {
  readonly view: ViewGraph;
  readonly columns?: ColumnView;
  readonly comparison?: TraceComparison;
  readonly selectedId?: string;
  readonly onSelectNode: (nodeId: string | undefined) => void;
  readonly actions: GraphActions;
  /** File name (without extension) of exported images. */
  readonly exportName: string;
  readonly onExportJson: () => void;
  /** Called once the first laid-out graph is painted (the benchmark listens). */
  readonly onPainted?: () => void;
  /** Fit the whole graph at first, not only the decision's neighbourhood. */
  readonly fitAll?: boolean;
}

const minimapColor = (node: LineageFlowNode) => `var(--kind-${node.type ?? 'dataset'})`;
/**
 * Past this many nodes only those on screen are mounted. Below it, mounting and unmounting nodes while panning costs
 * more than it saves (measured with bench/graph-view.ts).
 */
const VISIBLE_ONLY_PAST = 1000;
const MIN_ZOOM = 0.05;
const FIT = { padding: 0.12, maxZoom: 1.1 } as const;
const EMPTY = { nodes: [] as LineageFlowNode[], edges: [] as LineageFlowEdge[] };
/** React Flow draws no edges: EdgeLayer draws them all in one SVG. */
const NO_EDGES: LineageFlowEdge[] = [];

/**
 * The lineage graph, laid out left to right (upstream on the left, the decision on the right): expand and collapse
 * per node, fields on demand, search, minimap, keyboard navigation, export. Nodes are selected by click or Enter.
 */
export function LineageGraph(props: LineageGraphProps) {
  return (
    <ReactFlowProvider>
      <GraphCanvas {...props} />
    </ReactFlowProvider>
  );
}

function GraphCanvas(props: LineageGraphProps) {
  const { view, columns, comparison, selectedId, onSelectNode, actions, exportName, onExportJson, onPainted, fitAll } =
    props;
  const wrap = useRef<HTMLDivElement>(null);
  const input = useMemo(() => layoutInput(view, columns), [view, columns]);
  const payload = useMemo(() => ({ view, columns }), [view, columns]);
  const laid = useLayout(input, payload);
  const positions = laid?.positions;
  const shown = laid?.payload;
  const base = useMemo(
    () => (positions && shown ? toFlow(shown.view, positions, { comparison, columns: shown.columns }) : EMPTY),
    [positions, shown, comparison],
  );
  const nodes = useMemo(
    () => (selectedId ? base.nodes.map((n) => (n.id === selectedId ? { ...n, selected: true } : n)) : base.nodes),
    [base, selectedId],
  );
  const empty = base === EMPTY;
  // The first viewport, computed here when the pane's size is known: nodes are drawn once at their final zoom (with
  // React Flow's fitView they are drawn at zoom 1 first, then again after it fits). The whole graph when it can be
  // read that way, else the decision's neighbourhood.
  const initialViewport = useMemo(
    () => {
      const box = wrap.current;
      if (empty || !box || box.clientWidth === 0) return undefined;
      const { clientWidth: width, clientHeight: height } = box;
      const fit = (nodes: ReadonlyArray<LineageFlowNode>) =>
        getViewportForBounds(getNodesBounds([...nodes]), width, height, MIN_ZOOM, FIT.maxZoom, FIT.padding);
      const whole = fit(base.nodes);
      const near = base.nodes.filter((n) => n.type !== 'supernode' && n.data.node.depth <= FIT_DEPTH);
      const { x, y, zoom } = fitAll || whole.zoom >= DETAIL_ZOOM || near.length === 0 ? whole : fit(near);
      return { x, y, zoom, width, height };
    },
    // Fitted once, when the graph first appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [empty],
  );
  // Nodes choose their level of detail at the settled viewport, seeded with the first one.
  const detail = useMemo(
    () =>
      createDetailViewport(
        initialViewport && {
          transform: [initialViewport.x, initialViewport.y, initialViewport.zoom],
          width: initialViewport.width,
          height: initialViewport.height,
        },
      ),
    [initialViewport],
  );

  const { setCenter, getZoom, getNodes, getViewport, setViewport } = useReactFlow<LineageFlowNode, LineageFlowEdge>();

  // When the shape changes (expand, collapse, another moment), the node acted on stays where it was on screen.
  const [anchorId, setAnchorId] = useState<string>();
  const previous = useRef<ReadonlyMap<string, Position>>(undefined);
  useLayoutEffect(() => {
    const before = previous.current;
    previous.current = positions;
    if (!before || !positions || before === positions) return;
    const decisionId = view.nodes.find((n) => n.type === 'lineage' && n.node.kind === 'decision')?.id;
    const id = [anchorId, selectedId, decisionId].find((c) => c && before.has(c) && positions.has(c));
    if (!id) return;
    const a = before.get(id) as Position;
    const b = positions.get(id) as Position;
    const { x, y, zoom } = getViewport();
    if (a.x !== b.x || a.y !== b.y) void setViewport({ x: x - (b.x - a.x) * zoom, y: y - (b.y - a.y) * zoom, zoom });
  }, [positions, view, anchorId, selectedId, getViewport, setViewport]);
  const anchoredActions = useMemo<GraphActions>(() => {
    const at =
      (perform: (id: string) => void) =>
      (id: string): void => {
        setAnchorId(id);
        perform(id);
      };
    return {
      toggleUpstream: at(actions.toggleUpstream),
      toggleDownstream: at(actions.toggleDownstream),
      toggleFields: at(actions.toggleFields),
      openGroup: (groupId: string) => {
        const group = view.nodes.find((n) => n.id === groupId);
        setAnchorId(group?.type === 'supernode' ? group.anchor : undefined);
        actions.openGroup(groupId);
      },
    };
  }, [actions, view]);
  // Painted: the first frame after the nodes were measured and their edges drawn.
  useEffect(() => {
    if (empty || !onPainted) return;
    let frame = requestAnimationFrame(function check() {
      if (wrap.current?.querySelector('.lineage-edge')) onPainted?.();
      else frame = requestAnimationFrame(check);
    });
    return () => cancelAnimationFrame(frame);
  }, [empty, onPainted]);

  /** Centres a node, moves keyboard focus to it, and (when asked) selects it. */
  const focusNode = useCallback(
    (id: string, select: boolean) => {
      const at = positions?.get(id);
      if (at) setCenter(at.x + NODE_WIDTH / 2, at.y + NODE_HEIGHT / 2, { zoom: Math.max(getZoom(), 0.8) });
      if (select) onSelectNode(id);
      requestAnimationFrame(() => {
        const el = wrap.current?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
        el?.focus({ preventScroll: true });
      });
    },
    [positions, setCenter, getZoom, onSelectNode],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, select') || !target.closest('.react-flow')) return;
      const command = graphCommandForKey(event);
      if (!command || (command.name === 'openDetails' && target.closest('button'))) return;
      const nodeEl = target.closest<HTMLElement>('.react-flow__node');
      const current = nodeEl?.dataset.id ?? selectedId ?? base.nodes.find((n) => n.type === 'decision')?.id;
      if (!current) return;
      event.preventDefault();
      event.stopPropagation();
      command.perform({
        move: (key) => {
          const placed = base.nodes.map((n) => ({ id: n.id, x: n.position.x, y: n.position.y }));
          const next = nextNode(current, key, placed, base.edges, NODE_WIDTH / 2);
          if (next) focusNode(next, false);
        },
        openDetails: () => onSelectNode(current),
        toggleUpstream: () => anchoredActions.toggleUpstream(current),
        toggleDownstream: () => anchoredActions.toggleDownstream(current),
        toggleFields: () => anchoredActions.toggleFields(current),
        focusSearch: () =>
          wrap.current?.parentElement?.querySelector<HTMLInputElement>('input[type="search"]')?.focus(),
      });
    },
    [base, selectedId, focusNode, onSelectNode, anchoredActions],
  );

  const onNodeClick: NodeMouseHandler<LineageFlowNode> = useCallback(
    (_, node) => onSelectNode(node.id),
    [onSelectNode],
  );
  const onNodesChange = useCallback(
    (changes: NodeChange<LineageFlowNode>[]) => {
      const picked = changes.find((c) => c.type === 'select' && c.selected);
      if (picked && picked.type === 'select' && picked.id !== selectedId) onSelectNode(picked.id);
    },
    [onSelectNode, selectedId],
  );
  const onExportImage = useCallback(
    async (format: ImageFormat) => {
      const viewport = wrap.current?.querySelector<HTMLElement>('.react-flow__viewport');
      if (viewport) await exportGraphImage(format, viewport, getNodes(), exportName);
    },
    [getNodes, exportName],
  );
  const searchable = useMemo(() => view.nodes.flatMap((n) => (n.type === 'lineage' ? [n.node] : [])), [view]);

  return (
    <GraphActionsContext.Provider value={anchoredActions}>
      <DetailViewportContext.Provider value={detail}>
        <div className="lineage-graph">
          <GraphToolbar
            nodes={searchable}
            onFind={(id) => focusNode(id, true)}
            onExportImage={onExportImage}
            onExportJson={onExportJson}
          />
          <div className="graph-wrap" aria-label="Lineage graph" role="region" ref={wrap} onKeyDown={onKeyDown}>
            {empty ? (
              <p className="graph-wait muted" role="status">
                Laying out {view.nodes.length} nodes…
              </p>
            ) : (
              <ReactFlow<LineageFlowNode, LineageFlowEdge>
                nodes={nodes}
                edges={NO_EDGES}
                nodeTypes={nodeTypes}
                onNodeClick={onNodeClick}
                onNodesChange={onNodesChange}
                nodesDraggable={false}
                nodesConnectable={false}
                edgesFocusable={false}
                onlyRenderVisibleElements={nodes.length > VISIBLE_ONLY_PAST}
                defaultViewport={initialViewport}
                fitView={!initialViewport}
                fitViewOptions={FIT}
                minZoom={MIN_ZOOM}
                proOptions={{ hideAttribution: false }}
              >
                <DetailViewportSync store={detail} />
                <EdgeLayer nodes={base.nodes} edges={base.edges} />
                <MiniMap<LineageFlowNode>
                  pannable
                  zoomable
                  nodeColor={minimapColor}
                  ariaLabel="Lineage graph overview"
                />
                <Controls showInteractive={false} fitViewOptions={FIT} />
              </ReactFlow>
            )}
          </div>
          <GraphLegend comparing={Boolean(comparison)} stale={laid !== undefined && !laid.current} />
        </div>
      </DetailViewportContext.Provider>
    </GraphActionsContext.Provider>
  );
}
