/** How long a page view waits for a document title before it is recorded without one. */
export const TITLE_WAIT_MS = 1_000;

/**
 * Runs `run` once the document has a title: now if it has one, else when one appears (Next.js
 * 16 removes the old <title> as the route commits and streams the new one in a moment later),
 * else after TITLE_WAIT_MS. The function returned runs it at once if it is still waiting.
 */
export function whenTitled(run: () => void): () => void {
  let done = false;
  let observer: MutationObserver | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const finish = () => {
    if (done) return;
    done = true;
    observer?.disconnect();
    clearTimeout(timer);
    run();
  };
  if (document.title || typeof MutationObserver === 'undefined') {
    finish();
    return finish;
  }
  observer = new MutationObserver(() => {
    if (document.title) finish();
  });
  observer.observe(document.documentElement, {
    subtree: true,
    childList: true,
    characterData: true,
  });
  timer = setTimeout(finish, TITLE_WAIT_MS);
  return finish;
}
