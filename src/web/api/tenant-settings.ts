import { queryOptions } from '@tanstack/react-query';
import type { tenantSettings, tenantSettingsUpdate } from '../../domain/contracts/tenant-settings.ts';
import { api } from '../lib/api.ts';
import type { Answer, Body } from './shared.ts';

export type TenantSettings = Answer<typeof tenantSettings>;

/** The tenant's sign-in policy. */
export const tenantSettingsKeys = {
  all: ['tenant-settings'] as const,
};

export function getTenantSettings(signal?: AbortSignal) {
  return api<TenantSettings>('/tenant-settings', { signal });
}

export function updateTenantSettings(body: Body<typeof tenantSettingsUpdate>) {
  return api<TenantSettings>('/tenant-settings', { method: 'PATCH', body });
}

export const tenantSettingsQueries = {
  get: () => queryOptions({ queryKey: tenantSettingsKeys.all, queryFn: ({ signal }) => getTenantSettings(signal) }),
};
