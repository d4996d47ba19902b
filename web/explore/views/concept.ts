import { gql } from '../api.js';
import { h, link } from '../dom.js';
import { CONCEPT, CONCEPT_PAPERS, PAGE_SIZE } from '../queries.js';
import { TYPE_COLOURS, explorePath, type ConceptRef, type PaperRef } from '../types.js';
import { barTable, conceptChip, errorBox, typeBadge } from '../widgets.js';
import type { ViewContext } from './view-context.js';

interface PaperPage {
  totalCount?: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: PaperRef[];
}
interface Concept extends ConceptRef {
  aliases: string[];
  paperCount: number;
  broader: ConceptRef | null;
  narrower: ConceptRef[];
  papers: PaperPage & { totalCount: number };
  related: { count: number; concept: ConceptRef }[];
  timeline: { period: string; count: number }[];
}

export async function renderConcept(context: ViewContext, id: string): Promise<void> {
  const data = await gql<{ concept: Concept | null }>(CONCEPT, { id, first: PAGE_SIZE });
  if (!context.isCurrent()) return;
  const concept = data.concept;
  if (!concept) {
    context.setTitle('Concept not found');
    context.main.replaceChildren(h('h1', { tabindex: '-1' }, 'Concept not found'), errorBox(`No concept has the id "${id}".`));
    return;
  }
  context.setTitle(concept.name);

  const papers = h('ol', { class: 'hits' });
  const more = h('button', { type: 'button', class: 'more' }, 'Show more papers');
  let after = concept.papers.pageInfo.endCursor;
  const addPage = (page: PaperPage) => {
    for (const paper of page.nodes) {
      papers.append(h('li', { class: 'hit' }, link(explorePath.paper(paper.id), paper.title), paper.published ? h('span', { class: 'muted' }, ` · ${paper.published.slice(0, 4)}`) : null));
    }
    after = page.pageInfo.endCursor;
    more.hidden = !page.pageInfo.hasNextPage;
  };
  addPage(concept.papers);
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      const next = await gql<{ concept: { papers: PaperPage } | null }>(CONCEPT_PAPERS, { id, first: PAGE_SIZE, after });
      if (next.concept) addPage(next.concept.papers);
    } catch (error) {
      more.after(errorBox(error));
    } finally {
      more.disabled = false;
    }
  });

  const facts: [string, HTMLElement | string][] = [
    ['Type', typeBadge(concept.type)],
    ['Also called', concept.aliases.length ? concept.aliases.join(', ') : '—'],
    ['Papers', String(concept.paperCount)],
    ['Broader', concept.broader ? conceptChip(concept.broader) : '—'],
    ['Narrower', concept.narrower.length ? h('span', { class: 'chips' }, concept.narrower.map((c) => conceptChip(c))) : '—'],
  ];
  context.main.replaceChildren(
    h('p', { class: 'kicker' }, `Concept · ${TYPE_COLOURS[concept.type].label}`),
    h('h1', { tabindex: '-1' }, concept.name),
    h('dl', { class: 'facts' }, facts.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])),
    h('p', { class: 'actions' }, link(explorePath.conceptGraph(concept.id), 'Graph view')),
    h(
      'div',
      { class: 'columns' },
      h(
        'section',
        { 'aria-labelledby': 'papers-h' },
        h('h2', { id: 'papers-h' }, `Papers (${concept.papers.totalCount})`),
        papers,
        more,
      ),
      h(
        'section',
        { 'aria-labelledby': 'related-h' },
        h('h2', { id: 'related-h' }, 'Co-occurring concepts'),
        concept.related.length
          ? barTable(
              'Concepts mentioned in the same papers',
              concept.related.map((r) => ({ label: conceptChip(r.concept), value: r.count, type: r.concept.type })),
              'Shared papers',
            )
          : h('p', {}, 'None.'),
        h('h2', { id: 'timeline-h' }, 'Timeline'),
        concept.timeline.length
          ? barTable('Papers per year (papers with a date)', concept.timeline.map((t) => ({ label: t.period, value: t.count, type: concept.type })))
          : h('p', {}, 'None of its papers has a publication date.'),
      ),
    ),
  );
}
