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
        loading = null; // let the next render try again
        throw err;
      },
    );
    return loading;
  };
  const Suspending = lazy(() => preload().then((component) => ({ default: component })));
  function View(props: P) {
    return loaded ? createElement(loaded, props) : createElement(Suspending, props);
  }
  return { View, preload };
}
