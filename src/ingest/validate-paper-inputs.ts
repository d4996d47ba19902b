import { z } from 'zod';
import { isIsoDate } from './is-iso-date.js';
import { paperIdFromTitle } from './paper-id-from-title.js';
import { bareDoi } from './source-ids.js';
import type { PaperRecord, ReadResult, RecordError } from './types.js';

/** Limits that keep one bad record from exhausting memory or the NLP pass; generous for real papers. */
export const PAPER_LIMITS = {
  idLength: 200,
  titleLength: 1_000,
  abstractLength: 20_000,
  urlLength: 2_000,
  authors: 1_000,
  authorLength: 300,
  categories: 100,
  categoryLength: 100,
  doiLength: 300,
} as const;

/** A UTF-16 surrogate without its pair: not a character, and Neo4j would store it as U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether `value` is well-formed Unicode, so every store keeps it exactly as given. */
export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

const wellFormed = (label: string) => [isWellFormedText, `${label} contains an unpaired surrogate (not valid Unicode)`] as const;

const text = (label: string, max: number) =>
  z
    .string({ error: (issue) => (issue.input == null ? `${label} is required` : `${label} must be a string`) })
    .max(max, `${label} is longer than ${max} characters`)
    // Kept as given, not trimmed: mention offsets must index the text the user sent.
    .refine((value) => value.trim() !== '', `${label} must not be empty`)
    .refine(...wellFormed(label));

// Dates often arrive as timestamps ("2024-01-02T10:00:00Z"); the day is what papergraph keeps.
const ISO_DATE_TIME = z.iso.datetime({ offset: true, local: true });

const makePaperInputSchema = (titleRequired: boolean) => z.object(
  {
    id: z
      .string({ error: 'id must be a string' })
      .trim()
      .min(1, 'id must not be empty')
      .max(PAPER_LIMITS.idLength, `id is longer than ${PAPER_LIMITS.idLength} characters`)
      .regex(/^[\p{L}\p{N}][\p{L}\p{N}._:/-]*$/u, 'id may contain only letters, digits and . _ : / -')
      .nullish(),
    title: titleRequired
      ? text('title', PAPER_LIMITS.titleLength)
      : z
          .string({ error: 'title must be a string' })
          .max(PAPER_LIMITS.titleLength, `title is longer than ${PAPER_LIMITS.titleLength} characters`)
          .refine(...wellFormed('title'))
          .default(''),
    abstract: text('abstract', PAPER_LIMITS.abstractLength),
    url: z
      .string({ error: 'url must be a string' })
      .max(PAPER_LIMITS.urlLength, `url is longer than ${PAPER_LIMITS.urlLength} characters`)
      .refine((value) => /^https?:\/\/\S+$/.test(value) && URL.canParse(value), 'url must be an http(s) URL')
      .nullish(),
    published: z
      .string({ error: 'published must be a date string' })
      .refine((value) => isIsoDate(value) || ISO_DATE_TIME.safeParse(value).success, 'published must be a date as YYYY-MM-DD (or a full ISO timestamp)')
      .transform((value) => value.slice(0, 10))
      .nullish(),
    authors: z
      .array(text('each author', PAPER_LIMITS.authorLength), { error: 'authors must be an array of strings' })
      .max(PAPER_LIMITS.authors, `more than ${PAPER_LIMITS.authors} authors`)
      .nullish(),
    categories: z
      .array(
        z
          .string({ error: 'each category must be a string' })
          .max(PAPER_LIMITS.categoryLength, `a category is longer than ${PAPER_LIMITS.categoryLength} characters`)
          .regex(/^\S+$/, 'a category must be one word, like cs.CL'),
        { error: 'categories must be an array of strings' },
      )
      .max(PAPER_LIMITS.categories, `more than ${PAPER_LIMITS.categories} categories`)
      .nullish(),
    // Stored bare and lower-cased whatever form it came in (`https://doi.org/…`, `doi:…`), so DOIs compare equal.
    doi: z
      .string({ error: 'doi must be a string' })
      .max(PAPER_LIMITS.doiLength, `doi is longer than ${PAPER_LIMITS.doiLength} characters`)
      .transform((value, ctx) => {
        const doi = bareDoi(value);
        if (doi === null || !isWellFormedText(doi)) {
          ctx.addIssue({ code: 'custom', message: 'doi must be a DOI like 10.1234/abc (or https://doi.org/10.1234/abc)' });
          return z.NEVER;
        }
        return doi.toLowerCase();
      })
      .nullish(),
  },
  { error: 'a paper must be a JSON object' },
);
const paperInputSchema = makePaperInputSchema(true);
const untitledPaperInputSchema = makePaperInputSchema(false);


export interface ValidateOptions {
  /** Accept records with an empty or missing title (for `extract`, which stores nothing). Default false. */
  allowEmptyTitle?: boolean;
}

/** One input to validate, with where it came from. */
export interface LocatedInput {
  value: unknown;
  line: number;
}

/** Validates one raw input: the paper (with an id derived from the title when none is given), or why not. */
export function validatePaperInput(value: unknown, options: ValidateOptions = {}): { paper: PaperRecord } | { message: string } {
  const schema = options.allowEmptyTitle ? untitledPaperInputSchema : paperInputSchema;
  const parsed = schema.safeParse(value);
  if (!parsed.success) return { message: [...new Set(parsed.error.issues.map((issue) => issue.message))].join('; ') };
  const input = parsed.data;
  return {
    paper: {
      id: input.id ?? paperIdFromTitle(input.title.trim() === '' ? input.abstract : input.title),
      title: input.title,
      abstract: input.abstract,
      url: input.url ?? null,
      published: input.published ?? null,
      authors: input.authors ?? [],
      categories: input.categories ?? [],
      doi: input.doi ?? null,
    },
  };
}

/**
 * Validates raw paper inputs one by one. Good records become `PaperRecord`s; bad ones become `RecordError`s
 * naming source and line. A record whose id repeats an earlier one in the same batch is an error, so a batch
 * never silently overwrites itself.
 */
export function validateLocatedInputs(
  inputs: readonly LocatedInput[],
  source: string,
  options: ValidateOptions = {},
): ReadResult {
  const papers: PaperRecord[] = [];
  const errors: RecordError[] = [];
  const seen = new Map<string, number>();
  for (const { value, line } of inputs) {
    const result = validatePaperInput(value, options);
    if ('message' in result) {
      errors.push({ source, line, message: result.message });
      continue;
    }
    const { paper } = result;
    const firstLine = seen.get(paper.id);
    if (firstLine !== undefined) {
      errors.push({ source, line, message: `duplicate paper id "${paper.id}" (first at line ${firstLine})` });
      continue;
    }
    seen.set(paper.id, line);
    papers.push(paper);
  }
  return { papers, errors };
}

/** Validates a batch given through the API: `line` in errors is the 1-based position in the batch. */
export function validatePaperInputs(inputs: readonly unknown[], source = 'input'): ReadResult {
  return validateLocatedInputs(
    inputs.map((value, index) => ({ value, line: index + 1 })),
    source,
  );
}
