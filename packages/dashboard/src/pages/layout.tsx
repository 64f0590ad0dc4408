import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { STYLES } from './styles.js';

export interface LayoutProps {
  title: string;
  base: string;
  children?: Child;
  /** Pages without charts skip the script. */
  script?: boolean;
}

/** The HTML shell: inline CSS, one small deferred script for chart tooltips, nothing external. */
export function Layout({ title, base, children, script = true }: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <style>{raw(STYLES)}</style>
        {script ? <script src={`${base}/assets/dashboard.js`} defer /> : null}
      </head>
      <body>{children}</body>
    </html>
  );
}
