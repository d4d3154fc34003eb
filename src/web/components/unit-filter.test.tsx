import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { renderWithApp } from '../../../test/web/render.tsx';
import type { OrgUnit } from '../lib/reference-data.ts';
import { FilterSelect, unitOptions } from './unit-filter.tsx';

const unit = (id: string, name: string, parentId: string | null, sortOrder = 0) =>
  ({ id, name, parentId, sortOrder }) as OrgUnit;

describe('unitOptions: the unit tree as an indented list', () => {
  test('each unit after its parent, indented by depth, in sort order and then by name', () => {
    const options = unitOptions([
      unit('skola', 'Skolnämnden', 'kommun', 2),
      unit('kommun', 'Kommunen', null),
      unit('bygg', 'Byggnadsnämnden', 'kommun', 1),
      unit('grund', 'Grundskola', 'skola'),
      unit('forskola', 'Förskola', 'skola'),
    ]);
    const indent = '\u00a0\u00a0';
    expect(options.map((option) => option.label)).toEqual([
      'Kommunen',
      `${indent}Byggnadsnämnden`,
      `${indent}Skolnämnden`,
      `${indent}${indent}Förskola`,
      `${indent}${indent}Grundskola`,
    ]);
    expect(options[0]).toEqual({ value: 'kommun', label: 'Kommunen' });
  });

  test('a unit whose parent the person cannot see is a root of its own', () => {
    expect(unitOptions([unit('grund', 'Grundskola', 'skola'), unit('elev', 'Elevhälsan', 'grund')])).toEqual([
      { value: 'grund', label: 'Grundskola' },
      { value: 'elev', label: '\u00a0\u00a0Elevhälsan' },
    ]);
  });
});

describe('FilterSelect: a filter whose empty choice means all', () => {
  test('named by its label alone; choosing calls back with the value, “all” with nothing', async () => {
    const chosen: string[] = [];
    renderWithApp(
      <FilterSelect
        label="Enhet"
        value=""
        onChange={(value) => chosen.push(value)}
        options={[{ value: 'u1', label: 'Skolnämnden' }]}
      />,
    );
    const select = screen.getByRole('combobox', { name: 'Enhet' });
    await userEvent.selectOptions(select, 'u1');
    expect(chosen).toEqual(['u1']);
  });

  test('without the “all” choice only the options are offered', () => {
    renderWithApp(
      <FilterSelect
        label="Rapport"
        value="a"
        onChange={() => {}}
        options={[
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B' },
        ]}
        includeAll={false}
      />,
    );
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['A', 'B']);
  });
});
