import { createSilentLogger } from '../src/config/index.js';
import { createNeo4jStore } from '../src/graph/index.js';
const config = { uri: 'bolt://127.0.0.1:7703', user: 'neo4j', password: 'papergraph-dev', database: 'neo4j' } as never;
const one = createNeo4jStore({ config, logger: createSilentLogger(), twoStageTextMinPapers: 1e9 });
const two = createNeo4jStore({ config, logger: createSilentLogger() });
const ids = Array.from({ length: 100 }, (_, i) => `syn-${String(Math.floor((i * 100000) / 100) + 17).padStart(7, '0')}`);
let same10 = 0, total = 0, sameTop1 = 0, exactLists = 0;
for (const by of ['HYBRID', 'TEXT'] as const) {
  same10 = 0; total = 0; sameTop1 = 0; exactLists = 0;
  for (let i = 0; i < ids.length; i += 20) {
    const batch = ids.slice(i, i + 20);
    const a = await one.getRelatedPapers(batch, { first: 10, by });
    const b = await two.getRelatedPapers(batch, { first: 10, by });
    a.forEach((list, j) => {
      const other = b[j] ?? [];
      const set = new Set(list.map((r) => r.paperId));
      same10 += other.filter((r) => set.has(r.paperId)).length; total += list.length;
      if (list[0]?.paperId === other[0]?.paperId) sameTop1 += 1;
      if (JSON.stringify(list) === JSON.stringify(other)) exactLists += 1;
    });
  }
  console.log(by, 'top-10 overlap', (same10 / total).toFixed(3), 'same first', sameTop1, '/', ids.length, 'identical lists', exactLists);
}
await one.close(); await two.close();
