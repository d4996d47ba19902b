import { canonicalKey, conceptId } from './canonical-key.js';
import type { ConceptType } from './types.js';

export interface LexiconEntry {
  name: string;
  type: ConceptType;
  aliases: string[];
  /** Name of the broader lexicon concept (same type), e.g. "hallucination" for "visual hallucination". */
  broader?: string;
}

/*
 * Authored by the papergraph team from general ML/NLP/CV knowledge (no annotated corpus was mined).
 * One line per concept: TYPE|Canonical name|alias|alias…|^broader name. Aliases include acronyms and common
 * spellings; plurals, case and hyphen/space variants are handled by canonicalKey and need no entry. An alias
 * names the same thing as the canonical name; a kind, variant or version of it ("top-1 accuracy", "QLoRA",
 * "visual hallucination") is its own line with `^` naming the broader concept, which must be a lexicon entry
 * of the same type. No surface may belong to two lines.
 *
 * Types:
 *   METHOD  models, architectures, model families, algorithms, training and inference techniques, learning
 *           paradigms ("contrastive learning", "RLHF"), components ("KV cache", "attention head").
 *   TASK    problems a paper addresses, and the phenomena papers are about: a paper on hallucination, sycophancy,
 *           position bias or attention sinks studies, detects or mitigates that behaviour, so the phenomenon is
 *           typed as the research problem (TASK), and "X detection / mitigation" are TASKs with broader X.
 *           Research areas (interpretability, NLP) are TASKs too. In-context learning stays a TASK (a capability
 *           studied), while "few-shot prompting" is the METHOD of using it.
 *   DATASET datasets, benchmarks, corpora and kinds of data resources ("knowledge graph", "tabular data").
 *   METRIC  measures reported in results.
 */
const TABLE = `
METHOD|Transformer|transformer architecture|transformer model
METHOD|vision transformer|ViT|vision transformer model|^Transformer
METHOD|Swin Transformer|Swin|^vision transformer
METHOD|DeiT|data-efficient image transformer|^vision transformer
METHOD|Transformer-XL|^Transformer
METHOD|linear transformer|^Transformer
METHOD|attention mechanism
METHOD|self-attention|self attention|self-attention mechanism|^attention mechanism
METHOD|multi-head attention|MHA|multihead attention|^attention mechanism
METHOD|multi-head self-attention|MHSA|multi-head self attention|^self-attention
METHOD|cross-attention|cross attention|^attention mechanism
METHOD|causal attention|^attention mechanism
METHOD|softmax attention|^attention mechanism
METHOD|linear attention|^efficient attention
METHOD|sparse attention|^efficient attention
METHOD|efficient attention|^attention mechanism
METHOD|vanilla attention
METHOD|local attention|^sparse attention
METHOD|sliding window attention|sliding-window attention|SWA|windowed attention|^local attention
METHOD|grouped-query attention|GQA|grouped query attention|^multi-head attention
METHOD|multi-query attention|MQA|^multi-head attention
METHOD|scaled dot-product attention
METHOD|single-head attention
METHOD|neighborhood attention|^local attention
METHOD|FlashAttention|flash attention|^IO-aware attention
METHOD|PagedAttention|paged attention|^KV cache
METHOD|Mamba|^selective state space model
METHOD|state space model|SSM|state-space model
METHOD|selective state space model|selective SSM|^state space model
METHOD|recurrent neural network|RNN|^neural network
METHOD|long short-term memory|LSTM|LSTM network|^recurrent neural network
METHOD|bidirectional LSTM|BiLSTM|Bi-LSTM
METHOD|gated recurrent unit|GRU|^recurrent neural network
METHOD|convolutional neural network|CNN|ConvNet|^neural network
METHOD|graph neural network|GNN|^neural network
METHOD|graph convolutional network|GCN|^graph neural network
METHOD|graph attention network|GAT|^graph neural network
METHOD|multilayer perceptron|MLP|multi-layer perceptron
METHOD|feed-forward network|FFN|feedforward network|feed-forward neural network
METHOD|neural network|NN|artificial neural network|ANN
METHOD|deep neural network|DNN
METHOD|deep learning|DL
METHOD|machine learning|ML
METHOD|reinforcement learning|RL
METHOD|reinforcement learning from human feedback|RLHF|^reinforcement learning
METHOD|direct preference optimization|DPO|^preference optimization
METHOD|proximal policy optimization|PPO|^reinforcement learning
METHOD|supervised learning
METHOD|unsupervised learning
METHOD|semi-supervised learning
METHOD|self-supervised learning|SSL
METHOD|contrastive learning|^self-supervised learning
METHOD|transfer learning
METHOD|multi-task learning|MTL
METHOD|meta-learning|meta learning
METHOD|active learning
METHOD|federated learning
METHOD|knowledge distillation|KD|distillation|^model compression
METHOD|fine-tuning|finetuning|fine tuning
METHOD|instruction tuning|instruction fine-tuning|^fine-tuning
METHOD|parameter-efficient fine-tuning|PEFT|parameter-efficient tuning|^fine-tuning
METHOD|low-rank adaptation|LoRA|low-rank adapter|low-rank adaption|^parameter-efficient fine-tuning
METHOD|prompt tuning|^parameter-efficient fine-tuning
METHOD|prefix tuning|prefix-tuning|^parameter-efficient fine-tuning
METHOD|prompt engineering|^prompting
METHOD|chain-of-thought prompting|chain-of-thought|CoT|chain of thought|CoT prompting|chain-of-thought reasoning|^prompting
METHOD|retrieval-augmented generation|RAG|retrieval augmented generation|retrieval augmentation
METHOD|mixture of experts|MoE|mixture-of-experts
METHOD|sparse mixture of experts|sparse MoE|SMoE|^mixture of experts
METHOD|large language model|LLM|large language models|^language model
METHOD|language model|LM
METHOD|masked language model|MLM|masked language modeling|^language model
METHOD|vision-language model|VLM|vision language model|visual language model|^multimodal model
METHOD|large vision-language model|LVLM|^vision-language model
METHOD|long-context large language model|long-context LLM|long-context language model|long-context model|^large language model
METHOD|multimodal large language model|MLLM|multi-modal large language model|^large multimodal model
METHOD|large multimodal model|LMM|^multimodal model
METHOD|tabular deep learning|tabular DL|deep tabular model
METHOD|foundation model
METHOD|diffusion model|diffusion probabilistic model|^generative model
METHOD|denoising diffusion probabilistic model|DDPM|^diffusion model
METHOD|latent diffusion model|LDM|^diffusion model
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
METHOD|Stable Diffusion|^latent diffusion model
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
METHOD|beam search|^decoding strategy
METHOD|Viterbi algorithm|Viterbi
METHOD|dynamic programming
METHOD|Monte Carlo tree search|MCTS
METHOD|Markov chain Monte Carlo|MCMC
METHOD|variational inference
METHOD|contrastive decoding|^decoding strategy
METHOD|speculative decoding|speculative sampling
METHOD|quantization|model quantization|^model compression
METHOD|pruning|network pruning|model pruning|^model compression
METHOD|tiling
METHOD|positional encoding|position encoding|positional embedding
METHOD|absolute positional encoding|absolute position embedding|absolute positional embedding|^positional encoding
METHOD|relative positional encoding|relative position encoding|relative position embedding|relative positional embedding|^positional encoding
METHOD|rotary position embedding|RoPE|rotary positional embedding|rotary positional encoding|rotary embedding|^relative positional encoding
METHOD|ALiBi|attention with linear biases|^relative positional encoding
METHOD|KV cache|key-value cache|KV-cache|key-value caching|KV caching
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
TASK|long-context language modeling|long-context language modelling|^language modeling
TASK|long sequence modeling
TASK|sequence modeling
TASK|machine translation|MT
TASK|speech recognition|automatic speech recognition|ASR
TASK|speech synthesis|text-to-speech|TTS
TASK|question answering|QA
TASK|visual question answering|VQA|^question answering
TASK|open-domain question answering|ODQA|open-domain QA|^question answering
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
TASK|text summarization|summarization|document summarization
TASK|abstractive summarization|^text summarization
TASK|extractive summarization|^text summarization
TASK|natural language inference|NLI|textual entailment|recognizing textual entailment|RTE
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
TASK|text-to-image generation|text-to-image synthesis|T2I|^image generation
TASK|image retrieval
TASK|image restoration
TASK|super-resolution|image super-resolution
TASK|pose estimation
TASK|human pose estimation|^pose estimation
TASK|depth estimation
TASK|optical flow estimation|optical flow
TASK|object tracking|visual tracking
TASK|multi-object tracking|MOT|multiple object tracking|^object tracking
TASK|action recognition
TASK|face recognition
TASK|video understanding
TASK|visual recognition
TASK|visual search
TASK|dense prediction
TASK|fine-grained visual categorization|FGVC|fine-grained image classification
TASK|object re-identification|re-identification|ReID|re-ID
TASK|person re-identification|person ReID|person re-ID|^object re-identification
TASK|in-context learning|ICL|in context learning
TASK|linear regression
TASK|mechanistic interpretability|^interpretability
TASK|common-sense reasoning|commonsense reasoning
TASK|mathematical reasoning|math reasoning
TASK|code generation
TASK|program synthesis
TASK|time series forecasting|time series
TASK|anomaly detection
TASK|recommendation|recommender system|recommender systems|recommendation system
TASK|link prediction
TASK|node classification
TASK|graph classification
TASK|clustering
TASK|vision-language understanding
TASK|visual analytics
TASK|needle-in-haystack|needle in a haystack|needle-in-a-haystack|NIAH|^long-context retrieval
TASK|autonomous driving
TASK|3D reconstruction
TASK|novel view synthesis
TASK|paraphrase identification|paraphrase detection
TASK|spoken language understanding|SLU
TASK|keyword spotting
TASK|speaker recognition
TASK|speaker verification|^speaker recognition
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
DATASET|Kinetics
DATASET|LAION
DATASET|Visual Genome
DATASET|Penn Treebank|PTB
DATASET|WikiText-103|Wikitext-103
DATASET|WikiText-2|Wikitext-2
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
DATASET|Path-X|PathX|^Long Range Arena
DATASET|Path-256|^Long Range Arena
DATASET|ListOps|^Long Range Arena
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
METRIC|accuracy
METRIC|top-1 accuracy|^accuracy
METRIC|top-5 accuracy|^accuracy
METRIC|precision
METRIC|recall
METRIC|F1|F1 score|F1-score|F-score|F-measure|F measure
METRIC|error rate
METRIC|word error rate|WER
METRIC|character error rate|CER
METRIC|BLEU|BLEU score
METRIC|ROUGE
METRIC|ROUGE-L|^ROUGE
METRIC|METEOR
METRIC|CIDEr
METRIC|perplexity|PPL
METRIC|mean average precision|mAP
METRIC|average precision|AP
METRIC|intersection over union|IoU
METRIC|mean intersection over union|mIoU|mean IoU|^intersection over union
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
METRIC|FLOPs
METHOD|generative model
METHOD|multimodal model|multi-modal model
METHOD|decoding strategy
METHOD|prompting
METHOD|model compression
METHOD|IO-aware attention|IO-aware exact attention|^efficient attention
METHOD|FlashDecoding|Flash-Decoding|^IO-aware attention
METHOD|GPU kernel|CUDA kernel|fused kernel|^hardware-aware algorithm
METHOD|hardware-aware algorithm|hardware-efficient algorithm|IO-aware algorithm
METHOD|kernel fusion|operator fusion
METHOD|ring attention|^attention mechanism
METHOD|block-sparse attention|block sparse attention|blockwise sparse attention|^sparse attention
METHOD|dilated attention|^sparse attention
METHOD|global attention|^attention mechanism
METHOD|full attention|dense attention|^attention mechanism
METHOD|gated linear attention|GLA|^linear attention
METHOD|kernelized attention|kernel-based attention|^linear attention
METHOD|multi-head latent attention|^multi-head attention
METHOD|differential attention|^attention mechanism
METHOD|attention head|attention heads
METHOD|induction head|induction heads|^attention head
METHOD|retrieval head|retrieval heads|^attention head
METHOD|Longformer|^Transformer
METHOD|BigBird|Big Bird|^Transformer
METHOD|Reformer|^Transformer
METHOD|Linformer|^Transformer
METHOD|Performer|^Transformer
METHOD|Nyströmformer|Nystromformer|^Transformer
METHOD|Sparse Transformer|^Transformer
METHOD|Routing Transformer|^Transformer
METHOD|Memorizing Transformer|^Transformer
METHOD|Compressive Transformer|^Transformer
METHOD|Universal Transformer|^Transformer
METHOD|decoder-only Transformer|decoder-only transformer model|^Transformer
METHOD|diffusion Transformer|DiT|^Transformer
METHOD|StreamingLLM|^KV cache compression
METHOD|Heavy-Hitter Oracle|H2O|^KV cache compression
METHOD|KV cache compression|KV compression|KV cache eviction|^KV cache
METHOD|KV cache quantization|^quantization
METHOD|prefix caching|prompt caching|^KV cache
METHOD|sub-quadratic attention|subquadratic attention|^efficient attention
METHOD|structured state space model|structured state space sequence model|S4|^state space model
METHOD|Mamba-2|Mamba2|^Mamba
METHOD|Hyena|Hyena hierarchy
METHOD|RWKV|^recurrent neural network
METHOD|RetNet|retentive network|^recurrent neural network
METHOD|xLSTM|extended LSTM|^long short-term memory
METHOD|linear recurrent unit|^recurrent neural network
METHOD|linear recurrent model|linear RNN|linear recurrent neural network|^recurrent neural network
METHOD|gated convolution|gated convolutions|^convolution
METHOD|long convolution|long convolutions|^convolution
METHOD|Jamba|^hybrid model
METHOD|hybrid model|hybrid architecture
METHOD|DeltaNet|^linear attention
METHOD|test-time training|TTT|test time training
METHOD|test-time adaptation|TTA|^test-time training
METHOD|test-time scaling|test-time compute|inference-time scaling
METHOD|associative memory|associative memories
METHOD|Hopfield network|modern Hopfield network|^associative memory
METHOD|memory-augmented neural network|memory network|memory networks|^neural network
METHOD|neural Turing machine|NTM|^memory-augmented neural network
METHOD|router|routing network|^mixture of experts
METHOD|expert parallelism
METHOD|tensor parallelism
METHOD|pipeline parallelism
METHOD|data parallelism
METHOD|ZeRO|ZeRO optimizer
METHOD|gradient checkpointing|activation checkpointing|activation recomputation
METHOD|mixed-precision training|mixed precision training
METHOD|continuous batching
METHOD|vLLM
METHOD|early exit|early exiting|early-exit
METHOD|token pruning|^pruning
METHOD|token merging|ToMe
METHOD|structured pruning|^pruning
METHOD|unstructured pruning|^pruning
METHOD|magnitude pruning|^pruning
METHOD|SparseGPT|^pruning
METHOD|Wanda|^pruning
METHOD|post-training quantization|PTQ|^quantization
METHOD|quantization-aware training|QAT|^quantization
METHOD|weight quantization|^quantization
METHOD|GPTQ|^post-training quantization
METHOD|AWQ|activation-aware weight quantization|^post-training quantization
METHOD|SmoothQuant|^post-training quantization
METHOD|low-rank approximation|low-rank factorization|low-rank decomposition
METHOD|self-distillation|self distillation|^knowledge distillation
METHOD|QLoRA|^low-rank adaptation
METHOD|DoRA|weight-decomposed low-rank adaptation|^low-rank adaptation
METHOD|adapter tuning|adapter-based fine-tuning|adapter layers|^parameter-efficient fine-tuning
METHOD|BitFit|^parameter-efficient fine-tuning
METHOD|P-tuning|^prompt tuning
METHOD|soft prompt|soft prompts|continuous prompt|^prompt tuning
METHOD|representation fine-tuning|ReFT|^parameter-efficient fine-tuning
METHOD|full fine-tuning|full-parameter fine-tuning|^fine-tuning
METHOD|supervised fine-tuning|SFT|^fine-tuning
METHOD|continual pre-training|continued pre-training|continued pretraining|^pre-training
METHOD|pre-training|pretraining
METHOD|self-supervised pre-training|self-supervised pretraining|^pre-training
METHOD|next-token prediction|next token prediction|^language model
METHOD|preference optimization|preference learning
METHOD|KTO|Kahneman-Tversky optimization|^preference optimization
METHOD|ORPO|odds ratio preference optimization|^preference optimization
METHOD|SimPO|^preference optimization
METHOD|group relative policy optimization|GRPO|^reinforcement learning
METHOD|reinforcement learning from AI feedback|RLAIF|^reinforcement learning
METHOD|reinforcement learning with verifiable rewards|RLVR|^reinforcement learning
METHOD|reward model|reward modeling|reward models
METHOD|process reward model|PRM|^reward model
METHOD|constitutional AI
METHOD|policy gradient|policy gradients|^reinforcement learning
METHOD|Q-learning|^reinforcement learning
METHOD|deep Q-network|DQN|^Q-learning
METHOD|actor-critic|^reinforcement learning
METHOD|imitation learning|behavior cloning|behavioral cloning
METHOD|offline reinforcement learning|offline RL|^reinforcement learning
METHOD|model-based reinforcement learning|model-based RL|^reinforcement learning
METHOD|multi-agent reinforcement learning|MARL|^reinforcement learning
METHOD|LLM-as-a-judge|LLM-as-judge|LLM judge
METHOD|self-consistency|^chain-of-thought prompting
METHOD|tree of thoughts|tree-of-thoughts|tree-of-thought|^chain-of-thought prompting
METHOD|ReAct|^prompting
METHOD|few-shot prompting|^prompting
METHOD|zero-shot prompting|^prompting
METHOD|few-shot learning|FSL|few shot learning
METHOD|zero-shot learning|ZSL|zero shot learning
METHOD|continual learning|lifelong learning|incremental learning
METHOD|class-incremental learning|^continual learning
METHOD|curriculum learning
METHOD|representation learning
METHOD|metric learning|deep metric learning
METHOD|self-training|pseudo-labeling|pseudo-labelling
METHOD|weak supervision|weakly supervised learning
METHOD|domain adaptation|^transfer learning
METHOD|unsupervised domain adaptation|UDA|^domain adaptation
METHOD|neural architecture search|NAS
METHOD|hyperparameter optimization|hyperparameter tuning
METHOD|Bayesian optimization
METHOD|adversarial training
METHOD|adversarial attack|adversarial attacks|adversarial example|adversarial examples
METHOD|backdoor attack|backdoor attacks|data poisoning
METHOD|differential privacy|DP-SGD
METHOD|watermarking|LLM watermarking|text watermarking
METHOD|sparse autoencoder|sparse autoencoders|^autoencoder
METHOD|activation patching|causal tracing|^mechanistic interpretability method
METHOD|mechanistic interpretability method
METHOD|logit lens|^mechanistic interpretability method
METHOD|linear probing|linear probe|linear probes|probing classifier|probing classifiers
METHOD|activation steering|representation engineering|steering vector|steering vectors
METHOD|model editing|knowledge editing
METHOD|integrated gradients|^feature attribution
METHOD|feature attribution|attribution method|attribution methods
METHOD|Grad-CAM|GradCAM
METHOD|SHAP|Shapley additive explanations
METHOD|LIME
METHOD|dense retrieval|dense retriever|dense retrievers
METHOD|dense passage retrieval|DPR|^dense retrieval
METHOD|BM25|Okapi BM25
METHOD|ColBERT|^dense retrieval
METHOD|cross-encoder|cross encoder
METHOD|bi-encoder|bi encoder|dual encoder
METHOD|retrieval-augmented language model|retrieval-augmented LM|^retrieval-augmented generation
METHOD|GraphRAG|graph RAG|^retrieval-augmented generation
METHOD|knowledge graph embedding|KGE
METHOD|TransE|^knowledge graph embedding
METHOD|sentence embedding|sentence embeddings|^word embedding
METHOD|contextual embedding|contextualized embedding|contextual embeddings|contextualized embeddings|^word embedding
METHOD|Sentence-BERT|SBERT|^BERT
METHOD|SciBERT|^BERT
METHOD|BioBERT|^BERT
METHOD|DeBERTa|^BERT
METHOD|Flan-T5|FLAN-T5|^T5
METHOD|mT5|^T5
METHOD|InstructGPT|^GPT-3
METHOD|GPT-3.5|^GPT
METHOD|GPT-4o|^GPT-4
METHOD|GPT-4V|GPT-4 Vision|GPT-4V(ision)|^GPT-4
METHOD|Codex
METHOD|Llama 2|Llama-2|LLaMA-2|LLaMA 2|^LLaMA
METHOD|Llama 3|Llama-3|LLaMA-3|LLaMA 3|Llama3|LLaMA3|^LLaMA
METHOD|Code Llama|CodeLlama|^LLaMA
METHOD|Alpaca|^LLaMA
METHOD|Gemma
METHOD|DeepSeek
METHOD|OLMo
METHOD|Pythia
METHOD|StarCoder
METHOD|Phi
METHOD|BLIP-2|^BLIP
METHOD|InstructBLIP|^BLIP
METHOD|MiniGPT-4
METHOD|Qwen-VL|^Qwen
METHOD|CogVLM
METHOD|SigLIP|^CLIP
METHOD|Segment Anything Model|Segment Anything|SAM
METHOD|DINO
METHOD|DINOv2|^DINO
METHOD|masked autoencoder|masked autoencoders|^autoencoder
METHOD|BEiT
METHOD|ConvNeXt|^convolutional neural network
METHOD|Mask2Former
METHOD|Imagen
METHOD|ControlNet
METHOD|Whisper
METHOD|wav2vec 2.0|wav2vec|wav2vec2
METHOD|HuBERT
METHOD|Conformer
METHOD|neural radiance field|NeRF|neural radiance fields
METHOD|3D Gaussian splatting|Gaussian splatting|3DGS
METHOD|score-based generative model|score-based model|^diffusion model
METHOD|flow matching|rectified flow|^generative model
METHOD|normalizing flow|normalizing flows|^generative model
METHOD|classifier-free guidance|CFG guidance|^diffusion model
METHOD|DDIM|denoising diffusion implicit model|^diffusion model
METHOD|autoregressive model|autoregressive models|^generative model
METHOD|vector quantization|VQ|^quantization
METHOD|VQ-VAE|vector-quantized variational autoencoder|^variational autoencoder
METHOD|energy-based model|EBM|^generative model
METHOD|graph transformer|graph transformers|^Transformer
METHOD|message passing neural network|MPNN|message passing|^graph neural network
METHOD|graph isomorphism network|GIN|^graph neural network
METHOD|GraphSAGE|^graph neural network
METHOD|neural ODE|neural ordinary differential equation
METHOD|physics-informed neural network|PINN|^neural network
METHOD|Kolmogorov-Arnold network|KAN|^neural network
METHOD|spiking neural network|SNN|^neural network
METHOD|capsule network|CapsNet|^neural network
METHOD|Siamese network|^neural network
METHOD|residual connection|residual connections|skip connection|skip connections
METHOD|RMSNorm|root mean square layer normalization|^layer normalization
METHOD|GELU|Gaussian error linear unit
METHOD|SwiGLU
METHOD|ReLU|rectified linear unit
METHOD|softmax
METHOD|AdamW|^Adam
METHOD|learning rate schedule|learning rate warmup|warmup
METHOD|weight decay
METHOD|label smoothing
METHOD|teacher forcing
METHOD|top-k sampling|^decoding strategy
METHOD|nucleus sampling|top-p sampling|^decoding strategy
METHOD|greedy decoding|^decoding strategy
METHOD|tokenizer|tokenizers
METHOD|byte-pair encoding|BPE|byte pair encoding
METHOD|SentencePiece
METHOD|WordPiece
METHOD|NTK-aware scaling|NTK-aware interpolation|^rotary position embedding
METHOD|YaRN|^rotary position embedding
METHOD|position interpolation|^rotary position embedding
METHOD|NoPE|no positional encoding|^positional encoding
METHOD|learned positional embedding|learned positional encoding|learned position embedding|^absolute positional encoding
METHOD|sinusoidal positional encoding|sinusoidal position encoding|sinusoidal positional embedding|^absolute positional encoding
METHOD|LLM agent|LLM agents|LLM-based agent|LLM-based agents|language agent|language agents
METHOD|multi-agent system|multi-agent systems|multi-agent framework
METHOD|world model|world models
METHOD|vision-language-action model|VLA|^vision-language model
METHOD|collaborative filtering|^recommendation method
METHOD|recommendation method
METHOD|matrix factorization|^collaborative filtering
METHOD|SASRec|self-attentive sequential recommendation|^recommendation method
METHOD|BERT4Rec|^recommendation method
METHOD|two-tower model|two-tower|^recommendation method
METHOD|eye-tracking model|gaze model
TASK|hallucination|hallucinations|LLM hallucination|model hallucination
TASK|hallucination mitigation|mitigating hallucination|hallucination reduction|^hallucination
TASK|hallucination detection|detecting hallucination|^hallucination
TASK|object hallucination|^hallucination
TASK|visual hallucination|^hallucination
TASK|multimodal hallucination|^hallucination
TASK|factuality|factual accuracy|factual consistency
TASK|fact verification|fact-checking|fact checking|claim verification
TASK|sycophancy|sycophantic behavior|sycophantic behaviour
TASK|position bias|positional bias
TASK|lost in the middle|lost-in-the-middle|^position bias
TASK|attention sink|attention sinks|attention sinking
TASK|visual attention sink|visual attention sinks|^attention sink
TASK|massive activation|massive activations|outlier features|activation outliers
TASK|catastrophic forgetting
TASK|reward hacking|reward over-optimization
TASK|jailbreak|jailbreaking|jailbreak attack|jailbreak attacks
TASK|prompt injection|prompt injection attack|prompt injection attacks
TASK|red teaming|red-teaming
TASK|AI safety|LLM safety
TASK|LLM alignment|AI alignment|value alignment|human preference alignment
TASK|adversarial robustness|^robustness
TASK|robustness
TASK|membership inference|membership inference attack|MIA
TASK|machine unlearning|unlearning|LLM unlearning
TASK|algorithmic fairness|fairness in machine learning|^fairness
TASK|fairness
TASK|social bias|gender bias|^bias mitigation
TASK|bias mitigation|debiasing
TASK|memorization|data memorization
TASK|grokking
TASK|emergent abilities|emergent ability|emergent capabilities
TASK|scaling laws|scaling law|neural scaling laws
TASK|interpretability|model interpretability
TASK|explainability|explainable AI|XAI|explainable artificial intelligence|^interpretability
TASK|circuit analysis|circuit discovery|circuit identification|^mechanistic interpretability
TASK|indirect object identification|IOI|^circuit analysis
TASK|probing|probing task|probing tasks|^interpretability
TASK|attribution|^interpretability
TASK|uncertainty estimation|uncertainty quantification|UQ
TASK|confidence calibration|model calibration
TASK|out-of-distribution detection|OOD detection|^anomaly detection
TASK|out-of-distribution generalization|OOD generalization|^generalization
TASK|domain generalization|^generalization
TASK|compositional generalization|^generalization
TASK|length generalization|^generalization
TASK|length extrapolation|^length generalization
TASK|generalization
TASK|long-context modeling|long-context modelling|long context modeling|long-context processing|^long sequence modeling
TASK|long-context understanding|long context understanding|^natural language understanding
TASK|context window extension|context extension|context length extension|context-length extension|^long-context modeling
TASK|long-context inference|long-sequence inference|long context inference|^efficient inference
TASK|efficient inference|inference acceleration|inference efficiency
TASK|LLM inference|LLM serving|large language model inference|^efficient inference
TASK|efficient training|training efficiency
TASK|associative recall|^in-context learning
TASK|multi-query associative recall|MQAR|^associative recall
TASK|in-context retrieval|^in-context learning
TASK|key-value retrieval|^long-context retrieval
TASK|long-context retrieval|^long-context understanding
TASK|passkey retrieval|^long-context retrieval
TASK|copying task|selective copying|^sequence modeling
TASK|reasoning|LLM reasoning
TASK|logical reasoning|^reasoning
TASK|multi-hop reasoning|^reasoning
TASK|multi-hop question answering|multi-hop QA|^question answering
TASK|visual reasoning|^reasoning
TASK|spatial reasoning|^reasoning
TASK|causal reasoning|^reasoning
TASK|symbolic reasoning|^reasoning
TASK|arithmetic reasoning|^mathematical reasoning
TASK|multimodal reasoning|multi-modal reasoning|^reasoning
TASK|relational reasoning|^reasoning
TASK|creative problem solving|^reasoning
TASK|theorem proving|automated theorem proving
TASK|tool use|tool learning|tool calling|function calling
TASK|planning|task planning
TASK|embodied AI|embodied agents
TASK|robot manipulation|robotic manipulation
TASK|multiple-choice question answering|multiple choice question answering|^question answering
TASK|conversational question answering|^question answering
TASK|knowledge-based question answering|knowledge base question answering|KBQA|^question answering
TASK|table question answering|^question answering
TASK|answer grounding|^visual grounding
TASK|visual grounding|phrase grounding|referring expression comprehension
TASK|referring expression segmentation|^image segmentation
TASK|open-vocabulary detection|open-vocabulary object detection|^object detection
TASK|open-vocabulary segmentation|^semantic segmentation
TASK|video generation|text-to-video generation
TASK|image editing|text-guided image editing
TASK|image inpainting|inpainting|^image restoration
TASK|image denoising|^image restoration
TASK|image deblurring|deblurring|^image restoration
TASK|3D object detection|^object detection
TASK|point cloud classification|point cloud segmentation
TASK|video question answering|VideoQA|^question answering
TASK|video captioning|^image captioning
TASK|image-text retrieval|cross-modal retrieval|text-to-image retrieval|image-text matching
TASK|visual text rendering|text rendering|^text-to-image generation
TASK|visual document understanding|document understanding|document AI
TASK|optical character recognition|OCR
TASK|scene text recognition|^optical character recognition
TASK|visual instruction tuning
TASK|multimodal learning|multi-modal learning
TASK|vision-language pre-training|vision-language pretraining|VLP
TASK|eye tracking|eye-tracking|gaze tracking
TASK|gaze prediction|gaze estimation|^eye tracking
TASK|scanpath prediction|gaze scanpath prediction|scanpath modeling|^gaze prediction
TASK|saliency prediction|visual saliency prediction|^gaze prediction
TASK|visual attention modeling|human visual attention modeling
TASK|sequential recommendation|next-item recommendation|session-based recommendation|^recommendation
TASK|click-through rate prediction|CTR prediction|^recommendation
TASK|collaborative recommendation|^recommendation
TASK|knowledge graph completion|KGC|^link prediction
TASK|graph representation learning|graph learning
TASK|molecular property prediction|molecule property prediction
TASK|protein structure prediction
TASK|drug discovery
TASK|weather forecasting|^time series forecasting
TASK|tabular learning|^tabular prediction
TASK|table understanding|table representation learning|^tabular prediction
TASK|semantic search|^information retrieval
TASK|passage retrieval|document retrieval|^information retrieval
TASK|reranking|re-ranking|passage reranking|^information retrieval
TASK|query expansion|^information retrieval
TASK|citation generation|attributed text generation|^text generation
TASK|long-form question answering|long-form QA|^question answering
TASK|text style transfer|style transfer
TASK|grammatical error correction|GEC
TASK|data-to-text generation|^text generation
TASK|story generation|^text generation
TASK|instruction following
TASK|code completion|^code generation
TASK|text-to-SQL|text to SQL|^semantic parsing
TASK|emotion recognition
TASK|stance detection
TASK|hate speech detection|toxicity detection
TASK|misinformation detection|fake news detection
TASK|cross-lingual transfer|cross-lingual learning
TASK|multilingual NLP|multilingual language modeling
TASK|low-resource language|low-resource languages|low-resource NLP
TASK|speech translation|^machine translation
TASK|spoken language modeling
TASK|audio generation|music generation
TASK|continual learning benchmark
DATASET|LongBench v2|^LongBench
DATASET|InfiniteBench|∞Bench
DATASET|ZeroSCROLLS|SCROLLS
DATASET|BIG-bench|BIG-Bench|BIGbench
DATASET|BIG-Bench Hard|BBH|^BIG-bench
DATASET|MATH|MATH dataset
DATASET|MBPP
DATASET|TruthfulQA
DATASET|AlpacaEval
DATASET|MT-Bench|MT-bench
DATASET|Chatbot Arena
DATASET|HELM
DATASET|POPE
DATASET|CHAIR
DATASET|MME
DATASET|MMBench
DATASET|MMMU
DATASET|ScienceQA
DATASET|TextVQA
DATASET|GQA dataset
DATASET|VQAv2|VQA v2|VQA-v2
DATASET|OK-VQA|OKVQA
DATASET|Flickr30k|Flickr30K
DATASET|Conceptual Captions|CC3M|CC12M
DATASET|LAION-400M|^LAION
DATASET|Objects365
DATASET|LVIS
DATASET|nuScenes
DATASET|KITTI
DATASET|ShapeNet
DATASET|ScanNet
DATASET|CelebA
DATASET|FFHQ
DATASET|LSUN
DATASET|Places365|Places
DATASET|iNaturalist
DATASET|Tiny ImageNet|^ImageNet
DATASET|SVHN
DATASET|UCF101|UCF-101
DATASET|Something-Something|Something-Something V2|SSv2
DATASET|AudioSet
DATASET|Common Voice
DATASET|SlimPajama|^RedPajama
DATASET|RedPajama
DATASET|RefinedWeb
DATASET|FineWeb
DATASET|Dolma
DATASET|ROOTS
DATASET|ShareGPT
DATASET|OpenAssistant
DATASET|Anthropic HH|HH-RLHF
DATASET|UltraFeedback
DATASET|FLAN collection
DATASET|Natural Instructions|Super-NaturalInstructions
DATASET|MS MARCO|MSMARCO
DATASET|BEIR
DATASET|MTEB
DATASET|SQuAD 2.0|SQuAD2.0|^SQuAD
DATASET|NarrativeQA
DATASET|QuALITY
DATASET|Qasper
DATASET|MultiFieldQA
DATASET|GovReport
DATASET|CNN/DailyMail|CNN/Daily Mail|CNN-DailyMail
DATASET|XSum
DATASET|arXiv dataset
DATASET|OpenBookQA
DATASET|BoolQ
DATASET|CommonsenseQA
DATASET|SIQA|Social IQa
DATASET|LAMBADA
DATASET|enwik8
DATASET|text8
DATASET|One Billion Word|1B Word|Billion Word benchmark
DATASET|Amazon reviews|Amazon review dataset
DATASET|Yelp
DATASET|IMDb|IMDB
DATASET|SST-2|^Stanford Sentiment Treebank
DATASET|Stanford Sentiment Treebank|SST
DATASET|MultiNLI|MNLI
DATASET|SNLI
DATASET|OGB|Open Graph Benchmark
DATASET|Cora
DATASET|QM9
DATASET|Protein Data Bank|PDB
DATASET|ETT|ETTh1|ETTm1
DATASET|M4
DATASET|Criteo
DATASET|Steam
DATASET|knowledge graph|knowledge graphs|KG
DATASET|knowledge base|knowledge bases
DATASET|instruction dataset|instruction data
DATASET|preference data|preference dataset
DATASET|synthetic data
DATASET|eye-tracking data|eye tracking data|gaze data
METRIC|Recall@k|Recall@K|recall at k|^recall
METRIC|Hit Ratio|HR@k|hit rate|^recall
METRIC|Precision@k|precision at k|^precision
METRIC|macro-F1|macro F1|macro-averaged F1|^F1
METRIC|micro-F1|micro F1|micro-averaged F1|^F1
METRIC|attack success rate|ASR score
METRIC|win rate|win-rate
METRIC|pass@k|pass@1
METRIC|CLIPScore|CLIP score
METRIC|LPIPS
METRIC|Kernel Inception Distance|KID
METRIC|BERTScore
METRIC|chrF
METRIC|TER|translation edit rate
METRIC|Spearman correlation|Spearman's rank correlation
METRIC|Pearson correlation
METRIC|Kendall's tau|Kendall tau
METRIC|expected calibration error|ECE
METRIC|time to first token|TTFT|^latency
METRIC|tokens per second|^throughput
METRIC|compression ratio
METRIC|normalized discounted cumulative gain|^NDCG
METRIC|hallucination rate
METRIC|citation recall|^recall
METRIC|citation precision|^precision
METRIC|scanpath similarity
`;

/**
 * Generic-sounding entries: known concepts, and the broader targets of their kinds, but too loose to become a
 * graph node from a bare mention ("reasoning", "attention heads"). They are typed in mention mode, and found
 * inside longer names, but not matched alone.
 */
const WEAK_ALONE = new Set(['generalization', 'attention head', 'attention heads', 'reasoning', 'attribution', 'probing', 'robustness', 'fairness', 'planning', 'softmax', 'warmup', 'prompting', 'router', 'tokenizer', 'tokenizers', 'decoding strategy', 'generative model', 'multimodal model', 'model compression', 'hybrid model', 'recommendation method', 'mechanistic interpretability method', 'pre-training', 'pretraining']);

/** Whether a whole-phrase lexicon match is a generic word that should stay below the graph threshold. */
export function weakAlone(surface: string): boolean {
  return WEAK_ALONE.has(surface);
}

/** Acronyms too ambiguous to trust on their own; they still count when defined in the text. */
const AMBIGUOUS_ALONE = new Set(['IS', 'AP', 'EM', 'GP', 'IE', 'IR', 'MT', 'AI', 'CV', 'ML', 'LM', 'NN', 'ARC', 'VOC', 'CUB', 'Pile', 'NQ', 'RULER', 'Adam', 'Inception', 'Claude', 'Gemini', 'Falcon', 'BLOOM', 'OPT', 'Mistral', 'KD', 'SSL', 'RL', 'LDA', 'MRR', 'KG', 'SAM', 'MIA', 'VQ', 'PRM', 'Phi', 'Whisper', 'Imagen', 'Performer', 'Reformer', 'Places', 'Steam', 'Cora', 'ETT', 'M4', 'SST', 'TTA', 'DINO', 'Alpaca', 'Codex', 'Hyena', 'MATH', 'ROOTS', 'HELM', 'CHAIR', 'POPE', 'MME', 'GIN', 'TER', 'KID', 'LIME', 'SWA', 'CFG']);

export const LEXICON: readonly LexiconEntry[] = TABLE.split('\n')
  .map((l) => l.trim())
  .filter((l) => l.length > 0)
  .map((l) => {
    const [type, name, ...rest] = l.split('|');
    const entry: LexiconEntry = { type: type as ConceptType, name: name as string, aliases: rest.filter((a) => !a.startsWith('^')) };
    const broader = rest.find((a) => a.startsWith('^'));
    if (broader) entry.broader = broader.slice(1);
    return entry;
  });

/** Whether a lexicon surface may be matched without an in-text definition or typing context. */
export function trustedAlone(surface: string): boolean {
  return !AMBIGUOUS_ALONE.has(surface) && !WEAK_ALONE.has(surface);
}

export interface LexiconHit {
  entry: LexiconEntry;
  /** The name or alias whose key matched. */
  surface: string;
  /** Canonical key of `surface`. */
  key: string;
}

let index: Map<string, LexiconHit> | undefined;
/** The same surfaces by `looseKey`, for spellings that drop or add the hyphen before a version number. */
const looseIndex = new Map<string, LexiconHit>();
/** Keys with a surface that may be written in any case ("Llama" beside "LLaMA"). */
const caseFreeKeys = new Set<string>();
/** An entry's surfaces as written, and without hyphens, with and without a final "s". */
interface WrittenForms {
  exact: Set<string>;
  bare: Set<string>;
}
/** Built with the index because `writtenAsLexicon` runs for every lexicon hit of the surface matcher. */
const writtenForms = new Map<LexiconEntry, WrittenForms>();
let maxWords = 1;

/** "gpt-2" and "gpt2", "wikitext-2" and "wikitext2" name the same thing; a word and its number are one key here. */
function looseKey(key: string): string {
  // Nearly every key looked up has no "-<digit>"; a test is about half the cost of a replace that finds nothing.
  return /[a-z]-\d/.test(key) ? key.replace(/([a-z])-(?=\d)/g, '$1') : key;
}

function buildIndex(): Map<string, LexiconHit> {
  const m = new Map<string, LexiconHit>();
  for (const entry of LEXICON) {
    const forms: WrittenForms = { exact: new Set(), bare: new Set() };
    writtenForms.set(entry, forms);
    for (const surface of [entry.name, ...entry.aliases]) {
      const plain = surface.replace(/-/g, '');
      forms.exact.add(surface);
      forms.bare.add(plain).add(plain.replace(/s$/, ''));
      const k = canonicalKey(surface);
      const hit = { entry, surface, key: k };
      if (!m.has(k)) m.set(k, hit);
      const loose = looseKey(k);
      if (!looseIndex.has(loose)) looseIndex.set(loose, hit);
      if (!caseSensitiveSurface(surface)) caseFreeKeys.add(k);
      maxWords = Math.max(maxWords, k.split('-').length);
    }
  }
  return m;
}

/** Id of the broader concept the lexicon gives for the entry named by this canonical key, if any. */
export function lexiconBroaderId(key: string): string | undefined {
  const entry = lookupLexicon(key);
  if (!entry?.broader) return undefined;
  const parent = lookupLexicon(canonicalKey(entry.broader));
  return parent ? conceptId(parent.type, canonicalKey(parent.name)) : undefined;
}

/** The lexicon entry one of whose names has this canonical key. */
export function lookupLexicon(key: string): LexiconEntry | undefined {
  return lookupLexiconHit(key)?.entry;
}

export function lookupLexiconHit(key: string): LexiconHit | undefined {
  index ??= buildIndex();
  return index.get(key) ?? looseIndex.get(looseKey(key));
}

/** Longest lexicon name in key parts, bounding the window of the surface matcher. */
export function lexiconMaxParts(): number {
  index ??= buildIndex();
  return maxWords;
}

/**
 * Short mixed-case or upper-case surfaces ("CV", "ARC", "LoRA") must match in their written case, or
 * ordinary words ("arc", "lora") would become concepts; so must capitalised names that are everyday words
 * ("since its inception" is not the Inception network, "places" not the Places dataset).
 */
export function caseSensitiveSurface(surface: string): boolean {
  if (/\s/.test(surface)) return false;
  return /[A-Z]/.test(surface.slice(1)) || everydayWordName(surface);
}

function everydayWordName(surface: string): boolean {
  return AMBIGUOUS_ALONE.has(surface) && /^[A-Z][a-z]+$/.test(surface);
}

/**
 * A lowercase "inception", "places": the everyday word, even where a noun phrase is expected. (A lowercase
 * acronym such as "svm" in a noun phrase still is the acronym.)
 */
export function everydayWordWritten(written: string, hit: LexiconHit): boolean {
  return everydayWordName(hit.surface) && written === written.toLowerCase();
}

/**
 * Whether `written` spells one of the hit entry's surfaces in the case that surface needs; a plural or
 * possessive "s" and hyphens may differ ("LLMs", "GPT2" for GPT-2).
 */
export function writtenAsLexicon(written: string, hit: LexiconHit): boolean {
  index ??= buildIndex();
  if (caseFreeKeys.has(hit.key)) return true;
  const forms = writtenForms.get(hit.entry) as WrittenForms;
  return forms.exact.has(written) || forms.bare.has(written.replace(/['’]?s$/, '').replace(/-/g, ''));
}
