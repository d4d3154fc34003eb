import { screen } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { renderWithApp } from '../../../../test/web/render.tsx';
import { AccessibilityStatement } from './accessibility-page.tsx';
import { DIGG_COMPLAINT_FORM } from './assessment.ts';

afterEach(() => localStorage.removeItem('uppsikt.locale'));

const ASSESSMENT = { assessedOn: '2026-11-20', pageStates: 123 };

describe('the accessibility statement', () => {
  test('follows Digg’s model in Swedish: compliance, shortcomings, reporting, supervision, method and date', () => {
    renderWithApp(
      <AccessibilityStatement assessment={ASSESSMENT} contact={{ organisation: 'Exempelby kommun', email: null }} />,
    );
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual([
      'Hur tillgänglig är tjänsten?',
      'Vad kan du göra om du inte kan använda delar av tjänsten?',
      'Rapportera brister i tjänstens tillgänglighet',
      'Tillsyn',
      'Teknisk information om tjänstens tillgänglighet',
      'Hur vi testat tjänsten',
    ]);
    const text = document.body.textContent ?? '';
    expect(text).toContain('delvis förenlig');
    expect(text).toContain('Exempelby kommun driver tjänsten');
    expect(text).toContain('PDF/UA');
    // The date is the assessment's, as data: not today's.
    expect(text).toMatch(/Senaste bedömningen gjordes den 20 nov.? 2026./);
    expect(text).toContain('123 vid den senaste bedömningen');
    // Without a contact in the settings the statement says so.
    expect(text).toContain('Någon särskild kontaktväg för tillgänglighet är inte angiven');
    expect(screen.getByRole('link', { name: /Digg/ }).getAttribute('href')).toBe(DIGG_COMPLAINT_FORM);
    expect(screen.getAllByRole('listitem').length).toBeGreaterThanOrEqual(4);
  });

  test('in English, with the tenant’s contact when it has one', () => {
    localStorage.setItem('uppsikt.locale', 'en');
    renderWithApp(
      <AccessibilityStatement
        assessment={ASSESSMENT}
        contact={{ organisation: 'Exempelby kommun', email: 'tillganglighet@exempelby.se' }}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Enforcement procedure' })).toBeTruthy();
    const text = document.body.textContent ?? '';
    expect(text).toContain('partially compliant');
    expect(text).toContain('The latest assessment was made on 20 Nov 2026.');
    expect(screen.getAllByRole('link', { name: 'tillganglighet@exempelby.se' })[0]!.getAttribute('href')).toBe(
      'mailto:tillganglighet@exempelby.se',
    );
    expect(text).not.toContain('No particular contact');
  });
});
