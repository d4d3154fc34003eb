/**
 * The words the reports print, in both languages. Swedish uses the documents' own words
 * (the seeds): "Vad ska göras", "Genomförda åtgärder", "Uppföljning & utvärdering".
 */
/** What a review line is made of; a part the review does not record is null and left out. */
export interface ReviewLineParts {
  diarienummer: string | null;
  title: string;
  date: string | null;
  paragraph: string | null;
}

/**
 * "GRF-2020-11639 Titel. Sammanträde 2020-06-16, protokoll §95." with only the parts there are:
 * no "Sammanträde , protokoll ." for a review without a decision.
 */
function reviewLine(review: ReviewLineParts, meetingWord: string, paragraphWord: string): string {
  const present = (value: string | null) => value?.trim() || null;
  const date = present(review.date);
  const paragraph = present(review.paragraph);
  const sentence = (value: string) => (/[.!?]$/.test(value) ? value : `${value}.`);
  const decision = [
    date && `${meetingWord} ${date}`,
    paragraph && `${date ? paragraphWord : capitalise(paragraphWord)} ${paragraph}`,
  ]
    .filter(Boolean)
    .join(', ');
  return [
    sentence([present(review.diarienummer), review.title.trim()].filter(Boolean).join(' ')),
    decision && sentence(decision),
  ]
    .filter(Boolean)
    .join(' ');
}

/** "1 risk", "3 risker": a count with the word in its number. */
function count(value: number, one: string, many: string): string {
  return `${value} ${value === 1 ? one : many}`;
}

/** The first letter as a capital: a sentence may begin with what is otherwise inside one. */
function capitalise(word: string): string {
  return word.charAt(0).toLocaleUpperCase('sv') + word.slice(1);
}

export const REPORT_LABELS = {
  sv: {
    contents: 'Innehållsförteckning',
    page: 'Sida',
    improvementActionsTitle: (year: string) => `Uppföljning förbättringsåtgärder ${year}`,
    introduction: 'Inledning',
    reviewsOfYear: (year: string) => `Granskningar ${year} med förbättringsåtgärder och när dessa beslutats:`,
    reviewLine: (review: ReviewLineParts) => reviewLine(review, 'Sammanträde', 'protokoll'),
    recommendationHeading: (number: string) => `Rekommendation ${number}`,
    addresseeLine: (unit: string, status: string | null, answeredOn: string | null) =>
      `${unit}: ${status ?? 'ingen status'}${answeredOn ? `, svar ${answeredOn}` : ', inte besvarad'}`,
    improvementActions: 'Förbättringsåtgärder',
    risk: 'Risk',
    riskHeading: (title: string) => `Risk: ${title}`,
    actionHeading: (title: string) => `Åtgärd: ${title}`,
    riskDescription: 'Beskrivning av risk',
    whatToDo: 'Vad ska göras:',
    measuresTaken: 'Genomförda åtgärder',
    activityPlanTitle: (period: string) => `Uppföljning plan ${period}`,
    status: 'Status',
    activity: 'Aktivitet',
    endDate: 'Slutdatum',
    activityDescription: 'Aktivitetsbeskrivning',
    costAndResources: 'Kostnader för aktivitet och resurs',
    performers: 'Utförare',
    followUpAndEvaluation: 'Uppföljning & utvärdering',
    carriedOver: 'Förs över till nästa plan',
    notCarriedOver: 'Förs inte över till nästa plan',
    activityReviewTitle: 'Uppföljning av fjolårets planerade aktiviteter',
    assignmentHeading: (number: string) => `${number}. Uppdrag/Aktivitet`,
    followUp: 'Uppföljning',
    analysis: 'Analys',
    controlFollowUpTitle: 'Kontroll uppföljning',
    actionsFollowUp: 'Uppföljning åtgärder',
    controlsFollowUp: 'Uppföljning kontroller',
    riskAnalysis: 'Riskanalys',
    decidedAction: 'Beslut om åtgärd',
    decidedControl: 'Kontrollmoment',
    responsibleAndReporting: 'Ansvarig + Rapporteringsansvarig',
    dates: 'Startdatum + Avstämningsdatum + Slutdatum',
    commentOfYear: (year: string) => `Kommentar ${year}`,
    reportedDeviations: 'Rapporterade avvikelser',
    deviationComment: 'Kommentar avvikelse',
    noDeviations: 'Inga avvikelser är rapporterade.',
    noDeviationsFound: 'Inga avvikelser funna.',
    deviationsFound: (count: number) =>
      count === 1 ? '1 avvikelse är rapporterad.' : `${count} avvikelser är rapporterade.`,
    reportingToCommittee: 'Rapportering till nämnd',
    reportingToBoard: 'Rapportering till Kommunstyrelsen',
    meetingOn: (date: string) => `Sammanträde den ${date}.`,
    meetingInMonth: (month: string) => `Sammanträde i ${month}.`,
    severityTitle: 'Allvarlighet',
    deviationState: { open: 'Öppen', closed: 'Stängd' } as Record<string, string>,
    deviation: 'Avvikelse',
    foundOn: 'Upptäckt',
    control: 'Kontrollmoment',
    answeredByAction: 'Åtgärd',
    yes: 'Ja',
    no: 'Nej',
    decision: 'Beslut',
    decisionLine: (by: string, date: string, paragraph: string, diarienummer: string) =>
      capitalise(
        [
          by && `Beslutad av ${by}`,
          date && `sammanträde ${date}`,
          paragraph && `protokoll ${paragraph}`,
          diarienummer && `diarienummer ${diarienummer}`,
        ]
          .filter(Boolean)
          .join(', '),
      ) + '.',
    decisionInForce: (line: string) => `Beslut i kraft: ${line}`,
    decisionHistory: 'Beslut om planen',
    decisionEntry: (by: string, date: string, paragraph: string, diarienummer: string, validFrom: string) =>
      [
        [by, date, paragraph].filter(Boolean).join(' '),
        diarienummer && `dnr ${diarienummer}`,
        validFrom && `gäller från ${validFrom}`,
      ]
        .filter(Boolean)
        .join(', ') + '.',
    notAdopted: 'Planen är inte beslutad än (utkast).',
    decisionNotRecorded: 'Planen är beslutad; beslutets datum, paragraf och diarienummer är inte registrerade.',
    riskMatrix: 'Riskmatris',
    likelihood: 'Sannolikhet',
    consequence: 'Konsekvens',
    riskValue: 'Riskvärde',
    risksHeading: 'Risker',
    risksCaption: 'Planens risker med riskvärde, kontrollmoment och åtgärder',
    controls: 'Kontrollmoment',
    actions: 'Åtgärder',
    bands: 'Riskvärdenas färger',
    bandLine: (label: string, min: number, max: number) => `${label}: riskvärde ${min}–${max}`,
    matrixCountsNote: 'Varje ruta visar hur många risker som har den sannolikheten och konsekvensen.',
    unassessedRisks: (count: number) =>
      count === 0
        ? 'Alla risker är bedömda.'
        : count === 1
          ? '1 risk är inte bedömd och står inte i matrisen.'
          : `${count} risker är inte bedömda och står inte i matrisen.`,
    notAssessed: 'Ej bedömd',
    councilTitle: (year: string) => `Uppföljning av intern kontroll ${year} – sammanställning för kommunstyrelsen`,
    deviationsTitle: (period: string) => `Rapporterade avvikelser ${period}`,
    reportPeriodLine: (label: string, from: string, to: string) => `Rapportperiod: ${label} (${from} – ${to})`,
    actionReportTitle: (period: string) => `Åtgärdsrapport ${period}`,
    deviationsAndActions: 'Avvikelser och åtgärder',
    actionsCaption: (unit: string) => `${unit}: avvikelser och åtgärder`,
    summaryCaption: 'Avvikelser per allvarlighet och åtgärd',
    withAction: 'Med åtgärd',
    noAction: 'Ingen åtgärd',
    total: 'Totalt',
    startAndEnd: 'Start – slut',
    overdueMark: 'Försenad',
    actionsCounted: (count: number, completed: number, overdue: number) =>
      count === 0
        ? 'Ingen av avvikelserna har någon åtgärd.'
        : `${count === 1 ? '1 åtgärd svarar' : `${count} åtgärder svarar`} mot avvikelserna; ${completed} ${completed === 1 ? 'är genomförd' : 'är genomförda'} och ${overdue} ${overdue === 1 ? 'är försenad' : 'är försenade'}.`,
    unansweredCounted: (count: number) =>
      count === 0
        ? 'Alla avvikelser har en åtgärd.'
        : count === 1
          ? '1 avvikelse har ingen åtgärd.'
          : `${count} avvikelser har ingen åtgärd.`,
    summary: 'Sammanfattning',
    unit: 'Nämnd/bolag',
    plan: 'Plan',
    items: 'Kontrollmoment, åtgärder och aktiviteter',
    overdue: 'Försenade',
    deviations: 'Avvikelser',
    openDeviationCount: (count: number) => (count === 1 ? '1 öppen avvikelse' : `${count} öppna avvikelser`),
    noPlan: 'Ingen plan för året',
    ownPlans: 'egna planer',
    itemCount: 'Antal',
    highestRiskValue: 'Högsta riskvärde',
    statusPerUnit: 'Status per nämnd och bolag',
    overdueItems: 'Försenade kontrollmoment, åtgärder och aktiviteter',
    noOverdue: 'Inga kontrollmoment, åtgärder eller aktiviteter är försenade.',
    endedOn: 'Slutdatum',
    aggregatedMatrix: 'Samlad riskmatris',
    evaluation: 'Kommunstyrelsens utvärdering',
    responsible: 'Ansvarig',
    risksByProcess: 'Risker per process',
    commonControls: 'Kommungemensamma kontrollmoment',
    commonControlOrigin: (unit: string, risk: string) => `Beslutat av ${unit}. Risk: ${risk}.`,
    commonControlInPlan: 'I planen',
    resultsPerPeriod: 'Resultat per period',
    commonControlState: {
      in_plan: 'Ja',
      changed: 'Ja, ändring erbjuden',
      offered: 'Erbjuds',
      no_plan: 'Ingen plan',
    } as Record<string, string>,
    controlOutcomes: {
      no_remarks: 'Genomförd utan anmärkning',
      with_deviation: 'Genomförd med avvikelse',
      not_performed: 'Ej genomförd',
    } as Record<string, string>,
    risksByCategory: 'Risker per riskkategori',
    notGrouped: 'Inte angiven',
    grouping: 'Process eller kategori',
    process: 'Process',
    category: 'Riskkategori',
    riskOwner: 'Riskägare',
    riskResponse: 'Hantering',
    responseMotivation: 'Motivering',
    legalReferences: 'Lag och regelverk',
    cause: 'Orsak',
    effect: 'Konsekvens i ord',
    reportingTime: 'Tidpunkt',
    reportsTo: 'Rapporteras till',
    controlsByProcess: 'Kontrollmoment per process',
    controlMethod: 'Kontrollmetod',
    controlScope: 'Omfattning',
    frequency: 'Frekvens',
    controlResponsible: 'Kontrollansvarig',
    noProcess: 'Utan process',
    noControl: 'Inget kontrollmoment',
    statusCategories: {
      not_started: 'Ej påbörjad',
      in_progress: 'Pågående',
      completed: 'Klar',
      not_completed: 'Ej slutförd',
    } as Record<string, string>,
    noStatus: 'Utan status',
    months: [
      'januari',
      'februari',
      'mars',
      'april',
      'maj',
      'juni',
      'juli',
      'augusti',
      'september',
      'oktober',
      'november',
      'december',
    ],
    planDraft: 'utkast (ej antagen)',
    planAdopted: 'antagen',
    planRevision: (revision: number) => `revision ${revision}`,
    planAsNow: 'som planen ser ut i dag',
    goals: 'Mål',
    /** How a follow-up not yet approved is marked; an approved one is not marked. */
    followUpReview: { draft: 'utkast', submitted: 'ej godkänd', returned: 'återsänd' },
    recommendationsTitle: (period: string) => `Uppföljning av revisionens rekommendationer ${period}`,
    recommendationsScope: (period: string, before: string) =>
      `Granskningar daterade ${period}, och tidigare granskningar (före ${before}) med rekommendationer som fortfarande är öppna. Dagar öppen räknas från granskningens datum till i dag, eller till den dag rekommendationen stängdes.`,
    recommendationsPerStatus: 'Rekommendationer per status',
    openRecommendations: (open: number, overdue: number) =>
      `${open === 1 ? '1 rekommendation är öppen' : `${open} rekommendationer är öppna`}, varav ${overdue} ${overdue === 1 ? 'är försenad' : 'är försenade'}.`,
    longestOpen: (days: number) =>
      `Den äldsta öppna rekommendationen har varit öppen i ${days} ${days === 1 ? 'dag' : 'dagar'}.`,
    reviewsHeading: 'Granskningar och rekommendationer',
    noReviews: 'Inga granskningar under perioden och inga öppna rekommendationer från tidigare år.',
    noRecommendations: 'Inga rekommendationer är registrerade.',
    reviewedUnit: (unit: string) => `Granskad enhet: ${unit}.`,
    followsUp: (review: string) => `Följer upp: ${review}`,
    recommendationsOf: (review: string) => `${review} – rekommendationer`,
    actionsOfReview: (review: string) => `${review} – åtgärder`,
    recommendationNumber: 'Nr',
    recommendation: 'Rekommendation',
    answer: 'Nämndens svar',
    answeredOn: (date: string) => `Besvarad ${date}`,
    answerOf: (unit: string) => `Svar från ${unit}`,
    actionsTaken: 'Vidtagna åtgärder',
    dueDate: 'Klart senast',
    overdueLowerMark: 'försenad',
    closedOn: (date: string) => `stängd ${date}`,
    daysOpen: 'Dagar öppen',
    actionTitle: 'Åtgärd',
    template: {
      memo: 'Tjänsteskrivelse',
      proposal: 'Förslag till beslut',
      sendTo: 'Beslutet skickas till',
      caseOfficer: 'Handläggare',
      diarienummer: 'Diarienummer',
      unit: 'Nämnd',
      date: 'Datum',
      period: 'Period',
      pageOf: 'av',
      logo: 'Logotyp',
    },
    // Internkontrollrapport and its halvårs- and delårsrapport (issue 18).
    internalControlReportTitle: (period: string) => `Internkontrollrapport ${period}`,
    halfYearReportTitle: (period: string) => `Halvårsrapport internkontroll ${period}`,
    interimReportTitle: (period: string) => `Delårsrapport internkontroll ${period}`,
    periodFollowUpTitle: (period: string) => `Uppföljning internkontroll ${period}`,
    reportIntroduction: (plan: string, period: string, risks: number, controls: number) =>
      `Rapporten följer upp ${plan} för ${period}. Planen omfattar ${count(risks, 'risk', 'risker')} och ${controls} kontrollmoment.`,
    resultsRecorded: (withResult: number, controls: number) =>
      withResult === 0
        ? 'Inget kontrollmoment har ett resultat registrerat för perioden.'
        : `${withResult} av ${controls} kontrollmoment har ett resultat registrerat för perioden.`,
    deviationsReported: (deviations: number) =>
      deviations === 0
        ? 'Inga avvikelser har rapporterats.'
        : `${count(deviations, 'avvikelse', 'avvikelser')} har rapporterats.`,
    summaryPerProcess: 'Sammanfattning per process',
    processSummaryCaption: 'Risker, kontrollmoment, resultat och avvikelser per process',
    processTitle: 'Process/kontrollområde',
    summaryPerCategory: 'Per riskkategori',
    categorySummaryCaption: 'Risker, kontrollmoment, resultat och avvikelser per riskkategori',
    evidence: (files: readonly string[]) => `Underlag: ${files.join(', ')}`,
    earlierAssessments: (lines: readonly string[]) => `Tidigare bedömningar: ${lines.join('; ')}`,
    risksCount: 'Antal risker',
    controlsCount: 'Antal kontrollmoment',
    outcomeColumns: {
      no_remarks: 'Utan anmärkning',
      with_deviation: 'Med avvikelse',
      not_performed: 'Ej genomförda',
      none: 'Utan resultat',
    } as Record<string, string>,
    deviationsPerSeverity: 'Avvikelser per allvarlighet',
    summaryCountingNote:
      'Ett kontrollmoment räknas efter sitt senaste resultat under perioden; ett utan resultat räknas som utan resultat.',
    resultsPerControl: 'Resultat per kontrollmoment',
    resultsCaption: (process: string) => `Resultat per kontrollmoment, ${process}`,
    period: 'Period',
    result: 'Resultat',
    performedOn: 'Datum',
    comment: 'Kommentar',
    noResult: 'Inget resultat registrerat',
    reason: (reason: string) => `Orsak: ${reason}`,
    deviationsCaption: 'Avvikelser med allvarlighet och åtgärd',
    deviationStatus: 'Avvikelsens status',
    actionTaken: 'Åtgärd och status',
    noAnsweringAction: 'Ingen åtgärd kopplad',
    actionStatus: (status: string) => `Status: ${status}`,
    proposedDecision: 'Förslag till beslut',
    proposedDecisionText: (unit: string, report: string) =>
      `${unit} föreslås besluta att godkänna ${report} och lägga den till handlingarna.`,
    reportNoun: {
      internal: (period: string) => `internkontrollrapporten för ${period}`,
      halfYear: (period: string) => `halvårsrapporten för internkontroll ${period}`,
      interim: (period: string) => `delårsrapporten för internkontroll ${period}`,
      other: (period: string) => `uppföljningen av internkontroll för ${period}`,
    },
  },
  en: {
    contents: 'Contents',
    page: 'Page',
    improvementActionsTitle: (year: string) => `Follow-up of improvement actions ${year}`,
    introduction: 'Introduction',
    reviewsOfYear: (year: string) => `Reviews in ${year} with improvement actions, and when they were decided:`,
    reviewLine: (review: ReviewLineParts) => reviewLine(review, 'Meeting', 'minutes'),
    recommendationHeading: (number: string) => `Recommendation ${number}`,
    addresseeLine: (unit: string, status: string | null, answeredOn: string | null) =>
      `${unit}: ${status ?? 'no status'}${answeredOn ? `, answered ${answeredOn}` : ', not answered'}`,
    improvementActions: 'Improvement actions',
    risk: 'Risk',
    riskHeading: (title: string) => `Risk: ${title}`,
    actionHeading: (title: string) => `Action: ${title}`,
    riskDescription: 'Description of the risk',
    whatToDo: 'What is to be done:',
    measuresTaken: 'Measures taken',
    activityPlanTitle: (period: string) => `Follow-up of plan ${period}`,
    status: 'Status',
    activity: 'Activity',
    endDate: 'End date',
    activityDescription: 'Description of the activity',
    costAndResources: 'Cost and resources',
    performers: 'Performed by',
    followUpAndEvaluation: 'Follow-up & evaluation',
    carriedOver: 'Carried over to the next plan',
    notCarriedOver: 'Not carried over to the next plan',
    activityReviewTitle: "Follow-up of last year's planned activities",
    assignmentHeading: (number: string) => `${number}. Assignment/Activity`,
    followUp: 'Follow-up',
    analysis: 'Analysis',
    controlFollowUpTitle: 'Control follow-up',
    actionsFollowUp: 'Follow-up of actions',
    controlsFollowUp: 'Follow-up of controls',
    riskAnalysis: 'Risk analysis',
    decidedAction: 'Decided action',
    decidedControl: 'Control',
    responsibleAndReporting: 'Responsible + Reporting',
    dates: 'Start date + Checkpoints + End date',
    commentOfYear: (year: string) => `Comment ${year}`,
    reportedDeviations: 'Reported deviations',
    deviationComment: 'Comment on deviations',
    noDeviations: 'No deviations have been reported.',
    noDeviationsFound: 'No deviations found.',
    deviationsFound: (count: number) =>
      count === 1 ? '1 deviation has been reported.' : `${count} deviations have been reported.`,
    reportingToCommittee: 'Reporting to the committee',
    reportingToBoard: 'Reporting to the municipal executive board',
    meetingOn: (date: string) => `Meeting on ${date}.`,
    meetingInMonth: (month: string) => `Meeting in ${month}.`,
    severityTitle: 'Severity',
    deviationState: { open: 'Open', closed: 'Closed' } as Record<string, string>,
    deviation: 'Deviation',
    foundOn: 'Found on',
    control: 'Control',
    answeredByAction: 'Action',
    yes: 'Yes',
    no: 'No',
    decision: 'Decision',
    decisionLine: (by: string, date: string, paragraph: string, diarienummer: string) =>
      capitalise(
        [
          by && `Decided by ${by}`,
          date && `meeting ${date}`,
          paragraph && `minutes ${paragraph}`,
          diarienummer && `case number ${diarienummer}`,
        ]
          .filter(Boolean)
          .join(', '),
      ) + '.',
    decisionInForce: (line: string) => `Decision in force: ${line}`,
    decisionHistory: 'Decisions on the plan',
    decisionEntry: (by: string, date: string, paragraph: string, diarienummer: string, validFrom: string) =>
      [
        [by, date, paragraph].filter(Boolean).join(' '),
        diarienummer && `case number ${diarienummer}`,
        validFrom && `applies from ${validFrom}`,
      ]
        .filter(Boolean)
        .join(', ') + '.',
    notAdopted: 'The plan has not been adopted yet (draft).',
    decisionNotRecorded: 'The plan is adopted; the date, paragraph and case number of the decision are not recorded.',
    riskMatrix: 'Risk matrix',
    likelihood: 'Likelihood',
    consequence: 'Consequence',
    riskValue: 'Risk value',
    risksHeading: 'Risks',
    risksCaption: "The plan's risks with risk value, controls and actions",
    controls: 'Controls',
    actions: 'Actions',
    bands: 'Colours of the risk values',
    bandLine: (label: string, min: number, max: number) => `${label}: risk value ${min}–${max}`,
    matrixCountsNote: 'Each cell shows how many risks have that likelihood and consequence.',
    unassessedRisks: (count: number) =>
      count === 0
        ? 'Every risk is assessed.'
        : count === 1
          ? '1 risk is not assessed and is not in the matrix.'
          : `${count} risks are not assessed and are not in the matrix.`,
    notAssessed: 'Not assessed',
    councilTitle: (year: string) => `Follow-up of internal control ${year} – summary for the executive board`,
    deviationsTitle: (period: string) => `Reported deviations ${period}`,
    reportPeriodLine: (label: string, from: string, to: string) => `Reporting period: ${label} (${from} – ${to})`,
    actionReportTitle: (period: string) => `Action report ${period}`,
    deviationsAndActions: 'Deviations and actions',
    actionsCaption: (unit: string) => `${unit}: deviations and actions`,
    summaryCaption: 'Deviations by severity and action',
    withAction: 'With action',
    noAction: 'No action',
    total: 'Total',
    startAndEnd: 'Start – end',
    overdueMark: 'Overdue',
    actionsCounted: (count: number, completed: number, overdue: number) =>
      count === 0
        ? 'None of the deviations has an action.'
        : `${count === 1 ? '1 action answers' : `${count} actions answer`} the deviations; ${completed} completed and ${overdue} overdue.`,
    unansweredCounted: (count: number) =>
      count === 0
        ? 'Every deviation has an action.'
        : count === 1
          ? '1 deviation has no action.'
          : `${count} deviations have no action.`,
    summary: 'Summary',
    unit: 'Committee/company',
    plan: 'Plan',
    items: 'Controls, actions and activities',
    overdue: 'Overdue',
    deviations: 'Deviations',
    openDeviationCount: (count: number) => (count === 1 ? '1 open deviation' : `${count} open deviations`),
    noPlan: 'No plan for the year',
    ownPlans: 'own plans',
    itemCount: 'Count',
    highestRiskValue: 'Highest risk value',
    statusPerUnit: 'Status per committee and company',
    overdueItems: 'Overdue controls, actions and activities',
    noOverdue: 'No controls, actions or activities are overdue.',
    endedOn: 'End date',
    aggregatedMatrix: 'Aggregated risk matrix',
    evaluation: "The executive board's evaluation",
    responsible: 'Responsible',
    risksByProcess: 'Risks by process',
    commonControls: 'Municipality-wide controls',
    commonControlOrigin: (unit: string, risk: string) => `Decided by ${unit}. Risk: ${risk}.`,
    commonControlInPlan: 'In the plan',
    resultsPerPeriod: 'Results per period',
    commonControlState: {
      in_plan: 'Yes',
      changed: 'Yes, change offered',
      offered: 'Offered',
      no_plan: 'No plan',
    } as Record<string, string>,
    controlOutcomes: {
      no_remarks: 'Performed without remarks',
      with_deviation: 'Performed with deviation',
      not_performed: 'Not performed',
    } as Record<string, string>,
    risksByCategory: 'Risks by risk category',
    notGrouped: 'Not given',
    grouping: 'Process or category',
    process: 'Process',
    category: 'Risk category',
    riskOwner: 'Risk owner',
    riskResponse: 'Response',
    responseMotivation: 'Motivation',
    legalReferences: 'Laws and regulations',
    cause: 'Cause',
    effect: 'Effect',
    reportingTime: 'Reporting time',
    reportsTo: 'Reports to',
    controlsByProcess: 'Controls by process',
    controlMethod: 'Control method',
    controlScope: 'Scope',
    frequency: 'Frequency',
    controlResponsible: 'Control owner',
    noProcess: 'No process',
    noControl: 'No control',
    statusCategories: {
      not_started: 'Not started',
      in_progress: 'In progress',
      completed: 'Done',
      not_completed: 'Not completed',
    } as Record<string, string>,
    noStatus: 'No status',
    months: [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ],
    planDraft: 'draft (not adopted)',
    planAdopted: 'adopted',
    planRevision: (revision: number) => `revision ${revision}`,
    planAsNow: 'as the plan is today',
    goals: 'Goals',
    followUpReview: { draft: 'draft', submitted: 'not approved', returned: 'sent back' },
    recommendationsTitle: (period: string) => `Follow-up of the auditors' recommendations ${period}`,
    recommendationsScope: (period: string, before: string) =>
      `Reviews dated ${period}, and earlier reviews (before ${before}) with recommendations that are still open. Days open are counted from the review's date to today, or to the day the recommendation was closed.`,
    recommendationsPerStatus: 'Recommendations per status',
    openRecommendations: (open: number, overdue: number) =>
      `${open === 1 ? '1 recommendation is open' : `${open} recommendations are open`}, ${overdue} of them overdue.`,
    longestOpen: (days: number) =>
      `The oldest open recommendation has been open for ${days} ${days === 1 ? 'day' : 'days'}.`,
    reviewsHeading: 'Reviews and recommendations',
    noReviews: 'No reviews in the period and no open recommendations from earlier years.',
    noRecommendations: 'No recommendations are recorded.',
    reviewedUnit: (unit: string) => `Reviewed unit: ${unit}.`,
    followsUp: (review: string) => `Follows up: ${review}`,
    recommendationsOf: (review: string) => `${review} – recommendations`,
    actionsOfReview: (review: string) => `${review} – actions`,
    recommendationNumber: 'No.',
    recommendation: 'Recommendation',
    answer: "The committee's answer",
    answeredOn: (date: string) => `Answered ${date}`,
    answerOf: (unit: string) => `Answer from ${unit}`,
    actionsTaken: 'Actions taken',
    dueDate: 'Due',
    overdueLowerMark: 'overdue',
    closedOn: (date: string) => `closed ${date}`,
    daysOpen: 'Days open',
    actionTitle: 'Action',
    template: {
      memo: 'Memorandum',
      proposal: 'Proposed decision',
      sendTo: 'The decision is sent to',
      caseOfficer: 'Case officer',
      diarienummer: 'Reference number',
      unit: 'Committee',
      date: 'Date',
      period: 'Period',
      pageOf: 'of',
      logo: 'Logo',
    },
    internalControlReportTitle: (period: string) => `Internal control report ${period}`,
    halfYearReportTitle: (period: string) => `Half-year internal control report ${period}`,
    interimReportTitle: (period: string) => `Interim internal control report ${period}`,
    periodFollowUpTitle: (period: string) => `Internal control follow-up ${period}`,
    reportIntroduction: (plan: string, period: string, risks: number, controls: number) =>
      `This report follows up ${plan} for ${period}. The plan covers ${count(risks, 'risk', 'risks')} and ${count(controls, 'control', 'controls')}.`,
    resultsRecorded: (withResult: number, controls: number) =>
      withResult === 0
        ? 'No control has a result recorded for the period.'
        : `${withResult} of ${controls} controls have a result recorded for the period.`,
    deviationsReported: (deviations: number) =>
      deviations === 0
        ? 'No deviations have been reported.'
        : deviations === 1
          ? '1 deviation has been reported.'
          : `${deviations} deviations have been reported.`,
    summaryPerProcess: 'Summary per process',
    processSummaryCaption: 'Risks, controls, results and deviations per process',
    processTitle: 'Process/control area',
    summaryPerCategory: 'Per risk category',
    categorySummaryCaption: 'Risks, controls, results and deviations per risk category',
    evidence: (files: readonly string[]) => `Evidence: ${files.join(', ')}`,
    earlierAssessments: (lines: readonly string[]) => `Earlier assessments: ${lines.join('; ')}`,
    risksCount: 'Number of risks',
    controlsCount: 'Number of controls',
    outcomeColumns: {
      no_remarks: 'Without remarks',
      with_deviation: 'With deviation',
      not_performed: 'Not performed',
      none: 'No result',
    } as Record<string, string>,
    deviationsPerSeverity: 'Deviations per severity',
    summaryCountingNote:
      'A control is counted by its latest result in the period; one without a result is counted as without a result.',
    resultsPerControl: 'Results per control',
    resultsCaption: (process: string) => `Results per control, ${process}`,
    period: 'Period',
    result: 'Result',
    performedOn: 'Date',
    comment: 'Comment',
    noResult: 'No result recorded',
    reason: (reason: string) => `Reason: ${reason}`,
    deviationsCaption: 'Deviations with severity and action',
    deviationStatus: 'Status of the deviation',
    actionTaken: 'Action and status',
    noAnsweringAction: 'No action linked',
    actionStatus: (status: string) => `Status: ${status}`,
    proposedDecision: 'Proposed decision',
    proposedDecisionText: (unit: string, report: string) =>
      `${unit} is proposed to approve ${report} and place it on file.`,
    reportNoun: {
      internal: (period: string) => `the internal control report for ${period}`,
      halfYear: (period: string) => `the half-year internal control report for ${period}`,
      interim: (period: string) => `the interim internal control report for ${period}`,
      other: (period: string) => `the internal control follow-up for ${period}`,
    },
  },
} as const;

export type ReportLabels = (typeof REPORT_LABELS)['sv'];
