export type Route =
  | { view: 'search'; params: URLSearchParams }
  | { view: 'paper'; id: string }
  | { view: 'paper-graph'; id: string }
  | { view: 'concept'; id: string; params: URLSearchParams }
  | { view: 'concept-graph'; id: string }
  | { view: 'dashboard' }
  | { view: 'not-found'; path: string };

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Reads the view from a URL under /explore; ids are URL-encoded path segments. */
export function parseRoute(url: URL): Route {
  const parts = url.pathname.replace(/\/+$/, '').split('/').slice(2);
  const [kind, rawId, sub] = parts;
  const id = rawId === undefined ? undefined : decode(rawId);
  if (parts.length === 0) return { view: 'search', params: url.searchParams };
  if (kind === 'dashboard' && parts.length === 1) return { view: 'dashboard' };
  if (kind === 'paper' && id && parts.length === 2) return { view: 'paper', id };
  if (kind === 'paper' && id && sub === 'graph' && parts.length === 3) return { view: 'paper-graph', id };
  if (kind === 'concept' && id && parts.length === 2) return { view: 'concept', id, params: url.searchParams };
  if (kind === 'concept' && id && sub === 'graph' && parts.length === 3) return { view: 'concept-graph', id };
  return { view: 'not-found', path: url.pathname };
}
