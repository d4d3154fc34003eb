import type { RiskResponse, ReportRecipient } from '../../domain/risk-response.ts';

// Demo data, not a seed: what the current-year plan of Utbildningsnämnden (rolled over from the
// seed 004 plan) says beyond the seed, written as a municipality writes its plan. The seed plan
// itself stays as the document printed it.

/** The seed plan the current-year demo plan is rolled over from. */
export const CURRENT_YEAR_SOURCE = { tenant: 'exempelkommun-b', unit: 'Utbildningsnämnden', startYear: 2020 } as const;

/** The chef who holds the function, reviews the follow-ups and answers for the controls naming the function. */
export const CURRENT_YEAR_FUNCTION = {
  unit: 'Utbildningsförvaltningen',
  name: 'Förvaltningschef',
  holder: 'Anders Pettersson',
} as const;

/** Who writes the follow-ups when a control names no reporting-responsible person, and who reviews them. */
export const CURRENT_YEAR_REVIEWER = 'Anders Pettersson';

/** The goals of the nämnd's verksamhetsplan for the year; the keys link risks and actions to them. */
export const CURRENT_YEAR_GOALS = [
  {
    key: 'behoriga-larare',
    title: 'En likvärdig skola med behöriga lärare',
    description: 'Alla barn och elever ska undervisas av legitimerade och behöriga lärare och förskollärare.',
    indicator: 'Andel lärare med lärarlegitimation och behörighet i ämnet',
    target: 'Minst 80 procent',
  },
  {
    key: 'trygghet',
    title: 'Trygghet och studiero för alla barn och elever',
    indicator: 'Andel elever som känner sig trygga i skolan (elevenkäten)',
    target: 'Minst 90 procent',
  },
  {
    key: 'examen',
    title: 'Fler elever når gymnasieexamen',
    indicator: 'Andel elever med examen inom fyra år',
    target: 'Ökning jämfört med föregående läsår',
  },
] as const;

type GoalKey = (typeof CURRENT_YEAR_GOALS)[number]['key'];

/** The decision adopting the plan, at the nämnd's December meeting of the year before. */
export const CURRENT_YEAR_DECISION = {
  decidedBy: 'Utbildningsnämnden',
  monthDay: '12-09',
  paragraph: '§ 112',
  diarienummer: (year: number) => `UN ${year - 1}/0187`,
} as const;

interface RiskEnrichment {
  process: string;
  category: string;
  cause: string;
  effect: string;
  response: RiskResponse;
  responseMotivation: string;
  legalReferences?: string;
  goals?: GoalKey[];
}

/** By the seed risk's title. */
export const RISK_ENRICHMENT: Record<string, RiskEnrichment> = {
  'Få undervisande lärare med legitimation': {
    process: 'Personal',
    category: 'Verksamhetsrisk',
    cause: 'Brist på legitimerade lärare i regionen och hård konkurrens om behörig personal.',
    effect: 'Undervisningen håller inte den kvalitet eleverna har rätt till och målet om en likvärdig skola nås inte.',
    response: 'treat',
    responseMotivation: 'Risken är hög. Utöver kontrollen behövs rekrytering och ett aktivt arbetsmiljöarbete.',
    legalReferences: 'Skollagen (2010:800) 2 kap. 13 §',
    goals: ['behoriga-larare'],
  },
  'Barn och ungdomar blir utsatta för diskriminerande och kränkande behandling': {
    process: 'Myndighetsutövning',
    category: 'Legal risk',
    cause: 'Brister i det förebyggande arbetet och i rapporteringen av tillbud till huvudmannen.',
    effect: 'Barn och elever far illa, och huvudmannen kan bli skadeståndsskyldig.',
    response: 'control',
    responseMotivation: 'Rutinerna finns; nämnden behöver veta att de följs.',
    legalReferences: 'Skollagen (2010:800) 6 kap.; diskrimineringslagen (2008:567)',
    goals: ['trygghet'],
  },
  'Barn som försvinner från förskola eller elever inte uppfyller skolplikten.': {
    process: 'Myndighetsutövning',
    category: 'Legal risk',
    cause: 'Frånvaro och avflyttning upptäcks inte eller anmäls för sent.',
    effect: 'Missförhållanden för barnet upptäcks inte och skolplikten fullgörs inte.',
    response: 'control',
    responseMotivation: 'Rutinen för skolpliktsbevakning är ny och behöver följas upp.',
    legalReferences: 'Skollagen (2010:800) 7 kap. 20–23 §§',
  },
  'Ej erbjuda förskoleplats inom 4 månader': {
    process: 'Styra och leda',
    category: 'Verksamhetsrisk',
    cause: 'Fler barn i förskoleåldern än planerat.',
    effect: 'Vårdnadshavare kan inte återgå till arbete eller studier.',
    response: 'accept',
    responseMotivation:
      'Förskolan Telaris har gett platser nog. Risken bevakas i den ordinarie lokalplaneringen utan särskild kontroll.',
    legalReferences: 'Skollagen (2010:800) 8 kap. 14 §',
  },
  'Elev klarar inte gymnasieexamen': {
    process: 'Styra och leda',
    category: 'Verksamhetsrisk',
    cause: 'Elever får inte det stöd de behöver i tid.',
    effect: 'Utan examen ökar risken för ohälsa, utanförskap och bidragsberoende.',
    response: 'treat',
    responseMotivation: 'Ledarskapet i klassrummet utvecklas vidare; rektorernas lektionsbesök visar effekten.',
    goals: ['examen'],
  },
  'Externa hot och våld mot verksamheten': {
    process: 'Styra och leda',
    category: 'Omvärldsrisk',
    cause: 'Obehöriga vistas på skolans område; hot framförs i sociala medier.',
    effect: 'Elever och personal känner sig otrygga och verksamheten störs.',
    response: 'control',
    responseMotivation: 'Sannolikheten är låg men konsekvensen allvarlig; skyltning och rutiner kontrolleras årligen.',
  },
  'Förvaltningen missar att ansöka riktade statsbidrag': {
    process: 'Ekonomi',
    category: 'Finansiell risk',
    cause: 'Många bidrag med olika ansökningsdagar och få personer som bevakar dem.',
    effect: 'Förvaltningen går miste om intäkter som verksamheten är budgeterad för.',
    response: 'control',
    responseMotivation: 'Bevakningen fungerar men är sårbar; en månatlig avstämning fångar missade ansökningar.',
  },
  'Låg sysselsätting': {
    process: 'Styra och leda',
    category: 'Omvärldsrisk',
    cause: 'Konjunkturen och en arbetsmarknad som kräver utbildning.',
    effect: 'Fler kommuninvånare står utanför arbetsmarknaden.',
    response: 'review',
    responseMotivation:
      'Risken ligger till stor del utanför nämndens rådighet; nämnden följer utvecklingen genom analys av statistiken.',
  },
  'Sekretessen bryts runt barn med skyddad identitet': {
    process: 'Dokument- och ärendehantering',
    category: 'Legal risk',
    cause: 'Uppgifter om barn med skyddade personuppgifter hanteras i flera system och av många.',
    effect: 'Barnet och familjen kan utsättas för fara.',
    response: 'control',
    responseMotivation: 'Konsekvensen är mycket allvarlig; hanteringen kontrolleras med stickprov.',
    legalReferences: 'Offentlighets- och sekretesslagen (2009:400) 23 kap.',
  },
  'Barn uteblir från skolan.': {
    process: 'Myndighetsutövning',
    category: 'Verksamhetsrisk',
    cause: 'Frånvaro uppmärksammas inte tidigt.',
    effect: 'Eleven når inte betygsmålen i flera ämnen.',
    response: 'control',
    responseMotivation: 'Rutinen för frånvarouppföljning följs upp på rektorsmötena.',
    legalReferences: 'Skollagen (2010:800) 7 kap. 19 a §',
    goals: ['examen'],
  },
  'Brister i det systematiska kvalitetsarbetet': {
    process: 'Styra och leda',
    category: 'Verksamhetsrisk',
    cause: 'Uppföljningen dokumenteras inte på samma sätt på alla enheter.',
    effect: 'Verksamhetsstyrningen saknar underlag och brister upptäcks sent.',
    response: 'control',
    responseMotivation: 'Kontrolleras i samband med prognos och bokslut.',
    legalReferences: 'Skollagen (2010:800) 4 kap. 3–8 §§',
  },
};

interface ControlEnrichment {
  method: string;
  scope: string;
  /** A regular frequency as a plan writes it, or given dates (MM-DD) in the plan's year. */
  frequency: string | { dates: string[] };
  reportingTime: string;
  reportsTo: ReportRecipient[];
  /** Kontrollansvarig as the function (CURRENT_YEAR_FUNCTION). */
  byFunction?: boolean;
  /** What the follow-up of a period without remarks says. */
  finding: string;
}

/** By the seed control's title. */
export const CONTROL_ENRICHMENT: Record<string, ControlEnrichment> = {
  'Medarbetar- och lönesamtal genomförs enligt plan': {
    method: 'Stickprov',
    scope: 'Fem medarbetare per enhet: att medarbetarsamtal och lönesamtal är genomförda och dokumenterade.',
    frequency: 'Halvårsvis',
    reportingTime: 'Vid delårsbokslut och årsbokslut',
    reportsTo: ['director'],
    finding: 'Samtalen i stickprovet är genomförda och dokumenterade.',
  },
  'Genomförande kontroll': {
    method: 'Genomgång',
    scope: 'Enhetschefernas rapporter från rekryteringsmässan.',
    frequency: { dates: ['03-31'] },
    reportingTime: 'Efter rekryteringsmässan',
    reportsTo: ['director'],
    finding: 'Förvaltningen deltog i rekryteringsmässan; rapporterna är genomgångna.',
  },
  'Rapportering av kränkande handlingar': {
    method: 'Fullständig granskning',
    scope: 'Samtliga anmälningar om kränkande behandling och diskriminering från rektorerna till huvudmannen.',
    frequency: 'Månadsvis',
    reportingTime: 'Vid utskottets sammanträde varje månad',
    reportsTo: ['director', 'committee'],
    finding: 'Alla anmälningar är utredda och åtgärdade inom föreskriven tid.',
  },
  'Förvaltningschefen gör en avstämning': {
    method: 'Avstämning',
    scope: 'Avstämning med rektorerna av enkätresultaten om trivsel och kränkningar.',
    frequency: 'Per tertial',
    reportingTime: 'Vid tertialrapporteringen',
    reportsTo: ['committee'],
    byFunction: true,
    finding: 'Avstämningen är gjord med samtliga rektorer.',
  },
  'Kontroll rutinuppdatering och implementering.': {
    method: 'Genomgång',
    scope: 'Rutinen för skolpliktsbevakning gås igenom i rektorsgruppen.',
    frequency: { dates: ['05-31'] },
    reportingTime: 'Vid nämndens sammanträde i juni',
    reportsTo: ['committee'],
    finding: 'Rutinen är genomgången i rektorsgruppen och tillämpas.',
  },
  'Kontroll i samband med läsårsstart över situationen.': {
    method: 'Intervju',
    scope: 'Rundfråga till samtliga enhetschefer om inskrivna elever som saknas vid läsårsstart.',
    frequency: { dates: ['08-31'] },
    reportingTime: 'Vid nämndens sammanträde i september',
    reportsTo: ['committee'],
    finding: 'Inga elever saknas utan känd orsak.',
  },
  'Rektors lektionsbesök': {
    method: 'Stickprov',
    scope: 'Minst två lektionsbesök per rektor och termin; iakttagelserna rapporteras till förvaltningschefen.',
    frequency: 'Halvårsvis',
    reportingTime: 'Vid terminens slut',
    reportsTo: ['director'],
    finding: 'Lektionsbesöken är genomförda enligt plan.',
  },
  'Kontroll av skyltning': {
    method: 'Stickprov',
    scope: 'Tre skolor och två förskolor: skyltning om föranmälan av besök och obehörigt tillträde.',
    frequency: { dates: ['03-31'] },
    reportingTime: 'Vid nämndens sammanträde i april',
    reportsTo: ['committee'],
    finding: 'Skyltningen finns på alla besökta enheter.',
  },
  'Uppföljning av statsbidragsansökningar': {
    method: 'Avstämning',
    scope: 'Samtliga riktade statsbidrag i Skolverkets ansökningskalender stäms av mot inskickade ansökningar.',
    frequency: 'Månadsvis',
    reportingTime: 'Vid prognos och bokslut',
    reportsTo: ['director', 'committee'],
    finding: 'Samtliga ansökningar med sista ansökningsdag under perioden är inskickade.',
  },
  'Uppföljning av arbetslöshetssiffror.': {
    method: 'Analys',
    scope: 'Arbetsförmedlingens statistik över öppet arbetslösa och sökande i program, kommunen jämförd med länet.',
    frequency: 'Kvartalsvis',
    reportingTime: 'Vid kvartalsrapporteringen',
    reportsTo: ['committee'],
    finding: 'Statistiken är analyserad; arbetslösheten ligger på samma nivå som föregående kvartal.',
  },
  'Uppföljning på skolassistentträffar': {
    method: 'Genomgång',
    scope: 'Hanteringen av uppgifter om barn med skyddad identitet gås igenom med skolassistenterna.',
    frequency: 'Halvårsvis',
    reportingTime: 'En gång per termin',
    reportsTo: ['director'],
    finding: 'Genomgången är gjord; rutinen följs.',
  },
  'Följa gällande lagstiftning kring sekretess och skyddad identitet': {
    method: 'Stickprov',
    scope: 'Tio elever med skyddade personuppgifter: att uppgifterna är spärrade i elevregistret och lärplattformen.',
    frequency: 'Per tertial',
    reportingTime: 'Vid tertialrapporteringen',
    reportsTo: ['director', 'committee'],
    finding: 'Uppgifterna i stickprovet är spärrade i båda systemen.',
  },
  'Följs rutinen "Rutiner vid elevers frånvaro - Enhetens uppföljning"': {
    method: 'Genomgång',
    scope: 'Enheternas uppföljning av elevers frånvaro redovisas på rektorsmötena.',
    frequency: { dates: ['02-27', '04-23', '09-24', '11-26'] },
    reportingTime: 'På rektorsmötena',
    reportsTo: ['director'],
    finding: 'Rutinen följs på samtliga enheter.',
  },
  'Löpande kontroll': {
    method: 'Analys',
    scope: 'Det systematiska kvalitetsarbetet kontrolleras mot underlagen till prognos och bokslut.',
    frequency: 'Per tertial',
    reportingTime: 'Vid delårsbokslut och årsbokslut',
    reportsTo: ['committee', 'executive_board'],
    finding: 'Underlagen är kompletta.',
  },
};

/** Actions linked to goals, by the seed action's title. */
export const ACTION_GOALS: Record<string, GoalKey[]> = {
  'Aktiv rekrytering,': ['behoriga-larare'],
  'Utveckla ledarskapet i klassrummet så att fler elever klarar kunskapskraven': ['examen'],
};

/** The control whose first result of the year found a deviation, with the deviation and the answering action. */
export const CURRENT_YEAR_DEVIATION = {
  control: 'Uppföljning av statsbidragsansökningar',
  resultComment: 'En ansökan saknades vid avstämningen. Avvikelsen är rapporterad till förvaltningschefen.',
  title: 'Ansökan om riktat statsbidrag skickades inte in i tid',
  description:
    'Vid månadens avstämning saknades ansökan om statsbidrag för fritidshem. Sista ansökningsdag hade passerat. ' +
    'Förvaltningen har kontaktat Skolverket om möjligheten att komplettera.',
  severity: 'Väsentlig',
  reportedToText: 'Utbildningsnämnden',
  action: {
    title: 'Bevakningslista för riktade statsbidrag',
    whatToDo:
      'Skolsamordnaren för en bevakningslista över riktade statsbidrag i förvaltningens årshjul, med påminnelse två veckor före sista ansökningsdag.',
  },
} as const;

/** The follow-up the förvaltningschef sent back, and why. */
export const RETURN_COMMENT = 'Komplettera med vilka enheter som ingick i kontrollen.';
