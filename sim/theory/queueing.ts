// Closed-form queueing results the simulator must reproduce (docs/DOMAIN.md, "Known results to
// reproduce"). Pure functions; rates in any consistent unit (waits come out in its reciprocal).
// k single-thread workers, each serving at rate mu, fed by Poisson arrivals at total rate lambda:
//   shared queue / ideal distributor -> M/M/k (Erlang C);
//   sender-side round-robin          -> each worker is E_k/M/1;
//   random choice                    -> each worker is M/M/1 at lambda / k.
// Wait means time in queue before service starts (W_q). Unstable systems (utilisation >= 1) have
// an infinite mean wait and queue length: those functions return Infinity, never NaN.
// Source for all formulas: Kleinrock, "Queueing Systems, Volume 1: Theory" (1975), ch. 3 (M/M/1,
// M/M/m and Erlang's C formula) and ch. 6 (the G/M/1 queue); also Gross & Harris, "Fundamentals of
// Queueing Theory", ch. 2 and 5.

function checkRates(c: number, lambda: number, mu: number): void {
  if (!Number.isSafeInteger(c) || c < 1) {
    throw new RangeError(`Expected \`c\` to be an integer >= 1, got \`${String(c)}\` (${typeof c})`);
  }
  if (!(lambda >= 0) || !Number.isFinite(lambda)) {
    throw new RangeError(`Expected \`lambda\` to be a finite number >= 0, got \`${String(lambda)}\` (${typeof lambda})`);
  }
  if (!(mu > 0) || !Number.isFinite(mu)) {
    throw new RangeError(`Expected \`mu\` to be a finite number > 0, got \`${String(mu)}\` (${typeof mu})`);
  }
}

/** Offered load per server, rho = lambda / (c mu). Not capped: values >= 1 mean unstable. */
export function utilisation(c: number, lambda: number, mu: number): number {
  checkRates(c, lambda, mu);
  return lambda / (c * mu);
}

/**
 * Erlang C: probability that an arrival to an M/M/c queue has to wait.
 * Computed from Erlang B with the stable recursion B(0) = 1, B(n) = a B(n-1) / (n + a B(n-1)),
 * a = lambda / mu, then C = B / (1 - rho (1 - B)). The recursion avoids the a^c / c! of the
 * textbook sum, which overflows for large c; every step stays in (0, 1].
 * Unstable (rho >= 1): every arrival eventually waits, so 1 (the limit as rho -> 1), not Infinity:
 * this is a probability.
 */
export function erlangC(c: number, lambda: number, mu: number): number {
  const rho = utilisation(c, lambda, mu);
  if (rho >= 1) return 1;
  const a = lambda / mu;
  let b = 1;
  for (let n = 1; n <= c; n++) b = (a * b) / (n + a * b);
  return b / (1 - rho * (1 - b));
}

/** M/M/c mean wait in queue, W_q = C(c, a) / (c mu - lambda) (Kleinrock ch. 3). */
export function mmcMeanWait(c: number, lambda: number, mu: number): number {
  if (utilisation(c, lambda, mu) >= 1) return Infinity;
  return erlangC(c, lambda, mu) / (c * mu - lambda);
}

/** M/M/c mean number waiting, L_q = lambda W_q (Little's law). */
export function mmcMeanQueueLength(c: number, lambda: number, mu: number): number {
  if (utilisation(c, lambda, mu) >= 1) return Infinity;
  return lambda * mmcMeanWait(c, lambda, mu);
}

/** M/M/1 mean wait in queue, W_q = rho / (mu - lambda) with rho = lambda / mu (Kleinrock ch. 3). */
export function mm1MeanWait(lambda: number, mu: number): number {
  const rho = utilisation(1, lambda, mu);
  if (rho >= 1) return Infinity;
  return rho / (mu - lambda);
}

/**
 * Random choice among k workers: thinning a Poisson stream leaves each worker an M/M/1 queue with
 * arrival rate lambda / k.
 */
export function randomSplitMeanWait(k: number, lambda: number, mu: number): number {
  checkRates(k, lambda, mu);
  return mm1MeanWait(lambda / k, mu);
}

/**
 * E_k/M/1: the root sigma in (0, 1) of sigma = (lambda / (lambda + mu (1 - sigma)))^k, which is
 * the GI/M/1 equation sigma = A*(mu (1 - sigma)) (Kleinrock ch. 6) with A* the
 * Laplace transform of an Erlang-k interarrival time of phase rate lambda. Round-robin over k
 * workers hands each one every k-th arrival of a Poisson(lambda) stream: exactly such gaps.
 * Here lambda is the total (phase) rate; the worker's own arrival rate is lambda / k.
 *
 * Solved by bisection on f(s) = (lambda / (lambda + mu (1 - s)))^k - s, which is positive below
 * the root and negative between it and 1 (f is convex with f(1) = 0 and f'(1) = k mu / lambda - 1
 * > 0 when stable). Bisection cannot diverge, and runs until the bracket cannot shrink (about 53
 * steps, far below the required 1e-12). Unstable (lambda / k >= mu): the only root in (0, 1] is 1.
 */
export function ekm1Sigma(k: number, lambda: number, mu: number): number {
  if (utilisation(k, lambda, mu) >= 1) return 1;
  if (lambda === 0) return 0;
  let lo = 0;
  let hi = 1;
  for (let step = 0; step < 200; step++) {
    const mid = (lo + hi) / 2;
    if (mid <= lo || mid >= hi) break;
    const f = Math.pow(lambda / (lambda + mu * (1 - mid)), k) - mid;
    if (f > 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** E_k/M/1 mean wait in queue, W_q = sigma / (mu (1 - sigma)) (Kleinrock ch. 6). */
export function ekm1MeanWait(k: number, lambda: number, mu: number): number {
  if (utilisation(k, lambda, mu) >= 1) return Infinity;
  const sigma = ekm1Sigma(k, lambda, mu);
  return sigma / (mu * (1 - sigma));
}
