import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { currentUser } from '@/auth/session';
import { getDatabase } from '@/db/connection';
import { getOrder } from '@/db/orders';
import { formatMoney } from '@/ui/price';

export const metadata: Metadata = { title: 'Order confirmation' };

/** Shows the order and records nothing itself: `purchase` was recorded when it was placed. */
export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await currentUser();
  if (!user) redirect(`/login?next=/orders/${encodeURIComponent(id)}`);
  // Another user's order is as unknown as one that does not exist.
  const order = /^[A-Za-z0-9_-]{1,40}$/.test(id)
    ? await getOrder(await getDatabase(), id, user.id)
    : null;
  if (!order) notFound();
  return (
    <>
      <h1>Thank you for your order</h1>
      <p>
        Order <strong data-order-id={order.id}>{order.id}</strong>, placed{' '}
        {order.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.
      </p>
      <ul>
        {order.items.map((i) => (
          <li key={i.productId}>
            {i.name} × {i.quantity}: {formatMoney(i.unitPriceCents * i.quantity, order.currency)}
          </li>
        ))}
      </ul>
      <p className="total">Total {formatMoney(order.totalCents, order.currency)}</p>
    </>
  );
}
