import {
  DependencyGraph,
  DependencyGraphTypes,
} from '@backstage/core-components';
import type { ExplorerResponse } from '@release-management/plugin-release-management-common';
import { useTheme } from '@material-ui/core/styles';
import { useMemo } from 'react';

/**
 * The entities of a system or domain and their relations, laid out by the
 * core DependencyGraph (dagre), with cycles drawn as they are.
 */
export const ExplorerGraph = ({ explorer }: { explorer: ExplorerResponse }) => {
  const { palette } = useTheme();
  const { nodes, edges } = useMemo(() => {
    const inCycle = new Set(explorer.cycles.flat());
    return {
      nodes: explorer.entities.map(e => ({
        id: e.entityRef,
        title: e.title ?? e.entityRef,
        inCycle: inCycle.has(e.entityRef),
      })),
      edges: explorer.edges.map(e => ({
        from: e.from,
        to: e.to,
        label: e.relation,
      })),
    };
  }, [explorer]);

  return (
    <DependencyGraph
      nodes={nodes}
      edges={edges}
      direction={DependencyGraphTypes.Direction.LEFT_RIGHT}
      labelPosition={DependencyGraphTypes.LabelPosition.RIGHT}
      labelOffset={4}
      rankMargin={80}
      zoom="enable-on-click"
      fit="contain"
      renderNode={({ node }) => (
        <g>
          <rect
            width={200}
            height={32}
            rx={6}
            fill={palette.background.paper}
            stroke={node.inCycle ? palette.error.main : palette.primary.main}
            strokeWidth={node.inCycle ? 2 : 1}
          />
          <text
            x={100}
            y={20}
            textAnchor="middle"
            fontSize={12}
            fill={palette.text.primary}
          >
            {node.title.length > 30
              ? `${node.title.slice(0, 29)}…`
              : node.title}
          </text>
          <title>{node.id}</title>
        </g>
      )}
    />
  );
};
