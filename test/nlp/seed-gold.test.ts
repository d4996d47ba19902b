import { extractConcepts } from '../../src/nlp/index.js';
import { readPapers } from '../../src/ingest/index.js';
import { readGold, scoreSeedGold } from './score-seed-gold.js';

const { papers, errors } = await readPapers(new URL('../../seeds/trending-attention-papers.txt', import.meta.url).pathname);
const gold = readGold(new URL('../fixtures/gold/seed-gold.json', import.meta.url).pathname);

/**
 * Levels reached on the hand-made gold; raise them when the extractor improves, never lower them quietly.
 * Lowered from P 0.89 / F1 0.90 when the trained tagger replaced the rules (issue 8): this gold was written in
 * the rules' own style (names only), while the tagger also stores the descriptive phrases SciERC annotates;
 * recall is 0.91, and SciERC dev exact F1 of what the graph stores rose from 0.28 to 0.61. Raising this gold to
 * 0.85 costs SciERC dev what it gains (README, "seed gold against SciERC dev").
 */
const FLOOR = { precision: 0.583, f1: 0.714, roleAgreement: 0.96 };

describe('seed corpus', () => {
  it('parses the 49 papers of the scraped page, without the page chrome', () => {
    expect(errors).toEqual([]);
    expect(papers).toHaveLength(49);
    expect(papers[0]!.title).toMatch(/^TabR:/);
    expect(papers.some((p) => /Subscribe|trending papers/.test(p.title))).toBe(false);
  });

  it('has gold for at least 12 papers', () => {
    expect(gold.length).toBeGreaterThanOrEqual(12);
  });

  it('keeps mention offsets exact on every seed paper', () => {
    for (const p of papers) {
      for (const c of extractConcepts(p).concepts) {
        for (const m of c.mentions) expect(p[m.field].slice(m.start, m.end)).toBe(m.text);
      }
    }
  });

  it('stays at or above the precision, F1 and role agreement reached on the hand-made gold', () => {
    const s = scoreSeedGold(gold, papers);
    expect(s.precision).toBeGreaterThanOrEqual(FLOOR.precision);
    expect(s.f1).toBeGreaterThanOrEqual(FLOOR.f1);
    expect(s.roleAgreement).toBeGreaterThanOrEqual(FLOOR.roleAgreement);
  });
});
