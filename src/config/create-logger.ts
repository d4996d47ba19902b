import { pino, type Logger } from 'pino';
import type { LogLevel } from './load-config.js';

export type { Logger };

export interface LoggerOptions {
  /** Default `info`. */
  level?: LogLevel;
  /** Where JSON log lines go. Default: standard error, so CLI output on standard output stays clean. */
  destination?: NodeJS.WritableStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino({ level: options.level ?? 'info', base: { name: 'papergraph' } }, options.destination ?? process.stderr);
}

/** A logger that drops everything, for tests and library use. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
