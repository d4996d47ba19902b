import { gql } from '../api.js';
import { h, link } from '../dom.js';
import { DASHBOARD } from '../queries.js';
import { CONCEPT_TYPES, TYPE_COLOURS, explorePath, type ConceptRef, type ConceptType } from '../types.js';
import { barTable, conceptChip, queryBox } from '../widgets.js';
import type { ViewContext } from './view-context.js';

interface Dashboard {
  stats: {
    papers: number;
    concepts: number;
    mentions: number;
    byType: { type: ConceptType; count: number }[];
    timeline: { period: string; count: number }[];
  };
  methods: (ConceptRef & { paperCount: number })[];
  tasks: (ConceptRef & { paperCount: number })[];
  datasets: (ConceptRef & { paperCount: number })[];
  metrics: (ConceptRef & { paperCount: number })[];
  cooccurrence: { rows: ConceptRef[]; columns: ConceptRef[]; counts: number[][] };
}

const TOP_FIELD: Record<ConceptType, 'methods' | 'tasks' | 'datasets' | 'metrics'> = {
  METHOD: 'methods',
  TASK: 'tasks',
  DATASET: 'datasets',
  METRIC: 'metrics',
};

export async function renderDashboard(context: ViewContext): Promise<void> {
  context.setTitle('Dashboard');
  const variables = { top: 8, matrix: 10 };
  const data = await gql<Dashboard>(DASHBOARD, variables);
  if (!context.isCurrent()) return;
  const { stats } = data;
  context.main.replaceChildren(
    h('h1', { tabindex: '-1' }, 'Dashboard'),
    h('p', { class: 'lede' }, 'The whole graph at a glance, from the one query a dashboard would send: open it below to copy it.'),
    queryBox('Dashboard', DASHBOARD, variables),
    h(
      'section',
      { 'aria-labelledby': 'counts-h', class: 'panel' },
      h('h2', { id: 'counts-h' }, 'Counts'),
      h(
        'ul',
        { class: 'cards' },
        [
          ['Papers', stats.papers],
          ['Concepts', stats.concepts],
          ['Mentions', stats.mentions],
        ].map(([label, value]) => h('li', { class: 'card' }, h('span', { class: 'card-value' }, Number(value).toLocaleString('en')), h('span', {}, String(label)))),
      ),
      barTable('Concepts by type', stats.byType.map((t) => ({ label: TYPE_COLOURS[t.type].label, value: t.count, type: t.type })), 'Concepts'),
    ),
    h(
      'section',
      { 'aria-labelledby': 'top-h', class: 'panel' },
      h('h2', { id: 'top-h' }, 'Top concepts per type'),
      h(
        'div',
        { class: 'grid4' },
        CONCEPT_TYPES.map((type) =>
          barTable(
            `Top ${TYPE_COLOURS[type].label.toLowerCase()}s`,
            data[TOP_FIELD[type]].map((c) => ({ label: conceptChip(c), value: c.paperCount, type })),
          ),
        ),
      ),
    ),
    h('section', { 'aria-labelledby': 'heat-h', class: 'panel' }, h('h2', { id: 'heat-h' }, 'Methods × datasets'), heatmap(data.cooccurrence)),
    h(
      'section',
      { 'aria-labelledby': 'years-h', class: 'panel' },
      h('h2', { id: 'years-h' }, 'Papers per year'),
      stats.timeline.length
        ? barTable('Papers with a publication date, per year', stats.timeline.map((b) => ({ label: b.period, value: b.count })))
        : h('p', {}, 'No paper has a publication date.'),
    ),
  );
}

/** The co-occurrence matrix as a table whose cells are shaded by count. */
function heatmap(matrix: Dashboard['cooccurrence']): HTMLElement {
  if (matrix.rows.length === 0 || matrix.columns.length === 0) return h('p', {}, 'Not enough methods and datasets yet.');
  const max = Math.max(1, ...matrix.counts.flat());
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'heatmap' },
      h('caption', {}, 'Papers mentioning both the method (row) and the dataset (column)'),
      h('thead', {}, h('tr', {}, h('td', {}), matrix.columns.map((c) => h('th', { scope: 'col' }, link(explorePath.concept(c.id), c.name))))),
      h(
        'tbody',
        {},
        matrix.rows.map((row, i) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, link(explorePath.concept(row.id), row.name)),
            matrix.columns.map((column, j) => {
              const count = matrix.counts[i]?.[j] ?? 0;
              const strength = count / max;
              return h(
                'td',
                {
                  class: `cell${strength > 0.55 ? ' dark' : ''}`,
                  style: `--heat:${(count === 0 ? 0 : 0.12 + 0.88 * strength).toFixed(3)}`,
                  title: `${row.name} × ${column.name}: ${count} paper${count === 1 ? '' : 's'}`,
                },
                count === 0 ? '' : String(count),
              );
            }),
          ),
        ),
      ),
    ),
  );
}

