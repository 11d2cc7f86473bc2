import type { ImpactResponse } from '@release-management/plugin-release-management-common';

/** Beyond this many nodes a drawn graph stops being readable. */
export const MAX_DRAWN_NODES = 60;

/**
 * Nodes and edges of the impact graph: the scope (roots) and every impacted
 * entity, joined along the path that reaches each one. The nearest entities
 * are kept when there are too many to draw.
 */
export function impactGraph(impact: ImpactResponse, limit = MAX_DRAWN_NODES) {
  const nearest = [...impact.entities]
    .sort((a, b) => a.depth - b.depth)
    .slice(0, Math.max(0, limit - impact.roots.length));
  const ids = new Set([...impact.roots, ...nearest.map(e => e.entityRef)]);
  const edges = new Map<string, { from: string; to: string; label: string }>();
  for (const entity of nearest) {
    for (let i = 1; i < entity.path.length; i++) {
      const from = entity.path[i - 1];
      const to = entity.path[i];
      if (!ids.has(from) || !ids.has(to)) continue;
      const isLastHop = i === entity.path.length - 1;
      const key = `${from}→${to}`;
      if (!edges.has(key) || isLastHop) {
        edges.set(key, { from, to, label: isLastHop ? entity.via : '' });
      }
    }
  }
  return {
    nodes: [...ids].map(id => ({ id })),
    edges: [...edges.values()],
    hidden: impact.roots.length + impact.entities.length - ids.size,
  };
}
