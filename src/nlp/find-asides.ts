import type { Token } from './tokenize.js';

/** Character span [start, end) of text that mentions no concept of the paper. */
export interface Aside {
  start: number;
  end: number;
}

// A surname, with its particles ("van Durme") and hyphens or apostrophes ("Callison-Burch", "O'Neil").
const NAME = String.raw`(?:(?:[Vv]an|[Vv]on|[Dd]e|[Dd]er|[Dd]en|[Dd]a|[Dd]i|[Ll]e|[Ll]a) )*[A-Z][\p{L}'’-]+`;
const AUTHORS = String.raw`${NAME}(?: et al\.?|,? (?:&|and) ${NAME})?`;
const YEAR = String.raw`(?:19|20)\d{2}[a-z]?`;
/** "(Ippolito & Callison-Burch, 2023)", "(see Wang et al., 2022; Lee, 2021a)". */
const PAREN_CITATION = new RegExp(String.raw`\((?:(?:see|cf\.|e\.g\.),? )?${AUTHORS},? ${YEAR}(?:[;,] ${AUTHORS},? ${YEAR})*\)`, 'gu');
/** "Wang et al. (2022)", "Ippolito and Callison-Burch (2023)": the names before the year. */
const NARRATIVE_CITATION = new RegExp(String.raw`(?<![\p{L}\p{N}])(${AUTHORS}) \(${YEAR}\)`, 'gu');
const QUOTED = /"([^"\n]{1,400})"|“([^”\n]{1,400})”|``([^'\n]{1,400})''/g;

/**
 * Text of an abstract or title that names no concept: author names of inline citations, and quoted example
 * sentences ("Hakuna Matata means no worries …"), which show data rather than name a method. A quoted
 * term ("associative recall", "Lost in the Middle") is not an aside: it is too short for a sentence or
 * has no verb.
 */
export function findAsides(source: string, tokens: readonly Token[]): Aside[] {
  const out: Aside[] = [];
  for (const m of source.matchAll(PAREN_CITATION)) out.push({ start: m.index, end: m.index + m[0].length });
  for (const m of source.matchAll(NARRATIVE_CITATION)) out.push({ start: m.index, end: m.index + (m[1] as string).length });
  for (const m of source.matchAll(QUOTED)) {
    const mark = m[0].startsWith('``') ? 2 : 1;
    const start = m.index + mark;
    const end = m.index + m[0].length - mark;
    const inside = tokens.filter((t) => t.start >= start && t.end <= end);
    if (inside.length >= 4 && inside.some((t, k) => t.pos === 'VERB' || pastTenseClause(inside, k))) out.push({ start, end });
  }
  return out;
}

/**
 * "the cat sat on the mat", "Bilbo took the ring": a past form between a subject and an object or
 * preposition. Alone it may be a modifier ("retrieval augmented generation") or open a title ("Lost in the Middle").
 */
function pastTenseClause(tokens: readonly Token[], k: number): boolean {
  const before = tokens[k - 1];
  const after = tokens[k + 1];
  return (tokens[k] as Token).pos === 'PARTICIPLE' && before !== undefined && /^(?:NOUN|PROPN|PRON)$/.test(before.pos) && after !== undefined && /^(?:DET|PRON|PREP)$/.test(after.pos);
}

/**
 * Per token, whether it starts inside an aside. Computed once per field, so that every stage that makes
 * concepts or mentions (noun phrases, acronym definitions, title phrases, the lexicon matcher) skips the
 * same tokens.
 */
export function asideTokens(source: string, tokens: readonly Token[]): boolean[] {
  const asides = findAsides(source, tokens);
  return tokens.map((t) => asides.some((a) => t.start >= a.start && t.start < a.end));
}
