import { installShutdownHandlers, startServer } from '../../src/api/index.js';
import { createSilentLogger } from '../../src/config/index.js';
import { createSeededStore } from './fixtures.js';

describe('installShutdownHandlers', () => {
  it('on SIGTERM drains the server, then closes the store, then exits 0', async () => {
    const store = await createSeededStore();
    const order: string[] = [];
    const server = await startServer({
      config: { port: 0, host: '127.0.0.1', apiKey: null, corsOrigins: [] },
      store,
      logger: createSilentLogger(),
    });
    const exited = new Promise<number>((resolve) => {
      const uninstall = installShutdownHandlers({
        server: { close: () => server.close().then(() => void order.push('server')) },
        store: { close: () => store.close().then(() => void order.push('store')) },
        logger: createSilentLogger(),
        signals: ['SIGTERM'],
        exit: (code) => {
          uninstall();
          resolve(code);
        },
      });
    });
    process.emit('SIGTERM', 'SIGTERM');
    expect(await exited).toBe(0);
    expect(order).toEqual(['server', 'store']);
    await expect(fetch(server.url)).rejects.toThrow();
  });

  it('exits 1 when closing fails, and removes its handlers when asked', async () => {
    const before = process.listenerCount('SIGINT');
    const exited = new Promise<number>((resolve) => {
      const uninstall = installShutdownHandlers({
        server: { close: () => Promise.reject(new Error('stuck')) },
        store: { close: async () => {} },
        logger: createSilentLogger(),
        signals: ['SIGINT'],
        exit: (code) => {
          uninstall();
          resolve(code);
        },
      });
      expect(process.listenerCount('SIGINT')).toBe(before + 1);
    });
    process.emit('SIGINT', 'SIGINT');
    expect(await exited).toBe(1);
    expect(process.listenerCount('SIGINT')).toBe(before);
  });
});
