import { readFileSync } from 'node:fs';
import { canonicalKey, extractConcepts } from '../../src/nlp/index.js';
import type { ConceptType, ExtractedConcept, ExtractInput, ExtractOptions, Role } from '../../src/nlp/index.js';

export interface GoldConcept {
  name: string;
  type: ConceptType;
  aliases?: string[];
  role?: Role;
}

export interface GoldPaper {
  title: string;
  concepts: GoldConcept[];
}

export interface SeedScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  /** Matched concepts whose role agrees with the gold role (USED when gold gives none). */
  roleAgreement: number;
  falsePositives: string[];
  falseNegatives: string[];
}

export function readGold(path: string): GoldPaper[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as { papers: GoldPaper[] }).papers;
}

function keysOfGold(g: GoldConcept): Set<string> {
  return new Set([g.name, ...(g.aliases ?? [])].map(canonicalKey));
}

function keysOfExtracted(c: ExtractedConcept): Set<string> {
  return new Set([c.name, ...c.aliases].map(canonicalKey));
}

/** Concept-level match: same type, and some gold name or alias canonically equal to some extracted name or alias. */
export function scoreSeedGold(gold: GoldPaper[], papers: ExtractInput[], options: ExtractOptions = {}): SeedScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let roleOk = 0;
  const falsePositives: string[] = [];
  const falseNegatives: string[] = [];
  for (const g of gold) {
    const paper = papers.find((p) => p.title === g.title);
    if (!paper) throw new Error(`gold paper not in seeds: ${g.title}`);
    const extracted = extractConcepts(paper, options).concepts;
    const used = new Set<number>();
    for (const gc of g.concepts) {
      const gk = keysOfGold(gc);
      const idx = extracted.findIndex((c, k) => !used.has(k) && c.type === gc.type && [...keysOfExtracted(c)].some((x) => gk.has(x)));
      if (idx < 0) {
        fn++;
        falseNegatives.push(`${gc.type} ${gc.name}`);
        continue;
      }
      used.add(idx);
      tp++;
      if ((extracted[idx] as ExtractedConcept).role === (gc.role ?? 'USED')) roleOk++;
    }
    extracted.forEach((c, k) => {
      if (used.has(k)) return;
      fp++;
      falsePositives.push(`${c.type} ${c.name}`);
    });
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1, roleAgreement: tp ? roleOk / tp : 0, falsePositives, falseNegatives };
}
