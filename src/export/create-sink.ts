import { once } from 'node:events';

/** Text written to a stream, waiting for it to drain when its buffer is full (back-pressure). */
export interface Sink {
  write(text: string): Promise<void>;
}

export function createSink(stream: NodeJS.WritableStream): Sink {
  return {
    async write(text) {
      if (!stream.write(text)) await once(stream, 'drain');
    },
  };
}
