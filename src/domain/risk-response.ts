/**
 * What was decided about a risk (riskhantering): acceptera, åtgärda, kontrollera or granska,
 * each with its motivation.
 */
export const RISK_RESPONSES = ['accept', 'treat', 'control', 'review'] as const;
export type RiskResponse = (typeof RISK_RESPONSES)[number];

/** To whom a control's result is reported. */
export const REPORT_RECIPIENTS = ['committee', 'director', 'executive_board'] as const;
export type ReportRecipient = (typeof REPORT_RECIPIENTS)[number];

/** The responses as municipalities write them. */
export const RISK_RESPONSE_LABELS: Record<RiskResponse, { sv: string; en: string }> = {
  accept: { sv: 'Acceptera', en: 'Accept' },
  treat: { sv: 'Åtgärda', en: 'Treat' },
  control: { sv: 'Kontrollera', en: 'Control' },
  review: { sv: 'Granska', en: 'Review' },
};

/** The recipients as municipalities write them. */
export const REPORT_RECIPIENT_LABELS: Record<ReportRecipient, { sv: string; en: string }> = {
  committee: { sv: 'Nämnd', en: 'Committee' },
  director: { sv: 'Förvaltningschef', en: 'Head of administration' },
  executive_board: { sv: 'Kommunstyrelsen', en: 'Municipal executive board' },
};
