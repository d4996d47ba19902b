import { PapergraphError } from '../errors/index.js';
import { isIsoDate } from '../ingest/index.js';
import { CONCEPT_TYPES, FIELDS, ROLES, canonicalKey } from '../nlp/index.js';
import type { ConceptType, Mention } from '../nlp/index.js';
import { compareMentions } from './compare.js';
import { paperSearchText } from './search-terms.js';
import type { AnalyzedPaper, PaperConceptLink, StoredPaper } from './types.js';

/** A paper as both stores write it: validated, with its links and its search tokens. */
export interface PreparedPaper {
  paper: StoredPaper;
  /** See `paperSearchText`. */
  searchText: string;
  /** One per concept, mentions sorted. */
  links: (PaperConceptLink & { type: ConceptType })[];
}

/** What a batch says about one concept, merged over its papers in write order. */
export interface IncomingConcept {
  id: string;
  name: string;
  type: ConceptType;
  /** Aliases in first-seen order; `mergeConcept` drops the stored name from them. */
  aliases: string[];
  /** First broader id the batch gives, if any. */
  broader: string | null;
}

export interface PreparedBatch {
  /** Deduplicated by id (the last record wins, at the position of its last occurrence). */
  papers: PreparedPaper[];
  /** Every concept the batch links, in first-seen order. */
  concepts: IncomingConcept[];
}

/** A concept's stored properties other than its paper count. */
export interface ConceptState {
  name: string;
  type: ConceptType;
  aliases: string[];
  broader: string | null;
}

/**
 * The one rule for what a write does to a concept, shared by both stores: name and type stay as created,
 * aliases are appended in first-seen order (never the name), the first broader id given sticks.
 */
export function mergeConcept(existing: ConceptState | null, incoming: IncomingConcept): ConceptState {
  const name = existing?.name ?? incoming.name;
  const aliases = [...(existing?.aliases ?? [])];
  for (const alias of incoming.aliases) {
    if (alias !== name && !aliases.includes(alias)) aliases.push(alias);
  }
  return { name, type: existing?.type ?? incoming.type, aliases, broader: existing?.broader ?? incoming.broader };
}

/** The `canonicalKey`s `findConceptByName` resolves to a concept: its name's and its aliases'. */
export function conceptKeys(concept: { name: string; aliases: readonly string[] }): string[] {
  return [...new Set([concept.name, ...concept.aliases].map(canonicalKey))];
}

const CONCEPT_ID = /^(method|task|dataset|metric):\S/;

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** Problems with one paper, as messages; empty when it can be written. */
function paperProblems(paper: AnalyzedPaper): string[] {
  const problems: string[] = [];
  if (typeof paper.id !== 'string' || paper.id.trim() === '') problems.push('id must be a non-empty string');
  if (typeof paper.title !== 'string') problems.push('title must be a string');
  if (typeof paper.abstract !== 'string') problems.push('abstract must be a string');
  if (paper.url !== null && typeof paper.url !== 'string') problems.push('url must be a string or null');
  if (paper.published !== null && (typeof paper.published !== 'string' || !isIsoDate(paper.published))) {
    problems.push(`published must be a YYYY-MM-DD date or null, got ${JSON.stringify(paper.published)}`);
  }
  if (!isStringArray(paper.authors)) problems.push('authors must be an array of strings');
  // Optional for callers written before papers had them (`undefined` = none).
  if (paper.categories !== undefined && !isStringArray(paper.categories)) problems.push('categories must be an array of strings');
  if (paper.doi !== undefined && paper.doi !== null && typeof paper.doi !== 'string') problems.push('doi must be a string or null');
  const extraction = paper.extraction as AnalyzedPaper['extraction'] | undefined;
  if (extraction === undefined || extraction === null || !Array.isArray(extraction.concepts)) {
    problems.push('extraction.concepts must be an array');
    return problems;
  }
  if (!isStringArray(extraction.codeLinks)) problems.push('extraction.codeLinks must be an array of strings');
  if (problems.length > 0) return problems;

  const seen = new Set<string>();
  extraction.concepts.forEach((concept, i) => {
    const at = `concept ${i} (${JSON.stringify(concept?.id)})`;
    if (concept === null || typeof concept !== 'object') {
      problems.push(`${at} must be an object`);
      return;
    }
    if (!CONCEPT_TYPES.includes(concept.type)) {
      problems.push(`${at}: type must be one of ${CONCEPT_TYPES.join(', ')}, got ${JSON.stringify(concept.type)}`);
    } else if (typeof concept.id !== 'string' || !CONCEPT_ID.test(concept.id) || !concept.id.startsWith(`${concept.type.toLowerCase()}:`)) {
      problems.push(`${at}: id must look like "${concept.type.toLowerCase()}:<key>"`);
    }
    if (seen.has(concept.id)) problems.push(`${at}: the concept appears twice in the paper`);
    seen.add(concept.id);
    if (typeof concept.name !== 'string' || concept.name.trim() === '') problems.push(`${at}: name must be a non-empty string`);
    if (!isStringArray(concept.aliases)) problems.push(`${at}: aliases must be an array of strings`);
    if (!ROLES.includes(concept.role)) problems.push(`${at}: role must be one of ${ROLES.join(', ')}`);
    if (typeof concept.confidence !== 'number' || !(concept.confidence >= 0 && concept.confidence <= 1)) {
      problems.push(`${at}: confidence must be a number in [0, 1]`);
    }
    if (typeof concept.evidence !== 'string') problems.push(`${at}: evidence must be a string`);
    if (concept.broader !== undefined && (typeof concept.broader !== 'string' || !CONCEPT_ID.test(concept.broader))) {
      problems.push(`${at}: broader must be a concept id`);
    }
    if (!Array.isArray(concept.mentions) || concept.mentions.length === 0) {
      problems.push(`${at}: mentions must be a non-empty array`);
      return;
    }
    concept.mentions.forEach((mention: Mention, j) => {
      const source = FIELDS.includes(mention?.field) ? paper[mention.field] : undefined;
      const valid =
        source !== undefined &&
        Number.isInteger(mention.start) &&
        Number.isInteger(mention.end) &&
        mention.start >= 0 &&
        mention.start < mention.end &&
        mention.end <= source.length &&
        source.slice(mention.start, mention.end) === mention.text;
      if (!valid) {
        problems.push(
          `${at}: mention ${j} ${JSON.stringify(mention)} must satisfy ${FIELDS.join('|')}.slice(start, end) === text`,
        );
      }
    });
  });
  return problems;
}

/**
 * Validates a whole batch before anything is written, so a bad record refuses the batch with
 * `BAD_USER_INPUT` (every problem listed in `details.errors`) and no store is left half-written.
 */
export function preparePapers(papers: readonly AnalyzedPaper[]): PreparedBatch {
  if (!Array.isArray(papers)) throw new PapergraphError('BAD_USER_INPUT', 'papers must be an array');
  const errors: { index: number; paperId: unknown; message: string }[] = [];
  papers.forEach((paper, index) => {
    const problems =
      paper === null || typeof paper !== 'object' ? ['a paper must be an object'] : paperProblems(paper);
    for (const message of problems) errors.push({ index, paperId: paper?.id, message });
  });
  if (errors.length > 0) {
    const first = errors[0] as (typeof errors)[number];
    throw new PapergraphError(
      'BAD_USER_INPUT',
      `Refused the batch: ${errors.length} problem(s); first: paper ${first.index} (${JSON.stringify(first.paperId)}): ${first.message}`,
      { details: { errors } },
    );
  }

  const lastById = new Map<string, AnalyzedPaper>();
  for (const paper of papers) {
    lastById.delete(paper.id);
    lastById.set(paper.id, paper);
  }

  const concepts = new Map<string, IncomingConcept>();
  const prepared = [...lastById.values()].map((paper): PreparedPaper => {
    const links = paper.extraction.concepts.map((concept) => {
      const incoming = concepts.get(concept.id);
      if (incoming === undefined) {
        concepts.set(concept.id, {
          id: concept.id,
          name: concept.name,
          type: concept.type,
          aliases: [...new Set(concept.aliases)],
          broader: concept.broader ?? null,
        });
      } else {
        for (const alias of concept.aliases) {
          if (!incoming.aliases.includes(alias)) incoming.aliases.push(alias);
        }
        incoming.broader ??= concept.broader ?? null;
      }
      return {
        paperId: paper.id,
        conceptId: concept.id,
        type: concept.type,
        role: concept.role,
        confidence: concept.confidence,
        mentions: concept.mentions
          .map(({ field, start, end, text }) => ({ field, start, end, text }))
          .sort(compareMentions),
        evidence: concept.evidence,
      };
    });
    return {
      paper: {
        id: paper.id,
        title: paper.title,
        abstract: paper.abstract,
        url: paper.url ?? null,
        published: paper.published ?? null,
        authors: [...paper.authors],
        categories: [...(paper.categories ?? [])],
        doi: paper.doi ?? null,
        codeLinks: [...paper.extraction.codeLinks],
      },
      searchText: paperSearchText(paper.title, paper.abstract),
      links,
    };
  });
  return { papers: prepared, concepts: [...concepts.values()] };
}
