import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { Config, Logger } from '../config/index.js';
import { withRequestSignal, type GraphStore } from '../graph/index.js';
import { createExtractionPool, type ExtractionPool } from '../nlp/index.js';
import { createApiContext } from './api-context.js';
import { bearerToken } from './check-api-key.js';
import { createApolloServer } from './create-apollo-server.js';
import { INTERNAL_ERROR_MESSAGE, badUserInputExtensions, isDocumentError } from './create-error-formatter.js';
import type { QueryLimitsOptions } from './create-query-limits.js';
import { createWebPages } from './create-web-pages.js';

export interface StartServerOptions {
  /** `port` (0 picks a free one), `host`, `apiKey`, `corsOrigins`, `introspection` and `suggestions` are used. */
  config: Pick<Config, 'port' | 'host' | 'apiKey' | 'corsOrigins'> & Partial<Pick<Config, 'introspection' | 'suggestions'>>;
  store: GraphStore;
  logger: Logger;
  /** Defaults as documented on `QueryLimitsOptions`. */
  limits?: QueryLimitsOptions;
  /** Largest request body accepted, in bytes. Default 10 MiB (an `ingestPapers` batch of long abstracts). */
  maxBodyBytes?: number;
  /** How long `close()` lets in-flight requests finish before cutting connections. Default 10 000 ms. */
  stopGracePeriodMillis?: number;
  /** How long `/ready` waits for the store's ping before answering 503. Default 1 500 ms. */
  readyTimeoutMillis?: number;
  /** Runs `extract`; default a pool of one worker thread, stopped with the server. */
  extractor?: ExtractionPool;
}

export interface RunningServer {
  /** The GraphQL endpoint, e.g. `http://localhost:4000/graphql`. */
  url: string;
  /** Stops accepting connections, lets in-flight requests finish, then stops. Leaves the store open. */
  close(): Promise<void>;
}

export const GRAPHQL_PATH = '/graphql';

const CORS_ALLOWED_HEADERS = 'content-type, authorization, apollo-require-preflight, x-apollo-operation-name';

/** Whether the store answers its ping within `millis`; a hung store must not hang the probe. */
async function storeAnswers(store: GraphStore, millis: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), millis);
  });
  try {
    return await Promise.race([store.ping().catch(() => false), late]);
  } finally {
    clearTimeout(timer);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(body));
}

/**
 * A request-level refusal in the GraphQL response shape and codes, so clients parse every failure alike:
 * `BAD_USER_INPUT` with `reason: "BAD_REQUEST"`, as Apollo's own refusals of a malformed request get.
 */
function sendRequestError(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { errors: [{ message, extensions: badUserInputExtensions('BAD_REQUEST') }] });
}

/** Sets CORS headers for an allowed origin; a disallowed one gets none, so the browser blocks the response. */
function applyCors(req: IncomingMessage, res: ServerResponse, allowed: readonly string[]): void {
  const origin = req.headers.origin;
  if (allowed.length === 0 || origin === undefined) return;
  const any = allowed.includes('*');
  if (!any) res.setHeader('vary', 'Origin');
  if (!any && !allowed.includes(origin)) return;
  res.setHeader('access-control-allow-origin', any ? '*' : origin);
  if (req.method === 'OPTIONS') {
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    res.setHeader('access-control-allow-headers', CORS_ALLOWED_HEADERS);
    res.setHeader('access-control-max-age', '600');
  }
}

class BodyTooLargeError extends Error {}

async function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) {
    req.resume();
    throw new BodyTooLargeError();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      req.resume();
      throw new BodyTooLargeError();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Media type and charset of a Content-Type header, lowercased. */
function parseContentType(header: string | undefined): { type: string; charset: string | undefined } {
  const [type = '', ...parameters] = (header ?? '').split(';').map((part) => part.trim().toLowerCase());
  const charset = parameters.find((parameter) => parameter.startsWith('charset='))?.slice('charset='.length);
  return { type, charset: charset?.replace(/^"|"$/g, '') };
}

/**
 * GraphQL over HTTP: a server SHOULD answer a well-formed request with 200 when the response is
 * `application/json` (legacy clients read errors from the body), and with 4xx only for
 * `application/graphql-response+json`. Apollo uses 400 for both; this restores 200 for the former.
 */
function isLegacyJsonRequestError(status: number, contentType: string | undefined, body: string): boolean {
  if (status !== 400 || !contentType?.startsWith('application/json')) return false;
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: unknown; reason?: unknown } }[] };
    const errors = parsed.errors ?? [];
    return errors.length > 0 && errors.every((error) => isDocumentError(error.extensions));
  } catch {
    return false;
  }
}

function prefersHtml(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').includes('text/html');
}

/**
 * Serves GraphQL at `/graphql` over plain `node:http` with Apollo's integration API, plus `/health`, `/ready`,
 * GraphiQL (GET `/graphql` from a browser) and the explorer (`/explore`), both served from `web/dist`.
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { config, store, logger } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const webPages = createWebPages({ logger });
  let closing = false;

  const httpServer = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error, url: req.url }, 'unhandled error serving HTTP request');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: INTERNAL_ERROR_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.destroy();
    });
  });

  const extractor = options.extractor ?? createExtractionPool();
  const apollo = createApolloServer({
    logger,
    apiKey: config.apiKey,
    ...(config.introspection === undefined ? {} : { introspection: config.introspection }),
    ...(config.suggestions === undefined ? {} : { suggestions: config.suggestions }),
    ...(options.limits ? { limits: options.limits } : {}),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.stopGracePeriodMillis ?? 10_000 }),
    ],
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    applyCors(req, res, config.corsOrigins);
    // Every answer is JSON or the query page; no browser should guess another type.
    res.setHeader('x-content-type-options', 'nosniff');
    if (req.method === 'OPTIONS') {
      res.statusCode = 204;
      res.end();
      return;
    }
    switch (url.pathname) {
      case '/health':
        sendJson(res, 200, { status: 'ok' });
        return;
      case '/ready': {
        const ready = !closing && (await storeAnswers(store, options.readyTimeoutMillis ?? 1_500));
        sendJson(res, ready ? 200 : 503, {
          status: ready ? 'ready' : 'unavailable',
          store: store.kind,
          ...(closing ? { reason: 'shutting down' } : ready ? {} : { reason: 'the graph store does not answer' }),
        });
        return;
      }
      case GRAPHQL_PATH:
        await handleGraphQL(req, res, url);
        return;
      default:
        if (await webPages.serve(req, res, url.pathname)) return;
        sendJson(res, 404, { error: `Not found: ${url.pathname}. GraphQL is served at ${GRAPHQL_PATH}.` });
    }
  }

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    if ((method === 'GET' || method === 'HEAD') && !url.searchParams.has('query') && prefersHtml(req)) {
      await webPages.serveGraphiQL(req, res);
      return;
    }
    let body: unknown;
    if (method === 'POST') {
      const contentType = parseContentType(req.headers['content-type']);
      if (contentType.charset !== undefined && contentType.charset !== 'utf-8' && contentType.charset !== 'utf8') {
        sendRequestError(res, 415, `Unsupported charset "${contentType.charset}": send UTF-8.`);
        return;
      }
      let text: string;
      try {
        text = await readBody(req, maxBodyBytes);
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        // The rest of the body may still be arriving; reading it on this connection would hold up the next
        // request behind it, so the connection closes after the answer and the client opens a fresh one.
        res.setHeader('connection', 'close');
        sendRequestError(res, 413, `Request body is larger than ${maxBodyBytes} bytes.`);
        return;
      }
      if (contentType.type === 'application/json') {
        try {
          body = JSON.parse(text);
        } catch (error) {
          sendRequestError(res, 400, `Request body is not valid JSON: ${(error as Error).message}`);
          return;
        }
      } else {
        // Apollo refuses other media types with its own message.
        body = text;
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = { method, headers, search: url.search, body };
    // A client that disconnects before its answer cancels the request's store reads.
    const disconnected = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) disconnected.abort();
    });
    const response = await withRequestSignal(disconnected.signal, () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest,
        context: async () =>
          createApiContext({ store, logger, presentedApiKey: bearerToken(req.headers.authorization), extractor }),
      }),
    );
    if (disconnected.signal.aborted) return;
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      if (isLegacyJsonRequestError(res.statusCode, response.headers.get('content-type'), response.body.string)) {
        res.statusCode = 200;
      }
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  await apollo.start();
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const address = httpServer.address() as AddressInfo;
  const host = ['0.0.0.0', '::', ''].includes(address.address)
    ? 'localhost'
    : address.family === 'IPv6'
      ? `[${address.address}]`
      : address.address;
  const url = `http://${host}:${address.port}${GRAPHQL_PATH}`;
  logger.info({ url, store: store.kind }, 'GraphQL server listening');

  let closed: Promise<void> | undefined;
  return {
    url,
    close() {
      closing = true;
      // Apollo's drain plugin closes the HTTP server and waits for in-flight requests.
      closed ??= apollo
        .stop()
        .then(() => (options.extractor === undefined ? extractor.close() : undefined))
        .then(() => logger.info('GraphQL server stopped'));
      return closed;
    },
  };
}
