import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { extractConcepts } from './extract-concepts.js';
import type { ExtractInput, Extraction } from './types.js';

export interface ParallelOptions {
  /** Worker threads to use; defaults to the cores available. 1 or fewer runs in this thread. */
  workers?: number;
}

/** Below this many inputs per worker, starting a thread (and parsing compromise again) costs more than it saves. */
const MIN_PER_WORKER = 16;

function workerUrl(): URL | undefined {
  try {
    // Same extension as this module: .ts when run from source under tsx, .js from dist.
    const ext = extname(fileURLToPath(import.meta.url));
    return new URL(`./concept-worker${ext}`, import.meta.url);
  } catch {
    return undefined;
  }
}

/**
 * From TypeScript sources a thread does not inherit tsx's loader (nor honour --import in execArgv), so it
 * registers tsx itself before loading the worker module. Throws where tsx is not installed.
 */
function tsBootstrap(url: URL): string {
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
  return `import(${JSON.stringify(api)}).then((m) => { (m.register ?? m.default.register)(); return import(${JSON.stringify(url.href)}); });`;
}

function runSlice(url: URL, inputs: ExtractInput[]): Promise<Extraction[]> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let worker: Worker;
    try {
      worker = url.pathname.endsWith('.ts')
        ? new Worker(tsBootstrap(url), { eval: true, workerData: { inputs } })
        : new Worker(url, { workerData: { inputs } });
    } catch (err) {
      reject(err);
      return;
    }
    worker.once('message', (result: Extraction[]) => {
      settled = true;
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', (err) => {
      if (!settled) reject(err);
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`concept worker exited with code ${code}`));
      settled = true;
    });
  });
}

/**
 * `extractConcepts` over many papers on worker threads, results in input order. Where threads cannot start
 * (no loader for TypeScript sources, sandboxed runtimes) the affected slices run in this thread instead, so
 * the result never depends on the environment.
 */
export async function extractConceptsParallel(inputs: ExtractInput[], options: ParallelOptions = {}): Promise<Extraction[]> {
  const wanted = options.workers ?? availableParallelism();
  const workers = Math.max(1, Math.min(wanted, Math.floor(inputs.length / MIN_PER_WORKER)));
  const url = workerUrl();
  if (workers <= 1 || !url) return inputs.map((input) => extractConcepts(input));
  const size = Math.ceil(inputs.length / workers);
  const slices: ExtractInput[][] = [];
  for (let i = 0; i < inputs.length; i += size) slices.push(inputs.slice(i, i + size));
  const results = await Promise.all(
    slices.map((slice) => runSlice(url, slice).catch(() => slice.map((input) => extractConcepts(input)))),
  );
  return results.flat();
}
