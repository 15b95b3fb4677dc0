/**
 * A view whose code is fetched after the first paint. Once fetched it renders directly: React.lazy
 * alone would suspend on every first render, even for code already loaded, and React holds a
 * suspended boundary's content back for up to 300 ms.
 */
import { createElement, lazy, type ComponentType } from 'react';

export interface LazyView<P extends object> {
  View: ComponentType<P>;
  /** Fetches the code now (idempotent); views render without suspending once it has arrived. */
  preload: () => Promise<ComponentType<P>>;
}

export function lazyView<P extends object, M>(load: () => Promise<M>, pick: (module: M) => ComponentType<P>): LazyView<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () => {
    loading ??= load().then(
      (m) => (loaded = pick(m)),
      (err: unknown) => {
        loading = null; // the next attempt fetches again
        throw err;
      },
    );
    return loading;
  };
  // React.lazy remembers a failed load for good; a fresh one after each failure lets the error
  // boundary's "Try again" fetch the code again.
  const suspending = (): ComponentType<P> =>
    lazy(() =>
      preload().then(
        (component) => ({ default: component }),
        (err: unknown) => {
          Suspending = suspending();
          throw err;
        },
      ),
    );
  let Suspending = suspending();
  function View(props: P) {
    return loaded ? createElement(loaded, props) : createElement(Suspending, props);
  }
  return { View, preload };
}
