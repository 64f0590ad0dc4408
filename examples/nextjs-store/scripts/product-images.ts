// Renders the catalog's product pictures to public/images/products/<id>.png (the local stand-in
// for the assets bucket). Skips pictures that exist, so a rebuild costs nothing.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { generateCatalog } from '../src/catalog/generate';
import { productImageSvg } from '../src/catalog/product-image';

const publicDir = fileURLToPath(new URL('../public', import.meta.url));
await mkdir(`${publicDir}/images/products`, { recursive: true });
let made = 0;
for (const product of generateCatalog()) {
  const file = `${publicDir}${product.imagePath}`;
  if (existsSync(file)) continue;
  await sharp(Buffer.from(productImageSvg(product)))
    .png({ compressionLevel: 9, palette: true })
    .toFile(file);
  made++;
}
console.info(`product images: ${made} rendered, ${generateCatalog().length - made} already there`);
