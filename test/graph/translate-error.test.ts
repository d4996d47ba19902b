import { describe, expect, it } from '@jest/globals';
import neo4j from 'neo4j-driver';
import { PapergraphError } from '../../src/errors/index.js';
import { translateError } from '../../src/graph/neo4j/translate-error.js';

const URI = 'bolt://db.example:7687';
const neo4jError = (code: string, message = 'boom') => new neo4j.Neo4jError(message, code, '50N42', 'error');

describe('translateError', () => {
  it.each([neo4j.error.SERVICE_UNAVAILABLE, neo4j.error.SESSION_EXPIRED, 'Neo.TransientError.General.DatabaseUnavailable'])(
    'maps %s to GRAPH_UNAVAILABLE naming the server',
    (code) => {
      const original = neo4jError(code);
      const error = translateError(original, URI);
      expect(error).toMatchObject({ code: 'GRAPH_UNAVAILABLE', cause: original });
      expect(error.message).toContain(URI);
    },
  );

  it('maps a raw connection failure to GRAPH_UNAVAILABLE', () => {
    const original = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(translateError(original, URI).code).toBe('GRAPH_UNAVAILABLE');
  });

  it.each(['Neo.ClientError.Security.Unauthorized', 'Neo.ClientError.Security.AuthenticationRateLimit'])(
    'maps %s to GRAPH_UNAVAILABLE telling which settings to check',
    (code) => {
      const error = translateError(neo4jError(code), URI);
      expect(error.code).toBe('GRAPH_UNAVAILABLE');
      expect(error.message).toContain('NEO4J_USER/NEO4J_PASSWORD');
    },
  );

  it('maps anything else to INTERNAL_SERVER_ERROR keeping the original as cause', () => {
    const original = neo4jError('Neo.ClientError.Statement.SyntaxError', 'Invalid input');
    const error = translateError(original, URI);
    expect(error).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', cause: original });
    expect(error.message).toContain('Invalid input');
    expect(translateError(new TypeError('bad'), URI).code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('passes papergraph errors through unchanged', () => {
    const original = new PapergraphError('BAD_USER_INPUT', 'no');
    expect(translateError(original, URI)).toBe(original);
  });

  it.each(['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'Neo.ClientError.Transaction.TransactionTimedOut'])(
    'maps a transaction stopped at its timeout (%s) to GRAPH_UNAVAILABLE with reason TIMEOUT and the limit',
    (code) => {
      const error = translateError(neo4jError(code), URI, { readTimeoutMillis: 2500 });
      expect(error).toMatchObject({ code: 'GRAPH_UNAVAILABLE', details: { reason: 'TIMEOUT', maxMillis: 2500 } });
      expect(error.message).toContain('2500 ms');
    },
  );

  it('maps the transaction memory limit to GRAPH_UNAVAILABLE with reason MEMORY', () => {
    const error = translateError(neo4jError('Neo.TransientError.General.MemoryPoolOutOfMemoryError'), URI);
    expect(error).toMatchObject({ code: 'GRAPH_UNAVAILABLE', details: { reason: 'MEMORY' } });
  });
});
