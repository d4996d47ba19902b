import type { Core, ElementDefinition, LayoutOptions, NodeSingular } from 'cytoscape';
import { gql } from '../api.js';
import { h, link } from '../dom.js';
import { CONCEPT_NEIGHBOURHOOD, PAPER_NEIGHBOURHOOD } from '../queries.js';
import { PAPER_COLOUR, TYPE_COLOURS, explorePath, type ConceptRef, type ConceptType } from '../types.js';
import { errorBox, legend } from '../widgets.js';
import type { ViewContext } from './view-context.js';

/** The most nodes the view draws; expanding stops adding at this bound. */
export const MAX_NODES = 300;
const RELATED_PAPERS = 8;
const CONCEPT_PAPERS = 20;
const RELATED_CONCEPTS = 15;

type Kind = 'paper' | 'concept';
interface GraphNode {
  key: string;
  kind: Kind;
  id: string;
  label: string;
  type?: ConceptType;
}
interface GraphEdge {
  source: string;
  target: string;
  weight: number;
}
interface Neighbourhood {
  center: GraphNode;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const nodeKey = (kind: Kind, id: string) => `${kind}/${id}`;
const paperNode = (paper: { id: string; title: string }): GraphNode => ({ key: nodeKey('paper', paper.id), kind: 'paper', id: paper.id, label: paper.title });
const conceptNode = (concept: ConceptRef): GraphNode => ({ key: nodeKey('concept', concept.id), kind: 'concept', id: concept.id, label: concept.name, type: concept.type });

interface PaperNeighbourhoodData {
  paper: {
    id: string;
    title: string;
    concepts: { mentions: unknown[]; concept: ConceptRef }[];
    related: { score: number; textScore: number; paper: { id: string; title: string }; sharedConcepts: { weight: number; concept: ConceptRef }[] }[];
  } | null;
}
interface ConceptNeighbourhoodData {
  concept: (ConceptRef & { papers: { nodes: { id: string; title: string }[] }; related: { count: number; concept: ConceptRef }[] }) | null;
}

/**
 * A paper, its concepts (edge weight: mentions), and related papers linked to the concepts they share (weight: IDF),
 * or to the paper itself when they share only words (weight: text score).
 */
async function paperNeighbourhood(id: string): Promise<Neighbourhood | null> {
  const { paper } = await gql<PaperNeighbourhoodData>(PAPER_NEIGHBOURHOOD, { id, related: RELATED_PAPERS });
  if (!paper) return null;
  const center = paperNode(paper);
  const nodes = [center, ...paper.concepts.map((pc) => conceptNode(pc.concept))];
  const edges = paper.concepts.map((pc) => ({ source: center.key, target: nodeKey('concept', pc.concept.id), weight: pc.mentions.length }));
  for (const related of paper.related) {
    const other = paperNode(related.paper);
    nodes.push(other);
    for (const shared of related.sharedConcepts) {
      nodes.push(conceptNode(shared.concept));
      edges.push({ source: other.key, target: nodeKey('concept', shared.concept.id), weight: shared.weight });
    }
    // Related by words alone: linked to the paper itself.
    if (related.sharedConcepts.length === 0) edges.push({ source: center.key, target: other.key, weight: related.textScore });
  }
  return { center, nodes, edges };
}

/** A concept, its papers, and the concepts it co-occurs with (edge weight: shared papers). */
async function conceptNeighbourhood(id: string): Promise<Neighbourhood | null> {
  const { concept } = await gql<ConceptNeighbourhoodData>(CONCEPT_NEIGHBOURHOOD, { id, papers: CONCEPT_PAPERS, related: RELATED_CONCEPTS });
  if (!concept) return null;
  const center = conceptNode(concept);
  const nodes = [center, ...concept.papers.nodes.map(paperNode), ...concept.related.map((r) => conceptNode(r.concept))];
  const edges = [
    ...concept.papers.nodes.map((p) => ({ source: nodeKey('paper', p.id), target: center.key, weight: 1 })),
    ...concept.related.map((r) => ({ source: center.key, target: nodeKey('concept', r.concept.id), weight: r.count })),
  ];
  return { center, nodes, edges };
}

const neighbourhood = (kind: Kind, id: string) => (kind === 'paper' ? paperNeighbourhood(id) : conceptNeighbourhood(id));

const truncate = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** Puts `node` in the middle of the canvas, zoomed out as far as needed to keep the whole graph in view. */
function centreOn(cy: Core, node: NodeSingular, container: HTMLElement): void {
  const padding = 30;
  const [width, height] = [container.clientWidth, container.clientHeight];
  cy.center(node);
  const box = cy.elements().renderedBoundingBox();
  const reach = (half: number, low: number, high: number) => (half - padding) / Math.max(half - low, high - half, 1);
  const scale = Math.min(1, reach(width / 2, box.x1, box.x2), reach(height / 2, box.y1, box.y2));
  if (scale < 1) cy.zoom({ level: cy.zoom() * scale, renderedPosition: { x: width / 2, y: height / 2 } });
}

export async function renderGraph(context: ViewContext, kind: Kind, id: string): Promise<void> {
  // cytoscape is most of the explorer's weight: loaded only when a graph is drawn.
  const [first, { default: cytoscape }] = await Promise.all([neighbourhood(kind, id), import('cytoscape')]);
  if (!context.isCurrent()) return;
  if (!first) {
    context.setTitle('Not found');
    context.main.replaceChildren(h('h1', { tabindex: '-1' }, 'Not found'), errorBox(`No ${kind} has the id "${id}".`));
    return;
  }
  context.setTitle(`Graph: ${first.center.label}`);

  const container = h('div', { class: 'graph-canvas', role: 'img', 'aria-label': `Network around ${first.center.label}; the list below has the same nodes` });
  const status = h('p', { class: 'muted', role: 'status' });
  const panel = h('div', { class: 'graph-panel', 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'Click a node for its details; double-click expands it.'));
  const nodeList = h('ul', { class: 'node-list' });
  const listCount = h('span');
  const zoomBy = (factor: number) => cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: container.clientWidth / 2, y: container.clientHeight / 2 } });
  context.main.replaceChildren(
    h('p', { class: 'kicker' }, `Graph view · ${kind}`),
    h('h1', { tabindex: '-1' }, truncate(first.center.label, 120)),
    h('p', { class: 'actions' }, link(kind === 'paper' ? explorePath.paper(id) : explorePath.concept(id), `Back to the ${kind}`)),
    legend([h('li', {}, h('span', { class: 'swatch paper', 'aria-hidden': 'true' }), 'Paper'), h('li', { class: 'muted' }, 'edge width: weight')], { strong: true }),
    h(
      'div',
      { class: 'toolbar', role: 'toolbar', 'aria-label': 'Graph controls' },
      h('button', { type: 'button', onclick: () => zoomBy(1.25) }, 'Zoom in'),
      h('button', { type: 'button', onclick: () => zoomBy(0.8) }, 'Zoom out'),
      h('button', { type: 'button', onclick: () => cy.fit(undefined, 30) }, 'Fit'),
      status,
    ),
    h('div', { class: 'graph-layout' }, container, panel),
    h('details', { class: 'node-details' }, h('summary', {}, 'Nodes in this view (', listCount, ')'), nodeList),
  );

  const cy: Core = cytoscape({
    container,
    minZoom: 0.15,
    maxZoom: 4,
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(short)',
          'font-size': 10,
          'text-valign': 'bottom',
          'text-margin-y': 3,
          'text-wrap': 'ellipsis',
          'text-max-width': '110px',
          color: '#1f2328',
          'text-outline-color': '#ffffff',
          'text-outline-width': 2,
          width: 18,
          height: 18,
          'background-color': 'data(colour)',
          'border-width': 1,
          'border-color': '#ffffff',
        },
      },
      { selector: 'node[kind = "paper"]', style: { shape: 'round-rectangle', width: 16, height: 20 } },
      { selector: 'node.center', style: { width: 30, height: 30, 'border-width': 3, 'border-color': '#111111', 'font-weight': 'bold' } },
      { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#111111', 'border-style': 'dashed' } },
      { selector: 'node:selected', style: { 'overlay-color': '#f0b400', 'overlay-opacity': 0.35, 'overlay-padding': 6 } },
      {
        selector: 'edge',
        style: { width: 'data(width)', 'line-color': '#9aa4b2', opacity: 0.75, 'curve-style': 'haystack' },
      },
    ],
  });

  const expanded = new Set<string>();
  const merge = (hood: Neighbourhood): number => {
    const added: ElementDefinition[] = [];
    let nodes = cy.nodes().length;
    let dropped = 0;
    for (const node of hood.nodes) {
      if (cy.getElementById(node.key).nonempty() || added.some((a) => a.data.id === node.key)) continue;
      if (nodes >= MAX_NODES) {
        dropped += 1;
        continue;
      }
      nodes += 1;
      added.push({
        group: 'nodes',
        data: {
          id: node.key,
          kind: node.kind,
          ref: node.id,
          label: node.label,
          short: truncate(node.label, 40),
          type: node.type ?? '',
          colour: node.type ? TYPE_COLOURS[node.type].strong : PAPER_COLOUR,
        },
      });
    }
    const present = (key: string) => cy.getElementById(key).nonempty() || added.some((a) => a.data.id === key);
    const maxWeight = Math.max(1, ...hood.edges.map((e) => e.weight));
    for (const edge of hood.edges) {
      const key = [edge.source, edge.target].sort().join('|');
      if (!present(edge.source) || !present(edge.target) || present(key)) continue;
      added.push({ group: 'edges', data: { id: key, source: edge.source, target: edge.target, weight: edge.weight, width: 1 + (7 * edge.weight) / maxWeight } });
    }
    cy.add(added);
    return dropped;
  };

  const refresh = (dropped: number) => {
    const nodes = cy.nodes();
    container.dataset['nodes'] = String(nodes.length);
    container.dataset['edges'] = String(cy.edges().length);
    status.textContent = `${nodes.length} nodes, ${cy.edges().length} edges${dropped > 0 ? ` (limit of ${MAX_NODES} nodes reached: ${dropped} not drawn)` : ''}`;
    listCount.textContent = String(nodes.length);
    nodeList.replaceChildren(
      ...nodes
        .toArray()
        .map((element) => element as NodeSingular)
        .sort((a, b) => String(a.data('kind')).localeCompare(String(b.data('kind'))) || String(a.data('label')).localeCompare(String(b.data('label'))))
        .map((node) =>
          h(
            'li',
            {},
            link(openPath(node), String(node.data('label'))),
            ` (${node.data('type') ? TYPE_COLOURS[node.data('type') as ConceptType].label.toLowerCase() : 'paper'}) `,
            expanded.has(node.id()) ? null : h('button', { type: 'button', class: 'small', onclick: () => void expand(node) }, 'Expand'),
          ),
        ),
    );
  };

  const layout = () => cy.layout({ name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 16000, idealEdgeLength: () => 90, nodeOverlap: 40, nodeDimensionsIncludeLabels: true, padding: 30 } as LayoutOptions).run();

  const openPath = (node: NodeSingular) => (node.data('kind') === 'paper' ? explorePath.paper(String(node.data('ref'))) : explorePath.concept(String(node.data('ref'))));

  async function expand(node: NodeSingular): Promise<void> {
    if (expanded.has(node.id())) return;
    expanded.add(node.id());
    node.addClass('expanded');
    status.textContent = `Expanding ${String(node.data('label'))}…`;
    try {
      const hood = await neighbourhood(node.data('kind') as Kind, String(node.data('ref')));
      const dropped = hood ? merge(hood) : 0;
      layout();
      refresh(dropped);
      showPanel(node);
    } catch (error) {
      panel.replaceChildren(errorBox(error));
    }
  }

  function showPanel(node: NodeSingular): void {
    const type = node.data('type') as ConceptType | '';
    panel.replaceChildren(
      h('h2', {}, String(node.data('label'))),
      h('p', {}, type ? `${TYPE_COLOURS[type].label} · ${node.degree(false)} links here` : `Paper · ${node.degree(false)} links here`),
      h(
        'p',
        { class: 'actions' },
        link(openPath(node), `Open the ${node.data('kind') as string}`),
        ' ',
        expanded.has(node.id()) ? h('span', { class: 'muted' }, '(expanded)') : h('button', { type: 'button', onclick: () => void expand(node) }, 'Expand'),
      ),
    );
  }

  cy.on('tap', 'node', (event) => showPanel(event.target as NodeSingular));
  cy.on('dbltap', 'node', (event) => void expand(event.target as NodeSingular));

  const dropped = merge(first);
  expanded.add(first.center.key);
  const center = cy.getElementById(first.center.key).addClass('center');
  // First drawing: rings around the centre (its neighbours, then theirs), which fills the canvas evenly; later
  // expansions let the force-directed layout move on from there.
  const neighbours = center.neighborhood('node');
  cy.layout({
    name: 'concentric',
    concentric: (node: NodeSingular) => (node.same(center) ? 3 : neighbours.contains(node) ? 2 : 1),
    levelWidth: () => 1,
    minNodeSpacing: 24,
    padding: 30,
    animate: false,
  } as LayoutOptions).run();
  centreOn(cy, center, container);
  refresh(dropped);
}
