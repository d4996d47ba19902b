import * as explorer from '../../web/explore/queries.js';

/** Every operation the explorer sends, with the largest variables it sends them with, about one paper and one concept. */
export function explorerOperations(ids: { paperId: string; conceptId: string }): { name: string; query: string; variables: Record<string, unknown> }[] {
  const { paperId, conceptId } = ids;
  return [
    { name: 'search papers', query: explorer.SEARCH_PAPERS, variables: { query: 'attention', conceptTypes: ['METHOD'], first: explorer.PAGE_SIZE } },
    { name: 'search concepts', query: explorer.SEARCH_CONCEPTS, variables: { query: 'flash', type: 'METHOD', first: explorer.PAGE_SIZE } },
    { name: 'paper', query: explorer.PAPER, variables: { id: paperId, related: 10 } },
    { name: 'concept', query: explorer.CONCEPT, variables: { id: conceptId, first: explorer.PAGE_SIZE } },
    { name: 'concept papers', query: explorer.CONCEPT_PAPERS, variables: { id: conceptId, first: explorer.PAGE_SIZE } },
    { name: 'paper neighbourhood', query: explorer.PAPER_NEIGHBOURHOOD, variables: { id: paperId, related: 8 } },
    { name: 'concept neighbourhood', query: explorer.CONCEPT_NEIGHBOURHOOD, variables: { id: conceptId, papers: 20, related: 15 } },
    { name: 'dashboard', query: explorer.DASHBOARD, variables: { top: 8, matrix: 10 } },
  ];
}
