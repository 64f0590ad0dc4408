import type { Child } from 'hono/jsx';

/** A titled panel with its CSV download link. */
export function Card({
  title,
  id,
  csv,
  wide = false,
  children,
}: {
  title: string;
  id: string;
  csv?: string;
  /** Two grid columns where there are two (tables with many numeric columns). */
  wide?: boolean;
  children?: Child;
}) {
  return (
    <section class={wide ? 'card wide' : 'card'} id={id} data-panel={id}>
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
