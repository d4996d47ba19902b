import { classifyChunk, lexiconSuffixOfName } from '../../src/nlp/classify-chunk.js';
import { broaderId } from '../../src/nlp/extract-concepts.js';
import { findChunks } from '../../src/nlp/find-candidates.js';
import { canonicalKey, extractConcepts } from '../../src/nlp/index.js';
import type { ExtractedConcept } from '../../src/nlp/index.js';
import { isNameLike, tokenize } from '../../src/nlp/tokenize.js';

const ids = (title: string, abstract: string, minConfidence?: number): string[] =>
  extractConcepts({ title, abstract }, minConfidence === undefined ? {} : { minConfidence }).concepts.map((c) => c.id);
const concept = (title: string, abstract: string, id: string): ExtractedConcept | undefined =>
  extractConcepts({ title, abstract }).concepts.find((c) => c.id === id);

function typeOf(s: string, phrase: string): { type: string; rule: string } | undefined {
  const { tokens, sentences } = tokenize(s);
  const chunk = findChunks(tokens).find((c) => s.slice(c.start, c.end) === phrase);
  if (!chunk) throw new Error(`no chunk "${phrase}" in: ${s}`);
  const sent = sentences[tokens[chunk.from]!.sentence]!;
  const typed = classifyChunk(tokens, chunk, sent.from, sent.to);
  return typed && { type: typed.type, rule: typed.rule };
}

describe('central concepts of seed titles', () => {
  it('extracts attention sinks, a phenomenon papers study, as a task in the plain and the visual form', () => {
    expect(ids('Unveiling and Harnessing Hidden Attention Sinks', 'We study attention sinks within LLMs.')).toContain('task:attention-sink');
    const visual = concept('See What You Are Told: Visual Attention Sink in Large Multimodal Models', 'We refer to this phenomenon as the visual attention sink.', 'task:visual-attention-sink');
    expect(visual?.broader).toBe('task:attention-sink');
  });

  it('extracts tabular deep learning and tabular data', () => {
    const x = ids('Retrieval-Augmented Tabular Deep Learning', 'Deep learning models for tabular data problems; retrieval-augmented tabular DL models.');
    expect(x).toEqual(expect.arrayContaining(['method:tabular-deep-learning', 'dataset:tabular-data']));
    expect(x).not.toContain('method:retrieval-augmented-tabular-deep-learning');
  });

  it('keeps a title phrase that is a kind of a known concept ("Multi-Head Softmax Attention")', () => {
    const c = concept('Mechanistic Interpretability of Multi-Head Softmax Attention', 'We study softmax attention.', 'method:multi-head-softmax-attention');
    expect(c?.broader).toBe('method:softmax-attention');
  });
});

describe('canonical ids across papers', () => {
  it('merges gradient-boosted and gradient boosting decision trees, with or without the acronym', () => {
    expect(ids('', 'Algorithms based on gradient-boosted decision trees (GBDT) remain strong.')).toContain('method:gradient-boosted-decision-tree');
    expect(ids('', 'Gradient Boosting Decision Trees (GBDTs) are widely used.')).toContain('method:gradient-boosted-decision-tree');
  });

  it('resolves an acronym seen alone to the lexicon concept of its expansion', () => {
    expect(ids('Cracking the Code of Hallucination in LVLMs', 'We study hallucination in LVLMs.')).toContain('method:large-vision-language-model');
    expect(ids('', 'Large vision-language models hallucinate.')).toContain('method:large-vision-language-model');
    expect(ids('', 'Large multimodal models (LMMs) see images.')).toContain('method:large-multimodal-model');
  });

  it('does not singularize k-means', () => {
    expect(canonicalKey('k-means')).toBe('k-means');
    const x = ids('', 'The routing uses online k-means clustering.', 0);
    expect(x.some((id) => id.includes('k-means'))).toBe(true);
    expect(x.some((id) => /k-mean(?!s)/.test(id))).toBe(false);
  });
});

describe('junk stays out of the graph', () => {
  it('drops multipliers, dimensions and formula fragments', () => {
    expect(isNameLike('2.1x')).toBe(false);
    const x = ids('', 'It reduces latency by up to 2.1x and 1.44times, from oleft(n^2dright to oleft(n^1.5dright, in 1-D and 3-D.', 0);
    expect(x.filter((id) => /\d|\^|\(/.test(id))).toEqual([]);
  });

  it('trims "diverse" and rejects vacuous modifiers', () => {
    const x = ids('', 'LLMs drive advances across diverse NLP tasks. We propose a computational model with an architectural backbone.', 0);
    expect(x).toContain('task:natural-language-processing');
    expect(x.some((id) => /diverse|computational-model|architectural-backbone/.test(id))).toBe(false);
  });

  it('keeps a generic-headed phrase below a specific name of the same confidence', () => {
    const generic = concept('', 'We propose a retrieval-based approach.', 'method:retrieval-based-approach');
    const named = concept('', 'We propose a retrieval-based approach called RetroNet.', 'method:retronet');
    expect(named).toBeDefined();
    expect(generic === undefined || generic.confidence < named!.confidence).toBe(true);
  });

  it('names a known concept by its known name when the words before it only describe it', () => {
    const x = extractConcepts({ title: '', abstract: 'The predictor is a pre-conditioned gradient descent.' }, { minConfidence: 0 });
    const gd = x.concepts.find((c) => c.id === 'method:gradient-descent');
    expect(gd?.mentions.map((m) => m.text)).toEqual(['pre-conditioned gradient descent']);
    expect(x.concepts.some((c) => c.id.includes('pre-conditioned'))).toBe(false);
  });

  it('does not make concepts of author names in inline citations', () => {
    const abstract =
      'The circuit also solves the Colored Objects task (Ippolito & Callison-Burch, 2023). Sparse attention ' +
      '(Child et al., 2019; Zaheer-Smith, 2020) helps, and Wang et al. (2022) found it in GPT-2.';
    const x = ids('', abstract, 0);
    expect(x.filter((id) => /ippolito|callison|child|zaheer|wang/.test(id))).toEqual([]);
    expect(x).toEqual(expect.arrayContaining(['task:colored-object', 'method:gpt-2']));
  });

  it('does not make concepts of names inside a quoted example sentence, but keeps a quoted term', () => {
    const abstract = 'Models must recall, e.g. "Bilbo Baggins took the Arkenstone from Smaug". On this task, termed "associative recall", attention wins.';
    const x = ids('', abstract, 0);
    expect(x.filter((id) => /bilbo|baggin|arkenstone|smaug/.test(id))).toEqual([]);
    expect(x).toContain('task:associative-recall');
  });

  it('makes neither concepts nor mentions of known names inside a quoted example sentence', () => {
    expect(ids('', 'A prompt such as "The assistant uses BERT to answer every question" is shown.', 0)).toEqual([]);
    expect(ids('', 'Models copy facts, as in "the reader uses SQuAD and the Transformer in the library".', 0)).toEqual([]);
    // A concept the paper names outside the quote keeps only that mention.
    const bert = concept('', 'We use BERT. A prompt such as "The assistant uses BERT to answer every question" is shown.', 'method:bert');
    expect(bert?.mentions.map((m) => m.start)).toEqual([7]);
    expect(ids('When "the assistant uses BERT to answer" fails', 'We study prompt injection.', 0)).toEqual(['task:prompt-injection']);
  });

  it('makes no concept of a known name among the authors of a citation', () => {
    expect(ids('', 'Sparse attention (Transformer & Smith, 2019; SQuAD et al., 2020) helps.', 0)).toEqual(['method:sparse-attention']);
    expect(ids('', 'As BERT and Jones (2021) show, the Transformer is slow.', 0)).toEqual(['method:transformer']);
  });

  it('reads "the former" and "the latter" as anaphora, not concepts', () => {
    const abstract = 'We test isotropic and skewed inputs. In the former, softmax attention learns fast. In the latter, it correlates with model size in the former.';
    expect(ids('', abstract, 0).filter((id) => /former|latter/.test(id))).toEqual([]);
  });

  it('does not read a gerund verb with its object as a method ("running large transformers", "in boosting efficiency")', () => {
    const abstract = 'It opens the possibility of running large transformers on phones. Frameworks struggle in boosting efficiency with sparsity.';
    const x = ids('', abstract);
    expect(x.filter((id) => /running|boosting/.test(id))).toEqual([]);
    expect(x).toContain('method:transformer');
    // The technique named as such still counts.
    expect(ids('', 'We apply boosting to weak learners.')).toContain('method:boosting');
  });

  it('names a phrase whose only modifier is a size by the known concept', () => {
    expect(ids('', 'We train large transformers.')).toEqual(['method:transformer']);
    expect(ids('', 'We train large transformers.', 0)).toEqual(['method:transformer']);
  });

  it('reads a lowercase everyday word as the word, not the network or dataset of that name ("since its inception")', () => {
    expect(ids('', 'AI research has grown since its inception and places weight on data.', 0).filter((id) => /inception|places/.test(id))).toEqual([]);
    const c = concept('', 'Features come from Inception. AI research has grown since its inception.', 'method:inception');
    expect(c?.mentions.map((m) => m.text)).toEqual(['Inception']);
  });

  it('makes no concept of a name glued to a modal verb or to the next sentence', () => {
    const abstract = 'We propose FooFormer. Unlike GPT-4.In experiments, we show FooFormercan provide a 2x speed-up.';
    const x = extractConcepts({ title: '', abstract }, { minConfidence: 0 }).concepts;
    expect(x.map((c) => c.id)).toEqual(['method:fooformer', 'method:gpt-4']);
    expect(x[0]!.mentions.map((m) => m.text)).toEqual(['FooFormer', 'FooFormer']);
  });

  it('does not let "called" glue a description to a name', () => {
    const x = ids('', 'We propose a new framework called LightNet.');
    expect(x).toContain('method:lightnet');
    expect(x.some((id) => id.includes('called'))).toBe(false);
  });
});

describe('typing', () => {
  it('types a phrase by the known concept it ends with', () => {
    expect(typeOf('We analyze multi-task linear regression here.', 'multi-task linear regression')).toEqual({ type: 'TASK', rule: 'lexicon-suffix' });
    expect(ids('', 'Head reinforcement helps all LVLMs. We refine MHA.')).toEqual(['method:large-vision-language-model', 'method:multi-head-attention']);
  });

  it('reads a capitalised multi-word name with a task head as a method component', () => {
    expect(typeOf('It consists of Difference-aware Stripe Sparsity Identification and more.', 'Difference-aware Stripe Sparsity Identification')).toEqual({ type: 'METHOD', rule: 'named-process' });
    expect(ids('', 'We study the Indirect Object Identification (IOI) task.')).toContain('task:indirect-object-identification');
  });

  it('reads a system doing a known task as a method', () => {
    expect(typeOf('We evaluate a question answering system on news.', 'question answering system')).toEqual({ type: 'METHOD', rule: 'task-system' });
  });

  it('types a capitalised name before "task" as a task', () => {
    expect(ids('', 'We boost accuracy on the Colored Objects task.')).toContain('task:colored-object');
  });

  it('types a name in parentheses right after a task as the data the task is run on ("language modeling tasks (Wikitext2)")', () => {
    expect(typeOf('For image captioning tasks (FooCaps), prior methods fail.', 'FooCaps')).toEqual({ type: 'DATASET', rule: 'on-name' });
    expect(ids('', 'For language modeling tasks (Wikitext2), prior methods fail.')).toContain('dataset:wikitext-2');
    // An acronym of the task is its definition, not data.
    expect(ids('', 'We study visual question answering (VQA).')).toEqual(['task:visual-question-answering']);
  });

  it('types a name set beside a dataset noun as a dataset ("a dataset, i.e., X", "a benchmark called X")', () => {
    expect(typeOf('We build a business content dataset, i.e., Infographics-650K, with layouts.', 'Infographics-650K')).toEqual({ type: 'DATASET', rule: 'on-name' });
    expect(typeOf('We release a new benchmark called QuuxBench for tests.', 'QuuxBench')).toEqual({ type: 'DATASET', rule: 'on-name' });
    // A comma alone often starts a new clause: "On the dataset, BiFormer wins".
    expect(typeOf('On the new dataset, BiFormer wins.', 'BiFormer')).toEqual({ type: 'METHOD', rule: 'name-shape' });
  });

  it('types a name before a collection noun as a dataset named by the name ("our BizEval prompt set", "the Path-X challenge")', () => {
    const x = extractConcepts({ title: '', abstract: 'We win on our BizEval prompt set. We hope BizEval helps. Models fail the Frob-12 challenge.' }).concepts;
    expect(x.find((c) => c.id === 'dataset:bizeval')?.mentions.map((m) => m.text)).toEqual(['BizEval prompt set', 'BizEval']);
    expect(x.map((c) => c.id)).toContain('dataset:frob-12');
  });

  it('types an acronym expansion by the noun after the acronym, and merges the title mention with the head', () => {
    const title = 'Red Herrings in the Only Widget Wall Dataset';
    const x = extractConcepts({ title, abstract: 'We present the Only Widget Wall (OWW) dataset for puzzles.' }).concepts;
    const oww = x.find((c) => c.id === 'dataset:only-widget-wall');
    expect(oww?.aliases).toContain('OWW');
    expect(oww?.mentions.map((m) => m.text)).toEqual(['Only Widget Wall Dataset', 'Only Widget Wall (OWW) dataset']);
    expect(x.some((c) => c.type === 'METHOD' || c.id.endsWith('-dataset'))).toBe(false);
  });

  it('counts a trailing "task" as part of the mention but not of the name', () => {
    const c = concept('', 'We study the coreference resolution task.', 'task:coreference-resolution');
    expect(c?.name).toBe('coreference resolution');
    expect(c?.mentions.map((m) => m.text)).toEqual(['coreference resolution task']);
  });
});

describe('broader concepts', () => {
  it('links a version to its family', () => {
    expect(broaderId({ name: 'FlashAttention-2', type: 'METHOD' })).toBe('method:flashattention');
  });

  it('links a kind to the known concept its name ends with', () => {
    expect(broaderId({ name: 'persistent sparse attention', type: 'METHOD' })).toBe('method:sparse-attention');
    expect(broaderId({ name: 'content-based sparse attention', type: 'METHOD' })).toBe('method:sparse-attention');
    expect(broaderId({ name: 'Routing Transformer', type: 'METHOD' })).toBe('method:transformer');
  });

  it('links nothing when the head is unknown, of another type, or only matches a case-sensitive acronym loosely', () => {
    expect(broaderId({ name: 'bi-level routing attention', type: 'METHOD' })).toBeUndefined();
    expect(broaderId({ name: 'saliency map', type: 'METRIC' })).toBeUndefined();
    expect(broaderId({ name: 'eccentricity-dependent visual recognition', type: 'METHOD' })).toBeUndefined();
    expect(lexiconSuffixOfName('sparse attention')).toBeUndefined();
  });

  it('sets broader on extracted concepts', () => {
    const c = concept('TidalDecode: Fast LLM Decoding with Position Persistent Sparse Attention', 'Decoding through position persistent sparse attention.', 'method:position-persistent-sparse-attention');
    expect(c?.broader).toBe('method:sparse-attention');
  });
});
