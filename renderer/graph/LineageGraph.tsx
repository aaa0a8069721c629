import { Controls, MiniMap, type OnSelectionChangeParams, ReactFlow } from '@xyflow/react';
import { useCallback, useMemo } from 'react';
import type { TraceResult } from '../../shared/analysis/types';
import { FIT_DEPTH, type LineageFlowEdge, type LineageFlowNode } from './flow-types';
import { nodeTypes } from './node-types';
import { toFlow } from './to-flow';

interface Props {
  readonly trace: TraceResult;
  readonly onSelectNode: (nodeId: string | undefined) => void;
}

const minimapColor = (node: LineageFlowNode) => `var(--kind-${node.type ?? 'dataset'})`;

/**
 * The decision's upstream lineage, laid out left to right. Nodes are read-only; clicking a node (or focusing
 * it and pressing Enter) selects it and shows its details beside the graph.
 */
export function LineageGraph({ trace, onSelectNode }: Props) {
  const { nodes, edges } = useMemo(() => toFlow(trace), [trace]);
  // Fit the decision's neighbourhood first; the user pans or zooms out to see further upstream.
  const fitViewOptions = useMemo(
    () => ({
      nodes: nodes.filter((n) => n.data.node.depth <= FIT_DEPTH).map((n) => ({ id: n.id })),
      padding: 0.12,
      maxZoom: 1.1,
    }),
    [nodes],
  );
  const onSelectionChange = useCallback(
    ({ nodes: selected }: OnSelectionChangeParams<LineageFlowNode, LineageFlowEdge>) => {
      if (selected[0]) onSelectNode(selected[0].id);
    },
    [onSelectNode],
  );

  return (
    <div className="graph-wrap" aria-label="Lineage graph" role="region">
      <ReactFlow<LineageFlowNode, LineageFlowEdge>
        defaultNodes={nodes}
        defaultEdges={edges}
        nodeTypes={nodeTypes}
        onSelectionChange={onSelectionChange}
        nodesDraggable
        nodesConnectable={false}
        edgesFocusable={false}
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.1}
        proOptions={{ hideAttribution: false }}
      >
        <MiniMap<LineageFlowNode> pannable zoomable nodeColor={minimapColor} ariaLabel="Lineage graph overview" />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
