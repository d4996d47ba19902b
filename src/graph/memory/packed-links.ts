import { FIELDS, ROLES } from '../../nlp/index.js';
import type { Field, Mention, Role } from '../../nlp/index.js';

/** What the store writes for one link of a paper. */
export interface LinkInput {
  concept: number;
  role: Role;
  confidence: number;
  evidence: string;
  mentions: readonly Mention[];
}

/** One link read back; mention texts are the paper's slices, which writes check they are. */
export interface LinkOutput {
  concept: number;
  role: Role;
  confidence: number;
  evidence: string;
  mentions: Mention[];
}

/** Where a paper's links sit in the arena, and the evidence that is not a slice of its text. */
export interface LinkRange {
  start: number;
  count: number;
  /** Evidence strings that are not a slice of the title or abstract (rare), by link position. */
  looseEvidence: string[] | null;
}

interface Text {
  title: string;
  abstract: string;
}

/** Ints per link: concept, role, first mention, mention count, evidence `start * 2 + field` (or -1 - loose index), evidence end. */
const LINK_INTS = 6;

/**
 * Every paper's links in three shared typed arrays (links, mentions, confidences) instead of an object per link
 * and per mention: about 40 bytes a link. A rewritten or deleted paper's range is only counted as garbage;
 * `compact` copies the live ranges into fresh arrays once garbage outweighs them.
 */
export interface LinkArena {
  append(text: Text, links: readonly LinkInput[]): LinkRange;
  release(range: LinkRange): void;
  /** Concept slots of a range's links, in order. */
  concepts(range: LinkRange): number[];
  read(text: Text, range: LinkRange): LinkOutput[];
  /** True when `compact` would pay. */
  wantsCompaction(): boolean;
  /** Moves every live range (given by the caller, who owns them) to fresh arrays; updates their starts. */
  compact(ranges: Iterable<LinkRange>): void;
  /** Bytes held by the arrays (for measuring). */
  bytes(): number;
}

function grown<T extends Int32Array | Float64Array>(array: T, needed: number, make: (size: number) => T): T {
  if (needed <= array.length) return array;
  const next = make(Math.max(needed, Math.ceil(array.length * 1.5)));
  next.set(array);
  return next;
}

export function createLinkArena(): LinkArena {
  let links = new Int32Array(1024);
  let mentions = new Int32Array(1024);
  let confidences = new Float64Array(256);
  let linkCount = 0;
  let mentionCount = 0;
  let garbageLinks = 0;

  function evidenceCode(text: Text, evidence: string, loose: string[]): [number, number] {
    for (const [field, value] of [[1, text.abstract], [0, text.title]] as const) {
      const at = evidence === '' ? -1 : value.indexOf(evidence);
      if (at >= 0) return [at * 2 + field, at + evidence.length];
    }
    loose.push(evidence);
    return [-loose.length, 0];
  }

  return {
    append(text, input) {
      const start = linkCount;
      const loose: string[] = [];
      links = grown(links, (linkCount + input.length) * LINK_INTS, (n) => new Int32Array(n));
      confidences = grown(confidences, linkCount + input.length, (n) => new Float64Array(n));
      for (const link of input) {
        mentions = grown(mentions, (mentionCount + link.mentions.length) * 2, (n) => new Int32Array(n));
        const at = linkCount * LINK_INTS;
        const [evidence, evidenceEnd] = evidenceCode(text, link.evidence, loose);
        links[at] = link.concept;
        links[at + 1] = ROLES.indexOf(link.role);
        links[at + 2] = mentionCount;
        links[at + 3] = link.mentions.length;
        links[at + 4] = evidence;
        links[at + 5] = evidenceEnd;
        confidences[linkCount] = link.confidence;
        for (const m of link.mentions) {
          mentions[mentionCount * 2] = m.start * 2 + FIELDS.indexOf(m.field);
          mentions[mentionCount * 2 + 1] = m.end;
          mentionCount += 1;
        }
        linkCount += 1;
      }
      return { start, count: input.length, looseEvidence: loose.length > 0 ? loose : null };
    },

    release(range) {
      garbageLinks += range.count;
    },

    concepts(range) {
      const result: number[] = [];
      for (let i = range.start; i < range.start + range.count; i++) result.push(links[i * LINK_INTS] as number);
      return result;
    },

    read(text, range) {
      const result: LinkOutput[] = [];
      const slice = (code: number, end: number): [Field, string, number] => {
        const field = FIELDS[code % 2] as Field;
        const start = Math.floor(code / 2);
        return [field, text[field].slice(start, end), start];
      };
      for (let i = range.start; i < range.start + range.count; i++) {
        const at = i * LINK_INTS;
        const first = links[at + 2] as number;
        const out: Mention[] = [];
        for (let k = first; k < first + (links[at + 3] as number); k++) {
          const [field, mentionText, start] = slice(mentions[k * 2] as number, mentions[k * 2 + 1] as number);
          out.push({ field, start, end: mentions[k * 2 + 1] as number, text: mentionText });
        }
        const evidence = links[at + 4] as number;
        result.push({
          concept: links[at] as number,
          role: ROLES[links[at + 1] as number] as Role,
          confidence: confidences[i] as number,
          evidence: evidence < 0 ? (range.looseEvidence?.[-evidence - 1] ?? '') : slice(evidence, links[at + 5] as number)[1],
          mentions: out,
        });
      }
      return result;
    },

    wantsCompaction: () => garbageLinks > 4096 && garbageLinks > linkCount - garbageLinks,

    compact(ranges) {
      const live = [...ranges];
      const liveLinks = live.reduce((sum, r) => sum + r.count, 0);
      const nextLinks = new Int32Array(Math.max(1024, Math.ceil(liveLinks * LINK_INTS * 1.25)));
      const nextConfidences = new Float64Array(Math.max(256, Math.ceil(liveLinks * 1.25)));
      let liveMentions = 0;
      for (const r of live) for (let i = r.start; i < r.start + r.count; i++) liveMentions += links[i * LINK_INTS + 3] as number;
      const nextMentions = new Int32Array(Math.max(1024, Math.ceil(liveMentions * 2 * 1.25)));
      let l = 0;
      let m = 0;
      for (const r of live) {
        const start = l;
        for (let i = r.start; i < r.start + r.count; i++, l++) {
          nextLinks.set(links.subarray(i * LINK_INTS, (i + 1) * LINK_INTS), l * LINK_INTS);
          const first = links[i * LINK_INTS + 2] as number;
          const count = links[i * LINK_INTS + 3] as number;
          nextMentions.set(mentions.subarray(first * 2, (first + count) * 2), m * 2);
          nextLinks[l * LINK_INTS + 2] = m;
          m += count;
          nextConfidences[l] = confidences[i] as number;
        }
        r.start = start;
      }
      links = nextLinks;
      mentions = nextMentions;
      confidences = nextConfidences;
      linkCount = l;
      mentionCount = m;
      garbageLinks = 0;
    },

    bytes: () => links.byteLength + mentions.byteLength + confidences.byteLength,
  };
}
