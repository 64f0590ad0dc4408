'use client';
import type { ProductItem } from '@clicktrail/sdk';
import { useClickstream } from '@clicktrail/sdk/react';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { removeFromCart } from '../../app/actions/cart';

export function RemoveFromCart({ productId }: { productId: string }) {
  const clickstream = useClickstream();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const remove = () =>
    startTransition(async () => {
      const result = await removeFromCart(productId);
      if (!result.ok) return setError(result.error);
      clickstream.record('remove_from_cart', {
        product: result.product,
        items: [{ ...result.product, quantity: result.quantity }],
        attributes: { quantity: result.quantity },
      });
      router.refresh();
    });
  return (
    <>
      <button type="button" onClick={remove} disabled={pending}>
        Remove
      </button>
      {error && <span role="alert">{error}</span>}
    </>
  );
}

/**
 * Starts the checkout: begin_checkout with the cart, then `href` (the checkout page, or the
 * login before it for a logged-out shopper, so no page view goes to a redirecting route).
 */
export function CheckoutButton({
  items,
  value,
  currency,
  href,
}: {
  items: ProductItem[];
  value: number;
  currency: string;
  href: string;
}) {
  const clickstream = useClickstream();
  const router = useRouter();
  return (
    <button
      type="button"
      className="primary"
      onClick={() => {
        clickstream.record('begin_checkout', { items, attributes: { value, currency } });
        router.push(href);
      }}
    >
      Checkout
    </button>
  );
}
