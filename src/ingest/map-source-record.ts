import { bareDoi, collapseSpace, isObject, sourcePaperId } from './source-ids.js';

/** A source record turned into papergraph's input shape (validated afterwards), or why it cannot be. */
export type MappedRecord = { ok: true; input: unknown } | { ok: false; message: string };

const fail = (message: string): MappedRecord => ({ ok: false, message });

/** Each element of an author list as a name, dropping empty ones. */
function names(values: unknown[]): string[] {
  return values.map((value) => collapseSpace(value)).filter((name): name is string => typeof name === 'string' && name !== '');
}

/** RFC 2822 ("Mon, 2 Apr 2007 19:18:42 GMT", arXiv's version dates) or ISO to YYYY-MM-DD in UTC. */
function dayOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}

/**
 * An arXiv metadata snapshot record (`id`, `title`, `abstract`, `authors`/`authors_parsed`, `categories`,
 * `doi`, `versions`, `update_date`): id `arxiv:<id>` (unless a DOI says otherwise, see `sourcePaperId`), the
 * abstract page as url, the first version's date as `published` (`update_date` when there are no versions),
 * categories split, the DOI kept. Line wraps inside title and abstract are the dump's, not the author's, so white space is
 * collapsed.
 */
export function mapArxivRecord(value: unknown): MappedRecord {
  if (!isObject(value)) return fail('an arXiv record must be a JSON object');
  const arxivId = typeof value.id === 'string' ? value.id.trim() : '';
  if (arxivId === '') return fail('arXiv record without an id');
  const parsed = Array.isArray(value.authors_parsed) ? value.authors_parsed : null;
  const authors = parsed
    ? names(parsed.map((parts) => (Array.isArray(parts) ? [parts[1], parts[0], parts[2]].filter((p) => typeof p === 'string' && p !== '').join(' ') : parts)))
    : typeof value.authors === 'string'
      ? names(value.authors.split(/,\s*|\s+and\s+/))
      : [];
  const versions = Array.isArray(value.versions) ? value.versions : [];
  const firstVersion = versions.find((v) => isObject(v) && v.version === 'v1') ?? versions[0];
  const published = dayOf(isObject(firstVersion) ? firstVersion.created : undefined) ?? (value.update_date as unknown);
  return {
    ok: true,
    input: {
      id: sourcePaperId(bareDoi(value.doi), `arxiv:${arxivId}`),
      title: collapseSpace(value.title),
      abstract: collapseSpace(value.abstract),
      url: `https://arxiv.org/abs/${arxivId}`,
      published: published ?? null,
      authors,
      categories: typeof value.categories === 'string' ? value.categories.split(/\s+/).filter(Boolean) : [],
      doi: bareDoi(value.doi),
    },
  };
}

/**
 * OpenAlex's abstract: `abstract_inverted_index` maps each word to its positions (a word used twice has two);
 * the words are put back at their positions and joined with spaces.
 */
export function abstractFromInvertedIndex(index: unknown): string | null {
  if (!isObject(index)) return null;
  const words: string[] = [];
  for (const [word, positions] of Object.entries(index)) {
    if (!Array.isArray(positions)) return null;
    for (const position of positions) {
      if (!Number.isInteger(position) || position < 0 || position > 100_000) return null;
      words[position as number] = word;
    }
  }
  const text = words.filter((word) => word !== undefined).join(' ').trim();
  return text === '' ? null : text;
}

/**
 * An OpenAlex work (snapshot line or API result): `display_name`/`title`, the abstract rebuilt from
 * `abstract_inverted_index`, `publication_date`, `authorships[].author.display_name`, `doi` (kept); id from the DOI or
 * `openalex:W…`. A work without an abstract is a bad record.
 */
export function mapOpenAlexRecord(value: unknown): MappedRecord {
  if (!isObject(value)) return fail('an OpenAlex work must be a JSON object');
  const workId = typeof value.id === 'string' ? /W\d+$/.exec(value.id)?.[0] : undefined;
  if (workId === undefined) return fail('OpenAlex work without an id like https://openalex.org/W…');
  const abstract = abstractFromInvertedIndex(value.abstract_inverted_index);
  if (abstract === null) return fail(`OpenAlex work ${workId} has no abstract (abstract_inverted_index is empty or missing)`);
  const doi = bareDoi(value.doi);
  const location = isObject(value.primary_location) ? value.primary_location : {};
  const authorships = Array.isArray(value.authorships) ? value.authorships : [];
  return {
    ok: true,
    input: {
      id: sourcePaperId(doi, `openalex:${workId}`),
      title: collapseSpace(value.display_name ?? value.title),
      abstract,
      url: doi !== null ? `https://doi.org/${doi}` : typeof location.landing_page_url === 'string' ? location.landing_page_url : `https://openalex.org/${workId}`,
      published: value.publication_date ?? null,
      authors: names(authorships.map((a) => (isObject(a) && isObject(a.author) ? a.author.display_name : null))),
      doi,
    },
  };
}

/** Semantic Scholar's field names are lower case in the datasets and camelCase in the Graph API. */
function s2Field(value: Record<string, unknown>, lower: string, camel: string): unknown {
  return value[lower] ?? value[camel];
}

/** The corpus id of a Semantic Scholar record (papers or abstracts dataset, or Graph API), or null. */
export function s2CorpusId(value: unknown): string | null {
  if (!isObject(value)) return null;
  const id = s2Field(value, 'corpusid', 'corpusId');
  return typeof id === 'number' || (typeof id === 'string' && /^\d+$/.test(id)) ? String(id) : null;
}

/** An `abstracts` dataset record: a corpus id and an abstract, no title. */
export function isS2AbstractRecord(value: unknown): boolean {
  return isObject(value) && s2CorpusId(value) !== null && 'abstract' in value && !('title' in value);
}

/**
 * A Semantic Scholar `papers` record (with `abstract` when it carries one, or joined with its `abstracts`
 * record by corpus id): `title`, `publicationdate` (a `year` alone is no date, so `published` stays empty),
 * `authors[].name`, `externalids.DOI` (kept); id from the DOI, the arXiv id, or `s2:<corpusid>`.
 */
export function mapS2Record(value: unknown, abstract?: string): MappedRecord {
  if (!isObject(value)) return fail('a Semantic Scholar record must be a JSON object');
  const corpusId = s2CorpusId(value);
  if (corpusId === null) return fail('Semantic Scholar record without a corpusid');
  const external = s2Field(value, 'externalids', 'externalIds');
  const ids = isObject(external) ? external : {};
  const arxiv = typeof ids.ArXiv === 'string' && ids.ArXiv !== '' ? `arxiv:${ids.ArXiv}` : null;
  const authors = s2Field(value, 'authors', 'authors');
  const url = value.url;
  const doi = bareDoi(ids.DOI);
  return {
    ok: true,
    input: {
      id: sourcePaperId(doi, arxiv ?? `s2:${corpusId}`),
      title: collapseSpace(value.title),
      abstract: collapseSpace(abstract ?? value.abstract),
      url: typeof url === 'string' && url !== '' ? url : `https://api.semanticscholar.org/CorpusId:${corpusId}`,
      published: s2Field(value, 'publicationdate', 'publicationDate') ?? null,
      authors: Array.isArray(authors) ? names(authors.map((a) => (isObject(a) ? a.name : a))) : [],
      doi,
    },
  };
}
