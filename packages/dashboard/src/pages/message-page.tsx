import { Layout } from './layout.js';

/** A bad filter or an unreachable warehouse: a clear sentence and a way back. */
export function MessagePage({
  base,
  title,
  message,
}: {
  base: string;
  title: string;
  message: string;
}) {
  return (
    <Layout title={`Clicktrail · ${title}`} base={base} script={false}>
      <main>
        <h1>{title}</h1>
        <p class="error" id="message">
          {message}
        </p>
        <p>
          <a href={`${base}/`}>Back to the last 7 days</a>
        </p>
      </main>
    </Layout>
  );
}
