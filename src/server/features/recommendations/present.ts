import { recommendation, recommendationAddressee } from '../../../domain/contracts/recommendations.ts';
import { presentAs } from '../../http/present.ts';

/** A nämnd a recommendation is addressed to, with its own answer, as the contract gives it. */
export const presentAddressee = presentAs(recommendationAddressee);

const presentOwnFields = presentAs(recommendation);

/** A recommendation as the contract gives it, with its addressees (none when the row carries none). */
export function presentRecommendation(row: Record<string, unknown>) {
  const addressees = Array.isArray(row.addressees) ? (row.addressees as Record<string, unknown>[]) : [];
  return { ...presentOwnFields(row), addressees: addressees.map(presentAddressee) };
}
