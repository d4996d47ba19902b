/**
 * Mention-level evaluation of the concept extractor against SciERC-format JSON lines.
 *   npm run eval -- --scierc ../shared/scierc/dev.json [--errors 20]
 * The data is read from the given path only; nothing from it is stored in the project.
 */
import { DEFAULT_MIN_CONFIDENCE, extractConcepts } from '../src/nlp/index.js';
import type { ConceptType } from '../src/nlp/index.js';
import { docText, readDocs, wordAt } from './scierc-data.js';
import type { Doc } from './scierc-data.js';
import { cliArg } from './cli-arg.js';

const TYPE_MAP: Record<ConceptType, string> = { METHOD: 'Method', TASK: 'Task', METRIC: 'Metric', DATASET: 'Material' };
const KEPT = new Set(Object.values(TYPE_MAP));


interface Span {
  s: number;
  e: number;
  type: string;
  text: string;
}

function prf(tp: number, np: number, ng: number, tpr = tp): [number, number, number] {
  const p = np ? tp / np : 0;
  const r = ng ? tpr / ng : 0;
  return [p, r, p + r ? (2 * p * r) / (p + r) : 0];
}

function main(): void {
  const path = cliArg('--scierc');
  if (!path) {
    console.error('usage: eval --scierc <path to SciERC json lines> [--errors N] [--min-confidence X] [--sweep]');
    process.exit(2);
  }
  const nErrors = Number(cliArg('--errors') ?? 0);
  const docs = readDocs(path);
  console.log(`SciERC ${docs.length} docs`);
  if (process.argv.includes('--sweep')) {
    // Threshold choice: exact and relaxed F1 of what the graph would store at each threshold.
    for (let k = 0; k <= 18; k++) evaluate(docs, `minConfidence ${(k * 0.05).toFixed(2)}`, k * 0.05, 0, true);
    return;
  }
  const given = cliArg('--min-confidence');
  const minConfidence = given !== undefined ? Number(given) : DEFAULT_MIN_CONFIDENCE;
  evaluate(docs, given !== undefined ? `minConfidence ${given}` : `what the graph stores (default minConfidence ${DEFAULT_MIN_CONFIDENCE})`, minConfidence, nErrors);
}

function evaluate(docs: Doc[], label: string, minConfidence: number, nErrors: number, brief = false): void {
  const types = [...KEPT];
  const stat = new Map<string, { np: number; ng: number; exact: number; relP: number; relR: number }>();
  for (const t of [...types, 'ALL']) stat.set(t, { np: 0, ng: 0, exact: 0, relP: 0, relR: 0 });
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  /** The same errors by kind (type confusion, span too long or short, spurious, missed): what to work on next. */
  const kinds = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

  for (const doc of docs) {
    const { words, starts, text } = docText(doc.sentences.flat());
    const tokenAt = (c: number): number => wordAt(starts, c);
    const gold: Span[] = [];
    const other: Span[] = [];
    for (const sent of doc.ner) {
      for (const [s, e, type] of sent) {
        const span = { s, e, type, text: words.slice(s, e + 1).join(' ') };
        (KEPT.has(type) ? gold : other).push(span);
      }
    }
    const pred: Span[] = [];
    for (const c of extractConcepts({ title: '', abstract: text }, { minConfidence }).concepts) {
      for (const m of c.mentions) {
        if (m.field !== 'abstract') continue;
        const s = tokenAt(m.start);
        const e = tokenAt(m.end - 1);
        pred.push({ s, e, type: TYPE_MAP[c.type], text: words.slice(s, e + 1).join(' ') });
      }
    }
    const overlap = (a: Span, b: Span) => a.s <= b.e && b.s <= a.e;
    for (const t of [...types, 'ALL']) {
      const st = stat.get(t)!;
      const g = t === 'ALL' ? gold : gold.filter((x) => x.type === t);
      const p = t === 'ALL' ? pred : pred.filter((x) => x.type === t);
      st.ng += g.length;
      st.np += p.length;
      st.exact += p.filter((x) => g.some((y) => y.s === x.s && y.e === x.e && y.type === x.type)).length;
      st.relP += p.filter((x) => g.some((y) => overlap(x, y) && y.type === x.type)).length;
      st.relR += g.filter((y) => p.some((x) => overlap(x, y) && y.type === x.type)).length;
    }
    for (const x of pred) {
      if (gold.some((y) => y.s === x.s && y.e === x.e && y.type === x.type)) continue;
      const same = [...gold, ...other].find((y) => y.s === x.s && y.e === x.e);
      const near = gold.find((y) => overlap(x, y) && y.type === x.type);
      bump(fp, same ? `${x.type}≠${same.type}: ${x.text}` : near ? `${x.type} boundary: ${x.text} ⟂ ${near.text}` : `${x.type}: ${x.text}`);
      const covering = [...gold, ...other].find((y) => overlap(x, y));
      bump(
        kinds,
        same
          ? `${x.type} predicted for ${same.type}`
          : near
            ? `${x.type} span ${x.s <= near.s && x.e >= near.e ? 'too long' : x.s >= near.s && x.e <= near.e ? 'too short' : 'shifted'}`
            : covering
              ? `${x.type} predicted over ${covering.type} (other span)`
              : `${x.type} predicted, nothing annotated`,
      );
    }
    for (const y of gold) {
      if (pred.some((x) => x.s === y.s && x.e === y.e && x.type === y.type)) continue;
      if (pred.some((x) => overlap(x, y) && x.type === y.type)) continue;
      bump(fn, `${y.type}: ${y.text}`);
      const typed = pred.find((x) => overlap(x, y));
      bump(kinds, typed ? `${y.type} gold typed as ${typed.type}` : `${y.type} missed`);
    }
  }
  const f = (x: number) => x.toFixed(3);
  if (brief) {
    const st = stat.get('ALL')!;
    const [ep, er, ef] = prf(st.exact, st.np, st.ng);
    const [rp, rr, rf] = prf(st.relP, st.np, st.ng, st.relR);
    console.log(`${label.padEnd(20)} pred ${String(st.np).padStart(4)} | exact P ${f(ep)} R ${f(er)} F1 ${f(ef)} | relaxed P ${f(rp)} R ${f(rr)} F1 ${f(rf)}`);
    return;
  }
  console.log(`\n== ${label}`);
  console.log('type      gold  pred | exact P  R      F1    | relaxed P  R      F1');
  for (const t of [...types, 'ALL']) {
    const st = stat.get(t)!;
    const [ep, er, ef] = prf(st.exact, st.np, st.ng);
    const [rp, rr, rf] = prf(st.relP, st.np, st.ng, st.relR);
    console.log(`${t.padEnd(9)} ${String(st.ng).padStart(5)} ${String(st.np).padStart(5)} | ${f(ep)} ${f(er)} ${f(ef)} | ${f(rp)} ${f(rr)} ${f(rf)}`);
  }
  if (nErrors > 0) {
    const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, nErrors);
    console.log(`\nTop false positives (${label.split(' (')[0]}) (wrong span or type):`);
    for (const [k, n] of top(fp)) console.log(`${String(n).padStart(4)}  ${k}`);
    console.log(`\nTop false negatives (no overlapping prediction of the type):`);
    for (const [k, n] of top(fn)) console.log(`${String(n).padStart(4)}  ${k}`);
    console.log(`\nMost frequent error kinds (false positives and false negatives above, counted by kind):`);
    for (const [k, n] of top(kinds)) console.log(`${String(n).padStart(4)}  ${k}`);
  }
}

main();
