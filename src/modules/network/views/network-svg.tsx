import type { T } from '../../../platform/i18n/i18n.js';
import type { Network } from '../graph.js';
import type { NetworkLayout } from '../layout.js';

/**
 * The network as a server-rendered SVG picture. It is one image for assistive technology (its
 * title and description say what it shows); the table beside it carries the same links as data.
 */
export function NetworkSvg(p: { t: T; network: Network; layout: NetworkLayout }) {
  const { t, network, layout } = p;
  const names = new Map(network.actors.map((a) => [a.id, a.name]));
  return (
    <svg class="network-graph" viewBox={`0 0 ${layout.width} ${layout.height}`} role="img" aria-labelledby="network-svg-title network-svg-desc" xmlns="http://www.w3.org/2000/svg">
      <title id="network-svg-title">{t('network.graph_title')}</title>
      <desc id="network-svg-desc">{t('network.graph_desc', { actors: network.actors.length, links: network.links.length, unlinked: network.unlinked.size })}</desc>
      <g class="network-links">
        {network.links.map((l) => {
          const a = layout.nodes.get(l.source)!;
          const b = layout.nodes.get(l.target)!;
          return <line x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke-width={Math.min(6, 0.8 + l.via.length * 0.6)} />;
        })}
      </g>
      <g class="network-nodes">
        {network.actors.map((actor) => {
          const n = layout.nodes.get(actor.id)!;
          const alone = network.unlinked.has(actor.id);
          return (
            <g class={alone ? 'network-node network-node--alone' : 'network-node'}>
              <circle cx={n.x} cy={n.y} r={n.r}>
                <title>{alone ? t('network.node_alone', { name: actor.name }) : names.get(actor.id)}</title>
              </circle>
              <text x={n.x + n.r + 2} y={n.y + 3}>
                {shortName(actor.name)}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}

/** Labels stay short in the picture; the full name is in the node's tooltip and in the table. */
function shortName(name: string): string {
  const cut = name.split(/ – | \(|, /)[0]!;
  return cut.length > 28 ? `${cut.slice(0, 26)}…` : cut;
}
