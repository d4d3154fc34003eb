import { useNavigate, useRouterState } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { SEARCH_MAX_LENGTH } from '../../domain/contracts/search.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** The search field of every page: a search landmark whose form opens the results page, /sok?q=…. */
export function SearchField() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const inputId = useId();
  const helpId = useId();
  // On the results page the field shows what was searched for, so that it can be changed.
  const searched = useRouterState({
    select: (state) => {
      const q: unknown = (state.location.search as { q?: unknown }).q;
      return state.location.pathname === '/sok' && typeof q === 'string' ? q : '';
    },
  });
  const [text, setText] = useState(searched);
  const [shown, setShown] = useState(searched);
  if (shown !== searched) {
    setShown(searched);
    setText(searched);
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = text.trim();
    if (q !== '') void navigate({ to: '/sok', search: { q } });
  };
  return (
    <form role="search" className="search-field" onSubmit={submit} aria-label={t('search.landmark')}>
      {/* A short name, so that the field is not found by the words of other fields' labels
          (e.g. "diarienummer"); what can be searched for is its description. */}
      <label htmlFor={inputId} className="visually-hidden">
        {t('search.label')}
      </label>
      <span id={helpId} className="visually-hidden">
        {t('search.help')}
      </span>
      <input
        id={inputId}
        aria-describedby={helpId}
        type="search"
        className="field-input"
        name="q"
        value={text}
        maxLength={SEARCH_MAX_LENGTH}
        autoComplete="off"
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className="button button-quiet">
        {t('search.submit')}
      </button>
    </form>
  );
}
