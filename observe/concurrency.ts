// Bounded concurrency for the observers: a thousand names or probes must not open a thousand sockets
// at once (the resolver and the network would drop them), nor go one by one (too slow). Written here
// rather than taken from p-limit: a dozen lines, and the project keeps no extra dependency for it.

/**
 * Maps `items` through `fn` with at most `limit` calls running at once; results keep the input order.
 * `fn` is expected not to throw (observers turn failures into facts); if it does, the error propagates.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>, onDone?: (done: number, total: number) => void): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
      onDone?.(++done, items.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}
