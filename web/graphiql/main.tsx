import type { Fetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';
import { QUERY_EXAMPLES } from './examples.js';
import './graphiql.css';

declare const __PAPERGRAPH_WORKER_URLS__: { editor: string; json: string; graphql: string };

// Monaco's language services run in workers that papergraph serves itself (nothing from a CDN).
(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    const urls = __PAPERGRAPH_WORKER_URLS__;
    return new Worker(label === 'json' ? urls.json : label === 'graphql' ? urls.graphql : urls.editor);
  },
};

interface FetcherParams {
  query: string;
  operationName?: string | null;
  variables?: unknown;
}

/**
 * A document with one operation is sent with that operation's name: GraphiQL can still hold the previous tab's
 * name when Run follows a tab switch at once, which the server would refuse as an unknown operation.
 */
function withOwnOperationName(params: FetcherParams): FetcherParams {
  try {
    const operations = parse(params.query).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    if (operations.length === 1) return { ...params, operationName: operations[0]?.name?.value ?? null };
  } catch {
    // A syntax error: sent as typed, for the server to report.
  }
  return params;
}

/** POSTs to the same /graphql that served the page, with the headers of the headers editor. */
const fetcher: Fetcher = async (params: FetcherParams, options?: { headers?: Record<string, unknown> }) => {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  for (const [name, value] of Object.entries(options?.headers ?? {})) headers[name.toLowerCase()] = String(value);
  const response = await fetch(location.pathname, { method: 'POST', headers, body: JSON.stringify(withOwnOperationName(params)) });
  const text = await response.text();
  try {
    return JSON.parse(text) as Awaited<ReturnType<Fetcher>>;
  } catch {
    throw new Error(`HTTP ${response.status}: ${text.slice(0, 500)}`);
  }
};

const json = (value: unknown) => JSON.stringify(value, null, 2);
const defaultTabs = QUERY_EXAMPLES.map((example) => ({
  query: example.query,
  ...(example.variables ? { variables: json(example.variables) } : {}),
  ...(example.headers ? { headers: json(example.headers) } : {}),
}));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <GraphiQL fetcher={fetcher} defaultTabs={defaultTabs} isHeadersEditorEnabled shouldPersistHeaders={false}>
        <GraphiQL.Logo>
          <a href="/explore" className="papergraph-logo">papergraph</a>
        </GraphiQL.Logo>
      </GraphiQL>
    </StrictMode>,
  );
}
