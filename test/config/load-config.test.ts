import { loadConfig } from '../../src/config/index.js';

describe('loadConfig', () => {
  it('defaults to the embedded store on port 4000 with mutations refused', () => {
    expect(loadConfig({})).toEqual({
      port: 4000,
      host: '0.0.0.0',
      neo4j: null,
      apiKey: null,
      corsOrigins: [],
      logLevel: 'info',
      introspection: true,
      suggestions: true,
    });
  });

  it('turns introspection and suggestions off, and reads the Neo4j read bounds', () => {
    const config = loadConfig({
      GRAPHQL_INTROSPECTION: 'false',
      GRAPHQL_SUGGESTIONS: '0',
      NEO4J_URI: 'bolt://db:7687',
      NEO4J_PASSWORD: 'secret',
      NEO4J_READ_TIMEOUT_MS: '2500',
      NEO4J_MAX_CONCURRENT_READS: '4',
    });
    expect(config.introspection).toBe(false);
    expect(config.suggestions).toBe(false);
    expect(config.neo4j).toMatchObject({ readTimeoutMillis: 2500, maxConcurrentReads: 4 });
    expect(() => loadConfig({ GRAPHQL_INTROSPECTION: 'nope' })).toThrow(/GRAPHQL_INTROSPECTION: must be true or false/);
  });

  it('reads the Neo4j settings and the API key', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j://db:7687',
      NEO4J_PASSWORD: 'secret',
      PAPERGRAPH_API_KEY: 'k'.repeat(16),
      CORS_ORIGINS: 'https://a.example, https://b.example',
      PORT: '0',
    });
    expect(config.neo4j).toEqual({ uri: 'neo4j://db:7687', user: 'neo4j', password: 'secret', database: 'neo4j' });
    expect(config.apiKey).toBe('k'.repeat(16));
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.port).toBe(0);
  });

  it('names each variable to fix', () => {
    expect(() => loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://x', LOG_LEVEL: 'loud' })).toThrow(
      /PORT: .*\n.*NEO4J_URI: must look like bolt:\/\/host:7687.*\n.*LOG_LEVEL/s,
    );
  });

  it('refuses a Neo4j URI without a password', () => {
    expect(() => loadConfig({ NEO4J_URI: 'bolt://127.0.0.1:7687' })).toThrow(/NEO4J_PASSWORD is not/);
  });

  it('refuses a short API key', () => {
    expect(() => loadConfig({ PAPERGRAPH_API_KEY: 'short' })).toThrow(/PAPERGRAPH_API_KEY: must be at least 16/);
  });
});
