/**
 * A module required on first use instead of at start-up: what a command loads decides how soon
 * `spbe` answers (loading zod and the schemas is ~0.1 s, more than a load from the cache does;
 * docs/benchmarks.md, issue 15). The compiled program requires it when first asked; under vitest,
 * whose `require` cannot load TypeScript, the tests' set-up imports the module and provides it
 * (testkit/lazy-modules.ts).
 */
export interface LazyModule<T> {
  get(): T;
  provide(module: T): void;
}

export function lazyModule<T>(load: () => T): LazyModule<T> {
  let module: T | undefined;
  return {
    get: () => (module ??= load()),
    provide: (m) => {
      module = m;
    },
  };
}
