import { createHash } from 'node:crypto';
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import type { Network } from './graph.js';
import { keptByKey } from '../../platform/kept-by-key.js';

export interface PlacedNode {
  id: string;
  x: number;
  y: number;
  r: number;
}
export interface NetworkLayout {
  nodes: Map<string, PlacedNode>;
  width: number;
  height: number;
}

interface Node extends SimulationNodeDatum {
  id: string;
  r: number;
}

const laidOut = keptByKey<NetworkLayout>(32);

/**
 * The layout of this network, computed once per distinct network (issue 9: running the simulation
 * was a third of the page's CPU time, for the same picture every time). The key is everything the
 * layout reads, in order, so a changed network is laid out afresh. Callers must not change the result.
 */
export function layoutNetwork(network: Network, ticks = 300): NetworkLayout {
  const key = createHash('sha1')
    .update(JSON.stringify([ticks, network.actors.map((a) => a.id), network.links.map((l) => [l.source, l.target, l.via.length])]))
    .digest('base64');
  return laidOut(key, () => computeLayout(network, ticks));
}

/**
 * Positions by d3-force, run to rest on the server (no script in the browser): links pull
 * partners together, every node repels the others, unlinked actors drift to the rim. d3-force
 * starts from a fixed spiral and uses its own seeded random source, so the same network is laid
 * out the same way every time (and the page cache and tests see one picture).
 */
export function computeLayout(network: Network, ticks = 300): NetworkLayout {
  const degree = new Map<string, number>();
  for (const l of network.links) for (const id of [l.source, l.target]) degree.set(id, (degree.get(id) ?? 0) + l.via.length);
  const nodes: Node[] = network.actors.map((a) => ({ id: a.id, r: 5 + Math.min(10, Math.sqrt(degree.get(a.id) ?? 0) * 1.5) }));
  const links = network.links.map((l) => ({ source: l.source, target: l.target, strength: Math.min(1, 0.2 + 0.1 * l.via.length) }));
  const simulation = forceSimulation(nodes)
    .force('link', forceLink<Node, (typeof links)[number]>(links).id((d) => d.id).distance(70).strength((l) => l.strength))
    .force('charge', forceManyBody().strength(-160))
    .force('x', forceX(0).strength(0.06))
    .force('y', forceY(0).strength(0.06))
    .force('collide', forceCollide<Node>((d) => d.r + 3))
    .stop();
  simulation.tick(ticks);
  const margin = 40;
  const xs = nodes.map((n) => n.x ?? 0);
  const ys = nodes.map((n) => n.y ?? 0);
  const minX = Math.min(0, ...xs) - margin;
  const minY = Math.min(0, ...ys) - margin;
  const placed = new Map(nodes.map((n) => [n.id, { id: n.id, r: n.r, x: round((n.x ?? 0) - minX), y: round((n.y ?? 0) - minY) }]));
  return { nodes: placed, width: round(Math.max(0, ...xs) - minX + margin), height: round(Math.max(0, ...ys) - minY + margin) };
}

const round = (v: number) => Math.round(v * 10) / 10;
