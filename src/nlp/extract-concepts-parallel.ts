import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ChunkRequest, ChunkResponse } from './concept-worker.js';
import { extractConcepts } from './extract-concepts.js';
import type { ExtractInput, Extraction } from './types.js';

export interface ParallelOptions {
  /** Threads to use at most, this one included (so `workers - 1` are started); defaults to the cores available. 1 or fewer runs in this thread. */
  workers?: number;
  /**
   * Papers a worker must have for a thread to pay off. A thread costs about half a second to start (loading
   * compromise) and its first few dozen papers run slower while its code warms up, so small batches run in
   * this thread. Default 64.
   */
  minPerWorker?: number;
  /** Papers per message to a worker. Default 8: small enough to balance the tail, large enough to amortize messages. */
  chunkSize?: number;
}

const DEFAULT_MIN_PER_WORKER = 64;
const DEFAULT_CHUNK_SIZE = 8;

/** The worker module (`concept-worker`) next to this one, or undefined where it cannot be located. */
export function workerUrl(): URL | undefined {
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
  // require.resolve finds the CommonJS entry; a worker's import() wants the ES module one beside it (the
  // CommonJS one fails to load its own chunks when the parent runs under Jest's VM modules).
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  return `import(${JSON.stringify(api)}).then((m) => { (m.register ?? m.default.register)(); return import(${JSON.stringify(url.href)}); });`;
}

export function startWorker(url: URL): Worker {
  return url.pathname.endsWith('.ts') ? new Worker(tsBootstrap(url), { eval: true }) : new Worker(url);
}

/** How long a worker waits unused for the next batch before it is stopped. */
const IDLE_WORKER_MILLIS = 10_000;

/**
 * Workers kept between batches. A new worker spends about 2 s of CPU loading compromise, the lexicon and the
 * tagger's weights, and its first papers run slower while its code warms up: started per batch of 500 papers,
 * that was 40% more CPU per paper with two threads than with one (README, "Why two workers…"). Idle workers are
 * unref'd, so they never keep the process alive, and stopped after `IDLE_WORKER_MILLIS` unused.
 */
const idleWorkers: { worker: Worker; drop: () => void }[] = [];
let idleTimer: NodeJS.Timeout | undefined;

function takeWorker(url: URL): Worker {
  const kept = idleWorkers.pop();
  if (kept === undefined) return startWorker(url);
  // Only this module's own listeners come off: Worker keeps its message port referenced through listeners of its own.
  kept.worker.off('error', kept.drop);
  kept.worker.off('exit', kept.drop);
  kept.worker.ref();
  return kept.worker;
}

function keepWorker(worker: Worker): void {
  // A kept worker that fails or exits is simply dropped.
  const drop = () => {
    const at = idleWorkers.findIndex((kept) => kept.worker === worker);
    if (at >= 0) idleWorkers.splice(at, 1);
  };
  worker.once('error', drop);
  worker.once('exit', drop);
  worker.unref();
  idleWorkers.push({ worker, drop });
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    for (const idle of idleWorkers.splice(0)) void idle.worker.terminate();
  }, IDLE_WORKER_MILLIS);
  idleTimer.unref();
}

/**
 * Runs the chunks on this thread plus `size - 1` workers, kept from the last batch or started. Every participant takes
 * the next chunk from one queue when it is done with its last, so a slow one does not hold the others up;
 * this thread (already warm, no start-up cost) yields between its chunks so worker answers are handled. A
 * chunk whose worker fails (cannot start, crashes) runs in this thread instead.
 */
function runPool(url: URL, size: number, chunks: ExtractInput[][]): Promise<Extraction[][]> {
  return new Promise((resolve) => {
    const results: Extraction[][] = new Array(chunks.length);
    let next = 0;
    let done = 0;
    let alive = 0;
    const finishChunk = (k: number, r: Extraction[]) => {
      results[k] = r;
      done++;
      if (done === chunks.length) resolve(results);
    };
    const inThread = (k: number) => finishChunk(k, (chunks[k] as ExtractInput[]).map((input) => extractConcepts(input)));
    const drainInThread = () => {
      while (next < chunks.length) inThread(next++);
    };
    const feed = (w: Worker, state: { current: number; release: () => void }) => {
      if (next >= chunks.length) {
        state.current = -1;
        state.release();
        return;
      }
      state.current = next++;
      const req: ChunkRequest = { chunk: state.current, inputs: chunks[state.current] as ExtractInput[] };
      w.postMessage(req);
    };
    const local = () => {
      if (next >= chunks.length) return;
      inThread(next++);
      if (next < chunks.length) setImmediate(local);
    };
    for (let i = 0; i < size - 1; i++) {
      let w: Worker;
      try {
        w = takeWorker(url);
      } catch {
        continue;
      }
      alive++;
      const fail = () => {
        if (state.failed) return;
        state.failed = true;
        alive--;
        const lost = state.current;
        state.current = -1;
        void w.terminate();
        if (lost >= 0) inThread(lost);
        if (alive === 0) drainInThread();
      };
      const onMessage = (msg: ChunkResponse) => {
        finishChunk(msg.chunk, msg.results);
        feed(w, state);
      };
      const onExit = () => {
        if (state.current >= 0) fail();
      };
      // Done with this batch: the worker waits for the next one with none of this batch's listeners.
      const release = () => {
        w.off('message', onMessage);
        w.off('error', fail);
        w.off('exit', onExit);
        keepWorker(w);
      };
      const state = { current: -1, failed: false, release };
      w.on('message', onMessage);
      w.once('error', fail);
      w.once('exit', onExit);
      feed(w, state);
    }
    if (alive === 0) drainInThread();
    else setImmediate(local);
  });
}

/**
 * `extractConcepts` over many papers on a pool of worker threads, results in input order and equal to
 * one-by-one extraction. Small batches (fewer than `minPerWorker` papers per worker) run in this thread,
 * where starting threads costs more than it saves. Where threads cannot start (no loader for TypeScript
 * sources, sandboxed runtimes) the work runs in this thread instead, so the result never depends on the
 * environment.
 */
export async function extractConceptsParallel(inputs: ExtractInput[], options: ParallelOptions = {}): Promise<Extraction[]> {
  const wanted = options.workers ?? availableParallelism();
  const minPerWorker = Math.max(1, options.minPerWorker ?? DEFAULT_MIN_PER_WORKER);
  const chunkSize = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
  const chunkCount = Math.ceil(inputs.length / chunkSize);
  const size = Math.max(1, Math.min(wanted, Math.floor(inputs.length / minPerWorker), chunkCount));
  const url = workerUrl();
  if (size <= 1 || !url) return inputs.map((input) => extractConcepts(input));
  const chunks: ExtractInput[][] = [];
  for (let i = 0; i < inputs.length; i += chunkSize) chunks.push(inputs.slice(i, i + chunkSize));
  return (await runPool(url, size, chunks)).flat();
}
