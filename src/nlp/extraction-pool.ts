import type { Worker } from 'node:worker_threads';
import type { ChunkRequest, ChunkResponse } from './concept-worker.js';
import { startWorker, workerUrl } from './extract-concepts-parallel.js';
import type { ExtractInput, Extraction } from './types.js';

export interface ExtractionPoolOptions {
  /** Worker threads. Default 1: a server's extractions should not take every core from its other requests. */
  workers?: number;
  /**
   * Longest one extraction may run, in ms; past it the worker is stopped (and replaced) and the extraction
   * refused with reason `TIMEOUT`. Also the longest an extraction may wait for a busy worker before it is
   * refused with reason `BUSY` (waiting for a worker to start does not count). Default 5 000.
   */
  timeoutMillis?: number;
  /** Most extractions waiting for a worker; more are refused at once with reason `BUSY`. Default 16. */
  maxQueue?: number;
}

export type ExtractionRefusal = 'TIMEOUT' | 'BUSY' | 'CLOSED' | 'FAILED';

/** An extraction the pool would not or could not finish; `reason` says why. */
export class ExtractionRefusedError extends Error {
  override readonly name = 'ExtractionRefusedError';
  constructor(
    readonly reason: ExtractionRefusal,
    message: string,
    readonly limitMillis?: number,
  ) {
    super(message);
  }
}

export function isExtractionRefusedError(value: unknown): value is ExtractionRefusedError {
  return value instanceof ExtractionRefusedError;
}

/** Extraction off the calling thread, bounded in time and in waiting work. */
export interface ExtractionPool {
  extract(input: ExtractInput): Promise<Extraction>;
  /** Stops the workers; pending extractions are refused with reason `CLOSED`. */
  close(): Promise<void>;
}

interface Job {
  input: ExtractInput;
  resolve: (extraction: Extraction) => void;
  reject: (error: Error) => void;
  queuedAt: number;
}

interface Slot {
  worker: Worker;
  /** Set once the warm-up answer came back: compromise and the lexicon are loaded. */
  ready: boolean;
  job: Job | undefined;
  timer: NodeJS.Timeout | undefined;
}

/** The chunk number of the warm-up request each new worker gets; jobs use 0. */
const WARM_UP = -1;

/**
 * A pool of long-lived extraction workers (the `concept-worker` of `extractConceptsParallel`) for a server: an
 * extraction never runs on the caller's event loop, each one is bounded in time (a runaway worker is
 * terminated and replaced), and extractions beyond a short queue are refused rather than piled up. Workers
 * start on first use and each gets a warm-up extraction before real ones, so their start-up is not counted
 * against a request's time.
 */
export function createExtractionPool(options: ExtractionPoolOptions = {}): ExtractionPool {
  const size = Math.max(1, Math.floor(options.workers ?? 1));
  const timeoutMillis = options.timeoutMillis ?? 5_000;
  const maxQueue = Math.max(0, options.maxQueue ?? 16);
  const url = workerUrl();
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let closed = false;
  /** When a worker last became ready: waiting for a worker to start is not held against a job. */
  let lastReadyAt = 0;

  function spawn(): void {
    if (url === undefined) return;
    let worker: Worker;
    try {
      worker = startWorker(url);
    } catch {
      return;
    }
    const slot: Slot = { worker, ready: false, job: undefined, timer: undefined };
    slots.push(slot);
    worker.unref();
    worker.on('message', (message: ChunkResponse) => {
      if (message.chunk === WARM_UP) {
        slot.ready = true;
        lastReadyAt = Date.now();
        dispatch();
        return;
      }
      const job = slot.job;
      clearTimeout(slot.timer);
      slot.job = undefined;
      const [result] = message.results;
      if (job && result) job.resolve(result);
      else job?.reject(new ExtractionRefusedError('FAILED', 'extraction returned no result'));
      dispatch();
    });
    const fail = () => retire(slot, new ExtractionRefusedError('FAILED', 'the extraction worker stopped'));
    worker.once('error', fail);
    worker.once('exit', fail);
    const warmUp: ChunkRequest = { chunk: WARM_UP, inputs: [{ title: 'Warm-up', abstract: 'We evaluate a model.' }] };
    worker.postMessage(warmUp);
  }

  /** Takes a slot out of the pool, refusing its job, and starts a replacement if work is waiting. */
  function retire(slot: Slot, error: ExtractionRefusedError): void {
    const index = slots.indexOf(slot);
    if (index < 0) return;
    slots.splice(index, 1);
    clearTimeout(slot.timer);
    slot.job?.reject(error);
    slot.job = undefined;
    void slot.worker.terminate();
    // A worker that never got ready would fail again: refuse the waiting work instead of respawning in a loop.
    if (!closed && slot.ready && queue.length > 0) spawn();
    if (slots.length === 0) refuseAll(new ExtractionRefusedError('FAILED', 'no extraction worker could start'));
  }

  function refuseAll(error: ExtractionRefusedError): void {
    for (const job of queue.splice(0)) job.reject(error);
  }

  function dispatch(): void {
    for (const slot of slots) {
      if (!slot.ready || slot.job !== undefined) continue;
      const job = queue.shift();
      if (job === undefined) return;
      slot.job = job;
      slot.timer = setTimeout(
        () =>
          retire(
            slot,
            new ExtractionRefusedError('TIMEOUT', `extraction took longer than ${timeoutMillis} ms`, timeoutMillis),
          ),
        timeoutMillis,
      );
      const request: ChunkRequest = { chunk: 0, inputs: [job.input] };
      slot.worker.postMessage(request);
    }
    // Jobs still waiting that waited out the whole time bound for busy workers would only make their clients
    // wait longer. While no worker is ready (all starting), nothing could have taken them.
    if (!slots.some((slot) => slot.ready)) return;
    const now = Date.now();
    while (queue.length > 0 && now - Math.max((queue[0] as Job).queuedAt, lastReadyAt) > timeoutMillis) {
      (queue.shift() as Job).reject(busy());
    }
  }

  const busy = () =>
    new ExtractionRefusedError('BUSY', 'too many extractions are waiting; retry later', timeoutMillis);

  return {
    extract(input) {
      if (closed) return Promise.reject(new ExtractionRefusedError('CLOSED', 'the extraction pool is closed'));
      if (queue.length >= maxQueue) return Promise.reject(busy());
      return new Promise<Extraction>((resolve, reject) => {
        queue.push({ input, resolve, reject, queuedAt: Date.now() });
        if (slots.length < size) spawn();
        if (slots.length === 0) refuseAll(new ExtractionRefusedError('FAILED', 'no extraction worker could start'));
        dispatch();
      });
    },
    async close() {
      closed = true;
      refuseAll(new ExtractionRefusedError('CLOSED', 'the extraction pool is closed'));
      const stopping = slots.splice(0);
      for (const slot of stopping) {
        clearTimeout(slot.timer);
        slot.job?.reject(new ExtractionRefusedError('CLOSED', 'the extraction pool is closed'));
      }
      await Promise.all(stopping.map((slot) => slot.worker.terminate()));
    },
  };
}
