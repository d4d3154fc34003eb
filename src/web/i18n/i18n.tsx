import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nProvider as AriaI18nProvider } from 'react-aria-components';
import { setApiLanguage } from '../lib/api.ts';
import { en } from './en.ts';
import { sv, type MessageKey } from './sv.ts';

export type Locale = 'sv' | 'en';

const MESSAGES = { sv, en } as const;
const STORAGE_KEY = 'uppsikt.locale';

/** The parameters a message takes: none for plain text, the function's argument otherwise. */
type Params<K extends MessageKey> = (typeof sv)[K] extends (params: infer P) => string ? [params: P] : [];

export type Translate = <K extends MessageKey>(key: K, ...params: Params<K>) => string;

interface I18n {
  locale: Locale;
  /** The BCP 47 tag for dates, numbers and sorting (sv-SE, en-GB). */
  formatLocale: string;
  t: Translate;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18n | null>(null);

function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'sv';
  } catch {
    return 'sv';
  }
}

/** Holds the interface language: Swedish unless the user chose English (remembered in this browser). */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  setApiLanguage(locale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private windows may refuse storage; the choice then lasts for this page only.
    }
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const messages = MESSAGES[locale];
    const t = ((key: MessageKey, params?: unknown) => {
      const message = messages[key] as string | ((params: unknown) => string);
      return typeof message === 'function' ? message(params) : message;
    }) as Translate;
    return { locale, formatLocale: locale === 'sv' ? 'sv-SE' : 'en-GB', t, setLocale };
  }, [locale, setLocale]);

  return (
    <I18nContext.Provider value={value}>
      <AriaI18nProvider locale={value.formatLocale}>{children}</AriaI18nProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}

/** A label kept in the domain as { sv, en }, in the current language. */
export function useLabel() {
  const { locale } = useI18n();
  return (label: { sv: string; en: string }) => label[locale];
}
