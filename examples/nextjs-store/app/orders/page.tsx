import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentUser } from '@/auth/session';
import { getDatabase } from '@/db/connection';
import { listOrders } from '@/db/orders';
import { formatMoney } from '@/ui/price';

export const metadata: Metadata = { title: 'Your orders' };

export default async function OrdersPage() {
  const user = await currentUser();
  if (!user) redirect('/login?next=/orders');
  const orders = await listOrders(await getDatabase(), user.id);
  return (
    <>
      <h1>Your orders</h1>
      {orders.length === 0 ? (
        <p>No orders yet.</p>
      ) : (
        <ul className="orders">
          {orders.map((o) => (
            <li key={o.id}>
              <Link href={`/orders/${o.id}`}>{o.id}</Link> ·{' '}
              {o.createdAt.toISOString().slice(0, 10)} · {o.items} items ·{' '}
              {formatMoney(o.totalCents, o.currency)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
