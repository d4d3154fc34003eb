// The words of the årsarkiv package (its title, its description and the documentation file), in
// Swedish and English. File and folder names and the data's column names are the same in both.

export interface ArchiveLabels {
  packageTitle: (year: number, scope: string) => string;
  description: (year: number) => string;
  subjects: string[];
  planRevision: (title: string, revision: number | null) => string;
  notPdfA: (format: string) => string;
  originalUse: string;
  readme: (facts: ReadmeFacts) => string;
}

export interface ReadmeFacts {
  title: string;
  objid: string;
  generatedAt: string;
  units: { name: string; folder: string; plans: string[]; issued: number }[];
  notPdfA: string[];
}

const list = (lines: string[], none: string) => (lines.length > 0 ? lines.map((line) => `  - ${line}`) : [`  ${none}`]);

export const archiveLabels: Record<'sv' | 'en', ArchiveLabels> = {
  sv: {
    packageTitle: (year, scope) => `Årsarkiv ${year} – ${scope}`,
    description: (year) =>
      `Intern kontroll ${year}: antagna planer med varje revision, rapporter skickade till nämnd, planernas data som JSON och CSV och ändringsloggen för dessa uppgifter.`,
    subjects: ['Intern kontroll', 'Internkontrollplan', 'Uppföljning'],
    planRevision: (title, revision) =>
      revision === null ? `${title}, antagen (utan frysta versioner)` : `${title}, revision ${revision}`,
    notPdfA: (format) =>
      `Inte PDF/A: filen (${format}) är exakt den som skickades till nämnden och har inte gjorts om, så att kontrollsumman från utskicket gäller.`,
    originalUse: 'Original, inte PDF/A',
    readme: (facts) =>
      [
        facts.title,
        '',
        `Paket: ${facts.objid}`,
        `Skapat: ${facts.generatedAt}`,
        '',
        'Innehåll',
        '- METS.xml: paketets förteckning (E-ARK CSIP) med SHA-256, storlek och filtyp för varje fil.',
        '- metadata/descriptive/dc.xml: beskrivning (Dublin Core).',
        '- metadata/preservation/premis.xml: bevarandemetadata (PREMIS 3): kontrollsummor, format och händelser.',
        '- representations/documents/data/<enhet>/plans/: varje revision av den antagna planen som PDF/A.',
        '- representations/documents/data/<enhet>/issued-reports/: rapporterna som skickades till nämnd, exakt som de skickades.',
        '- representations/datasets/data/<enhet>/<plan>/: planens data som JSON (plan.json) och CSV (risker, kontrollmoment, åtgärder, uppföljningar, resultat, avvikelser).',
        '- representations/datasets/data/<enhet>/audit-events.json och .csv: ändringsloggen för planens uppgifter och rapporterna.',
        '',
        'Enheter',
        ...facts.units.flatMap((unit) => [
          `- ${unit.name} (mapp ${unit.folder}): ${unit.issued} rapporter skickade till nämnd`,
          ...list(unit.plans, 'Ingen antagen plan.'),
        ]),
        '',
        'Filer som inte är PDF/A',
        ...list(facts.notPdfA, 'Inga: alla dokument är PDF/A.'),
        '',
      ].join('\r\n'),
  },
  en: {
    packageTitle: (year, scope) => `Annual archive ${year} – ${scope}`,
    description: (year) =>
      `Internal control ${year}: adopted plans with every revision, reports sent to the board, the plans' data as JSON and CSV, and the change log of that data.`,
    subjects: ['Internal control', 'Internal control plan', 'Follow-up'],
    planRevision: (title, revision) =>
      revision === null ? `${title}, adopted (no frozen versions)` : `${title}, revision ${revision}`,
    notPdfA: (format) =>
      `Not PDF/A: the file (${format}) is exactly the one sent to the board and has not been converted, so that the checksum recorded when it was sent still holds.`,
    originalUse: 'Original, not PDF/A',
    readme: (facts) =>
      [
        facts.title,
        '',
        `Package: ${facts.objid}`,
        `Created: ${facts.generatedAt}`,
        '',
        'Contents',
        '- METS.xml: the package manifest (E-ARK CSIP) with the SHA-256, size and file type of every file.',
        '- metadata/descriptive/dc.xml: description (Dublin Core).',
        '- metadata/preservation/premis.xml: preservation metadata (PREMIS 3): checksums, formats and events.',
        '- representations/documents/data/<unit>/plans/: every revision of the adopted plan as PDF/A.',
        '- representations/documents/data/<unit>/issued-reports/: the reports sent to the board, exactly as sent.',
        '- representations/datasets/data/<unit>/<plan>/: the plan data as JSON (plan.json) and CSV (risks, controls, actions, follow-ups, results, deviations).',
        '- representations/datasets/data/<unit>/audit-events.json and .csv: the change log of the plan data and the reports.',
        '',
        'Units',
        ...facts.units.flatMap((unit) => [
          `- ${unit.name} (folder ${unit.folder}): ${unit.issued} reports sent to the board`,
          ...list(unit.plans, 'No adopted plan.'),
        ]),
        '',
        'Files that are not PDF/A',
        ...list(facts.notPdfA, 'None: every document is PDF/A.'),
        '',
      ].join('\r\n'),
  },
};
