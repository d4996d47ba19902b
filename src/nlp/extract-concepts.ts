import { canonicalKey } from './canonical-key.js';
import type { ConceptType, ExtractedConcept, ExtractInput, Extraction, Field, Mention, Role } from './types.js';

// Provisional v0: a tiny lexicon plus cue/acronym rules, so callers can integrate against the contract.
const LEXICON: ReadonlyArray<[string, ConceptType, string[]]> = [
  ['Transformer', 'METHOD', []],
  ['FlashAttention', 'METHOD', []],
  ['self-attention', 'METHOD', []],
  ['large language model', 'METHOD', ['LLM']],
  ['ImageNet', 'DATASET', []],
  ['COCO', 'DATASET', ['MS-COCO']],
  ['perplexity', 'METRIC', ['PPL']],
  ['accuracy', 'METRIC', []],
  ['object detection', 'TASK', []],
  ['semantic segmentation', 'TASK', []],
  ['language modeling', 'TASK', []],
];

interface Draft {
  name: string;
  type: ConceptType;
  aliases: Set<string>;
  role: Role;
  confidence: number;
}

const NAME = String.raw`[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9.]+)*`;

export function extractConcepts(input: ExtractInput): Extraction {
  const drafts = new Map<string, Draft>();
  const surfaces = new Map<string, Set<string>>();
  const add = (name: string, type: ConceptType, role: Role, aliases: string[] = []): void => {
    const id = `${type.toLowerCase()}:${canonicalKey(name)}`;
    let d = drafts.get(id);
    if (!d) {
      d = { name, type, aliases: new Set(), role, confidence: role === 'PROPOSED' ? 0.8 : 0.7 };
      drafts.set(id, d);
    }
    if (role === 'PROPOSED') d.role = 'PROPOSED';
    for (const a of aliases) d.aliases.add(a);
    const s = surfaces.get(id) ?? new Set<string>();
    s.add(name);
    for (const a of aliases) s.add(a);
    surfaces.set(id, s);
  };
  const text = `${input.title}\n${input.abstract}`;
  for (const [name, type, aliases] of LEXICON) {
    for (const surf of [name, ...aliases]) {
      const re = new RegExp(`\\b${surf.replace(/[-]/g, '[- ]')}s?\\b`, surf === surf.toUpperCase() ? '' : 'i');
      if (re.test(text)) add(name, type, 'USED', aliases);
    }
  }
  for (const m of text.matchAll(new RegExp(String.raw`\b(?:we|We)\s+(?:propose|introduce|present)\s+(${NAME})`, 'g'))) {
    const n = m[1];
    if (n && n.length > 1 && n !== 'A' && n !== 'An' && n !== 'The') add(n, 'METHOD', 'PROPOSED');
  }
  const codeLinks = [...new Set([...input.abstract.matchAll(/https?:\/\/(?:github\.com|gitlab\.com|huggingface\.co)\/[^\s)\]}>,;]+/g)].map((m) => m[0].replace(/[.]+$/, '')))];
  const concepts: ExtractedConcept[] = [];
  for (const [id, d] of drafts) {
    const mentions = findMentions(input, surfaces.get(id) ?? new Set([d.name]));
    if (mentions.length === 0) continue;
    const first = mentions[0] as Mention;
    d.aliases.delete(d.name);
    concepts.push({
      id,
      name: d.name,
      type: d.type,
      aliases: [...d.aliases].sort(),
      role: d.role,
      confidence: d.confidence,
      mentions,
      evidence: sentenceAt(input[first.field], first.start),
    });
  }
  concepts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { concepts, codeLinks };
}

function findMentions(input: ExtractInput, surfaces: Set<string>): Mention[] {
  const out: Mention[] = [];
  for (const field of ['title', 'abstract'] as Field[]) {
    const src = input[field];
    for (const s of surfaces) {
      const esc = s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/-/g, '[- ]');
      const re = new RegExp(`(?<![\\w-])${esc}s?(?![\\w-])`, s === s.toUpperCase() ? 'g' : 'gi');
      for (const m of src.matchAll(re)) {
        const start = m.index ?? 0;
        if (!out.some((o) => o.field === field && o.start < start + m[0].length && start < o.end)) {
          out.push({ field, start, end: start + m[0].length, text: m[0] });
        }
      }
    }
  }
  return out.sort((a, b) => (a.field === b.field ? a.start - b.start : a.field === 'title' ? -1 : 1));
}

function sentenceAt(text: string, pos: number): string {
  const before = text.lastIndexOf('. ', pos);
  const after = text.indexOf('. ', pos);
  return text.slice(before < 0 ? 0 : before + 2, after < 0 ? text.length : after + 1).trim();
}
