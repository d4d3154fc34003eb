import { goal, goalCreate, goalListQuery, goalUpdate } from '../../../domain/contracts/goals.ts';
import { createRouter } from '../../http/api-router.ts';
import { addStandardRoutes } from '../../http/standard-routes.ts';
import { archiveGoal } from './archive-goal.ts';
import { createGoal } from './create-goal.ts';
import { findGoal } from './find-goal.ts';
import { listGoals } from './list-goals.ts';
import { presentGoal } from './present.ts';
import { updateGoal } from './update-goal.ts';

/**
 * Units' goal registers (from each unit's verksamhetsplan, per year): whoever reads the unit
 * reads them, its administrators and coordinators write and archive them.
 */
export function goalRoutes() {
  const router = createRouter();
  addStandardRoutes(router, {
    path: '/goals',
    tags: ['Plans'],
    noun: 'goal',
    output: goal,
    createInput: goalCreate,
    updateInput: goalUpdate,
    listQuery: goalListQuery,
    present: presentGoal,
    list: listGoals,
    find: (db, access, goalId) => findGoal(db, access, { goalId }),
    create: createGoal,
    update: (tx, access, goalId, version, changes) => updateGoal(tx, access, { goalId, version, changes }),
    archive: (tx, access, goalId, archived) => archiveGoal(tx, access, { goalId, archived }),
  });
  return router;
}
