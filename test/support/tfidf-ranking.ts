/**
 * The baseline that concept-based relatedness must beat: TF-IDF cosine over title and abstract, with
 * sublinear term frequency and English stop words dropped, the usual strong text-similarity baseline.
 */
const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by can do does for from has have how in into is it its may more most ' +
    'not of on or our over such than that the their them these they this those through to under up was we ' +
    'were what when where which while who will with without you your also both each however than then there ' +
    'thus via well yet'
  ).split(' '),
);

export function tokenize(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((token) => !STOP_WORDS.has(token) && token.length > 1);
}

export interface Document {
  id: string;
  text: string;
}

/** For each document, the other documents ranked by TF-IDF cosine similarity, best first (ties by id). */
export function createTfidfRanking(documents: readonly Document[]): (id: string) => string[] {
  const termCounts = documents.map((doc) => {
    const counts = new Map<string, number>();
    for (const token of tokenize(doc.text)) counts.set(token, (counts.get(token) ?? 0) + 1);
    return counts;
  });
  const documentFrequency = new Map<string, number>();
  for (const counts of termCounts) {
    for (const term of counts.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const n = documents.length;
  const vectors = termCounts.map((counts) => {
    const vector = new Map<string, number>();
    let norm = 0;
    for (const [term, count] of counts) {
      const weight = (1 + Math.log(count)) * Math.log((1 + n) / (1 + (documentFrequency.get(term) ?? 0)) + 1);
      vector.set(term, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    for (const [term, weight] of vector) vector.set(term, weight / norm);
    return vector;
  });
  const indexById = new Map(documents.map((doc, index) => [doc.id, index]));
  return (id) => {
    const index = indexById.get(id);
    if (index === undefined) throw new Error(`unknown document ${id}`);
    const source = vectors[index]!;
    return documents
      .map((doc, other) => {
        let dot = 0;
        for (const [term, weight] of source) dot += weight * (vectors[other]!.get(term) ?? 0);
        return { id: doc.id, score: dot };
      })
      .filter((entry) => entry.id !== id && entry.score > 0)
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((entry) => entry.id);
  };
}
