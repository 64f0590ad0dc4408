import { Layout } from './layout.js';

export function LoginPage({ base, failed, next }: { base: string; failed: boolean; next: string }) {
  return (
    <Layout title="Clicktrail · sign in" base={base} script={false}>
      <main>
        <h1>Clicktrail dashboard</h1>
        <form method="post" action={`${base}/login`} id="login">
          {failed ? <p class="error">Wrong password.</p> : null}
          <input type="hidden" name="next" value={next} />
          <label>
            Password
            <input
              type="password"
              name="password"
              autofocus
              required
              autocomplete="current-password"
            />
          </label>
          <p>
            <button type="submit">Sign in</button>
          </p>
        </form>
      </main>
    </Layout>
  );
}
