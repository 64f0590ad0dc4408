import { CATEGORIES } from './categories';
import type { CatalogProduct } from './generate';

/** A hash of the id, so each product's picture differs but is the same on every build. */
function hash(text: string): number {
  let h = 2_166_136_261;
  for (const char of text) h = Math.imul(h ^ char.charCodeAt(0), 16_777_619);
  return h >>> 0;
}

const SHAPES = [
  (c: string) => `<circle cx="240" cy="250" r="120" fill="${c}"/>`,
  (c: string) => `<rect x="130" y="140" width="220" height="220" rx="36" fill="${c}"/>`,
  (c: string) => `<path d="M240 110 L370 360 L110 360 Z" fill="${c}"/>`,
  (c: string) => `<ellipse cx="240" cy="250" rx="150" ry="90" fill="${c}"/>`,
  (c: string) => `<rect x="170" y="110" width="140" height="270" rx="60" fill="${c}"/>`,
  (c: string) => `<path d="M240 120 L360 250 L240 380 L120 250 Z" fill="${c}"/>`,
];

/** A 480×480 still life of the product: its category's colours, a shape per kind of product. */
export function productImageSvg(product: CatalogProduct): string {
  const spec = CATEGORIES.find((c) => c.slug === product.categorySlug) ?? CATEGORIES[0]!;
  const [dark, light] = spec.palette;
  const h = hash(product.id);
  const noun = spec.nouns.findIndex((n) => product.name.endsWith(n));
  const shape = SHAPES[Math.max(0, noun) % SHAPES.length]!;
  const tilt = (h % 30) - 15;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="480" viewBox="0 0 480 480">
<rect width="480" height="480" fill="${light}"/>
<circle cx="${60 + (h % 360)}" cy="${40 + ((h >> 8) % 120)}" r="${30 + ((h >> 4) % 50)}" fill="#ffffff" opacity="0.5"/>
<ellipse cx="240" cy="400" rx="150" ry="18" fill="${dark}" opacity="0.18"/>
<g transform="rotate(${tilt} 240 250)">${shape(dark)}
<rect x="200" y="${230 + ((h >> 12) % 40)}" width="80" height="14" rx="7" fill="${light}" opacity="0.8"/></g>
</svg>`;
}
