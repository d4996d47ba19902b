import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../config/index.js';

/** Where `npm run build:web` writes the pages; the same path from `src/api` and from `dist/api`. */
export const WEB_DIST_DIR = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export const ASSETS_PATH = '/assets/';
export const EXPLORE_PATH = '/explore';

/**
 * Everything the pages load comes from this server (`'self'`); nothing from anywhere else. Styles may be
 * inline because GraphiQL's editor (Monaco) and cytoscape set them at run time; scripts may not.
 */
export const WEB_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.html': 'text/html; charset=utf-8',
};

export interface WebPagesOptions {
  logger: Logger;
  /** The built pages (`graphiql.html`, `explore.html`, `assets/`). Default `WEB_DIST_DIR`. */
  dir?: string;
}

export interface WebPages {
  /** Answers GraphiQL's page (for GET /graphql from a browser). */
  serveGraphiQL(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Answers /explore, /explore/* and /assets/*; false when the path is none of those. */
  serve(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean>;
}

function isPageMethod(req: IncomingMessage): boolean {
  return req.method === 'GET' || req.method === 'HEAD';
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(text);
}

/**
 * Serves the browser pages built from `web/` (GraphiQL and the explorer) and their assets. Asset names carry
 * a content hash, so they are cached for a year; the two HTML shells are revalidated on every load. Only files
 * present in the build's `assets/` folder at start are served, so no request path reaches the file system.
 */
export function createWebPages(options: WebPagesOptions): WebPages {
  const dir = options.dir ?? WEB_DIST_DIR;
  const assetsDir = join(dir, 'assets');
  const assetNames = new Set(existsSync(assetsDir) ? readdirSync(assetsDir) : []);
  if (assetNames.size === 0) {
    options.logger.warn({ dir }, 'the web pages are not built (run `npm run build:web`): /graphql and /explore in a browser will say so');
  }
  const cache = new Map<string, Promise<Buffer>>();
  const read = (path: string) => {
    let content = cache.get(path);
    if (!content) {
      content = readFile(path);
      cache.set(path, content);
      content.catch(() => cache.delete(path));
    }
    return content;
  };

  async function sendPage(req: IncomingMessage, res: ServerResponse, file: string): Promise<void> {
    if (!isPageMethod(req)) {
      res.setHeader('allow', 'GET, HEAD');
      sendText(res, 405, 'Method not allowed.');
      return;
    }
    let html: Buffer;
    try {
      html = await read(join(dir, file));
    } catch {
      sendText(res, 503, 'The web pages are not built: run `npm run build:web` (npm install does it), then restart.');
      return;
    }
    res.statusCode = 200;
    res.setHeader('content-type', CONTENT_TYPES['.html']!);
    res.setHeader('cache-control', 'no-cache');
    res.setHeader('content-security-policy', WEB_PAGE_CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.end(req.method === 'HEAD' ? undefined : html);
  }

  async function sendAsset(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    const contentType = CONTENT_TYPES[extname(name)];
    if (!assetNames.has(name) || contentType === undefined || !isPageMethod(req)) {
      sendText(res, 404, `Not found: ${ASSETS_PATH}${name}`);
      return;
    }
    const gzip = assetNames.has(`${name}.gz`) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const content = await read(join(assetsDir, gzip ? `${name}.gz` : name));
    res.statusCode = 200;
    res.setHeader('content-type', contentType);
    res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('vary', 'accept-encoding');
    if (gzip) res.setHeader('content-encoding', 'gzip');
    res.setHeader('content-length', content.length);
    res.end(req.method === 'HEAD' ? undefined : content);
  }

  return {
    serveGraphiQL: (req, res) => sendPage(req, res, 'graphiql.html'),
    async serve(req, res, pathname) {
      if (pathname === EXPLORE_PATH || pathname.startsWith(`${EXPLORE_PATH}/`)) {
        await sendPage(req, res, 'explore.html');
        return true;
      }
      if (pathname === '/favicon.ico') {
        // No icon: answered so browsers stop asking and logs stay free of 404s.
        res.statusCode = 204;
        res.setHeader('cache-control', 'public, max-age=86400');
        res.end();
        return true;
      }
      if (pathname.startsWith(ASSETS_PATH)) {
        await sendAsset(req, res, pathname.slice(ASSETS_PATH.length));
        return true;
      }
      return false;
    },
  };
}
