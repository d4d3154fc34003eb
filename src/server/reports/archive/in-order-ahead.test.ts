import { expect, test } from 'vitest';
import { inOrderAhead } from './build-archive.ts';

test('results come in the items’ order, with at most the given number begun ahead of the turn', async () => {
  const begun: number[] = [];
  const finish = new Map<number, () => void>();
  const ahead = inOrderAhead([1, 2, 3, 4, 5], 2, (item) => {
    begun.push(item);
    return new Promise<number>((resolve) => finish.set(item, () => resolve(item * 10)));
  });
  const first = ahead.next();
  expect(begun).toEqual([1, 2, 3]);
  // The later ones finish first; the first still comes first.
  finish.get(3)!();
  finish.get(2)!();
  finish.get(1)!();
  expect(await first).toBe(10);
  expect(await ahead.next()).toBe(20);
  expect(begun).toEqual([1, 2, 3, 4]);
  expect(await ahead.next()).toBe(30);
  expect(begun).toEqual([1, 2, 3, 4, 5]);
  finish.get(4)!();
  finish.get(5)!();
  expect(await ahead.next()).toBe(40);
  expect(await ahead.next()).toBe(50);
  expect(() => ahead.next()).toThrow(/no item left/);
});

test('a failure begun ahead is reported at its turn, not before, and not as unhandled', async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    const ahead = inOrderAhead(['a', 'b'], 1, (item) =>
      item === 'b' ? Promise.reject(new Error(`could not make ${item}`)) : Promise.resolve(item),
    );
    const first = ahead.next();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await first).toBe('a');
    await expect(ahead.next()).rejects.toThrow('could not make b');
    expect(unhandled).toEqual([]);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});
