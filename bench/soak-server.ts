/**
 * The API process of `npm run bench:soak`: a real papergraph HTTP server in its own process, so its memory is
 * measured apart from the load generator's. With NEO4J_URI it serves that graph (loaded beforehand by the soak);
 * without, it loads the synthetic corpus of `--papers N` into the embedded store first. Prints one JSON line
 * `{ "url": … }` when it listens; stops on SIGTERM.
 */
import { installShutdownHandlers, startServer } from '../src/api/index.js';
import { createLogger, loadConfig } from '../src/config/index.js';
import { createGraphStore } from '../src/graph/index.js';
import { createSyntheticCorpus, loadSyntheticCorpus } from './synthetic-corpus.js';

const papersArg = process.argv.indexOf('--papers');
const papers = papersArg >= 0 ? Number(process.argv[papersArg + 1]) : 15_000;
const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'error' });
const logger = createLogger({ level: config.logLevel });
const store = createGraphStore({ config, logger });
await store.init();
if (store.kind === 'memory') await loadSyntheticCorpus(store, await createSyntheticCorpus({ papers }));
const server = await startServer({ config, store, logger });
installShutdownHandlers({ server, store, logger });
process.stdout.write(`${JSON.stringify({ url: server.url, pid: process.pid })}\n`);
