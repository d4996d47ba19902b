import { findAsides } from '../../src/nlp/find-asides.js';
import { tokenize } from '../../src/nlp/tokenize.js';

const asides = (s: string): string[] => findAsides(s, tokenize(s).tokens).map((a) => s.slice(a.start, a.end));

describe('findAsides', () => {
  it('finds parenthetical citations with "&", "et al." and several works', () => {
    expect(asides('It reuses the Colored Objects task (Ippolito & Callison-Burch, 2023).')).toEqual(['(Ippolito & Callison-Burch, 2023)']);
    expect(asides('Attention (see Vaswani et al., 2017; Dao, 2022a) is costly.')).toEqual(['(see Vaswani et al., 2017; Dao, 2022a)']);
  });

  it('finds the author names of a narrative citation, not the words after it', () => {
    expect(asides('As Smith and Jones (2021) show, FooNet helps. Wang et al. (2022) and van Durme (2020) agree.')).toEqual(['Smith and Jones', 'Wang et al.', 'van Durme']);
  });

  it('leaves parentheses that hold no citation', () => {
    expect(asides('We evaluate on Long Range Arena (LRA) with 16K tokens (2023 tokens per second).')).toEqual([]);
  });

  it('finds quoted example sentences but not quoted terms', () => {
    const s = 'Recall, e.g. "Bilbo Baggins took the Arkenstone from Smaug", is hard. This task, termed "associative recall", and "Lost in the Middle" are studied.';
    expect(asides(s)).toEqual(['Bilbo Baggins took the Arkenstone from Smaug']);
    expect(asides("As in ``the cat sat on the mat'', models copy.")).toEqual(['the cat sat on the mat']);
  });
});
