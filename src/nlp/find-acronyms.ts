import type { Token } from './tokenize.js';

export interface AcronymDefinition {
  short: string;
  /** Token index of the short form. */
  shortAt: number;
  /** Token span [from, to) of the expansion. */
  from: number;
  to: number;
}

const SHORT_FORM = /^[A-Za-z][A-Za-z0-9.-]{0,11}$/;

/**
 * Schwartz & Hearst (2003): every letter of the short form, right to left, must appear in order in the
 * long form, and its first letter must start a word. Returns how many trailing words the long form needs,
 * or 0 when it cannot be formed.
 */
export function matchAcronym(short: string, words: readonly string[]): number {
  const letters = short.replace(/s$/, (m) => (/[A-Z]s$/.test(short) ? '' : m)).replace(/[^A-Za-z0-9]/g, '').toLowerCase();
  if (letters.length < 2) return 0;
  const long = words.join(' ').toLowerCase();
  let s = letters.length - 1;
  let l = long.length - 1;
  while (s >= 0) {
    const c = letters[s] as string;
    while (l >= 0 && (long[l] !== c || (s === 0 && l > 0 && /[a-z0-9]/.test(long[l - 1] as string)))) l--;
    if (l < 0) return 0;
    s--;
    l--;
  }
  // l+1 is where the long form starts; count the words from there.
  const startChar = l + 1;
  let count = 0;
  let pos = long.length;
  for (let w = words.length - 1; w >= 0; w--) {
    pos -= (words[w] as string).length;
    count++;
    if (pos <= startChar) break;
    pos -= 1;
  }
  return count;
}

/** The tagger often misreads words right before "(", so only URLs and pronouns bound an expansion. */
function expansionToken(t: Token): boolean {
  return t.pos !== 'URL' && t.pos !== 'PRON';
}

/** "Long Range Arena (LRA)", "large language models ( LLMs )": the expansion right before a parenthesised short form. */
export function findAcronyms(tokens: readonly Token[]): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const prev = tokens[i - 1] as Token;
    if (prev.gap.trim() !== '(' || !t.gap.trim().startsWith(')')) continue;
    if (!SHORT_FORM.test(t.text) || !/[A-Z]/.test(t.text)) continue;
    const letters = t.text.replace(/[^A-Za-z0-9]/g, '').length;
    // Look back over at most letters+5 words, not across other punctuation (Schwartz & Hearst's window).
    let from = i - 1;
    const limit = Math.max(0, i - Math.min(letters + 5, 2 * letters));
    while (from - 1 >= limit) {
      const p = tokens[from - 1] as Token;
      if (p.gap.trim() !== '' || p.sentence !== t.sentence || !expansionToken(p)) break;
      from--;
    }
    const window = tokens.slice(from, i);
    const needed = matchAcronym(t.text, window.map((w) => w.text));
    if (needed === 0) continue;
    let start = i - needed;
    // An expansion does not begin with a function word.
    while (start < i - 1 && ['PREP', 'CONJ', 'DET', 'VERB', 'ADV'].includes((tokens[start] as Token).pos)) start++;
    if (start >= i) continue;
    out.push({ short: t.text, shortAt: i, from: start, to: i });
  }
  return out;
}
