import { untrack } from 'svelte';

/**
 * A value that follows `get` at most once per `ms`: panels that need not redraw at 60 fps (the
 * events table, counters) stay calm while hundreds of objects change per frame. Create it while
 * a component initialises.
 */
export class Throttled<T> {
  current = $state.raw() as T;

  constructor(get: () => T, ms: number) {
    this.current = untrack(get);
    let timer: ReturnType<typeof setTimeout> | undefined;
    $effect(() => {
      get();
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        this.current = untrack(get);
      }, ms);
    });
    $effect(() => () => clearTimeout(timer));
  }
}
