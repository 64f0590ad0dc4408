import type { Metadata } from 'next';
import Link from 'next/link';
import { currentUser } from '@/auth/session';
import { readCartView } from '@/cart/cart-view';
import { CheckoutButton, RemoveFromCart } from '@/components/cart-actions';
import { formatMoney } from '@/ui/price';

export const metadata: Metadata = { title: 'Cart' };

export default async function CartPage() {
  const [cart, user] = await Promise.all([readCartView(), currentUser()]);
  if (cart.lines.length === 0) {
    return (
      <>
        <h1>Your cart</h1>
        <p>
          Your cart is empty. <Link href="/">Keep shopping</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Your cart</h1>
      <table className="cart">
        <tbody>
          {cart.lines.map(({ product, quantity, lineCents }) => (
            <tr key={product.id} data-product-id={product.id}>
              <td>
                <Link href={`/products/${product.id}`}>{product.name}</Link>
              </td>
              <td>× {quantity}</td>
              <td>{formatMoney(lineCents)}</td>
              <td>
                <RemoveFromCart productId={product.id} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="total">Total {formatMoney(cart.totalCents)}</p>
      <CheckoutButton
        items={cart.items}
        value={cart.totalCents / 100}
        currency={cart.currency}
        href={user ? '/checkout' : '/login?next=%2Fcheckout'}
      />
    </>
  );
}
