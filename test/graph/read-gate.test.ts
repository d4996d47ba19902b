import { PapergraphError } from '../../src/errors/index.js';
import { createReadGate } from '../../src/graph/neo4j/read-gate.js';

const reason = (error: unknown) => (error as PapergraphError).details?.['reason'];

describe('createReadGate', () => {
  it('lets at most maxConcurrent reads run, and hands a released turn to the next waiter', async () => {
    const gate = createReadGate({ maxConcurrent: 2, maxQueued: 10, maxWaitMillis: 60_000 });
    const a = await gate.acquire();
    const b = await gate.acquire();
    const third = gate.acquire();
    expect(gate.load()).toEqual({ running: 2, waiting: 1 });
    a.release();
    a.release(); // twice is once
    const c = await third;
    expect(gate.load()).toEqual({ running: 2, waiting: 0 });
    b.release();
    c.release();
    expect(gate.load()).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses at once with GRAPH_UNAVAILABLE (BUSY) when the queue is full', async () => {
    const gate = createReadGate({ maxConcurrent: 1, maxQueued: 1, maxWaitMillis: 60_000 });
    const turn = await gate.acquire();
    const queued = gate.acquire();
    const error = await gate.acquire().catch((e: unknown) => e);
    expect((error as PapergraphError).code).toBe('GRAPH_UNAVAILABLE');
    expect(reason(error)).toBe('BUSY');
    turn.release();
    (await queued).release();
  });

  it('refuses a read that waited past maxWaitMillis', async () => {
    const gate = createReadGate({ maxConcurrent: 1, maxQueued: 5, maxWaitMillis: 5 });
    await gate.acquire();
    const error = await gate.acquire().catch((e: unknown) => e);
    expect(reason(error)).toBe('BUSY');
    expect(gate.load().waiting).toBe(0);
  });

  it('drops a waiter whose client went away, and refuses reads of an aborted request', async () => {
    const gate = createReadGate({ maxConcurrent: 1, maxQueued: 5, maxWaitMillis: 60_000 });
    const turn = await gate.acquire();
    const controller = new AbortController();
    const waiting = gate.acquire(controller.signal).catch((e: unknown) => e);
    controller.abort();
    expect(reason(await waiting)).toBe('CANCELLED');
    expect(gate.load()).toEqual({ running: 1, waiting: 0 });
    turn.release();
    expect(reason(await gate.acquire(controller.signal).catch((e: unknown) => e))).toBe('CANCELLED');
    expect(gate.load().running).toBe(0);
  });
});
