import { AsyncLocalStorage } from 'node:async_hooks';

const storage = new AsyncLocalStorage<AbortSignal>();

/**
 * Runs `work` with `signal` as the abort signal of every store read it starts, however deep (resolvers,
 * loaders' batches): when the client that asked goes away, the HTTP layer aborts the signal and the Neo4j store
 * cancels the request's transactions. Carried in async context so the store interface stays free of it.
 */
export function withRequestSignal<T>(signal: AbortSignal, work: () => T): T {
  return storage.run(signal, work);
}

/** The abort signal of the request this code runs for, if any. */
export function requestSignal(): AbortSignal | undefined {
  return storage.getStore();
}
