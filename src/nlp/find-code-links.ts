const CODE_HOST = /(?:https?:\/\/)?(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|huggingface\.co|codeberg\.org|sourceforge\.net)\/[^\s)\]}>,;"'`]+/gi;
const ANY_URL = /https?:\/\/[^\s)\]}>,;"'`]+/gi;
const CODE_CONTEXT = /\b(?:code|implementation|repository|source|project page|available|released|open-source|open source)\b/i;

function clean(url: string): string {
  const trimmed = url.replace(/[.:]+$/, '');
  return /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

/**
 * Repository URLs: any link to a code host, plus other links in a sentence that talks about code
 * ("Code is available at https://…"). Scheme-less host links get https:// so the same repo compares equal.
 */
export function findCodeLinks(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(CODE_HOST)) out.add(clean(m[0]));
  for (const sentence of text.split(/(?<=[.!?])\s+(?=[A-Z])/)) {
    if (!CODE_CONTEXT.test(sentence)) continue;
    for (const m of sentence.matchAll(ANY_URL)) out.add(clean(m[0]));
  }
  return [...out];
}
