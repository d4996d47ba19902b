import cliProgress from 'cli-progress';

export interface ProgressState {
  /** Papers handled so far (the rate is papers per second). */
  papers: number;
  /** Share of the work done, in [0, 1], when known (bytes of the input read, papers of a known total). */
  fraction: number | null;
  /** Counts to show after the rate, e.g. "12 written, 3 bad". */
  detail: string;
}

export interface Progress {
  update(state: ProgressState): void;
  /** Writes a message (ending in a newline) without breaking the bar. */
  log(text: string): void;
  /** Ends the bar (or prints the last log line). */
  stop(): void;
}

export interface ProgressOptions {
  /** Shown at the start of each log line. */
  label: string;
  /** Seconds between log lines when standard error is not a terminal. Default 10. */
  logEverySeconds?: number;
  /** Default: `Date.now`. */
  now?: () => number;
}

const SCALE = 10_000;

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/**
 * Progress on standard error: a bar (papers/s, ETA) when it is a terminal, else one line every
 * `logEverySeconds` (and at the end), so that logs of a long run in CI or under nohup show it is moving.
 */
export function createProgress(stderr: NodeJS.WritableStream, options: ProgressOptions): Progress {
  const now = options.now ?? Date.now;
  const started = now();
  const rate = (papers: number) => papers / Math.max(0.001, (now() - started) / 1000);
  const eta = (fraction: number | null) => {
    if (fraction === null || fraction <= 0) return Number.NaN;
    return (((now() - started) / 1000) * (1 - fraction)) / fraction;
  };
  const line = (state: ProgressState) =>
    `${options.label}: ${state.papers} papers, ${rate(state.papers).toFixed(1)} papers/s` +
    (state.fraction === null ? '' : `, ${(100 * state.fraction).toFixed(1)}%, ETA ${duration(eta(state.fraction))}`) +
    (state.detail === '' ? '' : `, ${state.detail}`);

  if ((stderr as NodeJS.WriteStream).isTTY) {
    // A MultiBar of one bar, for its `log`: messages go above the bar instead of through it.
    const bars = new cliProgress.MultiBar(
      {
        stream: stderr,
        format: `${options.label} {bar} {percent} | {papers} papers | {rate} papers/s | ETA {etaText} | {detail}`,
        hideCursor: true,
        fps: 5,
      },
      cliProgress.Presets.shades_classic,
    );
    const payload = (state: ProgressState) => ({
      papers: state.papers,
      rate: rate(state.papers).toFixed(1),
      percent: state.fraction === null ? '' : `${(100 * state.fraction).toFixed(1)}%`,
      etaText: duration(eta(state.fraction)),
      detail: state.detail,
    });
    const bar = bars.create(SCALE, 0, payload({ papers: 0, fraction: 0, detail: '' }));
    let stopped = false;
    return {
      update: (state) => {
        if (!stopped) bar.update(Math.round(SCALE * (state.fraction ?? 0)), payload(state));
      },
      log: (text) => (stopped ? stderr.write(text) : bars.log(text)),
      stop: () => {
        // A redraw first: `log` buffers messages until the next one, and stopping would drop them.
        if (!stopped) (bars as unknown as { update(): void }).update();
        if (!stopped) bars.stop();
        stopped = true;
      },
    };
  }
  const every = 1000 * (options.logEverySeconds ?? 10);
  let last = started;
  let latest: ProgressState | null = null;
  let printed: ProgressState | null = null;
  return {
    log: (text) => stderr.write(text),
    update(state) {
      latest = state;
      if (now() - last < every) return;
      last = now();
      printed = state;
      stderr.write(`${line(state)}\n`);
    },
    // A run short enough to print no line prints none at the end either; the last state is printed once.
    stop() {
      if (printed !== null && latest !== null && latest !== printed) stderr.write(`${line(latest)}\n`);
      latest = null;
    },
  };
}
