import { createHash, timingSafeEqual } from 'node:crypto';
import { PapergraphError } from '../errors/index.js';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Refuses unless `presented` equals `expected`. The keys are compared as SHA-256 digests with `timingSafeEqual`,
 * so neither the content nor the length of the configured key leaks through response times.
 */
export function checkApiKey(expected: string | null, presented: string | null): void {
  if (expected === null) {
    throw new PapergraphError(
      'UNAUTHENTICATED',
      'Mutations are disabled: PAPERGRAPH_API_KEY is not set on the server. Set it and send `Authorization: Bearer <key>`.',
    );
  }
  if (presented === null) {
    throw new PapergraphError('UNAUTHENTICATED', 'Mutations need an API key: send `Authorization: Bearer <key>`.');
  }
  if (!timingSafeEqual(digest(expected), digest(presented))) {
    throw new PapergraphError('UNAUTHENTICATED', 'The API key is not valid.');
  }
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(authorization: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1] ?? null;
}
