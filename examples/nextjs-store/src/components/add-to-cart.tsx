'use client';
import type { ProductContext } from '@clicktrail/sdk';
import { useClickstream } from '@clicktrail/sdk/react';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState, useTransition } from 'react';
import { addToCart } from '../../app/actions/cart';

export function AddToCart({ product, stock }: { product: ProductContext; stock: number }) {
  const clickstream = useClickstream();
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const quantity = String(new FormData(event.currentTarget).get('quantity') ?? '');
    startTransition(async () => {
      const result = await addToCart(product.id, quantity);
      if (!result.ok) return setMessage({ text: result.error, error: true });
      clickstream.record('add_to_cart', {
        product: result.product,
        items: [{ ...result.product, quantity: result.quantity }],
        attributes: { quantity: result.quantity },
      });
      setMessage({ text: `Added ${result.quantity} to your cart.`, error: false });
      router.refresh();
    });
  }

  if (stock === 0) return <p className="stock out">Sold out</p>;
  return (
    <form className="add-to-cart" onSubmit={submit}>
      <label>
        Quantity <input name="quantity" type="text" inputMode="numeric" defaultValue="1" size={3} />
      </label>
      <button type="submit" disabled={pending}>
        Add to cart
      </button>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'ok'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
