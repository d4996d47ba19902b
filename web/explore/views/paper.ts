import { gql } from '../api.js';
import { append, h, link, type Child } from '../dom.js';
import { highlightSegments } from '../highlight.js';
import { PAPER } from '../queries.js';
import { TYPE_COLOURS, explorePath, type ConceptRef, type Mention, type PaperRef } from '../types.js';
import { conceptChip, errorBox, legend, typeBadge } from '../widgets.js';
import type { ViewContext } from './view-context.js';

interface PaperConcept {
  role: 'PROPOSED' | 'USED';
  confidence: number;
  evidence: string;
  mentions: Mention[];
  concept: ConceptRef & { aliases: string[]; paperCount: number };
}
interface RelatedPaper {
  score: number;
  conceptScore: number;
  textScore: number;
  paper: PaperRef;
  sharedConcepts: { weight: number; concept: ConceptRef }[];
  sharedTerms: { term: string; weight: number }[];
}
interface Paper {
  id: string;
  title: string;
  abstract: string;
  url: string | null;
  published: string | null;
  authors: string[];
  codeLinks: string[];
  concepts: PaperConcept[];
  related: RelatedPaper[];
}

/** Text with every mention of `field` highlighted in place, coloured by its concept's type. */
export function highlighted(text: string, field: string, concepts: readonly PaperConcept[]): Child[] {
  const mentions = concepts.flatMap((pc) => pc.mentions.filter((m) => m.field === field).map((m) => ({ ...m, pc })));
  return highlightSegments(text, mentions).map((segment) => {
    const mention = segment.mention;
    if (!mention) return segment.text;
    const { concept, role } = mention.pc;
    return h(
      'mark',
      {
        class: `mention t-${concept.type}`,
        'data-concept': concept.id,
        'data-field': field,
        'data-start': mention.start,
        'data-end': mention.end,
        title: `${concept.name}: ${TYPE_COLOURS[concept.type].label.toLowerCase()}, ${role.toLowerCase()}`,
      },
      segment.text,
    );
  });
}

export async function renderPaper(context: ViewContext, id: string): Promise<void> {
  const data = await gql<{ paper: Paper | null }>(PAPER, { id, related: 10 });
  if (!context.isCurrent()) return;
  const paper = data.paper;
  if (!paper) {
    context.setTitle('Paper not found');
    context.main.replaceChildren(h('h1', { tabindex: '-1' }, 'Paper not found'), errorBox(`No paper has the id "${id}".`));
    return;
  }
  context.setTitle(paper.title);
  context.main.replaceChildren();
  const meta: Child[] = [
    paper.published ? h('span', {}, `Published ${paper.published}`) : null,
    paper.authors.length ? h('span', {}, paper.authors.join(', ')) : null,
    paper.url ? h('a', { href: paper.url, rel: 'noopener noreferrer' }, 'Paper link') : null,
    ...paper.codeLinks.map((url) => h('a', { href: url, rel: 'noopener noreferrer' }, 'Code')),
  ].filter(Boolean);

  append(context.main, [
    h('p', { class: 'kicker' }, 'Paper'),
    h('h1', { tabindex: '-1', class: 'paper-title' }, highlighted(paper.title, 'title', paper.concepts)),
    meta.length ? h('p', { class: 'meta' }, meta.flatMap((item, i) => (i === 0 ? [item] : [' · ', item]))) : null,
    h('p', { class: 'actions' }, link(explorePath.paperGraph(paper.id), 'Graph view'), ' · ', h('a', { href: `/graphql` }, 'Query it in GraphiQL')),
    h(
      'section',
      { 'aria-labelledby': 'abstract-h' },
      h('h2', { id: 'abstract-h' }, 'Abstract, with the concepts found in it'),
      legend(),
      h('p', { class: 'abstract' }, highlighted(paper.abstract, 'abstract', paper.concepts)),
    ),
    h('section', { 'aria-labelledby': 'concepts-h' }, h('h2', { id: 'concepts-h' }, `Concepts (${paper.concepts.length})`), conceptTable(paper.concepts)),
    h('section', { 'aria-labelledby': 'related-h' }, h('h2', { id: 'related-h' }, 'Related papers, and why'), relatedList(paper.related)),
  ]);
}

function conceptTable(concepts: PaperConcept[]): HTMLElement {
  if (concepts.length === 0) return h('p', {}, 'No concept was found in this paper.');
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'concepts' },
      h(
        'thead',
        {},
        h('tr', {}, ['Concept', 'Type', 'Role', 'Confidence', 'Mentions', 'Evidence'].map((label) => h('th', { scope: 'col' }, label))),
      ),
      h(
        'tbody',
        {},
        concepts.map((pc) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, conceptChip(pc.concept)),
            h('td', { 'data-label': 'Type' }, typeBadge(pc.concept.type)),
            h('td', { 'data-label': 'Role' }, pc.role === 'PROPOSED' ? h('strong', {}, 'proposed') : 'used'),
            h('td', { class: 'num', 'data-label': 'Confidence' }, h('meter', { min: 0, max: 1, value: pc.confidence, 'aria-label': 'confidence' }), ` ${Math.round(pc.confidence * 100)}%`),
            h('td', { class: 'num', 'data-label': 'Mentions' }, pc.mentions.length),
            h('td', { class: 'evidence', 'data-label': 'Evidence' }, pc.evidence),
          ),
        ),
      ),
    ),
  );
}

function relatedList(related: RelatedPaper[]): HTMLElement {
  if (related.length === 0) return h('p', {}, 'No other paper shares a concept or a telling word with this one.');
  return h(
    'ol',
    { class: 'related' },
    related.map((r) =>
      h(
        'li',
        { class: 'hit' },
        link(explorePath.paper(r.paper.id), r.paper.title),
        h('span', { class: 'muted' }, ` · score ${r.score.toFixed(3)} (concepts ${r.conceptScore.toFixed(2)}, words ${r.textScore.toFixed(2)})`),
        r.sharedConcepts.length
          ? h(
              'div',
              { class: 'chips', 'aria-label': 'Shared concepts' },
              h('span', { class: 'muted small' }, 'shares '),
              r.sharedConcepts.map((s) => conceptChip(s.concept, ` ${s.weight.toFixed(2)}`)),
            )
          : null,
        r.sharedTerms.length
          ? h('div', { class: 'muted small shared-terms' }, 'shared words: ', r.sharedTerms.map((t) => `${t.term} (${t.weight.toFixed(2)})`).join(', '))
          : null,
      ),
    ),
  );
}
