import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import {
  addFunctionHolder,
  createUnitFunction,
  endFunctionHolding,
  invalidateUnitFunctions,
  setUnitFunctionArchived,
  unitFunctionQueries,
  type UnitFunction,
} from '../../api/unit-functions.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { InputField, SelectField } from '../../components/fields.tsx';
import { LoadFailed, Loading } from '../../components/page.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { webToday } from '../../lib/clock.ts';
import { formatDate } from '../../lib/format.ts';
import { useUsers } from '../../lib/reference-data.ts';
import { useSubmit } from '../../lib/use-submit.ts';

/**
 * The functions (befattningar) of a unit, such as "Ekonomichef", with who holds each today and
 * since when. The unit's managers add functions, name holders and end holdings; a control may
 * name a function as its kontrollansvarig.
 */
export function UnitFunctionsSection({ unitId, mayManage }: { unitId: string; mayManage: boolean }) {
  const { t, formatLocale } = useI18n();
  const headingId = useId();
  const query = useQuery(unitFunctionQueries.ofUnit(unitId));
  const queryClient = useQueryClient();
  const action = useSubmit();

  function end(fn: UnitFunction) {
    const holding = fn.currentHolder;
    if (!holding) return;
    void action.run(async () => {
      if (!window.confirm(t('unitFunctions.endConfirm', { name: holding.userName, fn: fn.name }))) return;
      await endFunctionHolding(fn.id, holding.id);
      await invalidateUnitFunctions(queryClient);
    });
  }

  function archive(fn: UnitFunction) {
    void action.run(async () => {
      await setUnitFunctionArchived(fn.id, true);
      await invalidateUnitFunctions(queryClient);
    });
  }

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('unitFunctions.title')}</h2>
      <p>{t('unitFunctions.intro')}</p>
      {query.error ? (
        <LoadFailed error={query.error} retry={() => void query.refetch()} />
      ) : !query.data ? (
        <Loading />
      ) : (
        <>
          <ErrorSummary error={action.error} />
          {query.data.length === 0 ? (
            <p>{t('unitFunctions.none')}</p>
          ) : (
            <div className="table-scroll" role="region" aria-labelledby={`${headingId}-caption`} tabIndex={0}>
              <table className="table">
                <caption id={`${headingId}-caption`} className="visually-hidden">
                  {t('unitFunctions.title')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('unitFunctions.name')}</th>
                    <th scope="col">{t('unitFunctions.holder')}</th>
                    <th scope="col">{t('unitFunctions.since')}</th>
                    {mayManage && (
                      <th scope="col">
                        <span className="visually-hidden">{t('unitFunctions.actions')}</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {query.data.map((fn) => (
                    <tr key={fn.id}>
                      <th scope="row">
                        {fn.name}
                        {fn.isManager && <span className="muted"> · {t('unitFunctions.manager')}</span>}
                      </th>
                      <td>{fn.currentHolder?.userName ?? t('unitFunctions.vacant')}</td>
                      <td>{fn.currentHolder ? formatDate(fn.currentHolder.validFrom, formatLocale) : '–'}</td>
                      {mayManage && (
                        <td>
                          <div className="button-row">
                            {fn.currentHolder && (
                              <button type="button" className="button button-small" onClick={() => end(fn)}>
                                {t('unitFunctions.end')}
                                <span className="visually-hidden"> {fn.name}</span>
                              </button>
                            )}
                            <button type="button" className="button button-small" onClick={() => archive(fn)}>
                              {t('unitFunctions.archive')}
                              <span className="visually-hidden"> {fn.name}</span>
                            </button>
                          </div>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {mayManage && <NewFunctionForm unitId={unitId} />}
          {mayManage && query.data.length > 0 && <HolderForm functions={query.data} />}
        </>
      )}
    </section>
  );
}

function NewFunctionForm({ unitId }: { unitId: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const submit = useSubmit();
  const [name, setName] = useState('');
  const [done, setDone] = useState<string | null>(null);

  function save(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    void submit.run(async () => {
      const saved = await createUnitFunction({ unitId, name: name.trim() });
      await invalidateUnitFunctions(queryClient);
      setName('');
      setDone(t('unitFunctions.added', { name: saved.name }));
    });
  }

  return (
    <form className="form" noValidate onSubmit={save} aria-label={t('unitFunctions.newForm')}>
      <ErrorSummary error={submit.error} />
      <InputField
        label={t('unitFunctions.name')}
        description={t('unitFunctions.nameHelp')}
        value={name}
        onChange={setName}
        errors={submit.fieldErrors('name')}
        isRequired
      />
      <div>
        <button type="submit" className="button" aria-disabled={submit.pending || undefined}>
          {t('unitFunctions.add')}
        </button>
      </div>
      <p role="status">{done}</p>
    </form>
  );
}

function HolderForm({ functions }: { functions: UnitFunction[] }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const users = useUsers();
  const submit = useSubmit();
  const [functionId, setFunctionId] = useState(functions[0]!.id);
  const [userId, setUserId] = useState('');
  const [validFrom, setValidFrom] = useState(webToday);
  const [done, setDone] = useState<string | null>(null);

  function save(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    void submit.run(async () => {
      const saved = await addFunctionHolder(functionId, { userId, validFrom });
      await invalidateUnitFunctions(queryClient);
      setUserId('');
      setDone(t('unitFunctions.holderSet', { fn: saved.name }));
    });
  }

  return (
    <form className="form" noValidate onSubmit={save} aria-label={t('unitFunctions.holderForm')}>
      <ErrorSummary error={submit.error} />
      <SelectField
        label={t('unitFunctions.function')}
        value={functionId}
        onChange={setFunctionId}
        options={functions.map((fn) => ({ value: fn.id, label: fn.name }))}
        isRequired
      />
      <SelectField
        label={t('unitFunctions.holder')}
        value={userId}
        onChange={setUserId}
        emptyLabel={t('unitFunctions.choosePerson')}
        options={(users.data ?? [])
          .filter((user) => user.deactivatedAt === null)
          .map((user) => ({ value: user.id, label: user.name }))}
        errors={submit.fieldErrors('userId')}
        isRequired
      />
      <InputField
        label={t('unitFunctions.validFrom')}
        description={t('unitFunctions.validFromHelp')}
        type="date"
        value={validFrom}
        onChange={setValidFrom}
        errors={submit.fieldErrors('validFrom')}
        isRequired
      />
      <div>
        <button type="submit" className="button" aria-disabled={submit.pending || undefined}>
          {t('unitFunctions.setHolder')}
        </button>
      </div>
      <p role="status">{done}</p>
    </form>
  );
}
