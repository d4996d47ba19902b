import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isObjectType,
  lexicographicSortSchema,
  printSchema,
  type IntrospectionQuery,
} from 'graphql';
import { createApiSchema, createGraphQLExecutor, SCHEMA_PATH } from '../../src/api/index.js';
import { createMemoryStore } from '../../src/graph/index.js';

const sdl = readFileSync(SCHEMA_PATH, 'utf8');

describe('schema/schema.graphql', () => {
  it('is exactly the printed form of the served executable schema', () => {
    expect(printSchema(createApiSchema()) + '\n').toBe(sdl);
  });

  it('matches the schema a client sees through introspection', async () => {
    const executor = createGraphQLExecutor({ store: createMemoryStore() });
    const result = await executor.execute({ query: getIntrospectionQuery({ descriptions: true }) });
    await executor.stop();
    expect(result.errors).toBeUndefined();
    const served = buildClientSchema(result.data as unknown as IntrospectionQuery);
    expect(printSchema(lexicographicSortSchema(served))).toBe(printSchema(lexicographicSortSchema(buildSchema(sdl))));
  });

  it('documents every type, field, argument and enum value', () => {
    const undocumented: string[] = [];
    for (const type of Object.values(buildSchema(sdl).getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) undocumented.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) undocumented.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) undocumented.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) undocumented.push(`${type.name}.${value.name}`);
      }
    }
    expect(undocumented).toEqual([]);
  });

  it('keeps the minimum contract of issue 2', () => {
    const contract = buildSchema(`
      enum ConceptType { METHOD TASK DATASET METRIC }
      enum Role { PROPOSED USED }
      type Query {
        paper(id: ID!): Paper
        papers(first: Int = 20, after: String, query: String): PaperConnection!
        concept(id: ID!): Concept
        concepts(type: ConceptType, query: String, first: Int = 20, after: String): ConceptConnection!
      }
      type Paper { id: ID! title: String! abstract: String! concepts(type: ConceptType): [PaperConcept!]! related(first: Int = 10): [RelatedPaper!]! }
      type PaperConcept { concept: Concept! role: Role! mentions: [Mention!]! }
      type Mention { field: String! start: Int! end: Int! text: String! }
      type Concept { id: ID! name: String! type: ConceptType! aliases: [String!]! paperCount: Int! papers(first: Int = 20, after: String): PaperConnection! }
      type RelatedPaper { paper: Paper! score: Float! shared: [Concept!]! }
      type PaperConnection { totalCount: Int! edges: [PaperEdge!]! pageInfo: PageInfo! }
      type ConceptConnection { totalCount: Int! edges: [ConceptEdge!]! pageInfo: PageInfo! }
      type PaperEdge { cursor: String! node: Paper! }
      type ConceptEdge { cursor: String! node: Concept! }
      type PageInfo { hasNextPage: Boolean! endCursor: String }
    `);
    const served = buildSchema(sdl);
    for (const type of Object.values(contract.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      const mine = served.getType(type.name);
      expect(mine?.toString()).toBe(type.name);
      if (isObjectType(type) && isObjectType(mine)) {
        for (const field of Object.values(type.getFields())) {
          const own = mine.getFields()[field.name];
          expect(`${type.name}.${field.name}: ${String(own?.type)}`).toBe(`${type.name}.${field.name}: ${String(field.type)}`);
          for (const arg of field.args) {
            const ownArg = own?.args.find((a) => a.name === arg.name);
            expect([String(ownArg?.type), ownArg?.defaultValue]).toEqual([String(arg.type), arg.defaultValue]);
          }
        }
      }
      if (isEnumType(type) && isEnumType(mine)) {
        expect(mine.getValues().map((v) => v.name)).toEqual(type.getValues().map((v) => v.name));
      }
    }
  });
});

describe('generated resolver types', () => {
  it('are up to date with schema/schema.graphql (npm run codegen)', () => {
    // `--check` regenerates in memory and exits non-zero when the committed file differs.
    expect(() =>
      execFileSync(process.execPath, ['node_modules/@graphql-codegen/cli/esm/bin.js', '--config', 'codegen.ts', '--check'], {
        stdio: 'pipe',
      }),
    ).not.toThrow();
  });
});
