import { randomBytes } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentUser } from '@/auth/session';
import { readCartView } from '@/cart/cart-view';
import { PlaceOrder } from '@/components/place-order';
import { formatMoney } from '@/ui/price';

export const metadata: Metadata = { title: 'Checkout' };

export default async function CheckoutPage() {
  const user = await currentUser();
  if (!user) redirect('/login?next=/checkout');
  const cart = await readCartView();
  if (cart.lines.length === 0) {
    return (
      <>
        <h1>Checkout</h1>
        <p>
          Your cart is empty. <Link href="/">Keep shopping</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Checkout</h1>
      <ul>
        {cart.lines.map(({ product, quantity, lineCents }) => (
          <li key={product.id}>
            {product.name} × {quantity}: {formatMoney(lineCents)}
          </li>
        ))}
      </ul>
      <p className="total">
        Total {formatMoney(cart.totalCents)}, billed to {user.email}
      </p>
      {/* One key per rendering of this page: submitting it twice makes one order. */}
      <PlaceOrder idempotencyKey={randomBytes(18).toString('base64url')} />
    </>
  );
}
