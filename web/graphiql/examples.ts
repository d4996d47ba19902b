/**
 * The operations GraphiQL opens as its default tabs; they double as a tour of the schema. Each is named, since
 * GraphiQL titles a tab with its operation name. `test/api/query-examples.test.ts` runs them all.
 */
export interface QueryExample {
  query: string;
  variables?: Record<string, unknown>;
  /** The headers editor's content for the tab, e.g. where the API key goes. */
  headers?: Record<string, string>;
}

export const QUERY_EXAMPLES: readonly QueryExample[] = [
  {
    query: `# Papers with their concepts (Ctrl+Enter runs, Ctrl+Space completes; docs in the sidebar)
query Papers($first: Int, $query: String) {
  papers(first: $first, query: $query, sort: TITLE) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        id
        title
        concepts { role concept { name type } }
      }
    }
  }
}`,
    variables: { first: 5, query: null },
  },
  {
    query: `# Related papers, and why
query Related($first: Int) {
  papers(first: $first, sort: MOST_CONCEPTS) {
    nodes {
      id
      title
      related(first: 3, minShared: 1) {
        score
        paper { id title }
        sharedConcepts { weight concept { name type } }
      }
    }
  }
}`,
    variables: { first: 2 },
  },
  {
    query: `# Dashboard: counts, papers per year, top methods, METHOD × DATASET co-occurrence
query Dashboard {
  stats { papers concepts mentions byType { type count } timeline(granularity: YEAR) { period count } }
  topConcepts(type: METHOD, first: 10) { name paperCount aliases }
  cooccurrence(rowType: METHOD, columnType: DATASET, first: 5) {
    rows { name }
    columns { name }
    counts
  }
}`,
  },
  {
    query: `# A concept by name or alias
query Concept($name: String!) {
  conceptByName(name: $name) {
    id name type aliases paperCount
    related(first: 5) { count concept { name type } }
    broader { name }
    narrower { name }
    timeline(granularity: YEAR) { period count }
    papers(first: 5) { edges { node { title } } }
  }
}`,
    variables: { name: 'Transformer' },
  },
  {
    query: `# Extract concepts from a text (stores nothing)
query Extract($text: String!) {
  extract(text: $text) {
    concepts { name type role confidence aliases mentions { field start end text } }
    codeLinks
  }
}`,
    variables: {
      text: 'We propose FlashAttention-2, a faster Transformer attention kernel, and evaluate it on ImageNet by accuracy.',
    },
  },
  {
    query: `# Ingest a paper: put the server's PAPERGRAPH_API_KEY in the Headers editor below
mutation Ingest($papers: [PaperInput!]!) {
  ingestPapers(papers: $papers) {
    ingested
    errors { index message }
    papers { id title concepts { concept { name type } } }
  }
}`,
    variables: {
      papers: [{ title: 'A test paper', abstract: 'We use a Transformer for language modeling and report perplexity.' }],
    },
    headers: { authorization: 'Bearer YOUR_PAPERGRAPH_API_KEY' },
  },
];
