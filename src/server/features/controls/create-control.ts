import type { z } from 'zod';
import type { controlCreate } from '../../../domain/contracts/controls.ts';
import type { Access } from '../../access/access.ts';
import type { Transaction } from '../../db/client.ts';
import { createItem } from '../../plan-items/item-commands.ts';
import { controlSpec, findRisk } from './control-rules.ts';

/** A new kontroll: the risk it checks, and the request's fields. */
export type CreateControlOptions = z.infer<typeof controlCreate>;

/** Creates a kontroll (kontrollmoment) of a risk, in the risk's plan. */
export async function createControl(tx: Transaction, access: Access, options: CreateControlOptions) {
  const { plan } = await findRisk(tx, access, options.riskId);
  return createItem(tx, access, controlSpec, { plan, values: options });
}
