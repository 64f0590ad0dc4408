'use client';
import { useClickstream } from '@clicktrail/sdk/react';
import { useRouter } from 'next/navigation';
import { type FormEvent, useRef, useState, useTransition } from 'react';
import { placeOrderFromCart } from '../../app/actions/checkout';

/**
 * Places the order once: the key was minted with the page, so a second submit (double click,
 * retry) finds the first order. `purchase` is recorded here, when the order is made, never by
 * the confirmation page, so reloading that page records nothing new.
 */
export function PlaceOrder({ idempotencyKey }: { idempotencyKey: string }) {
  const clickstream = useClickstream();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const recorded = useRef(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await placeOrderFromCart(idempotencyKey);
      if (!result.ok) return setError(result.error);
      if (!recorded.current) {
        recorded.current = true;
        clickstream.record('purchase', {
          items: result.items,
          attributes: {
            transaction_id: result.orderId,
            value: result.value,
            currency: result.currency,
          },
        });
      }
      router.push(`/orders/${result.orderId}`);
    });
  }

  return (
    <form onSubmit={submit}>
      <button type="submit" className="primary" disabled={pending}>
        Place order
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
