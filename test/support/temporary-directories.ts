import { afterAll } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Fresh directories under the system's temporary folder for one test file, all deleted after its tests, so that
 * running the suite again and again does not fill `/tmp`. Call it at the top level of a test file (it registers
 * an `afterAll`); the returned function makes a new, empty directory named `<prefix>XXXXXX` each call.
 */
export function temporaryDirectories(prefix: string): () => Promise<string> {
  const made: string[] = [];
  afterAll(async () => {
    await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}
