/**
 * Limited-memory BFGS (Nocedal & Wright, Numerical Optimization, alg. 7.4 and 7.5) with a backtracking
 * line search on the Armijo condition. Deterministic: the same objective and start give the same iterates.
 */

export interface LbfgsOptions {
  /** Pairs of past steps kept. Default 10. */
  memory?: number;
  /** Iteration cap. Default 200. */
  maxIterations?: number;
  /** Stop when the objective improved less than this fraction over the last `window` iterations. Default 1e-5. */
  tolerance?: number;
  /** Default 10. */
  window?: number;
  onIteration?: (iteration: number, value: number, gradNorm: number) => void;
}

/** Objective value at x; writes the gradient into `grad`. */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

export function minimizeLbfgs(f: Objective, x0: Float64Array, options: LbfgsOptions = {}): Float64Array {
  const m = options.memory ?? 10;
  const maxIt = options.maxIterations ?? 200;
  const tol = options.tolerance ?? 1e-5;
  const window = options.window ?? 10;
  const n = x0.length;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let fx = f(x, g);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const history: number[] = [fx];
  const d = new Float64Array(n);
  const alpha = new Array<number>(m).fill(0);
  for (let it = 1; it <= maxIt; it++) {
    // Two-loop recursion: d = -H g.
    d.set(g);
    for (let k = S.length - 1; k >= 0; k--) {
      const a = (rho[k] as number) * dot(S[k] as Float64Array, d);
      alpha[k] = a;
      const y = Y[k] as Float64Array;
      for (let i = 0; i < n; i++) d[i] = (d[i] as number) - a * (y[i] as number);
    }
    if (S.length > 0) {
      const last = S.length - 1;
      const gamma = dot(S[last] as Float64Array, Y[last] as Float64Array) / dot(Y[last] as Float64Array, Y[last] as Float64Array);
      for (let i = 0; i < n; i++) d[i] = (d[i] as number) * gamma;
    } else {
      const gn = Math.sqrt(dot(g, g));
      for (let i = 0; i < n; i++) d[i] = (d[i] as number) / Math.max(gn, 1e-12);
    }
    for (let k = 0; k < S.length; k++) {
      const b = (rho[k] as number) * dot(Y[k] as Float64Array, d);
      const s = S[k] as Float64Array;
      const a = alpha[k] as number;
      for (let i = 0; i < n; i++) d[i] = (d[i] as number) + (s[i] as number) * (a - b);
    }
    for (let i = 0; i < n; i++) d[i] = -(d[i] as number);
    let slope = dot(g, d);
    if (slope >= 0) {
      // Not a descent direction (curvature lost): restart from steepest descent.
      S.length = 0;
      Y.length = 0;
      rho.length = 0;
      const gn = Math.sqrt(dot(g, g));
      for (let i = 0; i < n; i++) d[i] = -(g[i] as number) / Math.max(gn, 1e-12);
      slope = dot(g, d);
    }
    let step = 1;
    const xNew = new Float64Array(n);
    const gNew = new Float64Array(n);
    let fNew = Infinity;
    for (let ls = 0; ls < 30; ls++) {
      for (let i = 0; i < n; i++) xNew[i] = (x[i] as number) + step * (d[i] as number);
      fNew = f(xNew, gNew);
      if (fNew <= fx + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(fNew < fx)) break;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = (xNew[i] as number) - (x[i] as number);
      y[i] = (gNew[i] as number) - (g[i] as number);
    }
    const sy = dot(s, y);
    if (sy > 1e-10) {
      if (S.length === m) {
        S.shift();
        Y.shift();
        rho.shift();
      }
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
    }
    x = xNew;
    g = gNew;
    fx = fNew;
    history.push(fx);
    options.onIteration?.(it, fx, Math.sqrt(dot(g, g)));
    if (history.length > window) {
      const old = history[history.length - 1 - window] as number;
      if ((old - fx) / Math.max(Math.abs(fx), 1) < tol) break;
    }
  }
  return x;
}
