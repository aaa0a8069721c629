import {
  ControlButton,
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
import {
  type FocusEvent,
  type KeyboardEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { ColumnView } from '../trace/column-fields';
import { selectTimeZone, useSettings } from '../stores/settings-store';
import { useResolvedTheme } from '../theme/useTheme';
import { graphCommandForKey } from '../trace/graph-commands';
import { nextNode } from '../trace/graph-navigation';
import type { TraceComparison } from '../trace/trace-diff';
import type { ViewGraph } from '../trace/view-graph';
import {
  createDetailViewport,
  type DetailViewport,
  DetailViewportContext,
  DetailViewportSync,
} from './detail-viewport';
import { viewportShowing } from './keep-in-view';
import { EdgeLayer } from './EdgeLayer';
import { exportGraphImage, type ImageFormat } from './export-image';
import { graphCaption } from './graph-svg';
import { FIT_DEPTH, type LineageFlowEdge, type LineageFlowNode, NODE_HEIGHT, NODE_WIDTH } from './flow-types';
import { type GraphActions, GraphActionsContext } from './graph-actions';
import { selectPendingGraphRequest, useGraphRequests } from './graph-requests';
import './graph.css';
import { GraphLegend } from './GraphLegend';
import { GraphToolbar } from './GraphToolbar';
import { DETAIL_ZOOM } from './level-of-detail';
import { nodeTypes } from './node-types';
import { layoutInput, toFlow } from './to-flow';
import type { Position } from './layout';
import { type FlowBox, minimapCorner } from './minimap-place';
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
  /**
   * When the whole graph is too large to read, fit these nodes at first (else the first alone): the Lineage view's
   * field, its dataset and the datasets next to it on its column path, near enough to read their fields.
   */
  readonly fitFirst?: ReadonlyArray<string>;
}

const minimapColor = (node: LineageFlowNode) => `var(--kind-${node.type ?? 'dataset'})`;
/**
 * Past this many nodes only those on screen are mounted. Below it, mounting and unmounting nodes while panning costs
 * more than it saves (measured with bench/graph-view.ts).
 */
const VISIBLE_ONLY_PAST = 1000;
const MIN_ZOOM = 0.05;
/** Fitted clear of the controls on the left edge. */
const FIT = { padding: { top: '24px', right: '24px', bottom: '24px', left: '60px' }, maxZoom: 1.1 } as const;
/** The zoom the graph's search brings a node to, and a view fitting one node at first (readable, with some context). */
const FOCUS_ZOOM = 0.8;
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
  const {
    view,
    columns,
    comparison,
    selectedId,
    onSelectNode,
    actions,
    exportName,
    onExportJson,
    onPainted,
    fitAll,
    fitFirst,
  } = props;
  const wrap = useRef<HTMLDivElement>(null);
  const colorMode = useResolvedTheme();
  const timeZone = useSettings(selectTimeZone);
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
  // A small graph is laid out in its first render, before the pane is there to measure; a view that fits some nodes
  // first waits one (unpainted) render for it, else React Flow fits the whole graph.
  const [paneKnown, setPaneKnown] = useState(!fitFirst);
  useLayoutEffect(() => setPaneKnown(true), []);
  // The first viewport, computed here when the pane's size is known: nodes are drawn once at their final zoom (with
  // React Flow's fitView they are drawn at zoom 1 first, then again after it fits). The whole graph when it can be
  // read that way, else the decision's neighbourhood.
  const initialViewport = useMemo(
    () => {
      const box = wrap.current;
      if (empty || !paneKnown || !box || box.clientWidth === 0) return undefined;
      const { clientWidth: width, clientHeight: height } = box;
      const fit = (nodes: ReadonlyArray<LineageFlowNode>, maxZoom: number = FIT.maxZoom) =>
        getViewportForBounds(getNodesBounds([...nodes]), width, height, MIN_ZOOM, maxZoom, FIT.padding);
      const whole = fit(base.nodes);
      const near = base.nodes.filter((n) => n.type !== 'supernode' && n.data.node.depth <= FIT_DEPTH);
      const first = base.nodes.filter((n) => fitFirst?.includes(n.id));
      const readable = (nodes: ReadonlyArray<LineageFlowNode>) => {
        const v = fit(nodes);
        const one = nodes.filter((n) => n.id === fitFirst?.[0]);
        // One node alone, no nearer than the graph's search brings a node, so some of what is around it shows.
        return v.zoom >= DETAIL_ZOOM || one.length === 0 || nodes.length === 1 ? v : fit(one, FOCUS_ZOOM);
      };
      const { x, y, zoom } =
        whole.zoom >= DETAIL_ZOOM
          ? whole
          : first.length > 0
            ? readable(first)
            : fitAll || near.length === 0
              ? whole
              : fit(near);
      return { x, y, zoom, width, height };
    },
    // Fitted once, when the graph first appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [empty, paneKnown],
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

  const { setCenter, getZoom, getViewport, setViewport } = useReactFlow<LineageFlowNode, LineageFlowEdge>();

  // When the shape changes (expand, collapse, another moment), the node acted on stays where it was on screen.
  const [anchorId, setAnchorId] = useState<string>();
  const previous = useRef<ReadonlyMap<string, Position>>(undefined);
  useLayoutEffect(() => {
    const before = previous.current;
    previous.current = positions;
    if (!before || !positions || before === positions) return;
    // The decision, or in the Lineage view (no decision) the node browsed from: its trace's one node.
    const lineage = view.nodes.filter((n) => n.type === 'lineage');
    const home = (lineage.find((n) => n.node.kind === 'decision') ?? lineage.find((n) => n.traced))?.id;
    const id = [anchorId, selectedId, home].find((c) => c && before.has(c) && positions.has(c));
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
  // The selected node stays in sight when the pane narrows (its details open beside the graph) or it is off screen.
  useEffect(() => {
    const box = wrap.current;
    const node = selectedId ? base.nodes.find((n) => n.id === selectedId) : undefined;
    if (!box || !node || empty) return;
    const observer = new ResizeObserver(() => {
      const area = { ...node.position, width: node.width ?? NODE_WIDTH, height: node.height ?? NODE_HEIGHT };
      const next = viewportShowing(area, getViewport(), { width: box.clientWidth, height: box.clientHeight });
      if (next) void setViewport(next);
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, [selectedId, base, empty, getViewport, setViewport]);
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
      if (at) setCenter(at.x + NODE_WIDTH / 2, at.y + NODE_HEIGHT / 2, { zoom: Math.max(getZoom(), FOCUS_ZOOM) });
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
    (format: ImageFormat) =>
      exportGraphImage(
        format,
        base.nodes,
        base.edges,
        exportName,
        exportName,
        graphCaption(base.nodes, timeZone, comparison),
      ),
    [base, exportName, timeZone, comparison],
  );
  /**
   * Fits every node into the pane. Computed here rather than by React Flow's fitView, which (in a controlled flow
   * whose nodes do not change) waits for a node update that never comes and leaves the view as it was.
   */
  const showWholeGraph = useCallback(() => {
    const box = wrap.current;
    if (!box || base.nodes.length === 0) return;
    const { clientWidth: width, clientHeight: height } = box;
    const bounds = getNodesBounds(base.nodes);
    void setViewport(getViewportForBounds(bounds, width, height, MIN_ZOOM, FIT.maxZoom, FIT.padding));
  }, [base, setViewport]);
  // The node the investigator is on: keyboard focus, else the selection, else the decision.
  const [overview, setOverview] = useState(true);
  const [focusedId, setFocusedId] = useState<string>();
  const onFocus = useCallback((event: FocusEvent<HTMLDivElement>) => {
    const id = (event.target as HTMLElement).closest<HTMLElement>('.react-flow__node')?.dataset.id;
    if (id) setFocusedId(id);
  }, []);
  const focusBox = useMemo(() => {
    const id = [focusedId, selectedId].find((c) => c && positions?.has(c));
    const node = id ? base.nodes.find((n) => n.id === id) : base.nodes.find((n) => n.type === 'decision');
    return node && { ...node.position, width: node.width ?? NODE_WIDTH, height: node.height ?? NODE_HEIGHT };
  }, [focusedId, selectedId, positions, base]);
  // Requests from the command palette, carried out once the graph is drawn.
  const pending = useGraphRequests(selectPendingGraphRequest);
  useEffect(() => {
    if (!pending || empty) return;
    useGraphRequests.getState().done();
    if (pending.kind === 'focus') focusNode(pending.id, true);
    else if (pending.kind === 'fit') showWholeGraph();
    else if (pending.kind === 'overview') setOverview((shown) => !shown);
    else if (pending.format === 'json') onExportJson();
    else void onExportImage(pending.format);
  }, [pending, empty, focusNode, showWholeGraph, onExportJson, onExportImage]);
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
          <div
            className="graph-wrap"
            aria-label="Lineage graph"
            role="region"
            ref={wrap}
            onKeyDown={onKeyDown}
            onFocus={onFocus}
          >
            {empty || !paneKnown ? (
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
                colorMode={colorMode}
              >
                <DetailViewportSync store={detail} />
                <EdgeLayer nodes={base.nodes} edges={base.edges} />
                {overview && <Overview store={detail} focus={focusBox} />}
                <Controls showInteractive={false} showFitView={false}>
                  <ControlButton
                    onClick={showWholeGraph}
                    className="react-flow__controls-fitview"
                    aria-label="Fit View"
                    title="Fit View: show the whole graph"
                  >
                    <svg viewBox="0 0 16 16" aria-hidden="true">
                      <path
                        d="M1.5 5.5v-4h4M10.5 1.5h4v4M14.5 10.5v4h-4M5.5 14.5h-4v-4"
                        fill="none"
                        stroke="currentColor"
                        strokeWidth="1.5"
                      />
                    </svg>
                  </ControlButton>
                  <ControlButton
                    onClick={() => setOverview((shown) => !shown)}
                    aria-label={overview ? 'Hide the overview' : 'Show the overview'}
                    title={overview ? 'Hide the overview' : 'Show the overview'}
                    aria-pressed={overview}
                  >
                    <svg viewBox="0 0 16 16" aria-hidden="true">
                      <rect x="1.5" y="3" width="13" height="10" rx="1" fill="none" stroke="currentColor" />
                      <rect x="8" y="8" width="5" height="3.5" fill="currentColor" />
                    </svg>
                  </ControlButton>
                </Controls>
              </ReactFlow>
            )}
          </div>
          <GraphLegend comparing={Boolean(comparison)} stale={laid !== undefined && !laid.current} />
        </div>
      </DetailViewportContext.Provider>
    </GraphActionsContext.Provider>
  );
}

/** The overview, in a corner where it does not cover the focused node (none when every corner would). */
function Overview({ store, focus }: { readonly store: DetailViewport; readonly focus?: FlowBox }) {
  const view = useSyncExternalStore(store.subscribe, store.get, store.get);
  const corner = minimapCorner(view, focus);
  if (!corner) return null;
  return (
    <MiniMap<LineageFlowNode>
      pannable
      zoomable
      position={corner}
      nodeColor={minimapColor}
      ariaLabel="Lineage graph overview"
    />
  );
}
