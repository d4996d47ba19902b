import { h, link, type Child } from './dom.js';
import { CONCEPT_TYPES, TYPE_COLOURS, explorePath, type ConceptRef, type ConceptType } from './types.js';

export function typeBadge(type: ConceptType): HTMLElement {
  return h('span', { class: `badge t-${type}` }, TYPE_COLOURS[type].label);
}

/** A concept as a link with its type colour. */
export function conceptChip(concept: ConceptRef, extra?: Child): HTMLAnchorElement {
  const chip = link(explorePath.concept(concept.id), concept.name, extra ? h('span', { class: 'chip-extra' }, extra) : null);
  chip.className = `chip t-${concept.type}`;
  chip.title = `${concept.name} (${TYPE_COLOURS[concept.type].label.toLowerCase()})`;
  return chip;
}

export function legend(extra: Child[] = [], options: { strong?: boolean } = {}): HTMLElement {
  return h(
    'ul',
    { class: `legend${options.strong ? ' strong' : ''}`, 'aria-label': 'Colour key' },
    CONCEPT_TYPES.map((type) => h('li', {}, h('span', { class: `swatch t-${type}`, 'aria-hidden': 'true' }), TYPE_COLOURS[type].label)),
    extra,
  );
}

/**
 * A bar chart as a table: readable by screen readers as rows of label and number, drawn as bars for the eye.
 */
export function barTable(caption: string, rows: { label: Child; value: number; type?: ConceptType }[], valueHeader = 'Papers'): HTMLElement {
  const max = Math.max(1, ...rows.map((row) => row.value));
  return h(
    'table',
    { class: 'bars' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, valueHeader))),
    h(
      'tbody',
      {},
      rows.map((row) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, row.label),
          h(
            'td',
            {},
            h('span', { class: 'bar-wrap' }, h('span', {
              class: `bar${row.type ? ` t-${row.type}` : ''}`,
              style: `width:${Math.max(2, (100 * row.value) / max).toFixed(1)}%`,
            })),
            h('span', { class: 'bar-value' }, row.value.toLocaleString('en')),
          ),
        ),
      ),
    ),
  );
}

/** An operation shown so a user can copy it into their own client or GraphiQL. */
export function queryBox(title: string, query: string, variables?: Record<string, unknown>): HTMLElement {
  const text = variables ? `${query}\n\n# variables: ${JSON.stringify(variables)}` : query;
  const status = h('span', { class: 'copy-status', role: 'status' });
  return h(
    'details',
    { class: 'query-box' },
    h('summary', {}, `The query: ${title}`),
    h('pre', {}, h('code', {}, text)),
    h(
      'button',
      {
        type: 'button',
        onclick: () => {
          navigator.clipboard?.writeText(query).then(
            () => (status.textContent = 'Copied.'),
            () => (status.textContent = 'Copying is not allowed here: select the text instead.'),
          );
        },
      },
      'Copy query',
    ),
    status,
  );
}

export function errorBox(error: unknown): HTMLElement {
  return h('p', { class: 'error', role: 'alert' }, error instanceof Error ? error.message : String(error));
}
