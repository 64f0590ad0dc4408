/**
 * Calls `onNavigate` after every SPA navigation: `pushState`, `replaceState` and `popstate`.
 * The callback runs after the current task, so a title set right after navigating is seen.
 * Returns a function that stops watching.
 */
export function watchNavigation(onNavigate: () => void): () => void {
  let active = true;
  const notify = () => setTimeout(() => active && onNavigate());
  for (const name of ['pushState', 'replaceState'] as const) {
    const original = history[name];
    history[name] = function (this: History, ...args: Parameters<History['pushState']>) {
      const result = original.apply(this, args);
      notify();
      return result;
    };
  }
  addEventListener('popstate', notify);
  return () => {
    active = false;
    removeEventListener('popstate', notify);
  };
}
