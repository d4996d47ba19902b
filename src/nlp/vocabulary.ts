import type { ConceptType } from './types.js';

/*
 * Word lists that type a noun phrase by its head (last word, singular) and that keep generic words out.
 * Authored from general knowledge of how ML/NLP/CV abstracts phrase things.
 */

const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

/** Heads naming a way of doing something. */
export const METHOD_HEADS = words(`
  algorithm method approach model framework technique architecture network net classifier parser tagger grammar
  formalism strategy scheme procedure mechanism attention transformer encoder decoder autoencoder kernel estimator
  heuristic learning regression search decoding machine module layer pipeline engine toolkit tree filter solver
  optimizer sampler planner recognizer generator discriminator detector tracker segmenter retriever reranker
  summarizer translator analyzer extractor predictor embedding representation mlp cnn rnn lstm perceptron
  convolution pooling normalization regularization optimization distillation augmentation quantization pruning
  tuning fine-tuning training inference sampling clustering prompting alignment calibration compression
  transform transformation formulation paradigm policy agent system backbone head unit cell block operator
  former lm llm vlm gan vae bert gpt variant loss objective criterion routing memory encoding approximation
  voting
`);

/** Heads naming a problem to solve. */
export const TASK_HEADS = words(`
  recognition detection segmentation classification parsing translation retrieval generation summarization
  understanding reconstruction tracking estimation prediction modeling tagging labeling extraction resolution
  disambiguation answering reasoning localization captioning synthesis completion categorization identification
  forecasting navigation processing annotation acquisition interpretation verification editing rendering mining
  induction indexing transcription diarization matching spotting grounding entailment inpainting denoising
  restoration super-resolution manipulation planning control analytics interpretability retrieval-augmented
  comprehension correction simplification paraphrasing linking discovery
`);

/** Heads naming data; SciERC's Material is wide (corpora, images, text), ours too when specific. */
export const DATASET_HEADS = words(`
  dataset corpus corpora benchmark treebank database data collection suite bank lexicon dictionary wordnet
  images image videos video text texts sentences documents speech utterances recordings article articles record
  records dialog dialogue dialogs dialogues sequence sequences caption captions source sources
  encyclopedia newswire news transcript transcripts tweet tweets review reviews question-answer pairs photo photos
`);

/** Heads naming a measurement. */
export const METRIC_HEADS = words(`
  accuracy precision recall f1 f-score f-measure error rate bleu rouge perplexity score metric measure auc
  wer cer throughput latency speedup
`);

/** Heads that only name a concept with a specific modifier ("entity-oriented approach", not "approach"). */
export const GENERIC_HEADS = words(`
  approach method model framework technique architecture network system algorithm strategy scheme procedure
  mechanism module layer pipeline engine component solution tool task problem data dataset benchmark corpus
  metric measure score rate result performance work paper study analysis way issue challenge application
  setting variant version process idea property structure information feature function value set type form
  level part number amount kind case example aspect effect impact term question answer experiment evaluation
  improvement advantage limitation capability ability effectiveness efficiency quality cost speed time
  memory size length image images text texts sentence sentences document documents video videos speech
  representation embedding representations unit head block cell operator formulation paradigm training inference
  learning baseline baselines art state-of-the-art object objects token tokens input output inputs outputs
  variety range series family class group pair context scenario domain area field direction trend line
  insight understanding need design implementation behavior pattern strength loss objective criterion
`);

/**
 * Leading words that describe rather than name ("a novel X", "existing X"); trimmed from candidate phrases.
 */
export const NON_NAMING_MODIFIERS = words(`
  novel new proposed existing such several various many different other same given more most previous prior
  recent current popular widely-used well-known well typical traditional simple effective powerful strong better
  best key certain specific respective whole entire overall additional further numerous possible important
  significant good high huge massive minor major unique fundamental distinct remarkable substantial considerable
  promising modern standard main first second third last final few little much own particular corresponding
  original alternative general generic common usual basic efficient robust accurate scalable superior competitive
  comprehensive extensive rigorous empirical theoretical practical crucial critical core underlying relevant
  above following latter former initial subsequent potential actual real total average
  full large-scale small-scale sufficient novelty resulting related similar comparable suitable appropriate
  state-of-the-art sota conventional classical classic vanilla naive improved enhanced higher lower faster deeper
  larger smaller individual public established multiple suboptimal fast consistent heightened real-world plausible
  finer-grained one two three four five six seven eight nine ten dozens diverse complete general-purpose
`);

/** Words that introduce a name ("a framework called X", "dubbed X"); never part of a name themselves. */
export const NAMING_WORDS = words(`
  called named dubbed termed coined
`);

/** Verbs the tagger reads as plural nouns at the start of a predicate ("TNL outperforms"). */
export const VERB_LIKE = words(`
  outperforms outperform retains promises achieves enables allows requires reduces improves shows yields
  performs remains becomes provides leads results suffers demonstrates exhibits surpasses matches needs
`);

/** Never a concept on their own, whatever the tagger thinks (units, hardware, frequent function acronyms). */
export const NEVER_NAMES = words(`
  gpu gpus cpu cpus tpu tpus io api apis url urls ram gb mb kb tb ms fps id ids pdf http https www github
  et al fig figure table section appendix eq equation e.g i.e etc vs cf ie eg yes no ok
  we our us they their it its this that these those
`);

export type HeadType = ConceptType | undefined;

/** Type suggested by a singular lowercase head word, if any. */
export function headType(head: string): HeadType {
  if (METRIC_HEADS.has(head)) return 'METRIC';
  if (DATASET_HEADS.has(head)) return 'DATASET';
  if (TASK_HEADS.has(head)) return 'TASK';
  if (METHOD_HEADS.has(head)) return 'METHOD';
  if (/(?:former|net|bert|gpt|gan)$/.test(head) && head.length > 4) return 'METHOD';
  return undefined;
}

/**
 * Modifiers that say nothing about which concept is meant ("computational model", "architectural backbone");
 * a phrase whose modifiers are all of this kind is not a name. Unlike NON_NAMING_MODIFIERS they are not
 * trimmed, since they can open a real name ("computational linguistics").
 */
export const VACUOUS_MODIFIERS = words(`
  computational architectural principle principled conceptual mathematical technical methodological
  structural functional practical-use unified
`);

/** Collection nouns that, after a name, make the name one of data: "our BizEval prompt set", "the Path-X challenge". */
export const DATA_CARRIER_HEADS = words(`
  set challenge testbed
`);

/** Modifiers that say how big a thing is, not which one it is ("large transformers", "small datasets"). */
export const SIZE_MODIFIERS = words(`
  large small big tiny giant
`);

/** Data heads too broad for a graph node on their own ("long sequences", "natural images"). */
export const WEAK_DATASET_HEADS = words(`
  data image video text sentence document speech utterance recording record dialog dialogue sequence caption
  source transcript tweet review photo article
`);

/**
 * Generic words that follow a name and belong to the mention of it ("the EM algorithm", "the RM task"),
 * by the concept type they may follow.
 */
export const TRAILING_HEADS: ReadonlyMap<string, ConceptType> = new Map([
  ...['task', 'problem'].map((w) => [w, 'TASK'] as const),
  ...['algorithm', 'model', 'technique', 'method', 'approach', 'framework', 'architecture', 'network', 'module', 'mechanism'].map((w) => [w, 'METHOD'] as const),
  ...['dataset', 'corpus', 'benchmark', 'collection'].map((w) => [w, 'DATASET'] as const),
  ...['score', 'metric', 'measure'].map((w) => [w, 'METRIC'] as const),
]);

/** Heads specific enough to be a concept with no modifier. */
export const SPECIFIC_ALONE: ReadonlyMap<string, ConceptType> = new Map([
  ...['parser', 'classifier', 'tagger', 'recognizer', 'segmenter', 'tokenizer', 'lemmatizer', 'stemmer', 'chunker', 'autoencoder', 'perceptron', 'transformer', 'kernel', 'regression', 'clustering'].map((w) => [w, 'METHOD'] as const),
  ...['parsing', 'chunking', 'tagging', 'summarization', 'segmentation', 'classification', 'recognition', 'detection', 'translation', 'reconstruction', 'tracking', 'retrieval', 'generation', 'localization', 'captioning', 'disambiguation', 'forecasting', 'transliteration', 'diarization'].map((w) => [w, 'TASK'] as const),
  ...['accuracy', 'precision', 'recall', 'perplexity', 'f1', 'bleu', 'rouge', 'wer', 'latency', 'throughput', 'speedup'].map((w) => [w, 'METRIC'] as const),
]);
