import neo4j from 'neo4j-driver';
import type { Config, Driver, ManagedTransaction, Record as Neo4jRecord, Session } from 'neo4j-driver';
import type { Logger, Neo4jConfig } from '../../config/index.js';
import { requestSignal } from '../request-signal.js';
import { cancelledError, createReadGate } from './read-gate.js';
import { translateError } from './translate-error.js';

/** How papergraph talks to Neo4j: timeouts, retries and the bound on concurrent reads. */
export interface Neo4jSessionOptions {
  /** How long the driver retries a write transaction on transient failures, in ms. Default 30 000 (the driver's). */
  maxTransactionRetryTime?: number;
  /**
   * How long a read is retried on transient failures (Neo4j restarting, a stale pooled connection), in ms.
   * Short, so that a query during an outage fails fast with `GRAPH_UNAVAILABLE` instead of hanging: 500 allows
   * one retry, about a second later (the driver's first backoff). Default 500.
   */
  readRetryMillis?: number;
  /**
   * Longest one read transaction may run, in ms: Neo4j stops it past this (its transaction timeout), and the
   * request gets `GRAPH_UNAVAILABLE` with `reason: "TIMEOUT"`. Also the longest a read waits for a turn. Default
   * from `Neo4jConfig.readTimeoutMillis`, else 10 000.
   */
  readTimeoutMillis?: number;
  /** Reads sent to Neo4j at once by this process; more wait. Default from `Neo4jConfig.maxConcurrentReads`, else 8. */
  maxConcurrentReads?: number;
  /** Reads waiting for a turn; more are refused at once with `reason: "BUSY"`. Default 512. */
  maxQueuedReads?: number;
  /** How long `ping` waits for Neo4j's answer, in ms. Default 1 000. */
  pingTimeoutMillis?: number;
  /** How long opening a TCP connection to Neo4j may take, in ms. Default 3 000 (the driver's is 30 000). */
  connectionTimeoutMillis?: number;
}

export const DEFAULT_READ_TIMEOUT_MILLIS = 10_000;
export const DEFAULT_MAX_CONCURRENT_READS = 8;

export interface Neo4jSessions {
  /** A READ transaction, bounded in time, gated by the read bound, cancelled when the request's client leaves. */
  read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T>;
  /** A WRITE transaction with the driver's retries; never cancelled halfway by a client leaving. */
  write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T>;
  /** An auto-commit statement outside transactions' retries (e.g. `CALL db.awaitIndexes`), on the write driver. */
  run(cypher: string, params?: Record<string, unknown>): Promise<Neo4jRecord[]>;
  /** The write driver, for start-up maintenance that runs its own sessions (`completeBulkImport`). */
  readonly writeDriver: Driver;
  /** Whether Neo4j answers `RETURN 1` within the ping timeout. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

function deadline<T>(work: Promise<T>, millis: number, onTimeout: () => void): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => {
      onTimeout();
      resolve(TIMED_OUT);
    }, millis);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const TIMED_OUT = Symbol('timed out');
/** What Neo4j itself reports for a transaction past its timeout; used when the answer never came back at all. */
const CLIENT_TIMEOUT_CODE = 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration';

/**
 * The one place papergraph configures the Neo4j driver and its sessions. Reads and writes use two drivers
 * (two connection pools) because the driver's retry time is per driver: writes keep its 30 s of retries so a
 * batch survives a deadlock or a leader switch, while reads and the readiness ping give up within about a second
 * so clients and load balancers learn of an outage at once. Every read carries a transaction timeout, which Neo4j
 * enforces itself, and runs under the read gate; a read whose HTTP client disconnects has its session closed,
 * which makes the driver reset the connection and Neo4j stop the query.
 */
export function createNeo4jSessions(config: Neo4jConfig, logger: Logger, options: Neo4jSessionOptions = {}): Neo4jSessions {
  const readTimeoutMillis = options.readTimeoutMillis ?? config.readTimeoutMillis ?? DEFAULT_READ_TIMEOUT_MILLIS;
  const pingTimeoutMillis = options.pingTimeoutMillis ?? 1_000;
  const gate = createReadGate({
    maxConcurrent: options.maxConcurrentReads ?? config.maxConcurrentReads ?? DEFAULT_MAX_CONCURRENT_READS,
    maxQueued: options.maxQueuedReads ?? 512,
    maxWaitMillis: readTimeoutMillis,
  });
  const base: Config = {
    userAgent: 'papergraph',
    connectionTimeout: options.connectionTimeoutMillis ?? 3_000,
    logging: {
      level: 'warn',
      logger: (level, message) => (level === 'error' ? logger.error(message) : logger.warn(message)),
    },
  };
  const auth = neo4j.auth.basic(config.user, config.password);
  const writeDriver: Driver = neo4j.driver(config.uri, auth, {
    ...base,
    maxTransactionRetryTime: options.maxTransactionRetryTime ?? 30_000,
  });
  const readDriver: Driver = neo4j.driver(config.uri, auth, {
    ...base,
    maxTransactionRetryTime: options.readRetryMillis ?? 500,
    // Reads wait in the gate, not in the pool (the gate is narrower than the pool), so acquiring a connection
    // is opening one: a server that accepts TCP but does not answer Bolt (Neo4j starting) fails it in seconds.
    connectionAcquisitionTimeout: options.connectionTimeoutMillis ?? 3_000,
  });
  const readSession = (): Session =>
    readDriver.session({ database: config.database, defaultAccessMode: neo4j.session.READ });
  // Neo4j counts the timeout from the transaction's start; the client-side deadline adds a margin for the
  // answer's transfer and catches a server that no longer answers at all.
  const clientDeadline = readTimeoutMillis + 2_000;

  return {
    writeDriver,

    async read(work) {
      const signal = requestSignal();
      const turn = await gate.acquire(signal);
      const session = readSession();
      let cancelled = false;
      const cancel = () => {
        cancelled = true;
        void session.close();
      };
      signal?.addEventListener('abort', cancel, { once: true });
      try {
        const result = await deadline(
          session.executeRead(work, { timeout: neo4j.int(readTimeoutMillis) }),
          clientDeadline,
          cancel,
        );
        if (result === TIMED_OUT) throw translateError({ code: CLIENT_TIMEOUT_CODE }, config.uri, { readTimeoutMillis });
        return result;
      } catch (error) {
        if (cancelled && signal?.aborted) throw cancelledError();
        throw translateError(error, config.uri, { readTimeoutMillis });
      } finally {
        signal?.removeEventListener('abort', cancel);
        turn.release();
        // Not awaited: closing resets the connection, which waits for a server that may be gone (seen: the
        // answer held for the whole outage after Neo4j was killed mid-read).
        session.close().catch(() => undefined);
      }
    },

    async write(work) {
      const session = writeDriver.session({ database: config.database, defaultAccessMode: neo4j.session.WRITE });
      try {
        return await session.executeWrite(work);
      } catch (error) {
        throw translateError(error, config.uri);
      } finally {
        await session.close();
      }
    },

    async run(cypher, params = {}) {
      const session = writeDriver.session({ database: config.database });
      try {
        return (await session.run(cypher, params)).records;
      } catch (error) {
        throw translateError(error, config.uri);
      } finally {
        await session.close();
      }
    },

    async ping() {
      // Outside the gate and without retries: readiness must not wait behind queued reads or a dead server.
      const session = readSession();
      try {
        const answer = await deadline(
          session.run('RETURN 1', {}, { timeout: neo4j.int(pingTimeoutMillis) }).then(() => true),
          pingTimeoutMillis,
          () => void session.close(),
        );
        return answer === true;
      } catch {
        return false;
      } finally {
        void session.close().catch(() => undefined);
      }
    },

    async close() {
      await Promise.all([readDriver.close(), writeDriver.close()]);
    },
  };
}
