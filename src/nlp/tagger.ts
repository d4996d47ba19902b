import type { TaggerInput } from './tagger-features.js';
import type { ConceptType } from './types.js';

export type { TaggerInput } from './tagger-features.js';

/** A typed mention the tagger found: token span [from, to) of its input. */
export interface TaggedSpan {
  from: number;
  to: number;
  type: ConceptType;
  /** Probability of this exact span with this type under the model, in [0, 1]. */
  confidence: number;
}

/**
 * Finds and types concept mentions in one field of a paper. The CRF is one implementation; a stronger
 * model (a fine-tuned transformer) can replace it behind this interface without touching the rest.
 */
export interface Tagger {
  tag(input: TaggerInput): TaggedSpan[];
}
