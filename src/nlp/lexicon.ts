import { canonicalKey } from './canonical-key.js';
import type { ConceptType } from './types.js';

export interface LexiconEntry {
  name: string;
  type: ConceptType;
  aliases: string[];
}

/*
 * Authored by the papergraph team from general ML/NLP/CV knowledge (no annotated corpus was mined).
 * One line per concept: TYPE|Canonical name|alias|alias…  Aliases include acronyms and common spellings;
 * plurals, case and hyphen/space variants are handled by canonicalKey and need no entry.
 */
const TABLE = `
METHOD|Transformer|transformer architecture|transformer model
METHOD|vision transformer|ViT|vision transformer model
METHOD|Swin Transformer|Swin
METHOD|DeiT|data-efficient image transformer
METHOD|Transformer-XL
METHOD|linear transformer
METHOD|attention mechanism
METHOD|self-attention|self attention|self-attention mechanism
METHOD|multi-head attention|MHA|multihead attention
METHOD|multi-head self-attention|MHSA|multi-head self attention
METHOD|cross-attention|cross attention
METHOD|causal attention
METHOD|softmax attention
METHOD|linear attention
METHOD|sparse attention
METHOD|efficient attention
METHOD|vanilla attention
METHOD|local attention
METHOD|sliding window attention|sliding-window attention
METHOD|grouped-query attention|GQA
METHOD|multi-query attention|MQA
METHOD|scaled dot-product attention
METHOD|single-head attention
METHOD|neighborhood attention
METHOD|FlashAttention|flash attention
METHOD|PagedAttention|paged attention
METHOD|Mamba
METHOD|state space model|SSM|state-space model
METHOD|selective state space model|selective SSM
METHOD|recurrent neural network|RNN
METHOD|long short-term memory|LSTM|LSTM network
METHOD|bidirectional LSTM|BiLSTM|Bi-LSTM
METHOD|gated recurrent unit|GRU
METHOD|convolutional neural network|CNN|ConvNet
METHOD|graph neural network|GNN
METHOD|graph convolutional network|GCN
METHOD|graph attention network|GAT
METHOD|multilayer perceptron|MLP|multi-layer perceptron
METHOD|feed-forward network|FFN|feedforward network|feed-forward neural network
METHOD|neural network|NN|artificial neural network|ANN
METHOD|deep neural network|DNN
METHOD|deep learning|DL
METHOD|machine learning|ML
METHOD|reinforcement learning|RL
METHOD|reinforcement learning from human feedback|RLHF
METHOD|direct preference optimization|DPO
METHOD|proximal policy optimization|PPO
METHOD|supervised learning
METHOD|unsupervised learning
METHOD|semi-supervised learning
METHOD|self-supervised learning|SSL
METHOD|contrastive learning
METHOD|transfer learning
METHOD|multi-task learning|MTL
METHOD|meta-learning|meta learning
METHOD|active learning
METHOD|federated learning
METHOD|knowledge distillation|KD|distillation
METHOD|fine-tuning|finetuning|fine tuning
METHOD|instruction tuning
METHOD|parameter-efficient fine-tuning|PEFT
METHOD|low-rank adaptation|LoRA
METHOD|prompt tuning
METHOD|prefix tuning
METHOD|prompt engineering
METHOD|chain-of-thought prompting|chain-of-thought|CoT
METHOD|retrieval-augmented generation|RAG
METHOD|mixture of experts|MoE|mixture-of-experts
METHOD|large language model|LLM|large language models
METHOD|language model|LM
METHOD|masked language model|MLM
METHOD|vision-language model|VLM
METHOD|large vision-language model|LVLM
METHOD|multimodal large language model|MLLM
METHOD|large multimodal model|LMM
METHOD|attention sink|attention sinks
METHOD|tabular deep learning|tabular DL|deep tabular model
METHOD|foundation model
METHOD|diffusion model|denoising diffusion probabilistic model|DDPM
METHOD|latent diffusion model|LDM
METHOD|generative adversarial network|GAN
METHOD|variational autoencoder|VAE
METHOD|autoencoder|auto-encoder
METHOD|encoder-decoder|encoder-decoder architecture|encoder-decoder model
METHOD|sequence-to-sequence model|seq2seq
METHOD|BERT
METHOD|RoBERTa
METHOD|ALBERT
METHOD|DistilBERT
METHOD|ELECTRA
METHOD|T5
METHOD|BART
METHOD|XLNet
METHOD|GPT
METHOD|GPT-2
METHOD|GPT-3
METHOD|GPT-4
METHOD|ChatGPT
METHOD|LLaMA|Llama
METHOD|Mistral
METHOD|Mixtral
METHOD|Chinchilla
METHOD|PaLM
METHOD|Gemini
METHOD|Claude
METHOD|OPT
METHOD|BLOOM
METHOD|Falcon
METHOD|Qwen
METHOD|Vicuna
METHOD|CLIP
METHOD|BLIP
METHOD|LLaVA
METHOD|Flamingo
METHOD|Stable Diffusion
METHOD|DALL-E
METHOD|ResNet|residual network
METHOD|VGG
METHOD|AlexNet
METHOD|Inception
METHOD|EfficientNet
METHOD|MobileNet
METHOD|DenseNet
METHOD|U-Net|UNet
METHOD|YOLO
METHOD|Faster R-CNN
METHOD|Mask R-CNN
METHOD|DETR
METHOD|word2vec
METHOD|GloVe
METHOD|ELMo
METHOD|fastText
METHOD|support vector machine|SVM|support vector machines
METHOD|logistic regression
METHOD|decision tree
METHOD|random forest
METHOD|gradient boosting
METHOD|gradient-boosted decision trees|GBDT|gradient boosted decision trees|gradient boosting decision trees|gradient-boosting decision trees
METHOD|XGBoost
METHOD|k-nearest neighbors|kNN|k-NN
METHOD|k-means|k-means clustering
METHOD|naive Bayes
METHOD|hidden Markov model|HMM
METHOD|conditional random field|CRF
METHOD|maximum entropy model|maximum entropy|MaxEnt
METHOD|Bayesian network
METHOD|Gaussian process|GP
METHOD|Gaussian mixture model|GMM
METHOD|principal component analysis|PCA
METHOD|singular value decomposition|SVD
METHOD|expectation maximization|EM|EM algorithm|expectation-maximization
METHOD|gradient descent
METHOD|stochastic gradient descent|SGD
METHOD|Adam
METHOD|backpropagation|back-propagation
METHOD|dropout
METHOD|batch normalization|BatchNorm
METHOD|layer normalization|LayerNorm
METHOD|beam search
METHOD|Viterbi algorithm|Viterbi
METHOD|dynamic programming
METHOD|Monte Carlo tree search|MCTS
METHOD|Markov chain Monte Carlo|MCMC
METHOD|variational inference
METHOD|contrastive decoding
METHOD|speculative decoding
METHOD|quantization
METHOD|pruning
METHOD|tiling
METHOD|positional encoding|position encoding|positional embedding
METHOD|absolute positional encoding
METHOD|relative positional encoding
METHOD|rotary position embedding|RoPE|rotary positional embedding
METHOD|ALiBi
METHOD|KV cache|key-value cache
METHOD|convolution
METHOD|depth-wise convolution|depthwise convolution
METHOD|latent Dirichlet allocation|LDA
METHOD|TF-IDF|tf-idf
METHOD|bag-of-words|bag of words|BoW
METHOD|n-gram model|n-gram language model
METHOD|word embedding
METHOD|context-free grammar|CFG
METHOD|probabilistic context-free grammar|PCFG
METHOD|dependency parser
METHOD|statistical machine translation|SMT
METHOD|neural machine translation|NMT
METHOD|phrase-based translation
METHOD|perceptron
METHOD|boosting
METHOD|AdaBoost
METHOD|bagging
METHOD|ensemble learning
METHOD|data augmentation
TASK|natural language processing|NLP
TASK|computer vision|CV
TASK|speech processing
TASK|artificial intelligence|AI
TASK|language modeling|language modelling|natural language modeling|natural language modelling
TASK|long-context language modeling
TASK|long sequence modeling
TASK|sequence modeling
TASK|machine translation|MT
TASK|speech recognition|automatic speech recognition|ASR
TASK|speech synthesis|text-to-speech|TTS
TASK|question answering|QA
TASK|visual question answering|VQA
TASK|open-domain question answering
TASK|reading comprehension|machine reading comprehension|MRC
TASK|text classification
TASK|sentiment analysis
TASK|named entity recognition|NER
TASK|part-of-speech tagging|POS tagging|part of speech tagging
TASK|dependency parsing
TASK|constituency parsing
TASK|semantic parsing
TASK|syntactic parsing
TASK|coreference resolution
TASK|relation extraction
TASK|information extraction|IE
TASK|information retrieval|IR
TASK|entity linking
TASK|word sense disambiguation|WSD
TASK|text summarization|summarization|document summarization|abstractive summarization|extractive summarization
TASK|natural language inference|NLI|textual entailment|recognizing textual entailment
TASK|natural language understanding|NLU
TASK|natural language generation|NLG
TASK|text generation
TASK|dialogue generation|response generation
TASK|image classification
TASK|object detection
TASK|semantic segmentation
TASK|instance segmentation
TASK|panoptic segmentation
TASK|image segmentation
TASK|image captioning
TASK|image generation
TASK|text-to-image generation
TASK|image retrieval
TASK|image restoration
TASK|super-resolution|image super-resolution
TASK|pose estimation|human pose estimation
TASK|depth estimation
TASK|optical flow estimation|optical flow
TASK|object tracking|visual tracking|multi-object tracking
TASK|action recognition
TASK|face recognition
TASK|video understanding
TASK|visual recognition
TASK|visual search
TASK|dense prediction
TASK|fine-grained visual categorization|FGVC|fine-grained image classification
TASK|object re-identification|re-identification|person re-identification|ReID|re-ID
TASK|in-context learning|ICL
TASK|linear regression
TASK|mechanistic interpretability
TASK|interpretability
TASK|common-sense reasoning|commonsense reasoning
TASK|mathematical reasoning|math reasoning
TASK|code generation
TASK|program synthesis
TASK|time series forecasting|time series
TASK|anomaly detection
TASK|recommendation|recommender system
TASK|link prediction
TASK|node classification
TASK|graph classification
TASK|clustering
TASK|hallucination mitigation
TASK|hallucination detection
TASK|vision-language understanding
TASK|visual analytics
TASK|needle-in-haystack|needle in a haystack|needle-in-a-haystack
TASK|long-context retrieval
TASK|autonomous driving
TASK|3D reconstruction
TASK|novel view synthesis
TASK|paraphrase identification|paraphrase detection
TASK|spoken language understanding|SLU
TASK|keyword spotting
TASK|speaker verification|speaker recognition
TASK|genomics
TASK|tabular prediction|tabular data prediction
DATASET|ImageNet|ImageNet-1K|ILSVRC
DATASET|ImageNet-21K|ImageNet-22K
DATASET|CIFAR-10
DATASET|CIFAR-100
DATASET|MNIST
DATASET|Fashion-MNIST
DATASET|COCO|MS COCO|MS-COCO|Microsoft COCO
DATASET|ADE20K|ADE20k
DATASET|Cityscapes
DATASET|Pascal VOC|PASCAL VOC|VOC
DATASET|Kinetics|Kinetics-400
DATASET|LAION|LAION-5B
DATASET|Visual Genome
DATASET|Penn Treebank|PTB
DATASET|WikiText-103|Wikitext-103
DATASET|WikiText-2
DATASET|PG-19|PG19
DATASET|The Pile|Pile
DATASET|C4
DATASET|OpenWebText
DATASET|BookCorpus
DATASET|Common Crawl|CommonCrawl
DATASET|GLUE
DATASET|SuperGLUE
DATASET|SQuAD
DATASET|MMLU
DATASET|GSM8K
DATASET|HumanEval
DATASET|HellaSwag
DATASET|WinoGrande
DATASET|PIQA
DATASET|ARC
DATASET|TriviaQA
DATASET|Natural Questions|NQ
DATASET|HotpotQA
DATASET|LongBench
DATASET|RULER
DATASET|Long Range Arena|LRA
DATASET|WMT
DATASET|IWSLT
DATASET|CoNLL-2003
DATASET|OntoNotes
DATASET|WordNet
DATASET|FrameNet
DATASET|PropBank
DATASET|Wall Street Journal corpus|WSJ corpus|WSJ
DATASET|Switchboard
DATASET|TIMIT
DATASET|LibriSpeech
DATASET|Wikipedia
DATASET|MovieLens
DATASET|CUB-200-2011|CUB
DATASET|Stanford Cars
DATASET|Market-1501
DATASET|tabular data
METRIC|accuracy|top-1 accuracy|top-5 accuracy
METRIC|precision
METRIC|recall
METRIC|F1|F1 score|F1-score|F-score|F-measure|F measure
METRIC|error rate
METRIC|word error rate|WER
METRIC|character error rate|CER
METRIC|BLEU|BLEU score
METRIC|ROUGE|ROUGE-L
METRIC|METEOR
METRIC|CIDEr
METRIC|perplexity|PPL
METRIC|mean average precision|mAP
METRIC|average precision|AP
METRIC|intersection over union|IoU|mIoU|mean IoU
METRIC|area under the curve|AUC|AUROC|ROC AUC
METRIC|mean squared error|MSE
METRIC|root mean squared error|RMSE
METRIC|mean absolute error|MAE
METRIC|Frechet Inception Distance|FID|Fréchet Inception Distance
METRIC|Inception Score|IS
METRIC|PSNR|peak signal-to-noise ratio
METRIC|SSIM|structural similarity
METRIC|exact match|EM score
METRIC|mean reciprocal rank|MRR
METRIC|NDCG|nDCG
METRIC|throughput
METRIC|latency
METRIC|FLOPs|FLOPS
`;

/** Acronyms too ambiguous to trust on their own; they still count when defined in the text. */
const AMBIGUOUS_ALONE = new Set(['IS', 'AP', 'EM', 'GP', 'IE', 'IR', 'MT', 'AI', 'CV', 'ML', 'LM', 'NN', 'ARC', 'VOC', 'CUB', 'Pile', 'NQ', 'RULER', 'Adam', 'Inception', 'Claude', 'Gemini', 'Falcon', 'BLOOM', 'OPT', 'Mistral', 'KD', 'SSL', 'RL', 'LDA', 'MRR']);

export const LEXICON: readonly LexiconEntry[] = TABLE.split('\n')
  .map((l) => l.trim())
  .filter((l) => l.length > 0)
  .map((l) => {
    const [type, name, ...aliases] = l.split('|');
    return { type: type as ConceptType, name: name as string, aliases };
  });

/** Whether a lexicon surface may be matched without an in-text definition or typing context. */
export function trustedAlone(surface: string): boolean {
  return !AMBIGUOUS_ALONE.has(surface);
}

export interface LexiconHit {
  entry: LexiconEntry;
  /** The name or alias whose key matched. */
  surface: string;
}

let index: Map<string, LexiconHit> | undefined;
let maxWords = 1;

function buildIndex(): Map<string, LexiconHit> {
  const m = new Map<string, LexiconHit>();
  for (const entry of LEXICON) {
    for (const surface of [entry.name, ...entry.aliases]) {
      const k = canonicalKey(surface);
      if (!m.has(k)) m.set(k, { entry, surface });
      maxWords = Math.max(maxWords, k.split('-').length);
    }
  }
  return m;
}

/** The lexicon entry one of whose names has this canonical key. */
export function lookupLexicon(key: string): LexiconEntry | undefined {
  return lookupLexiconHit(key)?.entry;
}

export function lookupLexiconHit(key: string): LexiconHit | undefined {
  index ??= buildIndex();
  return index.get(key);
}

/** Longest lexicon name in key parts, bounding the window of the surface matcher. */
export function lexiconMaxParts(): number {
  index ??= buildIndex();
  return maxWords;
}

/**
 * Short mixed-case or upper-case surfaces ("CV", "ARC", "LoRA") must match in their written case, or
 * ordinary words ("arc", "lora") would become concepts.
 */
export function caseSensitiveSurface(surface: string): boolean {
  return !/\s/.test(surface) && /[A-Z]/.test(surface.slice(1));
}
