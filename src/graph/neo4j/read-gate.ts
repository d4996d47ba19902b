import { PapergraphError } from '../../errors/index.js';

export interface ReadGateOptions {
  /** Reads running at once. */
  maxConcurrent: number;
  /** Reads waiting for a turn; more are refused at once. */
  maxQueued: number;
  /** Longest a read may wait for its turn, in ms, before it is refused. */
  maxWaitMillis: number;
}

/** A turn to run one read; `release` exactly once when the read is over. */
export interface ReadTurn {
  release(): void;
}

interface Waiter {
  grant: (turn: ReadTurn) => void;
  refuse: (error: PapergraphError) => void;
  timer: NodeJS.Timeout;
  onAbort: (() => void) | undefined;
  signal: AbortSignal | undefined;
}

export function busyError(message: string): PapergraphError {
  return new PapergraphError('GRAPH_UNAVAILABLE', message, { details: { reason: 'BUSY' } });
}

export function cancelledError(): PapergraphError {
  return new PapergraphError('GRAPH_UNAVAILABLE', 'The request was cancelled: its client disconnected.', {
    details: { reason: 'CANCELLED' },
  });
}

/**
 * Bounds the reads one process sends Neo4j at once. Past the bound, reads wait in a short queue; a full queue,
 * a wait past `maxWaitMillis` or a client that went away gets a clear `GRAPH_UNAVAILABLE` at once, so load
 * turns into refusals the client can retry instead of a pile-up that exhausts Neo4j's heap.
 */
export function createReadGate(options: ReadGateOptions) {
  const maxConcurrent = Math.max(1, Math.floor(options.maxConcurrent));
  let running = 0;
  const waiting: Waiter[] = [];

  function turn(): ReadTurn {
    let released = false;
    return {
      release() {
        if (released) return;
        released = true;
        running--;
        const next = waiting.shift();
        if (next === undefined) return;
        clearTimeout(next.timer);
        if (next.onAbort) next.signal?.removeEventListener('abort', next.onAbort);
        running++;
        next.grant(turn());
      },
    };
  }

  return {
    /** Resolves when the read may run; the caller must `release` the turn. */
    acquire(signal?: AbortSignal): Promise<ReadTurn> {
      if (signal?.aborted) return Promise.reject(cancelledError());
      if (running < maxConcurrent) {
        running++;
        return Promise.resolve(turn());
      }
      if (waiting.length >= options.maxQueued) {
        return Promise.reject(
          busyError(`The graph is busy: ${running} reads running and ${waiting.length} waiting. Retry later.`),
        );
      }
      return new Promise<ReadTurn>((grant, refuse) => {
        const waiter: Waiter = {
          grant,
          refuse,
          signal,
          onAbort: undefined,
          timer: setTimeout(() => {
            leave(waiter);
            refuse(busyError(`The graph is busy: no read slot within ${options.maxWaitMillis} ms. Retry later.`));
          }, options.maxWaitMillis),
        };
        if (signal) {
          waiter.onAbort = () => {
            clearTimeout(waiter.timer);
            leave(waiter);
            refuse(cancelledError());
          };
          signal.addEventListener('abort', waiter.onAbort, { once: true });
        }
        waiting.push(waiter);
      });
    },
    /** Reads running and waiting now. */
    load(): { running: number; waiting: number } {
      return { running, waiting: waiting.length };
    },
  };

  function leave(waiter: Waiter): void {
    const index = waiting.indexOf(waiter);
    if (index >= 0) waiting.splice(index, 1);
    if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
  }
}

export type ReadGate = ReturnType<typeof createReadGate>;
