import { describe, expect, it } from 'vitest';
import { addLine, decodeCart, encodeCart, removeLine } from './cart-cookie';
import { InvalidQuantityError, parseQuantity } from './quantity';

describe('the cart cookie', () => {
  it('round-trips lines in order', () => {
    const lines = [
      { productId: 'sku-1001', quantity: 2 },
      { productId: 'sku-1042', quantity: 1 },
    ];
    expect(encodeCart(lines)).toBe('sku-1001:2,sku-1042:1');
    expect(decodeCart(encodeCart(lines))).toEqual(lines);
  });

  it('drops malformed, out-of-range and repeated lines', () => {
    expect(decodeCart('sku-1:0,sku-2:-1,sku-3:1.5,sku-4:100,<x>:1,sku-5:3,sku-5:4,junk')).toEqual([
      { productId: 'sku-5', quantity: 3 },
    ]);
    expect(decodeCart(undefined)).toEqual([]);
  });

  it('adds to an existing line and removes one', () => {
    const cart = addLine(addLine([], 'a', 1), 'a', 2);
    expect(cart).toEqual([{ productId: 'a', quantity: 3 }]);
    expect(removeLine(addLine(cart, 'b', 1), 'a')).toEqual([{ productId: 'b', quantity: 1 }]);
  });
});

describe('parseQuantity', () => {
  it('accepts whole numbers from 1 to 99', () => {
    expect(parseQuantity('1')).toBe(1);
    expect(parseQuantity(' 99 ')).toBe(99);
    expect(parseQuantity(7)).toBe(7);
  });

  it.each(['0', '-1', '1.5', '1e2', '100', 'two', '', null, undefined, 2.5])(
    'refuses %s',
    (input) => {
      expect(() => parseQuantity(input)).toThrow(InvalidQuantityError);
    },
  );
});
