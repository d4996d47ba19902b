import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  isListType,
  isLeafType,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { MAX_PAGE_SIZE } from './page-arguments.js';

/** Limits on what one GraphQL operation may ask for. */
export interface QueryLimitsOptions {
  /** Deepest field nesting (introspection excepted). Default 12. */
  maxDepth?: number;
  /** Most aliases in one operation. Default 20. */
  maxAliases?: number;
  /** Most directives in one operation. Default 50. */
  maxDirectives?: number;
  /** Most lexical tokens in one document. Default 5000. */
  maxTokens?: number;
  /** Highest estimated cost (see `estimateFieldCost`). Default 10000. */
  maxCost?: number;
}

/**
 * Characters of text that cost 1, for fields that run extraction on their arguments (`Query.extract`): its time
 * grows with the text, so within the default cost limit a request may ask for about 50,000 characters of
 * extraction (two and a half of the longest abstracts), not 20 aliases of 20,000 characters each.
 */
export const EXTRACT_CHARACTERS_PER_COST = 5;

/** Text arguments that are extracted, per field; their length is the field's cost. */
const EXTRACTED_ARGUMENTS: Record<string, readonly string[]> = { 'Query.extract': ['text', 'title'] };

/** Items assumed for a list field without a `first` argument (e.g. a paper's concepts). */
const ASSUMED_LIST_SIZE = 10;

/**
 * Cost of one field: 0 for scalars (they come with their parent), 1 for an object plus its children, times the
 * number of items a list or connection can return: its `first` (capped at the page size, so an oversized
 * `first` gets the clearer page-size error) or an assumed size. A page of 100 papers with their concepts and
 * mentions costs about 4300; 100 papers × 100 related papers each costs about 30000. `extract` costs 1 per
 * `EXTRACT_CHARACTERS_PER_COST` characters of its text.
 */
export function estimateFieldCost({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number {
  // Introspection is bounded by the schema's size, so it is never what a limit should refuse.
  if (type.name.startsWith('__') || field.name.startsWith('__')) return 0;
  const extracted = EXTRACTED_ARGUMENTS[`${type.name}.${field.name}`];
  if (extracted !== undefined) {
    const characters = extracted.reduce((sum, name) => sum + (typeof args[name] === 'string' ? (args[name] as string).length : 0), 0);
    return 1 + Math.ceil(characters / EXTRACT_CHARACTERS_PER_COST) + childComplexity;
  }
  if (isLeafType(getNamedType(field.type))) return 0;
  const nullable = getNullableType(field.type);
  const isConnection = !isListType(nullable) && getNamedType(nullable).name.endsWith('Connection');
  // A connection already multiplied by its page size; its edges and nodes lists are that page.
  if (type.name.endsWith('Connection')) return 1 + childComplexity;
  if (!isListType(nullable) && !isConnection) return 1 + childComplexity;
  const first = args['first'];
  const items = typeof first === 'number' ? Math.min(Math.max(first, 0), MAX_PAGE_SIZE) : ASSUMED_LIST_SIZE;
  return 1 + items * childComplexity;
}

function limitError(limit: string, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  // `limit` marks the refusal as ours; the error formatter turns it into BAD_USER_INPUT.
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', limit, ...extensions } });
}

function reportAs(limit: string) {
  // armor words some refusals as "Syntax Error: …", which they are not.
  return [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(limitError(limit, error.message.replace(/^Syntax Error: /, ''))),
  ];
}

/**
 * The cost check runs once the operation is resolved, when variables are known (`first: $n` costs what `$n`
 * says); validation rules cannot see variables.
 */
function createCostPlugin(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          const variables = request.variables ?? {};
          // Invalid variables fail execution with their own clear error; do not estimate with them.
          if (operation === undefined) return;
          if (getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors) return;
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              variables,
              estimators: [estimateFieldCost],
              ...(request.operationName == null ? {} : { operationName: request.operationName }),
            });
          } catch (error) {
            throw limitError('maxCost', error instanceof Error ? error.message : String(error), { http: { status: 400 } });
          }
          if (cost > maxCost) {
            throw limitError(
              'maxCost',
              `Query cost ${cost} exceeds the limit of ${maxCost}: ask for fewer items (smaller \`first\`) or fewer nested lists.`,
              { cost, maxCost, http: { status: 400 } },
            );
          }
        },
      };
    },
  };
}

export interface QueryLimits {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
}

export function createQueryLimits(schema: GraphQLSchema, options: QueryLimitsOptions = {}): QueryLimits {
  const armor = new ApolloArmor({
    maxDepth: { n: options.maxDepth ?? 12, propagateOnRejection: false, onReject: reportAs('maxDepth') },
    maxAliases: { n: options.maxAliases ?? 20, propagateOnRejection: false, onReject: reportAs('maxAliases') },
    maxDirectives: { n: options.maxDirectives ?? 50, propagateOnRejection: false, onReject: reportAs('maxDirectives') },
    // Replaced: armor's cost ignores page sizes; graphql-js's own parser limit is used for tokens instead of a
    // plugin that throws outside Apollo's error handling.
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    // Suggestions are a configuration (`Config.suggestions`), applied by Apollo's hideSchemaDetailsFromClientErrors.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    // armor types its plugins against Apollo's CommonJS declarations; the objects are the same at runtime.
    plugins: [...(armor.plugins as unknown as ApolloServerPlugin[]), createCostPlugin(schema, options.maxCost ?? 10_000)],
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: options.maxTokens ?? 5000 },
  };
}
