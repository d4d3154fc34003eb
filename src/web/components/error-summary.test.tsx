import { render, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { I18nProvider } from '../i18n/i18n.tsx';
import { ApiError } from '../lib/api.ts';
import { ErrorSummary } from './error-summary.tsx';

describe('ErrorSummary: what the server refused, above the form', () => {
  test('nothing refused shows nothing', () => {
    const { container } = render(
      <I18nProvider>
        <ErrorSummary error={null} />
      </I18nProvider>,
    );
    expect(container.innerHTML).toBe('');
  });

  test('an alert with the problem’s title and detail and every field message, which takes focus so it is read out at once', () => {
    const error = new ApiError({
      type: 'about:blank',
      title: 'Ogiltiga uppgifter',
      status: 400,
      detail: 'Rätta fälten nedan.',
      errors: [
        { path: 'title', message: 'Titeln får inte vara tom.' },
        { path: 'endDate', message: 'Slutdatum kan inte vara före startdatum.' },
      ],
    });
    render(
      <I18nProvider>
        <ErrorSummary error={error} />
      </I18nProvider>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Ogiltiga uppgifter Rätta fälten nedan.');
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Titeln får inte vara tom.',
      'Slutdatum kan inte vara före startdatum.',
    ]);
    expect(document.activeElement).toBe(alert);
  });

  test('a refusal without field messages has no list', () => {
    render(
      <I18nProvider>
        <ErrorSummary error={new ApiError({ type: 'about:blank', title: 'Konflikt', status: 409 })} />
      </I18nProvider>,
    );
    expect(screen.getByRole('alert').textContent).toBe('Konflikt');
    expect(screen.queryByRole('list')).toBeNull();
  });
});
