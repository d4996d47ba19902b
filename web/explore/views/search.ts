import { gql } from '../api.js';
import { h, link } from '../dom.js';
import { PAGE_SIZE, SEARCH_CONCEPTS, SEARCH_PAPERS } from '../queries.js';
import { CONCEPT_TYPES, TYPE_COLOURS, explorePath, isConceptType, type ConceptRef, type ConceptType } from '../types.js';
import { conceptChip, errorBox, typeBadge } from '../widgets.js';
import type { ViewContext } from './view-context.js';

interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: T[];
}
interface PaperHit {
  id: string;
  title: string;
  published: string | null;
  concepts: { role: string; concept: ConceptRef }[];
}
interface ConceptHit extends ConceptRef {
  aliases: string[];
  paperCount: number;
}

/** Search papers (full text) or concepts (name or alias), with a type filter; the form state lives in the URL. */
export async function renderSearch(context: ViewContext, params: URLSearchParams): Promise<void> {
  const q = params.get('q') ?? '';
  const kind = params.get('kind') === 'concepts' ? 'concepts' : 'papers';
  const typeParam = params.get('type');
  const type: ConceptType | undefined = isConceptType(typeParam) ? typeParam : undefined;
  context.setTitle(q ? `Search: ${q}` : 'Search');

  const input = h('input', { id: 'q', name: 'q', type: 'search', value: q, autocomplete: 'off', placeholder: 'e.g. attention, ImageNet, LLM' });
  const typeSelect = h(
    'select',
    { id: 'type', name: 'type' },
    h('option', { value: '' }, 'Any type'),
    CONCEPT_TYPES.map((t) => h('option', { value: t, selected: t === type }, TYPE_COLOURS[t].label)),
  );
  const kindRadio = (value: string, label: string) =>
    h('label', { class: 'radio' }, h('input', { type: 'radio', name: 'kind', value, checked: kind === value }), label);
  const form = h(
    'form',
    { role: 'search', class: 'search-form', 'aria-label': 'Search papers and concepts' },
    h('div', { class: 'field grow' }, h('label', { for: 'q' }, 'Search'), input),
    h('fieldset', { class: 'field' }, h('legend', {}, 'Find'), kindRadio('papers', 'Papers'), kindRadio('concepts', 'Concepts')),
    h('div', { class: 'field' }, h('label', { for: 'type' }, kind === 'papers' ? 'Mentioning a concept of type' : 'Concept type'), typeSelect),
    h('button', { type: 'submit' }, 'Search'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const next = new URLSearchParams();
    for (const name of ['q', 'kind', 'type']) {
      const value = String(data.get(name) ?? '').trim();
      if (value && !(name === 'kind' && value === 'papers')) next.set(name, value);
    }
    context.navigate(`${explorePath.home()}${next.size ? `?${next}` : ''}`);
  });
  // Changing what is searched for re-runs the search at once.
  form.addEventListener('change', (event) => {
    if ((event.target as Element).matches('input[name=kind], select')) form.requestSubmit();
  });

  const results = h('section', { class: 'results', 'aria-label': 'Results', 'aria-busy': 'true' });
  context.main.replaceChildren(
    h('h1', { tabindex: '-1' }, 'Explore the graph'),
    h('p', { class: 'lede' }, 'Search papers by the words of their title and abstract, or concepts by name or alias. ', link(explorePath.dashboard(), 'Open the dashboard'), ' for the whole graph at a glance.'),
    form,
    results,
  );

  const list = h('ol', { class: 'hits' });
  const more = h('button', { type: 'button', class: 'more' }, 'Show more');
  const count = h('p', { class: 'count' });
  let after: string | null = null;
  const loadPage = async () => {
    const variables = { query: q || null, first: PAGE_SIZE, after };
    if (kind === 'papers') {
      const data = await gql<{ papers: Page<PaperHit> }>(SEARCH_PAPERS, { ...variables, conceptTypes: type ? [type] : null });
      count.textContent = `${data.papers.totalCount.toLocaleString('en')} paper${data.papers.totalCount === 1 ? '' : 's'}`;
      for (const paper of data.papers.nodes) list.append(paperHit(paper));
      return data.papers.pageInfo;
    }
    const data = await gql<{ concepts: Page<ConceptHit> }>(SEARCH_CONCEPTS, { ...variables, type: type ?? null });
    count.textContent = `${data.concepts.totalCount.toLocaleString('en')} concept${data.concepts.totalCount === 1 ? '' : 's'}`;
    for (const concept of data.concepts.nodes) list.append(conceptHit(concept));
    return data.concepts.pageInfo;
  };
  const run = async () => {
    try {
      const pageInfo = await loadPage();
      after = pageInfo.endCursor;
      more.hidden = !pageInfo.hasNextPage;
    } catch (error) {
      results.append(errorBox(error));
    }
  };
  more.addEventListener('click', () => {
    more.disabled = true;
    void run().finally(() => (more.disabled = false));
  });
  more.hidden = true;
  results.replaceChildren(count, list, more);
  await run();
  results.setAttribute('aria-busy', 'false');
}

function paperHit(paper: PaperHit): HTMLElement {
  const proposed = paper.concepts.filter((c) => c.role === 'PROPOSED').slice(0, 4);
  const shown = proposed.length > 0 ? proposed : paper.concepts.slice(0, 4);
  return h(
    'li',
    { class: 'hit' },
    link(explorePath.paper(paper.id), paper.title),
    paper.published ? h('span', { class: 'muted' }, ` · ${paper.published.slice(0, 4)}`) : null,
    shown.length ? h('div', { class: 'chips' }, shown.map((c) => conceptChip(c.concept))) : null,
  );
}

function conceptHit(concept: ConceptHit): HTMLElement {
  return h(
    'li',
    { class: 'hit' },
    link(explorePath.concept(concept.id), concept.name),
    ' ',
    typeBadge(concept.type),
    h('span', { class: 'muted' }, ` · ${concept.paperCount} paper${concept.paperCount === 1 ? '' : 's'}`),
    concept.aliases.length ? h('div', { class: 'muted small' }, `also: ${concept.aliases.join(', ')}`) : null,
  );
}
