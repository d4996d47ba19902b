/**
 * Every operation the explorer sends, in one place: `test/api/explorer-queries.test.ts` validates each against
 * the schema, runs it on both page sizes the explorer uses, and checks its cost stays within the API's limits.
 */

export const PAGE_SIZE = 20;

export const SEARCH_PAPERS = `query SearchPapers($query: String, $conceptTypes: [ConceptType!], $first: Int, $after: String) {
  papers(query: $query, conceptTypes: $conceptTypes, first: $first, after: $after, sort: TITLE) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id title published concepts { role concept { id name type } } }
  }
}`;

export const SEARCH_CONCEPTS = `query SearchConcepts($query: String, $type: ConceptType, $first: Int, $after: String) {
  concepts(query: $query, type: $type, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id name type aliases paperCount }
  }
}`;

/** The paper view: the paper, its concepts with every mention, and its related papers with the reasons. */
export const PAPER = `query Paper($id: ID!, $related: Int) {
  paper(id: $id) {
    id title abstract url published authors codeLinks
    concepts {
      role confidence evidence
      mentions { field start end text }
      concept { id name type aliases paperCount }
    }
    related(first: $related) {
      score conceptScore textScore
      paper { id title published }
      sharedConcepts { weight concept { id name type } }
      sharedTerms { term weight }
    }
  }
}`;

export const CONCEPT = `query Concept($id: ID!, $first: Int, $after: String) {
  concept(id: $id) {
    id name type aliases paperCount
    broader { id name type }
    narrower { id name type }
    papers(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id title published }
    }
    related(first: 20) { count concept { id name type } }
    timeline(granularity: YEAR) { period count }
  }
}`;

export const CONCEPT_PAPERS = `query ConceptPapers($id: ID!, $first: Int, $after: String) {
  concept(id: $id) {
    id
    papers(first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { id title published }
    }
  }
}`;

/** A paper's neighbourhood for the graph: its concepts, and related papers through the concepts they share (or their words). */
export const PAPER_NEIGHBOURHOOD = `query PaperNeighbourhood($id: ID!, $related: Int) {
  paper(id: $id) {
    id title
    concepts { mentions { start } concept { id name type } }
    related(first: $related) {
      score textScore
      paper { id title }
      sharedConcepts { weight concept { id name type } }
    }
  }
}`;

/** A concept's neighbourhood for the graph: its papers and the concepts it co-occurs with. */
export const CONCEPT_NEIGHBOURHOOD = `query ConceptNeighbourhood($id: ID!, $papers: Int, $related: Int) {
  concept(id: $id) {
    id name type
    papers(first: $papers) { nodes { id title } }
    related(first: $related) { count concept { id name type } }
  }
}`;

/** What a dashboard sends: counts, papers per year, the top concepts of each type, METHOD × DATASET co-occurrence. */
export const DASHBOARD = `query Dashboard($top: Int = 8, $matrix: Int = 10) {
  stats {
    papers concepts mentions
    byType { type count }
    timeline(granularity: YEAR) { period count }
  }
  methods: topConcepts(type: METHOD, first: $top) { id name type paperCount }
  tasks: topConcepts(type: TASK, first: $top) { id name type paperCount }
  datasets: topConcepts(type: DATASET, first: $top) { id name type paperCount }
  metrics: topConcepts(type: METRIC, first: $top) { id name type paperCount }
  cooccurrence(rowType: METHOD, columnType: DATASET, first: $matrix) {
    rows { id name type }
    columns { id name type }
    counts
  }
}`;
