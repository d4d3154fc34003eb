import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import { answerFetch, failFetch, json } from '../../../test/web/fake-fetch.ts';
import { api, setCsrfToken } from './api.ts';
import { useMe, useSignOut } from './use-me.ts';

const who = {
  user: { id: 'u1', name: 'Eva Ek' },
  tenant: { id: 't1', name: 'Exempelkommun' },
  roles: [],
  csrfToken: 'csrf-1',
  now: '2026-03-02T09:00:00Z',
};

function wrapperOf(queryClient: QueryClient) {
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
}

afterEach(() => setCsrfToken(null));

describe('useMe and useSignOut: who is signed in', () => {
  test('/me gives the person and the CSRF token that later writes carry', async () => {
    const seen = answerFetch((request) => (request.url === '/api/v1/me' ? json(who) : json({})));
    const { result } = renderHook(() => useMe(), { wrapper: wrapperOf(new QueryClient()) });
    await waitFor(() => expect(result.current.data?.user.name).toBe('Eva Ek'));
    await api('/risks', { method: 'POST', body: {} });
    expect(seen.at(-1)?.headers['x-csrf-token']).toBe('csrf-1');
  });

  test('nobody signed in (401) is not asked again', async () => {
    const seen = answerFetch(() => json({ type: 'about:blank', title: 'Inte inloggad', status: 401 }, 401));
    const { result } = renderHook(() => useMe(), { wrapper: wrapperOf(new QueryClient()) });
    await waitFor(() => expect(result.current.error).toBeTruthy());
    expect(seen).toHaveLength(1);
  });

  test('signing out forgets every cached answer and the token, even when the server cannot be reached', async () => {
    setCsrfToken('csrf-1');
    failFetch();
    const queryClient = new QueryClient();
    queryClient.setQueryData(['plans', 'list'], [{ id: 'p1' }]);
    const { result } = renderHook(() => useSignOut(), { wrapper: wrapperOf(queryClient) });
    await act(() => result.current().catch(() => undefined));
    expect(queryClient.getQueryData(['plans', 'list'])).toBeUndefined();
    const seen = answerFetch(() => json({}));
    await api('/risks', { method: 'POST', body: {} });
    expect(seen[0]?.headers).not.toHaveProperty('x-csrf-token');
  });
});
