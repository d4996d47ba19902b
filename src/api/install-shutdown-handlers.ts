import type { Logger } from '../config/index.js';

export interface ShutdownHandlersOptions {
  /** What to stop first, e.g. the value `startServer` resolves to. */
  server: { close(): Promise<void> };
  /** Closed after the server has drained. */
  store: { close(): Promise<void> };
  logger: Logger;
  /** Default `['SIGTERM', 'SIGINT']`. */
  signals?: NodeJS.Signals[];
  /** Ends the process with this code. Default `process.exit`. */
  exit?: (code: number) => void;
}

/**
 * On the first signal: drain the server, close the store, exit 0 (1 if closing failed). A second signal exits at
 * once, for when a drain hangs. Returns a function that removes the handlers.
 */
export function installShutdownHandlers(options: ShutdownHandlersOptions): () => void {
  const { server, store, logger } = options;
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let shuttingDown = false;

  const onSignal = (signal: NodeJS.Signals): void => {
    if (shuttingDown) {
      logger.warn({ signal }, 'second signal: exiting without waiting for the drain');
      exit(1);
      return;
    }
    shuttingDown = true;
    logger.info({ signal }, 'shutting down: draining requests');
    server
      .close()
      .then(() => store.close())
      .then(
        () => {
          logger.info('shutdown complete');
          exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          exit(1);
        },
      );
  };

  for (const signal of signals) process.on(signal, onSignal);
  return () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
}
