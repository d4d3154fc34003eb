import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { FollowUpReviewState } from '../../domain/control-result.ts';
import { approveFollowUp, returnFollowUp, submitFollowUp, type FollowUp } from '../api/follow-ups.ts';
import { ApiError } from '../lib/api.ts';
import { canManageUnit, isChefOfUnit } from '../lib/can-manage.ts';
import { useOrgUnits } from '../lib/reference-data.ts';
import { useMe } from '../lib/use-me.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** The review state as a tag: told by its words, never by colour alone. */
export function ReviewStateBadge({ state }: { state: FollowUpReviewState }) {
  const { t } = useI18n();
  return <span className={state === 'returned' ? 'tag tag-warning' : 'tag'}>{t(`followUpReview.state.${state}`)}</span>;
}

/** What the signed-in person may do with a follow-up now, as the server decides. */
export function reviewActions(
  followUp: Pick<FollowUp, 'reviewState' | 'authorId'>,
  userId: string | undefined,
  mayManage: boolean,
  mayWrite: boolean,
  /** The person is the unit's chef today (holds one of its manager functions). */
  isChef = false,
): { submit: boolean; send: boolean; approve: boolean } {
  if (!mayWrite || !userId) return { submit: false, send: false, approve: false };
  const author = followUp.authorId === userId;
  const state = followUp.reviewState;
  // The chef reviews the others' follow-ups; their own goes to a coordinator or an administrator.
  const reviewer = mayManage || (isChef && !author);
  return {
    submit: (author || mayManage) && (state === 'draft' || state === 'returned'),
    send: reviewer && (state === 'submitted' || state === 'approved'),
    approve: reviewer && state === 'submitted',
  };
}

/**
 * A follow-up's review step: its state, the comment it was sent back or approved with, and the
 * buttons the person may use: Skicka in (its author), Skicka tillbaka and Godkänn (the unit's
 * administrator or coordinator, or its chef for the others' follow-ups), the last two with a comment.
 */
export function FollowUpReview({
  followUp,
  unitId,
  name,
  context,
}: {
  followUp: FollowUp;
  unitId: string;
  name: (id: string | null) => string;
  /** Which follow-up this is (its period), for those who hear the buttons without the list around them. */
  context: string;
}) {
  const { t } = useI18n();
  const me = useMe();
  const units = useOrgUnits();
  const queryClient = useQueryClient();
  const commentId = useId();
  const errorId = useId();
  const [writing, setWriting] = useState<'return' | 'approve' | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const may = reviewActions(
    followUp,
    me.data?.user.id,
    canManageUnit(me.data, units.data, unitId),
    me.data?.mayWrite ?? false,
    isChefOfUnit(me.data, unitId),
  );

  async function run(step: () => Promise<FollowUp>) {
    setBusy(true);
    setError(null);
    try {
      await step();
      setWriting(null);
      setComment('');
      await queryClient.invalidateQueries();
    } catch (failure) {
      setError(
        failure instanceof ApiError
          ? (failure.fieldErrors('comment')[0] ?? failure.message)
          : failure instanceof Error
            ? failure.message
            : String(failure),
      );
    } finally {
      setBusy(false);
    }
  }

  const returned = followUp.reviewState === 'returned';
  return (
    <div className="follow-up-review">
      <p className="follow-up-meta">
        {t('followUpReview.label')} <ReviewStateBadge state={followUp.reviewState} />
        {followUp.reviewedById && followUp.reviewState !== 'submitted' && (
          <> {t('followUpReview.by', { name: name(followUp.reviewedById) })}</>
        )}
      </p>
      {followUp.reviewComment && (
        <p className={returned ? 'notice' : undefined}>
          <strong>{t(returned ? 'followUpReview.returnComment' : 'followUpReview.approveComment')}</strong>{' '}
          {followUp.reviewComment}
        </p>
      )}
      {writing ? (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            if (writing === 'return' && comment.trim() === '') {
              setError(t('followUpReview.commentRequired'));
              return;
            }
            void run(() =>
              writing === 'return'
                ? returnFollowUp(followUp.id, followUp.version, comment.trim())
                : approveFollowUp(followUp.id, followUp.version, comment.trim() || null),
            );
          }}
        >
          <div className="field">
            <label htmlFor={commentId}>
              {t(writing === 'return' ? 'followUpReview.returnComment' : 'followUpReview.approveCommentOptional')}
            </label>
            <textarea
              id={commentId}
              rows={3}
              value={comment}
              aria-required={writing === 'return'}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              onChange={(event) => setComment(event.target.value)}
            />
            {error && (
              <p id={errorId} className="field-error">
                {error}
              </p>
            )}
          </div>
          <div className="button-row">
            <button type="submit" className="button" disabled={busy}>
              {t(writing === 'return' ? 'followUpReview.return' : 'followUpReview.approve')}
            </button>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                setWriting(null);
                setError(null);
              }}
            >
              {t('followUpReview.cancel')}
            </button>
          </div>
        </form>
      ) : (
        (may.submit || may.send || may.approve) && (
          <div className="button-row">
            {may.submit && (
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void run(() => submitFollowUp(followUp.id, followUp.version))}
              >
                {t('followUpReview.submit')}
                <span className="visually-hidden">, {context}</span>
              </button>
            )}
            {may.approve && (
              <button type="button" className="button" onClick={() => setWriting('approve')}>
                {t('followUpReview.approve')}
                <span className="visually-hidden">, {context}</span>
              </button>
            )}
            {may.send && (
              <button type="button" className="button button-quiet" onClick={() => setWriting('return')}>
                {t('followUpReview.return')}
                <span className="visually-hidden">, {context}</span>
              </button>
            )}
          </div>
        )
      )}
      {error && !writing && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
