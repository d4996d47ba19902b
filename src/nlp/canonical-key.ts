/**
 * Words whose final "s" is not a plural marker; singularizing them would merge unrelated names
 * (e.g. the Kinetics dataset into "kinetic").
 */
const NOT_PLURAL = new Set([
  'bias', 'gas', 'atlas', 'alias', 'canvas', 'lens', 'news', 'series', 'species', 'bayes', 'chaos', 'thesis',
  'physics', 'mathematics', 'statistics', 'economics', 'linguistics', 'robotics', 'graphics', 'dynamics',
  'kinetics', 'semantics', 'analytics', 'genomics', 'ethics', 'optics', 'mechanics', 'pragmatics', 'phonetics',
  'logistics', 'diagnostics', 'acoustics', 'aids', 'glass', 'express', 'plus', 'cifar', 'various', 'previous',
]);

const IES_TO_IE = new Set(['movies', 'cookies', 'ties', 'lies', 'pies', 'zombies', 'calories']);

/** Singular of one lowercase word; conservative because a wrong merge is worse than a missed one. */
export function singularize(word: string): string {
  if (word.length <= 3 || !word.endsWith('s') || NOT_PLURAL.has(word)) return word;
  if (/[^a-z]/.test(word.slice(-3))) return word;
  if (word.endsWith('ies')) return IES_TO_IE.has(word) ? word.slice(0, -1) : `${word.slice(0, -3)}y`;
  if (/(?:ss|us|is|ous)$/.test(word)) return word;
  if (/(?:sses|ches|shes|xes|zes)$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

/**
 * Key shared by every spelling of a name: case-folded, dashes/spaces/underscores unified to one hyphen,
 * last word singular. "Large Language Models", "large-language model" → "large-language-model".
 */
export function canonicalKey(name: string): string {
  const norm = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/['’]s\b/g, '')
    .replace(/[\s_\-–/]+/g, ' ')
    .replace(/[^\p{L}\p{N}\s.+^()*]/gu, '')
    .trim();
  const words = norm.split(' ').filter((w) => w.length > 0);
  const last = words.length - 1;
  if (last >= 0) {
    const w = words[last] as string;
    // Plural acronyms ("LLMs") lose the case cue after lowercasing, so singularize only plain words here.
    words[last] = singularize(w);
  }
  return words.join('-');
}
