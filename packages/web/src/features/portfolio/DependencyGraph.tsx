import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortfolioResult } from '@flow-forecaster/engine';
import type { FeatureRow } from './form';
import { BAD, GOOD, INK, MUTED } from './colours';
import { chainOf, graphLayout, type GraphLayout, type GraphNode } from './graph';

const NODE_W = 120;
const NODE_H = 28;
const COL = 170;
const ROW = 42;
const PAD = 8;
const BLOCKER = '#b45309';
const WAITER = '#1d4ed8';

type Chain = ReturnType<typeof chainOf> | null;

const x = (c: number) => PAD + c * COL;
const y = (r: number) => PAD + r * ROW;

/**
 * Features and what they wait for, left to right: a feature sits right of everything it
 * waits for. Choosing a feature (hover on the drawing, or its button in the list, which
 * keyboard and screen-reader users reach) highlights what blocks it and what it blocks.
 */
export function DependencyGraph({
  features,
  result,
}: {
  features: readonly FeatureRow[];
  result: PortfolioResult | null;
}) {
  const { t } = useTranslation();
  const layout = useMemo(() => graphLayout(features), [features]);
  const [chosen, setChosen] = useState<string | null>(null);
  if (!layout) return null;
  const active = chosen !== null && layout.nodes.some((n) => n.name === chosen) ? chosen : null;
  const chain = active ? chainOf(layout, active) : null;
  const status = new Map(result?.features.map((f) => [f.name, f.inCutLine]) ?? []);
  const list = (names: string[]) =>
    names.length > 0 ? names.join(', ') : t('portfolio.graphNothing');
  return (
    <section aria-labelledby="pf-graph-title" data-testid="pf-graph">
      <h2 id="pf-graph-title">{t('portfolio.graphTitle')}</h2>
      <p className="field__hint" id="pf-graph-desc">
        {t('portfolio.graphDesc')}
      </p>
      <div style={{ overflowX: 'auto' }}>
        <GraphDrawing
          layout={layout}
          focus={{ active, chain }}
          status={status}
          onChoose={setChosen}
        />
      </div>
      {active && (
        <p className="field__hint" role="status" data-testid="pf-graph-chosen">
          {t('portfolio.graphChosen', {
            name: active,
            blockers: list([...(chain?.up ?? [])]),
            waiting: list([...(chain?.down ?? [])]),
          })}
        </p>
      )}
      <ul className="graph-list" data-testid="pf-graph-list">
        {layout.nodes
          .filter((n) => n.waitsFor.length > 0 || n.blocks.length > 0)
          .map((n) => (
            <li key={n.name}>
              <button
                type="button"
                className="btn btn--small"
                aria-pressed={n.name === active}
                onClick={() => setChosen(n.name === active ? null : n.name)}
              >
                {t('portfolio.graphNode', {
                  name: n.name,
                  waits: list(n.waitsFor),
                  blocks: list(n.blocks),
                })}
              </button>
            </li>
          ))}
      </ul>
    </section>
  );
}

/** The SVG: an arrow per dependency, then a box per feature coloured by its cut-line status. */
function GraphDrawing({
  layout,
  focus: { active, chain },
  status,
  onChoose,
}: {
  layout: GraphLayout;
  /** The chosen feature, if any, and what blocks it and what it blocks. */
  focus: { active: string | null; chain: Chain };
  status: Map<string, boolean | null>;
  onChoose: (name: string | null) => void;
}) {
  const width = layout.columns * COL - (COL - NODE_W) + 2 * PAD;
  const height = layout.rows * ROW - (ROW - NODE_H) + 2 * PAD;
  const at = (name: string) => layout.nodes.find((n) => n.name === name)!;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-labelledby="pf-graph-title pf-graph-desc"
      data-testid="pf-graph-svg"
    >
      <defs>
        <marker
          id="pf-arrow"
          viewBox="0 0 10 10"
          refX="10"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" fill={MUTED} />
        </marker>
      </defs>
      {layout.edges.map((e) => (
        <GraphEdge
          key={`${e.from}→${e.to}`}
          from={at(e.from)}
          to={at(e.to)}
          active={active}
          chain={chain}
        />
      ))}
      {layout.nodes.map((n) => (
        <GraphNodeBox
          key={n.name}
          node={n}
          active={active}
          chain={chain}
          inCutLine={status.get(n.name)}
          onChoose={onChoose}
        />
      ))}
    </svg>
  );
}

/** One dependency arrow, drawn bold when it lies on the chosen feature's chain. */
function GraphEdge({
  from: a,
  to: b,
  active,
  chain,
}: {
  from: GraphNode;
  to: GraphNode;
  active: string | null;
  chain: Chain;
}) {
  const x1 = x(a.column) + NODE_W;
  const y1 = y(a.row) + NODE_H / 2;
  const x2 = x(b.column);
  const y2 = y(b.row) + NODE_H / 2;
  const mid = (x1 + x2) / 2;
  const lit =
    active !== null &&
    (b.name === active || chain?.up.has(b.name) || a.name === active || chain?.down.has(a.name));
  return (
    <path
      data-edge={`${a.name}→${b.name}`}
      data-lit={lit ? 'true' : 'false'}
      d={`M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`}
      fill="none"
      stroke={lit ? INK : MUTED}
      strokeWidth={lit ? 2.5 : 1.2}
      opacity={active && !lit ? 0.3 : 1}
      markerEnd="url(#pf-arrow)"
    />
  );
}

/** One feature's box: its role on the chosen chain sets the border, its status the colour. */
function GraphNodeBox({
  node: n,
  active,
  chain,
  inCutLine,
  onChoose,
}: {
  node: GraphNode;
  active: string | null;
  chain: Chain;
  inCutLine: boolean | null | undefined;
  onChoose: (name: string | null) => void;
}) {
  const role =
    n.name === active
      ? 'chosen'
      : chain?.up.has(n.name)
        ? 'blocker'
        : chain?.down.has(n.name)
          ? 'waiting'
          : 'none';
  const stroke =
    role === 'chosen' ? INK : role === 'blocker' ? BLOCKER : role === 'waiting' ? WAITER : null;
  const fill = inCutLine === true ? GOOD : inCutLine === false ? BAD : MUTED;
  return (
    <g
      data-node={n.name}
      data-role={role}
      opacity={active && role === 'none' ? 0.35 : 1}
      onMouseEnter={() => onChoose(n.name)}
      onMouseLeave={() => onChoose(null)}
    >
      <rect
        x={x(n.column)}
        y={y(n.row)}
        width={NODE_W}
        height={NODE_H}
        rx={5}
        fill="#ffffff"
        stroke={stroke ?? fill}
        strokeWidth={stroke ? 3 : 1.5}
      />
      <rect x={x(n.column)} y={y(n.row)} width={5} height={NODE_H} fill={fill} />
      <text
        x={x(n.column) + 12}
        y={y(n.row) + NODE_H / 2}
        dominantBaseline="middle"
        fontSize="12"
        fill={INK}
      >
        {n.name.length > 15 ? `${n.name.slice(0, 14)}…` : n.name}
      </text>
    </g>
  );
}
