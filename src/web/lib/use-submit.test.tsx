import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, test } from 'vitest';
import { I18nProvider } from '../i18n/i18n.tsx';
import { ApiError } from './api.ts';
import { useSubmit } from './use-submit.ts';

const wrapper = ({ children }: { children: ReactNode }) => <I18nProvider>{children}</I18nProvider>;

describe('useSubmit: the state of a form’s save', () => {
  test('pending while the save is on its way; a second press meanwhile does nothing', async () => {
    const { result } = renderHook(() => useSubmit(), { wrapper });
    let finish!: () => void;
    let saves = 0;
    const save = () => {
      saves += 1;
      return new Promise<void>((resolve) => (finish = resolve));
    };
    let first!: Promise<void>;
    act(() => {
      first = result.current.run(save);
    });
    expect(result.current.pending).toBe(true);
    await act(() => result.current.run(save));
    expect(saves).toBe(1);
    await act(async () => {
      finish();
      await first;
    });
    expect(result.current.pending).toBe(false);
    expect(result.current.error).toBeNull();
  });

  test('what the server refused is kept, with the messages per field; the next save starts without it', async () => {
    const { result } = renderHook(() => useSubmit(), { wrapper });
    const refusal = new ApiError({
      type: 'about:blank',
      title: 'Ogiltiga uppgifter',
      status: 400,
      errors: [
        { path: 'title', message: 'Får inte vara tom.' },
        { path: 'endDate', message: 'Före startdatum.' },
      ],
    });
    await act(() => result.current.run(() => Promise.reject(refusal)));
    expect(result.current.error).toBe(refusal);
    expect(result.current.fieldErrors('title')).toEqual(['Får inte vara tom.']);
    expect(result.current.fieldErrors('description')).toEqual([]);
    await act(() => result.current.run(() => Promise.resolve()));
    expect(result.current.error).toBeNull();
  });

  test('anything else that fails (the network, a bug) becomes a problem with the app’s error title and the reason', async () => {
    const { result } = renderHook(() => useSubmit(), { wrapper });
    await act(() => result.current.run(() => Promise.reject(new Error('Failed to fetch'))));
    expect(result.current.error).toBeInstanceOf(ApiError);
    expect(result.current.error!.problem).toMatchObject({ status: 0, detail: 'Failed to fetch' });
    expect(result.current.error!.problem.title).not.toBe('');
  });
});
