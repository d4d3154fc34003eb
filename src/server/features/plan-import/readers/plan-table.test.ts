import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { parseTypedDate, parseTypedNumber } from '../../../../domain/import-values.ts';
import { PLAN_TABLE_FIELDS } from '../../../../domain/plan-import.ts';
import { foldWords } from '../../../../domain/table-headings.ts';
import { readTables, type Table } from '../../../tables/read-table.ts';
import {
  cellMarkdown,
  columnLetter,
  isScoreColumn,
  mappingKey,
  PLAN_TABLE_HEADINGS,
  readPlanTable,
  suggestMapping,
  suggestedPlanKind,
  type TableMapping,
} from './plan-table.ts';

/** A workbook built in memory: each sheet's rows, merged ranges and whether it is hidden. */
async function workbook(
  sheets: { name: string; rows: (string | number | Date | null)[][]; merges?: string[]; hidden?: boolean }[],
): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = book.addWorksheet(sheet.name, { state: sheet.hidden ? 'hidden' : 'visible' });
    sheet.rows.forEach((row, index) => {
      row.forEach((value, column) => {
        if (value !== null) worksheet.getCell(index + 1, column + 1).value = value;
      });
    });
    for (const range of sheet.merges ?? []) worksheet.mergeCells(range);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** Windows-1252 bytes of a text (TextEncoder only writes UTF-8): Latin-1 plus the few 0x80–0x9f signs. */
function windows1252(text: string): Uint8Array {
  const extra: Record<string, number> = { '€': 0x80, '–': 0x96, '—': 0x97, '’': 0x92, '”': 0x94, '•': 0x95 };
  return Uint8Array.from(
    [...text].map((character) => {
      const code = character.charCodeAt(0);
      if (code < 0x100) return code;
      const byte = extra[character];
      if (byte === undefined) throw new Error(`No Windows-1252 byte for ${character}`);
      return byte;
    }),
  );
}

function fieldsOf(mapping: TableMapping) {
  return Object.fromEntries(mapping.columns.map((column) => [column.heading, column.field]));
}

async function read(bytes: Uint8Array, kind: 'internal_control' | 'activity' = 'internal_control') {
  const tables = await readTables(bytes);
  const mapping = suggestMapping(tables);
  return { tables, mapping, plan: readPlanTable(tables, mapping, { kind }) };
}

describe('the vocabulary', () => {
  test('every field has Swedish and English headings, and no heading names two fields', () => {
    const seen = new Map<string, string>();
    for (const field of PLAN_TABLE_FIELDS) {
      const names = PLAN_TABLE_HEADINGS[field];
      expect(names.length, field).toBeGreaterThanOrEqual(3);
      for (const name of names) {
        const key = foldWords(name);
        expect(key, name).not.toBe('');
        expect(seen.get(key) ?? field, `${name} in ${field} and ${seen.get(key) ?? ''}`).toBe(field);
        seen.set(key, field);
      }
    }
  });

  test('column letters as a spreadsheet writes them', () => {
    expect([1, 3, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'C', 'Z', 'AA', 'AZ', 'AAA']);
  });

  test('"Konsekvens" is a score when its values are numbers or scale words, a text otherwise', () => {
    expect(isScoreColumn(['3', '4', '', '2'])).toBe(true);
    expect(isScoreColumn(['3 - Kännbar', 'Hög', 'Låg'])).toBe(true);
    expect(isScoreColumn(['Felaktiga utbetalningar till leverantörer', 'Förtroendet för nämnden skadas'])).toBe(false);
    expect(isScoreColumn([])).toBe(true);
  });

  test('cells with line breaks become Markdown paragraphs and lists', () => {
    expect(cellMarkdown('En rad')).toBe('En rad');
    expect(cellMarkdown('Kontroll av:\n- fakturor\n• avtal\n\nSedan rapport')).toBe(
      'Kontroll av:\n\n- fakturor\n- avtal\n\nSedan rapport',
    );
    expect(cellMarkdown('Första\nAndra')).toBe('Första\n\nAndra');
    expect(cellMarkdown('1) ett\n2. två')).toBe('1. ett\n2. två');
  });
});

describe('(a) one row per kontrollmoment, the risk merged over its rows, a title above the headings', () => {
  const rows = [
    ['Internkontrollplan 2021 Socialnämnden', null, null, null, null, null, null, null],
    ['Beslutad 2020-12-15', null, null, null, null, null, null, null],
    [],
    [
      'Process/rutin/system',
      'Risk',
      'Riskbeskrivning',
      'Sannolikhet',
      'Konsekvens',
      'Riskvärde',
      'Kontrollmoment',
      'Kontrollmetod',
      'Frekvens',
      'Kontrollansvarig',
      'Rapporteras till',
    ],
    [
      'Inköp',
      'Köp utanför avtal',
      'Inköp görs hos leverantörer utan avtal.',
      3,
      3,
      9,
      'Avtalstrohet',
      'Stickprov 20 fakturor',
      'Två gånger per år',
      'Anna Berg (controller)',
      'Nämnden',
    ],
    [
      null,
      null,
      null,
      null,
      null,
      null,
      'Direktupphandlingar dokumenteras',
      'Genomgång av dokumentation',
      'Årligen',
      'Bo Ek och Cecilia Dahl',
      'Förvaltningschef',
    ],
    [null, null, null, null, null, null, 'Attest av fakturor', 'Stickprov', 'Kvartalsvis', 'Anna Berg', 'Nämnden'],
    [
      'Personal',
      'Bristande kontroll av belastningsregister',
      'Utdrag begärs inte alltid.',
      2,
      4,
      8,
      'Utdrag ur belastningsregistret',
      'Stickprov av nyanställda',
      'Halvår',
      'HR-chef David Falk',
      'Nämnden',
    ],
  ];
  const merges = ['A1:K1', 'A5:A7', 'B5:B7', 'C5:C7', 'D5:D7', 'E5:E7', 'F5:F7'];

  test('the headings are found below the title, every column recognised', async () => {
    const { mapping } = await read(await workbook([{ name: 'IK-plan', rows, merges }]));
    expect(mapping.sheet).toBe('IK-plan');
    expect(mapping.headerRows).toEqual([4]);
    expect(mapping.columns.map((column) => [column.letter, column.field])).toEqual([
      ['A', 'process'],
      ['B', 'risk'],
      ['C', 'riskDescription'],
      ['D', 'likelihood'],
      ['E', 'consequence'],
      ['F', 'riskValue'],
      ['G', 'control'],
      ['H', 'method'],
      ['I', 'frequency'],
      ['J', 'controlResponsible'],
      ['K', 'reportsTo'],
    ]);
    expect(mapping.columns.every((column) => column.recognised)).toBe(true);
  });

  test('a risk merged over three rows is one risk with three controls', async () => {
    const { plan } = await read(await workbook([{ name: 'IK-plan', rows, merges }]));
    expect(plan.errors).toEqual([]);
    expect(plan).toMatchObject({ title: 'Internkontrollplan 2021 Socialnämnden', period: '2021', complete: false });
    expect(plan.risks.map((risk) => [risk.title, risk.process, risk.controls.length])).toEqual([
      ['Köp utanför avtal', 'Inköp', 3],
      ['Bristande kontroll av belastningsregister', 'Personal', 1],
    ]);
    const [purchase] = plan.risks;
    expect(purchase).toMatchObject({
      description: 'Inköp görs hos leverantörer utan avtal.',
      likelihood: '3',
      consequence: '3',
      riskValue: '9',
      origin: { sheet: 'IK-plan', row: 5, columns: { title: 'B', likelihood: 'D' } },
    });
    expect(purchase!.controls[1]).toMatchObject({
      title: 'Direktupphandlingar dokumenteras',
      method: 'Genomgång av dokumentation',
      frequency: 'Årligen',
      responsible: ['Bo Ek', 'Cecilia Dahl'],
      reportsTo: 'Förvaltningschef',
      origin: { row: 6, columns: { title: 'G', responsible: 'J' } },
    });
    expect(purchase!.controls[0]!.responsible).toEqual(['Anna Berg']);
    expect(plan.risks[1]!.controls[0]!.responsible).toEqual(['HR-chef David Falk']);
  });

  test('a risk whose row says it has no control ("Inget kontrollmoment", "No control") is the risk alone', async () => {
    const withoutControls = [
      ...rows,
      ['Ekonomi', 'Felaktiga utbetalningar', null, 2, 2, 4, 'Inget kontrollmoment', null, null, null, null],
      ['Ekonomi', 'Jäv', null, 1, 2, 2, ' no  control ', null, null, null, null],
      [
        'Ekonomi',
        'Inget kontrollmoment saknas',
        null,
        1,
        1,
        1,
        'Inget kontrollmoment i år men en rutin',
        null,
        null,
        null,
        null,
      ],
    ];
    const { plan } = await read(await workbook([{ name: 'IK-plan', rows: withoutControls, merges }]));
    expect(plan.errors).toEqual([]);
    expect(plan.risks.slice(2).map((risk) => [risk.title, risk.controls.map((control) => control.title)])).toEqual([
      ['Felaktiga utbetalningar', []],
      ['Jäv', []],
      // Only the words alone say so; a title that begins with them is a control.
      ['Inget kontrollmoment saknas', ['Inget kontrollmoment i år men en rutin']],
    ]);
  });
});

describe('(b) one row per risk, columns in another order, line breaks in cells, two header rows', () => {
  const rows = [
    [
      'Kontrollområde',
      'Risk',
      'Orsak',
      'Konsekvens',
      'Riskbedömning',
      'Riskbedömning',
      'Riskbedömning',
      'Kontroll',
      'Kontroll',
      'Åtgärd',
      'Ansvarig',
      'Klart senast',
    ],
    [
      null,
      null,
      null,
      null,
      'Sannolikhet',
      'Konsekvens',
      'Riskvärde',
      'Kontrollmoment',
      'Omfattning / urval',
      null,
      null,
      null,
    ],
    [
      'Ekonomi',
      'Felaktiga utbetalningar',
      'Brister i attest\nHög personalomsättning',
      'Ekonomisk förlust för nämnden',
      2,
      4,
      8,
      'Kontroll av utbetalningar\n- leverantörsbyte\n- nya bankgironummer',
      'Samtliga ändringar under perioden',
      'Ta fram en rutin för ändring av bankuppgifter',
      'Ekonomichef Eva Lund; Controller Fia Ek',
      '2021-06-30',
    ],
    [
      'IT',
      'Obehörig åtkomst till verksamhetssystem',
      'Behörigheter tas inte bort',
      'Sekretessbelagda uppgifter röjs',
      3,
      3,
      9,
      'Behörighetsgenomgång',
      '10 användare per system',
      null,
      'Gustav Holm',
      null,
    ],
  ];
  const merges = ['E1:G1', 'H1:I1', 'A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'J1:J2', 'K1:K2', 'L1:L2'];

  test('the group row and the heading row together name the fields; "Konsekvens" as text is the effect', async () => {
    const { mapping } = await read(await workbook([{ name: 'Plan', rows, merges }]));
    expect(mapping.headerRows).toEqual([1, 2]);
    const byLetter = Object.fromEntries(mapping.columns.map((column) => [column.letter, column.field]));
    expect(byLetter).toEqual({
      A: 'area',
      B: 'risk',
      C: 'cause',
      D: 'effect',
      E: 'likelihood',
      F: 'consequence',
      G: 'riskValue',
      H: 'control',
      I: 'scope',
      J: 'action',
      K: 'responsible',
      L: 'endDate',
    });
  });

  test('cause and effect are the risk’s, scope the control’s, the action under the risk; an area column is the process', async () => {
    const { plan } = await read(await workbook([{ name: 'Plan', rows, merges }]));
    expect(plan.errors).toEqual([]);
    expect(plan.risks).toHaveLength(2);
    const [payments, access] = plan.risks;
    expect(payments).toMatchObject({
      title: 'Felaktiga utbetalningar',
      process: 'Ekonomi',
      likelihood: '2',
      consequence: '4',
      riskValue: '8',
      cause: 'Brister i attest\n\nHög personalomsättning',
      effect: 'Ekonomisk förlust för nämnden',
    });
    expect(payments!.category).toBeUndefined();
    expect(payments!.description).toBeUndefined();
    expect(payments!.controls).toHaveLength(1);
    expect(payments!.controls[0]).toMatchObject({
      title: 'Kontroll av utbetalningar',
      description: '- leverantörsbyte\n- nya bankgironummer',
      scope: 'Samtliga ändringar under perioden',
      responsible: ['Ekonomichef Eva Lund', 'Controller Fia Ek'],
      endDate: '2021-06-30',
    });
    expect(payments!.actions.map((action) => action.title)).toEqual(['Ta fram en rutin för ändring av bankuppgifter']);
    // The schedule belongs to the control of the row, not to the action beside it.
    expect(payments!.actions[0]!.responsible).toBeUndefined();
    expect(access!.controls[0]!.responsible).toEqual(['Gustav Holm']);
    expect(access!.actions).toEqual([]);
  });

  test('a heading with its scale below it ("Sannolikhet" over "(1-4)") is one heading', async () => {
    const { mapping, plan } = await read(
      await workbook([
        {
          name: 'Blad1',
          rows: [
            ['Risk', 'Sannolikhet', 'Konsekvens', 'Kontrollmoment'],
            [null, '(1-4)', '(1-4)', null],
            ['Fel lön', 3, 2, 'Lönekontroll'],
          ],
        },
      ]),
    );
    expect(mapping.headerRows).toEqual([1, 2]);
    expect(fieldsOf(mapping)).toEqual({
      Risk: 'risk',
      'Sannolikhet (1-4)': 'likelihood',
      'Konsekvens (1-4)': 'consequence',
      Kontrollmoment: 'control',
    });
    expect(plan.risks).toMatchObject([{ title: 'Fel lön', likelihood: '3', consequence: '2' }]);
  });
});

describe('(c) English headings', () => {
  test('an English plan with owner, due date and comments', async () => {
    const bytes = await workbook([
      { name: 'Notes', rows: [['Hidden notes']], hidden: true },
      {
        name: 'Risks',
        rows: [
          [
            'Risk name',
            'Risk description',
            'Likelihood',
            'Impact',
            'Risk score',
            'Control activity',
            'Control method',
            'How often',
            'Owner',
            'Start date',
            'Due date',
            'Reporting period',
            'Follow-up',
            'Comments',
          ],
          [
            'Late invoices',
            'Invoices are paid late',
            2,
            3,
            6,
            'Check payment times',
            'Report from the ledger',
            'Monthly',
            'Ann Smith and Bob Jones',
            '2021-01-01',
            '2021-12-31',
            'Q2 2021',
            'All paid in time',
            'Checked by the controller',
          ],
          [
            'Late invoices',
            null,
            null,
            null,
            null,
            'Reminder routine',
            'Sample of 10',
            'Quarterly',
            'Ann Smith',
            null,
            null,
            null,
            null,
            'No period here',
          ],
        ],
      },
    ]);
    const { mapping, plan } = await read(bytes);
    expect(mapping.sheet).toBe('Risks');
    expect(mapping.columns.every((column) => column.recognised)).toBe(true);
    expect(plan.risks).toHaveLength(1);
    const [risk] = plan.risks;
    expect(risk).toMatchObject({ title: 'Late invoices', likelihood: '2', consequence: '3', riskValue: '6' });
    expect(risk!.controls.map((control) => control.title)).toEqual(['Check payment times', 'Reminder routine']);
    expect(risk!.controls[0]).toMatchObject({
      responsible: ['Ann Smith', 'Bob Jones'],
      startDate: '2021-01-01',
      endDate: '2021-12-31',
      followUps: [
        {
          period: 'Q2 2021',
          body: 'All paid in time\n\nChecked by the controller',
          origin: { row: 2, columns: { period: 'L', body: 'M' } },
        },
      ],
    });
    expect(risk!.controls[1]!.description).toBe('**Comments:** No period here');
  });
});

describe('(d) CSV from Swedish Excel: semicolons, Windows-1252, decimal commas, typed dates', () => {
  const text = [
    'Område;Risk;Sannolikhet;Konsekvens;Riskvärde;Kontrollmoment;Ansvarig;Startdatum;Slutdatum;Avstämning',
    'Löner;Felaktiga löneutbetalningar;2,5;3;7,5;Kontroll av löneändringar;Åsa Öberg;5/3 2020;5 mars 2020;1/6 2020, 1/9 2020',
    'Löner;Felaktiga löneutbetalningar;2,5;3;7,5;Attest av lönelistor;Åsa Öberg;43895;31 dec. 2020;',
    'Inköp;Jäv vid upphandling;1;4;4;Jävsdeklarationer – stickprov;Örjan Ärlig;2020-03-05;20201231;',
  ].join('\r\n');

  test('the bytes are read as Windows-1252 and the values stay as typed', async () => {
    const bytes = windows1252(text);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const { mapping, plan } = await read(bytes);
    expect(mapping.sheet).toBeNull();
    expect(mapping.headerRows).toEqual([1]);
    expect(plan.errors).toEqual([]);
    expect(plan.risks.map((risk) => [risk.process, risk.title, risk.likelihood, risk.riskValue])).toEqual([
      ['Löner', 'Felaktiga löneutbetalningar', '2,5', '7,5'],
      ['Inköp', 'Jäv vid upphandling', '1', '4'],
    ]);
    const [salaries, purchase] = plan.risks;
    expect(salaries!.controls).toMatchObject([
      {
        title: 'Kontroll av löneändringar',
        responsible: ['Åsa Öberg'],
        startDate: '5/3 2020',
        endDate: '5 mars 2020',
        checkpoints: ['1/6 2020', '1/9 2020'],
        origin: { sheet: null, row: 2, columns: { startDate: 'H', checkpoints: 'J' } },
      },
      { title: 'Attest av lönelistor', startDate: '43895', endDate: '31 dec. 2020', checkpoints: [] },
    ]);
    expect(purchase!.controls[0]!.title).toBe('Jävsdeklarationer – stickprov');
    // What the planner makes of the typed values.
    expect(parseTypedNumber(salaries!.likelihood!)).toBe(2.5);
    expect(
      [salaries!.controls[0]!.startDate, salaries!.controls[0]!.endDate, salaries!.controls[1]!.startDate].map((date) =>
        parseTypedDate(date!),
      ),
    ).toEqual(['2020-03-05', '2020-03-05', '2020-03-05']);
    expect(parseTypedDate(purchase!.controls[0]!.endDate!)).toBe('2020-12-31');
  });
});

describe('(e) CSV in UTF-8 with BOM, commas, quoted cells over several lines', () => {
  test('multi-line cells become Markdown; an action column without a risk becomes a plan-level action', async () => {
    const text = [
      'Risk,Kontroll,Hur ska kontrollen göras,Åtgärd,Vad ska göras,Status,Period,Uppföljning',
      '"Bristande dokumentation","Granskning av akter","Urval:',
      '• 5 akter per enhet',
      '• slumpvis",,,Pågående,T1 2021,"Granskat 15 akter.',
      'Brister i två."',
      ',,,"Utbildning i dokumentation","- Planera\n- Genomföra",Ej påbörjad,,',
    ].join('\n');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const { mapping, plan } = await read(bytes);
    expect(fieldsOf(mapping)).toMatchObject({
      Risk: 'risk',
      Kontroll: 'control',
      'Hur ska kontrollen göras': 'method',
      Åtgärd: 'action',
      'Vad ska göras': 'whatToDo',
    });
    expect(plan.errors).toEqual([]);
    expect(plan.risks).toHaveLength(1);
    const [risk] = plan.risks;
    expect(risk!.controls[0]).toMatchObject({
      title: 'Granskning av akter',
      method: 'Urval:\n\n- 5 akter per enhet\n- slumpvis',
      status: 'Pågående',
      followUps: [{ period: 'T1 2021', body: 'Granskat 15 akter.\n\nBrister i två.' }],
    });
    // The row has no risk of its own and continues the risk above.
    expect(risk!.actions).toMatchObject([
      { title: 'Utbildning i dokumentation', whatToDo: '- Planera\n- Genomföra', status: 'Ej påbörjad' },
    ]);
    expect(plan.actions).toEqual([]);
  });
});

describe('(f) missing and unknown columns, problems named by row and column, an activity plan', () => {
  test('unknown columns are left unmapped; the person maps one and saves it', async () => {
    const tables = await readTables(
      await workbook([
        {
          name: 'Plan',
          rows: [
            ['Risk', 'Diarienummer', 'Kontrollmoment', 'Vem gör vad'],
            ['Fel i bidrag', 'KS 2020/12', 'Kontroll av bidrag', 'Anna Berg'],
          ],
        },
      ]),
    );
    const mapping = suggestMapping(tables);
    expect(mapping.columns.map((column) => [column.heading, column.field, column.recognised])).toEqual([
      ['Risk', 'risk', true],
      ['Diarienummer', null, false],
      ['Kontrollmoment', 'control', true],
      ['Vem gör vad', null, false],
    ]);
    const saved = { [mappingKey('Vem gör vad')]: 'responsible', [mappingKey('Diarienummer')]: null } as const;
    const again = suggestMapping(tables, saved);
    expect(again.columns.map((column) => [column.heading, column.field, column.recognised])).toEqual([
      ['Risk', 'risk', true],
      ['Diarienummer', null, true],
      ['Kontrollmoment', 'control', true],
      ['Vem gör vad', 'responsible', true],
    ]);
    const plan = readPlanTable(tables, again, { kind: 'internal_control' });
    expect(plan.risks[0]!.controls[0]!.responsible).toEqual(['Anna Berg']);
    expect(suggestedPlanKind(again)).toBe('internal_control');
  });

  test('a saved mapping finds a heading row the vocabulary does not know', () => {
    const tables: Table[] = [
      {
        sheet: 'Blad1',
        hidden: false,
        rows: [['Vår plan'], ['Fara', 'Vad vi gör', 'Vem'], ['Brand', 'Brandrond', 'Anna Berg']],
      },
    ];
    expect(suggestMapping(tables).columns.every((column) => column.field === null)).toBe(true);
    const mapping = suggestMapping(tables, { fara: 'risk', vadvigor: 'control', vem: 'responsible' });
    expect(mapping.headerRows).toEqual([2]);
    const plan = readPlanTable(tables, mapping, { kind: 'internal_control' });
    expect(plan.risks).toMatchObject([
      { title: 'Brand', controls: [{ title: 'Brandrond', responsible: ['Anna Berg'] }] },
    ]);
  });

  test('without a risk column the description is the title; actions without any risk belong to the plan', () => {
    const tables: Table[] = [
      {
        sheet: null,
        hidden: false,
        rows: [
          ['Riskbeskrivning', 'Kontrollmoment'],
          ['Fel i attest\nAttestordningen följs inte', 'Attestkontroll'],
        ],
      },
      {
        sheet: 'Åtgärder',
        hidden: false,
        rows: [
          ['Åtgärd', 'Ansvarig'],
          ['Ny rutin', 'Bo Ek'],
        ],
      },
    ];
    const plan = readPlanTable(tables, suggestMapping(tables), { kind: 'internal_control' });
    expect(plan.risks).toMatchObject([
      { title: 'Fel i attest', description: 'Attestordningen följs inte', controls: [{ title: 'Attestkontroll' }] },
    ]);
    const actions = readPlanTable(tables, { ...suggestMapping([tables[1]!]) }, { kind: 'internal_control' });
    expect(actions.risks).toEqual([]);
    expect(actions.actions).toMatchObject([
      { title: 'Ny rutin', responsible: ['Bo Ek'], origin: { sheet: 'Åtgärder', row: 2 } },
    ]);
  });

  test('a control before any risk is an error naming sheet, row and column', async () => {
    const { plan } = await read(
      await workbook([
        {
          name: 'Kontroller',
          rows: [
            ['Risk', 'Kontrollmoment', 'Ansvarig', 'Sannolikhet'],
            [null, 'Kontroll utan risk', 'Anna Berg', null],
            ['Risk A', 'Kontroll A', 'Bo Ek', 2],
            [null, null, 'Cecilia Dahl', null],
            ['Risk A', 'Kontroll B', null, 3],
          ],
        },
      ]),
    );
    expect(plan.errors).toMatchObject([
      { sheet: 'Kontroller', row: 2, column: 'B', message: { sv: expect.stringContaining('ingen risk') } },
    ]);
    expect(plan.risks).toHaveLength(1);
    expect(plan.risks[0]!.controls.map((control) => control.title)).toEqual(['Kontroll A', 'Kontroll B']);
    expect(plan.risks[0]!.likelihood).toBe('2');
    expect(plan.warnings).toMatchObject([
      { row: 4, column: 'C', message: { sv: expect.stringContaining('Ansvarig') } },
      { row: 5, column: 'D', message: { en: expect.stringContaining('row 3 ("2")') } },
    ]);
  });

  test('a table with no column of risks, controls, actions or activities says so', async () => {
    const { plan } = await read(
      await workbook([
        {
          name: 'X',
          rows: [
            ['Namn', 'Telefon'],
            ['Anna', '123'],
          ],
        },
      ]),
    );
    expect(plan.errors).toMatchObject([
      { row: null, column: null, message: { sv: expect.stringContaining('Koppla') } },
    ]);
  });

  test('an activity plan: numbers in a column or before the title, sub-activities, follow-ups', async () => {
    const bytes = await workbook([
      {
        name: 'Aktivitetsplan',
        rows: [
          ['Aktivitetsplan 2020–2021'],
          [
            'Nr',
            'Aktivitet',
            'Delaktivitet',
            'Aktivitetsbeskrivning',
            'Utförare',
            'Ansvarig',
            'Status',
            'Slutdatum',
            'Uppföljningsperiod',
            'Uppföljning',
          ],
          [
            1,
            'Utveckla VFU-arbetet',
            '1.1 Systematisk VFU-samordning',
            'Fler VFU-platser behövs.',
            'HR',
            'Anna Berg',
            'Klar',
            '2021-12-31',
            'Helår 2020',
            'Ny organisation på plats.',
          ],
          [1, 'Utveckla VFU-arbetet', '1.2 Handledarutbildning', null, null, null, 'Pågår', null, null, null],
          [
            2,
            'Digital kompetens',
            null,
            'Alla medarbetare ska gå kursen.',
            'IT',
            'Bo Ek',
            'Ej påbörjad',
            '2021-06-30',
            null,
            null,
          ],
          [null, '2.1 Kartlägga behov', null, null, null, null, 'Klar', null, null, null],
          [null, null, 'Delaktivitet utan aktivitet?', null, null, null, null, null, null, null],
        ],
        merges: ['A1:J1'],
      },
    ]);
    const tables = await readTables(bytes);
    const mapping = suggestMapping(tables);
    expect(mapping.headerRows).toEqual([2]);
    expect(suggestedPlanKind(mapping)).toBe('activity');
    const plan = readPlanTable(tables, mapping, { kind: 'activity' });
    expect(plan.errors).toEqual([]);
    expect(plan).toMatchObject({ kind: 'activity', title: 'Aktivitetsplan 2020–2021', period: '2020-2021' });
    expect(plan.activities).toMatchObject([
      {
        number: '1',
        title: 'Utveckla VFU-arbetet',
        description: 'Fler VFU-platser behövs.',
        performers: 'HR',
        responsible: ['Anna Berg'],
        endDate: '2021-12-31',
        followUps: [{ period: 'Helår 2020', body: 'Ny organisation på plats.' }],
        subActivities: [
          { number: '1.1', title: 'Systematisk VFU-samordning', status: 'Klar' },
          { number: '1.2', title: 'Handledarutbildning', status: 'Pågår' },
        ],
      },
      {
        number: '2',
        title: 'Digital kompetens',
        status: 'Ej påbörjad',
        subActivities: [
          { number: '2.1', title: 'Kartlägga behov', status: 'Klar' },
          { number: '2.2', title: 'Delaktivitet utan aktivitet?' },
        ],
      },
    ]);
    // The status of a row with a sub-activity is the sub-activity's.
    expect(plan.activities[0]!.status).toBeUndefined();
  });

  test('control-plan columns in an activity plan are named in a warning', async () => {
    const { plan } = await read(
      await workbook([
        {
          name: 'A',
          rows: [
            ['Aktivitet', 'Risk'],
            ['Göra något', 'En risk'],
          ],
        },
      ]),
      'activity',
    );
    expect(plan.activities.map((activity) => activity.title)).toEqual(['Göra något']);
    expect(plan.warnings).toMatchObject([{ column: 'B', message: { sv: expect.stringContaining('Risk') } }]);
  });

  test('section rows merged across the table set the process (kontrollområde); repeated headings are skipped', async () => {
    const { plan } = await read(
      await workbook([
        {
          name: 'Plan',
          rows: [
            ['Risk', 'Kontrollmoment', 'Frekvens'],
            ['Ekonomi', null, null],
            ['Fel fakturor', 'Attest', 'Månadsvis'],
            ['Risk', 'Kontrollmoment', 'Frekvens'],
            ['Personal', null, null],
            ['Fel lön', 'Lönekontroll', 'Kvartalsvis'],
          ],
          merges: ['A2:C2', 'A5:C5'],
        },
      ]),
    );
    expect(plan.risks.map((risk) => [risk.process, risk.title])).toEqual([
      ['Ekonomi', 'Fel fakturor'],
      ['Personal', 'Fel lön'],
    ]);
  });
});

describe('a large table', () => {
  test('5,000 rows are read', async () => {
    const rows: (string | number | null)[][] = [
      ['Process', 'Risk', 'Sannolikhet', 'Konsekvens', 'Kontrollmoment', 'Kontrollmetod', 'Ansvarig', 'Slutdatum'],
    ];
    for (let index = 0; index < 5000; index++)
      rows.push([
        `Process ${String(Math.floor(index / 4) % 7)}`,
        `Risk ${String(Math.floor(index / 4))}`,
        (index % 4) + 1,
        (index % 5) + 1,
        `Kontroll ${String(index)}\n- steg ett\n- steg två`,
        'Stickprov',
        'Anna Berg, Bo Ek',
        '2021-12-31',
      ]);
    const bytes = await workbook([{ name: 'Stor', rows }]);
    const started = performance.now();
    const tables = await readTables(bytes);
    const readAt = performance.now();
    const mapping = suggestMapping(tables);
    const reports: number[] = [];
    const plan = readPlanTable(tables, mapping, { kind: 'internal_control' }, (done) => reports.push(done));
    const finished = performance.now();
    console.log(
      `5,000 rows: workbook read in ${(readAt - started).toFixed(0)} ms, mapped and read in ${(finished - readAt).toFixed(0)} ms`,
    );
    expect(plan.risks).toHaveLength(1250);
    expect(plan.risks.reduce((sum, risk) => sum + risk.controls.length, 0)).toBe(5000);
    expect(reports.at(-1)).toBe(5000);
    expect(reports.length).toBeGreaterThan(10);
  });
});

describe('what the reader is given as a table', () => {
  test('CSV tables and several sheets: the sheet naming most fields is read', () => {
    const tables: Table[] = [
      { sheet: 'Intro', hidden: false, rows: [['Om planen'], ['Risk', 'Text']] },
      {
        sheet: 'Plan',
        hidden: false,
        rows: [
          ['Risk', 'Kontrollmoment', 'Frekvens'],
          ['R', 'K', 'Årligen'],
        ],
      },
    ];
    expect(suggestMapping(tables).sheet).toBe('Plan');
    expect(suggestMapping([]).columns).toEqual([]);
  });
});
