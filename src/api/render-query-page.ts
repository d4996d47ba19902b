/** Example operations offered on the query page; they double as a tour of the schema. */
export const QUERY_PAGE_EXAMPLES: ReadonlyArray<{ name: string; query: string; variables?: Record<string, unknown> }> = [
  {
    name: 'Papers with their concepts',
    query: `query Papers($first: Int, $query: String) {
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
    name: 'Related papers, and why',
    query: `query Related($first: Int) {
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
    name: 'Dashboard: stats and top methods',
    query: `{
  stats { papers concepts mentions byType { type count } }
  topConcepts(type: METHOD, first: 10) { name paperCount aliases }
  cooccurrence(rowType: METHOD, columnType: DATASET, first: 5) {
    rows { name }
    columns { name }
    counts
  }
}`,
  },
  {
    name: 'A concept by name or alias',
    query: `query Concept($name: String!) {
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
    name: 'Extract concepts from a text (stores nothing)',
    query: `query Extract($text: String!) {
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
    name: 'Ingest a paper (needs the API key)',
    query: `mutation Ingest($papers: [PaperInput!]!) {
  ingestPapers(papers: $papers) {
    ingested
    errors { index message }
    papers { id title concepts { concept { name type } } }
  }
}`,
    variables: {
      papers: [{ title: 'A test paper', abstract: 'We use a Transformer for language modeling and report perplexity.' }],
    },
  },
];

/** Content-Security-Policy of the page: nothing may load from anywhere, and requests go only to this server. */
export const QUERY_PAGE_CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'";

/**
 * A small self-contained page to run GraphQL operations from a browser: no external resources, so it works
 * offline, unlike Apollo's CDN-hosted landing page.
 */
export function renderQueryPage(): string {
  // `<` escaped so no example can close the script element.
  const examples = JSON.stringify(QUERY_PAGE_EXAMPLES).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>papergraph · GraphQL</title>
<style>
  :root { font-family: system-ui, sans-serif; color-scheme: light dark; }
  body { margin: 0; padding: 1rem; display: grid; gap: .75rem; grid-template-columns: 1fr 1fr; height: calc(100vh - 2rem); box-sizing: border-box; }
  header { grid-column: 1 / -1; display: flex; gap: .75rem; align-items: center; flex-wrap: wrap; }
  h1 { font-size: 1.1rem; margin: 0 1rem 0 0; }
  .col { display: flex; flex-direction: column; gap: .5rem; min-height: 0; }
  label { font-size: .8rem; font-weight: 600; }
  textarea, pre { font: 13px/1.4 ui-monospace, monospace; padding: .5rem; border: 1px solid #8884; border-radius: 4px; margin: 0; }
  textarea { resize: vertical; }
  #query { flex: 3; } #variables { flex: 1; }
  pre { flex: 1; overflow: auto; white-space: pre-wrap; }
  button { padding: .4rem 1rem; font-weight: 600; cursor: pointer; }
  #status { font-size: .8rem; opacity: .8; }
</style>
</head>
<body>
<header>
  <h1>papergraph GraphQL</h1>
  <label for="example">Example</label>
  <select id="example"></select>
  <label for="apikey">API key (mutations)</label>
  <input id="apikey" type="password" autocomplete="off" size="24">
  <button id="run" title="Ctrl+Enter">Run</button>
  <span id="status"></span>
</header>
<div class="col">
  <label for="query">Query</label>
  <textarea id="query" spellcheck="false"></textarea>
  <label for="variables">Variables (JSON)</label>
  <textarea id="variables" spellcheck="false"></textarea>
</div>
<div class="col">
  <label for="response">Response</label>
  <pre id="response"></pre>
</div>
<script>
(() => {
  const examples = ${examples};
  const $ = (id) => document.getElementById(id);
  const select = $('example');
  examples.forEach((example, index) => select.add(new Option(example.name, String(index))));
  const show = (index) => {
    const example = examples[index];
    $('query').value = example.query;
    $('variables').value = example.variables ? JSON.stringify(example.variables, null, 2) : '';
  };
  select.addEventListener('change', () => show(Number(select.value)));
  show(0);
  const run = async () => {
    let variables;
    try {
      variables = $('variables').value.trim() ? JSON.parse($('variables').value) : undefined;
    } catch (error) {
      $('response').textContent = 'Variables are not valid JSON: ' + error.message;
      return;
    }
    const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
    const key = $('apikey').value.trim();
    if (key) headers.authorization = 'Bearer ' + key;
    $('status').textContent = 'running…';
    const started = performance.now();
    try {
      const response = await fetch(location.pathname, { method: 'POST', headers, body: JSON.stringify({ query: $('query').value, variables }) });
      const text = await response.text();
      let shown = text;
      try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch {}
      $('response').textContent = shown;
      $('status').textContent = 'HTTP ' + response.status + ' · ' + Math.round(performance.now() - started) + ' ms';
    } catch (error) {
      $('response').textContent = 'Request failed: ' + error.message;
      $('status').textContent = '';
    }
  };
  $('run').addEventListener('click', run);
  document.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') run();
  });
})();
</script>
</body>
</html>
`;
}
