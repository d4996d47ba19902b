import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/** `papergraph serve` as its own process, as `npm start` runs it, so signals reach it the way they do in production. */
describe('papergraph serve as a process', () => {
  it('answers, then drains and exits 0 on one SIGTERM', async () => {
    // The embedded store: no NEO4J_* from the environment (the Neo4j suite's settings would select Neo4j).
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('NEO4J_')));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
      // Not "test": Apollo behaves differently under NODE_ENV=test, and this must see what production sees.
      env: { ...env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stderr: string[] = [];
    createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
    const exited = once(child, 'exit');
    try {
      const lines = createInterface({ input: child.stdout! });
      // A process that fails at start must fail the test at once, with what it said, not time it out.
      const line = await Promise.race([
        once(lines, 'line').then(([first]) => first as string),
        exited.then(([code]) => {
          throw new Error(`serve exited with ${String(code)} before serving:\n${stderr.join('\n')}`);
        }),
      ]);
      const url = /serving (http\S+)/.exec(line)?.[1];
      expect(url).toBeDefined();
      const response = await fetch(url!, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ stats { papers } }' }),
      });
      expect(await response.json()).toEqual({ data: { stats: { papers: 0 } } });

      child.kill('SIGTERM');
      const [code] = await exited;
      expect(code).toBe(0);
      expect(stderr.join('\n')).toContain('shutdown complete');
      expect(stderr.join('\n')).not.toContain('second signal');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
