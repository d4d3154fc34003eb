import type { CodeRefusal } from '../../auth/second-factor.ts';
import { AppError } from '../../errors.ts';
import { localize } from '../../messages/messages.ts';

/** A code that was not accepted, told at its field: wrong, or used already. */
export function codeRefused(
  refusal: CodeRefusal | 'wrong_recovery_code' | 'wrong_password',
  path = 'code',
  triesLeft?: number,
): AppError {
  return new AppError('validation_failed', undefined, [
    {
      path,
      message: localize((m) =>
        refusal === 'replayed_code'
          ? m.secondFactor.codeUsed
          : refusal === 'wrong_password'
            ? m.auth.notCurrentPassword
            : refusal === 'wrong_recovery_code'
              ? m.secondFactor.wrongRecoveryCode
              : m.secondFactor.wrongCode,
      ),
    },
    ...(triesLeft === undefined ? [] : [{ path, message: localize((m) => m.secondFactor.triesLeft(triesLeft)) }]),
  ]);
}

/** The person has no second factor on. */
export function noSecondFactor(): AppError {
  return new AppError(
    'not_yet',
    localize((m) => m.secondFactor.notEnabled),
  );
}
