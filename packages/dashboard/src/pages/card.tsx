import type { Child } from 'hono/jsx';

/** A titled panel with its CSV download link. */
export function Card({
  title,
  id,
  csv,
  children,
}: {
  title: string;
  id: string;
  csv?: string;
  children?: Child;
}) {
  return (
    <section class="card" id={id} data-panel={id}>
      {csv ? (
        <a class="csv" href={csv} download>
          CSV
        </a>
      ) : null}
      <h2>{title}</h2>
      {children}
    </section>
  );
}
