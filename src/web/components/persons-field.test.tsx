import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, test } from 'vitest';
import { renderWithApp } from '../../../test/web/render.tsx';
import { PersonsField, type Person } from './persons-field.tsx';

const persons: Person[] = [
  { id: 'p1', name: 'Örjan Öst' },
  { id: 'p2', name: 'Anna Andersson' },
  { id: 'p3', name: 'Bo Berg', deactivatedAt: '2025-12-31T00:00:00Z' },
  { id: 'p4', name: 'Åsa Ås' },
];

function Responsible({ initial }: { initial: string[] }) {
  const [value, setValue] = useState(initial);
  return <PersonsField label="Ansvariga" value={value} onChange={setValue} persons={persons} />;
}

describe('PersonsField: several persons in order', () => {
  test('the chosen ones in order, each with its own remove button; nobody chosen is said in words', async () => {
    renderWithApp(<Responsible initial={['p3', 'p2']} />);
    const group = screen.getByRole('group', { name: 'Ansvariga' });
    expect(
      within(group)
        .getAllByRole('listitem')
        .map((item) => item.firstChild?.textContent),
    ).toEqual(['Bo Berg', 'Anna Andersson']);
    await userEvent.click(screen.getByRole('button', { name: 'Ta bort Bo Berg' }));
    await userEvent.click(screen.getByRole('button', { name: 'Ta bort Anna Andersson' }));
    expect(within(group).getByText('Ingen vald.')).toBeTruthy();
  });

  test('only active persons not yet chosen can be added, in Swedish alphabetical order, at the end', async () => {
    renderWithApp(<Responsible initial={['p2']} />);
    const add = screen.getByRole('combobox', { name: 'Lägg till person' });
    expect(
      within(add)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Välj …', 'Åsa Ås', 'Örjan Öst']);
    await userEvent.selectOptions(add, 'p1');
    expect(screen.getAllByRole('listitem').map((item) => item.firstChild?.textContent)).toEqual([
      'Anna Andersson',
      'Örjan Öst',
    ]);
  });

  test('the server’s message is tied to the group', () => {
    renderWithApp(
      <PersonsField label="Ansvariga" value={[]} onChange={() => {}} persons={persons} errors={['Minst en.']} />,
    );
    expect(screen.getByRole('group', { name: 'Ansvariga' }).getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText('Minst en.')).toBeTruthy();
  });
});
