/**
 * What was decided about a risk (riskhantering): acceptera, åtgärda, kontrollera or granska,
 * each with its motivation.
 */
export const RISK_RESPONSES = ['accept', 'treat', 'control', 'review'] as const;
export type RiskResponse = (typeof RISK_RESPONSES)[number];

/** To whom a control's result is reported. */
export const REPORT_RECIPIENTS = ['committee', 'director', 'executive_board'] as const;
export type ReportRecipient = (typeof REPORT_RECIPIENTS)[number];
