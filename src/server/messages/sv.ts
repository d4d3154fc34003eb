// Swedish, the default language: every message the server sends (problems, field errors, mail),
// in the words the municipalities use themselves. en.ts must have exactly the same keys and
// parameters (the type checker holds them together). A parameter is always printed in the text
// (a number may choose its own plural); a choice between other words (this role or that, "fältet"
// or "fälten" before a list) is made in code between entries.

/** "1 minut", "5 minuter". */
const minutes = (count: number) => (count === 1 ? '1 minut' : `${count} minuter`);

export const sv = {
  /** The title of a problem (application/problem+json), one per error code. */
  problemTitles: {
    validation_failed: 'Uppgifterna är inte giltiga.',
    unauthenticated: 'Du behöver logga in.',
    forbidden: 'Du har inte behörighet till detta.',
    not_found: 'Det finns inget här.',
    conflict: 'Någon annan har ändrat detta under tiden.',
    duplicate: 'Det finns redan en sådan post.',
    locked: 'Det här är beslutat och ändras inte direkt.',
    not_yet: 'Det går inte ännu.',
    payload_too_large: 'Innehållet är för stort.',
    unsupported_media_type: 'Skicka innehållet som JSON (Content-Type: application/json).',
    gone: 'Det gäller inte längre.',
    rate_limited: 'För många försök. Vänta en stund.',
    unavailable: 'Tjänsten är inte tillgänglig just nu.',
    internal: 'Något gick fel hos oss. Försök igen senare.',
  },
  /** What to do about a problem, for the errors thrown without a detail of their own. */
  problemDetails: {
    validation_failed: 'Kontrollera uppgifterna och försök igen.',
    unauthenticated: 'Logga in och försök igen.',
    forbidden: 'Dina roller ger inte rätt att göra detta här.',
    not_found: 'Det finns inte, eller så har du inte tillgång till det.',
    conflict: 'Hämta det senaste och försök igen.',
    duplicate: 'Ändra det fält som anges, eller använd det som redan finns.',
    locked: 'Ändringar efter beslut görs genom en revision av planen.',
    not_yet: 'Gör först det som anges och försök sedan igen.',
    payload_too_large: 'Högst 1 MB per anrop.',
    unsupported_media_type: 'Ange Content-Type: application/json.',
    gone: 'Be om en ny länk.',
    rate_limited: 'Vänta en stund och försök igen.',
    unavailable: 'Försök igen om en stund.',
    internal: 'Felet är loggat hos oss.',
  },

  /** The HTTP contract: the request as a whole. */
  http: {
    eachErrorAtItsField: 'Varje fel står vid sitt fält.',
    malformedJson: 'Innehållet är inte giltig JSON.',
    invalidQuery: 'Frågeparametrarna är inte giltiga.',
    invalidAddress: 'Adressen är inte giltig.',
    nulCharacter: 'Får inte innehålla nolltecknet (U+0000).',
    unpairedSurrogate: 'Innehåller ett ogiltigt tecken (en ensam halva av ett UTF-16-teckenpar).',
    forbiddenCharacters: 'Texten innehåller tecken som inte får förekomma.',
  },

  /** One field's value: the validation of the input, and the checks shared by many features. */
  validation: {
    required: 'Måste anges.',
    /** `what` is one of `kinds` or `formats`. */
    mustBe: (what: string) => `Ska vara ${what}.`,
    notEmpty: 'Får inte vara tomt.',
    minCharacters: (limit: string) => `Ska ha minst ${limit} tecken.`,
    minEntries: (limit: string) => `Ska ha minst ${limit} poster.`,
    minValue: (limit: string) => `Ska vara minst ${limit}.`,
    maxCharacters: (limit: string) => `Får ha högst ${limit} tecken.`,
    maxEntries: (limit: string) => `Får ha högst ${limit} poster.`,
    maxValue: (limit: string) => `Får vara högst ${limit}.`,
    oneOf: (allowed: string) => `Ska vara ett av: ${allowed}.`,
    multipleOf: (divisor: string) => `Ska vara en multipel av ${divisor}.`,
    invalidValue: 'Värdet är inte giltigt.',
    unknownField: 'Okänt fält.',
    /** The kinds of value, as a municipal user would say them. */
    kinds: {
      string: 'text',
      number: 'ett tal',
      int: 'ett heltal',
      boolean: 'sant eller falskt',
      array: 'en lista',
      object: 'ett objekt',
      date: 'ett datum',
    },
    /** The formats of a text value. */
    formats: {
      uuid: 'ett id (UUID)',
      email: 'en e-postadress',
      date: 'ett datum (ÅÅÅÅ-MM-DD)',
      datetime: 'en tidpunkt (ISO 8601)',
      regex: 'rätt format',
    },
    doesNotExist: 'Finns inte.',
    notInPlan: 'Finns inte i planen.',
    personDoesNotExist: 'Personen finns inte.',
    endDateBeforeStartDate: 'Slutdatum kan inte vara före startdatum.',
  },

  /** A rule the database enforced (a constraint the use case did not check first). */
  database: {
    identicalEntry: 'Det finns redan en likadan post.',
    sameValueInField: (field: string) => `Det finns redan en post med samma värde i fältet ${field}.`,
    sameValueInFields: (fields: string) => `Det finns redan en post med samma värde i fälten ${fields}.`,
    sameValue: 'Det finns redan en post med samma värde.',
    breaksRule: (rule: string) => `Uppgifterna bryter mot en regel (${rule}).`,
    concurrentChange: 'Någon annan ändrade samtidigt. Försök igen.',
  },

  /** Optimistic locking: the version a change was based on. */
  versions: {
    required: 'Ange versionen du utgick från (fältet version eller rubriken If-Match).',
    stale: (expected: number, current: string) =>
      `Du utgick från version ${expected}, men den är nu version ${current}. Läs in den igen och gör om ändringen.`,
  },

  /** Signing in, sessions, API tokens and passwords. */
  auth: {
    invalidApiToken: 'API-nyckeln är ogiltig eller återkallad.',
    csrfHeaderRequired:
      'Skrivningar med inloggningscookie kräver rubriken X-CSRF-Token (finns i svaret från /api/v1/me).',
    wrongCredentials: 'Fel e-postadress eller lösenord.',
    tooManyForAccount: (waitMinutes: number) =>
      `För många misslyckade inloggningar för kontot. Försök igen om ${minutes(waitMinutes)}.`,
    tooManyFromAddress: (waitMinutes: number) =>
      `För många misslyckade inloggningar från din adress. Försök igen om ${minutes(waitMinutes)}.`,
    addressInSeveralTenants: 'Adressen har konton i flera kommuner. Ange kommunens kortnamn (t.ex. "malmo").',
    deactivated: 'Kontot är avaktiverat. Kontakta din administratör.',
    tenantSuspended: 'Organisationens konto i Uppsikt är avstängt. Kontakta den som driver tjänsten.',
    passwordOnlyInBrowser: 'Lösenordet byts i webbläsaren, inte med en API-nyckel.',
    noPasswordToChange: 'Du har inget lösenord att byta. Be kommunens administratör om ett.',
    notCurrentPassword: 'Det är inte ditt nuvarande lösenord.',
    samePassword: 'Välj ett annat lösenord än det nuvarande.',
    ssoRequired:
      'Kommunen kräver att du loggar in via organisationens inloggning (identitetsleverantör), inte med lösenord. Använd knappen för organisationens konto.',
  },

  /** Two-step verification (a TOTP code from an app) and its recovery codes. */
  secondFactor: {
    noServerKey:
      'Tvåstegsverifiering kan inte slås på ännu: servern saknar en servernyckel. Den som driver Uppsikt behöver ange SERVER_KEY i konfigurationen.',
    alreadyEnabled: 'Tvåstegsverifiering är redan på. Stäng av den först om du vill byta app.',
    notStarted: 'Börja med att lägga till Uppsikt i din app (skanna QR-koden).',
    notEnabled: 'Du har inte tvåstegsverifiering påslagen.',
    onlyWithPassword: 'Tvåstegsverifiering gäller konton med lösenord. Du loggar in via organisationens inloggning.',
    wrongCode:
      'Koden stämmer inte. Kontrollera att du använder den senaste koden i appen och att telefonens klocka går rätt.',
    codeUsed: 'Koden har redan använts. Vänta på nästa kod i appen.',
    wrongRecoveryCode: 'Reservkoden stämmer inte eller har redan använts.',
    triesLeft: (count: number) => (count === 1 ? 'Du har 1 försök kvar.' : `Du har ${count} försök kvar.`),
    tooManyCodes: 'För många felaktiga koder. Logga in med ditt lösenord igen.',
    challengeEnded: 'Inloggningen har gått ut eller avbrutits. Logga in med ditt lösenord igen.',
    requiredForAdministrators: 'Kommunen kräver tvåstegsverifiering för administratörer, så du kan inte stänga av den.',
  },

  /** The tenant's sign-in policy (Administration → Inloggning). */
  /** Units' functions (befattningar) and who holds them. */
  unitFunctions: {
    unknownUnit: 'Enheten finns inte.',
    unknownUser: 'Personen finns inte.',
    overlappingHolding: (from: string, to: string | null) =>
      `Funktionen har redan en innehavare under perioden (${from} – ${to ?? 'tills vidare'}). En funktion har högst en innehavare åt gången.`,
    endBeforeStart: (from: string, to: string) => `Sista dagen (${to}) ligger före första dagen (${from}).`,
    unknownFunction: 'Funktionen finns inte.',
    heldByNoOne: (name: string, from: string, to: string) =>
      `Ingen innehar funktionen ${name} mellan ${from} och ${to}. Lägg först till den som innehar den (Organisation → Funktioner).`,
    archivedFunction: (name: string) => `Funktionen ${name} är arkiverad. Välj en annan funktion.`,
  },
  tenantSettings: {
    ssoNeedsBreakGlass:
      'Minst en aktiv administratör måste vara markerad som reservadministratör (nödåtkomst) innan lösenordsinloggning kan stängas av. Annars kan ingen logga in om organisationens inloggning slutar fungera.',
    ssoNeedsProvider:
      'Lägg först till och aktivera en identitetsleverantör. Annars kan ingen logga in när lösenorden stängs av.',
    breakGlassNeedsAdministrator: 'Bara en administratör kan vara reservadministratör (nödåtkomst).',
  },

  /** One-time links: setting a first password, invitations, a forgotten password. */
  /** Submitting, sending back and approving follow-ups. */
  /** Periodens uppföljning: the coordinator's board and its reminders. */
  followUpBoard: {
    noPeriodToday: 'Ingen rapporteringsperiod pågår i dag. Välj en period.',
    notDue: 'Det här ska inte följas upp i perioden.',
    alreadyWritten: 'Uppföljningen är redan skriven för perioden; det finns inget att påminna om.',
    nobodyToRemind: 'Ingen ansvarig med e-postadress finns att påminna.',
    managersOnly: 'Periodens uppföljning är för enhetens samordnare och administratörer.',
    subject: (period: string) => `Uppsikt: påminnelse om uppföljning för ${period}`,
    intro: (sender: string, period: string) => `${sender} påminner dig om att skriva uppföljningen för ${period}:`,
    deadline: (date: string) => `Sista dag att rapportera: ${date}`,
    returned: (comment: string) => `Uppföljningen har skickats tillbaka till dig: ${comment}`,
    closing: 'Du skriver uppföljningen i Uppsikt under Mitt arbete.',
  },
  followUpReview: {
    notSubmittable:
      'Bara ett utkast eller en återsänd uppföljning kan skickas in; den här är redan inskickad eller godkänd.',
    notReturnable: 'Bara en inskickad eller godkänd uppföljning kan skickas tillbaka.',
    notApprovable:
      'Bara en inskickad uppföljning kan godkännas; ett utkast eller en återsänd uppföljning måste först skickas in.',
    commentRequired: 'Skriv vad som behöver kompletteras eller ändras.',
    notOwn:
      'Den ansvariga chefen godkänner eller skickar inte tillbaka sin egen uppföljning: det gör enhetens samordnare eller administratör.',
    reviewersOnly:
      'Bara enhetens ansvariga chef, samordnare eller administratör får godkänna eller skicka tillbaka en uppföljning.',
  },
  links: {
    unknown: 'Länken finns inte. Kontrollera att du fått med hela länken från brevet.',
    used: 'Länken är redan använd. Logga in med ditt lösenord, eller be om en ny länk.',
    expired: 'Länken har gått ut. Be din administratör om en ny.',
    withdrawn: 'Länken har ersatts av en nyare eller dragits tillbaka. Använd den senaste länken du fått.',
  },

  /** The e-mail that brings a one-time link: an invitation, or a forgotten password. */
  linkMail: {
    invitationSubject: (tenant: string) => `Inbjudan till Uppsikt – ${tenant}`,
    greeting: (name: string) => `Hej ${name}!`,
    invited: (tenant: string, by: string) =>
      `${by} har bjudit in dig till Uppsikt, där ${tenant} följer upp sin interna kontroll.`,
    chooseWithin: (date: string) => `Välj ditt lösenord med länken nedan. Den fungerar en gång och till ${date}.`,
    resetSubject: 'Nytt lösenord till Uppsikt',
    resetAsked: (tenant: string) =>
      `Någon, troligen du, har bett om ett nytt lösenord till ditt konto i Uppsikt (${tenant}).`,
    resetWithin: (date: string) => `Välj ett nytt lösenord med länken nedan. Den fungerar en gång och till ${date}.`,
    notYou: 'Har du inte bett om det? Då kan du bortse från brevet; ditt lösenord är oförändrat.',
    noAddress: 'Personen har ingen e-postadress. Lägg till en först.',
    deactivated: 'Personen är inaktiverad. Återaktivera personen först.',
    resetUnavailable:
      'Uppsikt skickar inga brev här, så en länk för nytt lösenord kan inte skickas. Be din administratör om en ny inbjudan.',
    resetAnswer:
      'Om adressen hör till ett konto i Uppsikt har vi skickat ett brev med en länk för att välja nytt lösenord. Länken gäller en timme.',
  },

  /** Tenants (kommuner, regioner, kommunalförbund) and the first start of a new installation. */
  /** Kommungemensamma kontrollmoment and their copies in the plans of the units below. */
  commonControls: {
    outsideOrigin: (name: string) => `${name} ligger inte under den enhet som beslutar kontrollmomentet.`,
    notReached: 'Kontrollmomentet gäller inte den här enheten.',
    noPlan: (year: number) =>
      `Enheten har ingen öppen internkontrollplan för ${year}. Skapa planen först; kontrollmomentet kommer då med.`,
    frequencyGivesNoDate: (year: number) => `Frekvensen ger inget datum under ${year}.`,
  },
  /** Goals of a unit's verksamhetsplan and their links. */
  goals: {
    notForPlan: (title: string, startYear: number, endYear: number) =>
      `Målet "${title}" hör inte till planens enhet eller en enhet ovanför den för något av planens år (${startYear}–${endYear}).`,
    archived: (title: string) => `Målet "${title}" är arkiverat och kan inte kopplas.`,
    repeated: 'Samma mål står flera gånger.',
  },
  tenants: {
    slugTaken: (slug: string) => `Kortnamnet "${slug}" används redan av en annan organisation.`,
    slugFormat: 'Ska vara små bokstäver a–z och siffror, ord skilda med bindestreck (t.ex. "region-skane").',
    kindUnknown: 'Ska vara kommun, region eller kommunalförbund.',
    alreadySetUp: 'Uppsikt har redan en organisation. Logga in i stället.',
    wrongSetupCode: 'Fel installationskod. Koden står i serverns logg från när den startade.',
  },

  /** Roles and rights. */
  /** Decisions on plan revisions and issued reports. */
  decisions: {
    unitNotFound: 'Det finns ingen sådan nämnd eller styrelse hos er.',
    noLongerExists: 'Beslutet finns inte längre.',
    alreadyRecorded: 'Ett beslut är redan registrerat. Läs in det och ange dess version för att ersätta det.',
  },
  access: {
    roleDoesNotAllow: 'Din roll på enheten ger inte rätt att göra detta.',
    readOnlyToken: 'API-nyckeln får bara läsa.',
    tenantAdministratorOnly: 'Bara kommunens administratör får göra detta.',
  },

  /** The rules shared by controls, actions and activities. */
  planItems: {
    coordinatorOnly: 'Bara samordnare får ändra detta.',
    coordinatorOnlyField: 'Får bara ändras av samordnare.',
    samePersonTwice: 'Samma person står två gånger.',
    matrixLevels: (levels: number) => `Riskmatrisen har ${levels} nivåer.`,
    builtInMatrixLevels: (levels: number, year: number) =>
      `Standardmatrisen har ${levels} nivåer: kommunen har ingen egen riskmatris för ${year}. En administratör kan lägga till en version som gäller från ${year}.`,
    /** "Du står som ansvarig för kontrollen men har ingen roll på Enheten. Be … om en roll på enheten." */
    namedWithoutRole: (named: string, item: string, unit: string, ask: string) =>
      `Du står som ${named} ${item} men har ingen roll på ${unit}. ${ask} om en roll på enheten.`,
    responsibleFor: 'ansvarig för',
    reportingResponsibleFor: 'rapporteringsansvarig för',
    items: { control: 'kontrollen', action: 'åtgärden', activity: 'aktiviteten' },
    askManagers: (names: string) => `Be ${names} (administratör eller samordnare)`,
    askTenantAdministrator: 'Be kommunens administratör',
    /** The word before the last name of a list: "Anna, Bo eller Cecilia". */
    or: 'eller',
  },

  plans: {
    endYearBeforeStartYear: 'Slutåret kan inte vara före startåret.',
    alreadyAdopted: 'Planen är redan beslutad.',
    onlyAdoptedRevised: 'Bara en beslutad plan revideras; en plan i utkast ändras direkt.',
    onlyAdoptedClosed: 'Bara en beslutad plan kan avslutas.',
    adoptBeforeRollOver: 'Besluta planen innan den förs över till nästa år.',
    unitHasPlanFor: (year: number) => `Enheten har redan en plan av det här slaget för ${year}.`,
    decisionThroughRevision: 'Beslutet ändras genom en revision av planen.',
    decisionLocked:
      'Planen är beslutad: beslutet (beslutande organ, datum, § och diarienummer) ändras inte direkt, utan genom en revision med skäl och det nya beslutet.',
    risksOutsideMatrix: (likelihoodLevels: number, consequenceLevels: number, risks: string) =>
      `Riskmatrisen har ${likelihoodLevels} × ${consequenceLevels} nivåer; bedöm först om ${risks}.`,
    noSuchVersion: 'Planen har ingen sådan version.',
    /** The names of the versions compared. */
    versionToday: 'I dag',
    versionAdopted: 'Beslutad',
    versionRevision: (revision: number) => `Revision ${revision}`,
  },

  controls: {
    riskOfAnotherPlan: 'Risken hör till en annan plan.',
    frequencyGivesNoDate: (from: string, to: string) =>
      `Frekvensen ger inget avstämningsdatum mellan ${from} och ${to}. Välj en annan frekvens eller andra datum.`,
  },

  activities: {
    onlyInActivityPlans: 'Aktiviteter hör till aktivitetsplaner.',
  },

  risks: {
    onlyInInternalControlPlans: 'Risker hör till internkontrollplaner.',
  },

  followUps: {
    exactlyOneItem: 'Ange exakt en av controlId, actionId och activityId.',
    periodOutsidePlan: (period: string, years: string) => `${period} ligger utanför planens period (${years}).`,
    authorOrCoordinatorOnly: 'Bara den som skrev uppföljningen eller en samordnare får ändra den.',
  },

  deviations: {
    notAFollowUpOfControl: 'Finns inte för kontrollen.',
    closeNeedsAction: 'En avvikelse kan stängas först när en åtgärd med ansvarig person och slutdatum svarar mot den.',
    notOfPlan: 'Avvikelsen hör inte till åtgärdens plan.',
    alreadyAnswered: 'En annan åtgärd svarar redan mot avvikelsen.',
  },

  /** The message to the people concerned when a deviation is reported. */
  deviationMail: {
    subject: (severity: string, title: string) => `Avvikelse (${severity}): ${title}`,
    greeting: (name: string) => `Hej ${name}!`,
    reported: (control: string, plan: string, unit: string) =>
      `En avvikelse har rapporterats vid kontrollmomentet "${control}" (${plan}, ${unit}).`,
    deviation: (title: string) => `Avvikelse: ${title}`,
    severity: (severity: string) => `Allvarlighet: ${severity}`,
    found: (date: string) => `Upptäckt: ${date}`,
    foundBy: (date: string, name: string) => `Upptäckt: ${date} av ${name}`,
    reportImmediately: 'Avvikelser av den här allvarlighetsgraden ska rapporteras till nämnden genast.',
    closing: 'Avvikelsen stängs först när en åtgärd med ansvarig och slutdatum besvarar den.',
  },

  orgUnits: {
    topKindCannotNest: (kind: string) =>
      `En enhet av slaget ${kind} står överst i organisationen och kan inte ligga under en annan enhet.`,
    cannotNestUnder: (kind: string, parentKind: string) =>
      `En enhet av slaget ${kind} kan inte ligga under en ${parentKind}.`,
    archivedParent: 'Enheten är arkiverad.',
    topUnitCannotMove: 'Den översta enheten kan inte flyttas.',
    cannotMoveBelowItself: 'En enhet kan inte flyttas in under sig själv.',
    topUnitCannotArchive: 'Den översta enheten kan inte arkiveras.',
    archiveUnitsBelowFirst: 'Arkivera först enheterna under den här.',
  },

  users: {
    cannotDeactivateSelf: 'Du kan inte avaktivera dig själv.',
    emailInUse: 'Adressen används redan av en annan person.',
  },

  roleAssignments: {
    alreadyHasRole: 'Personen har redan den rollen på enheten.',
    give: 'ge',
    revoke: 'ta bort',
    auditorRole: 'rollen revisor, som läser hela kommunen och dess logg',
    topAdministrator: 'administratör på kommunens översta nivå',
    /** `names` is empty or " (Anna, Bo)". */
    onlyTenantAdministratorMay: (doing: string, what: string, names: string) =>
      `Bara kommunens administratör får ${doing} ${what}. Be kommunens administratör${names} om det.`,
    onlyOnUnitsYouAdminister: (doing: string, names: string) =>
      `Du får bara ${doing} roller på enheter där du är administratör. Be en administratör för enheten eller kommunens administratör${names} om det.`,
  },

  /** Evidence files (underlag). */
  attachments: {
    tooLarge: (megabytes: number) =>
      `Filen är för stor. Ett underlag får vara högst ${megabytes} MB; dela upp det eller be den som driver Uppsikt höja gränsen.`,
    empty: 'Filen är tom.',
    typeRefused:
      'Filen är av ett slag som inte tas emot. Underlag kan vara PDF, bilder (PNG, JPEG, GIF), Word, Excel och PowerPoint (.docx, .xlsx, .pptx), OpenDocument (.odt, .ods, .odp, .odg) och text i UTF-8 (.txt, .csv).',
    macros:
      'Filen innehåller makron, som inte tas emot. Spara den utan makron (som .docx, .xlsx eller .pptx) och försök igen.',
    typeDisagrees: (found: string, declared: string) =>
      `Filen är ${found} men skickades som ${declared}. Kontrollera att det är rätt fil.`,
    nameDisagrees: (extension: string, found: string) =>
      `Filen heter .${extension} men är ${found}. Ge den rätt filändelse och försök igen.`,
    extensionRefused: (extension: string) =>
      `Filer som slutar på .${extension} tas inte emot. Underlag kan vara .pdf, .png, .jpg, .gif, .docx, .xlsx, .pptx, .odt, .ods, .odp, .odg, .txt och .csv.`,
    objectStorageFailed:
      'Objektlagringen för underlag svarar inte som den ska. Försök igen om en stund; består felet, be den som driver Uppsikt att se i serverns logg.',
    objectStorageMissing:
      'Filen ligger i objektlagring, som inte är inställd på den här servern. Be den som driver Uppsikt att ställa in S3_BUCKET.',
    /** What a file was found to be, for the messages above. */
    kinds: {
      pdf: 'en PDF',
      png: 'en PNG-bild',
      jpeg: 'en JPEG-bild',
      gif: 'en GIF-bild',
      docx: 'ett Word-dokument (.docx)',
      xlsx: 'en Excel-arbetsbok (.xlsx)',
      pptx: 'en PowerPoint-presentation (.pptx)',
      odt: 'ett OpenDocument-textdokument (.odt)',
      ods: 'ett OpenDocument-kalkylblad (.ods)',
      odp: 'en OpenDocument-presentation (.odp)',
      odg: 'en OpenDocument-teckning (.odg)',
      text: 'text',
      csv: 'text (CSV)',
    },
  },
  apiTokens: {
    personMissingOrDeactivated: 'Personen finns inte eller är avaktiverad.',
  },

  reportTemplates: {
    unknownField: (field: string, fields: string) => `Fältet {${field}} finns inte. Fälten som fylls i är ${fields}.`,
    unknownSection: (sections: string) =>
      sections === '' ? 'Rapporten har inga avsnitt att ordna.' : `Rapporten har avsnitten ${sections}.`,
    duplicateSection: (section: string) => `Avsnittet ${section} står mer än en gång.`,
    noLongerExists: 'Mallen finns inte längre.',
    alreadyWritten: 'Det finns redan en mall här. Läs in den och ändra den.',
    logoNotImage: 'Logotypen måste vara en PNG- eller JPEG-bild.',
    logoTooLarge: (megabytes: number) => `Logotypen får vara högst ${megabytes} MB.`,
    noLogo: 'Mallen har ingen logotyp.',
  },

  reportTexts: {
    sections: (sections: string) => `Rapporten har avsnitten ${sections}.`,
    noLongerExists: 'Texten finns inte längre.',
    alreadyWritten: 'Det finns redan en text här. Läs in den och ändra den.',
  },

  statuses: {
    keyInUse: 'Nyckeln används redan.',
  },

  riskMatrices: {
    versionFromYearExists: 'Det finns redan en version från det året.',
    likelihoodInUse: (likelihood: number) => `Risker bedöms redan med sannolikhet ${likelihood}.`,
    consequenceInUse: (consequence: number) => `Risker bedöms redan med konsekvens ${consequence}.`,
  },

  reportingCalendar: {
    dateNeeded: 'Ange datumet; perioden har inget standarddatum.',
    periodExists: (period: string) => `Perioden ${period} finns redan.`,
    nameForSeveral: 'Ge perioden ett eget namn för att ha flera av samma slag samma år.',
    customPeriodNeedsName: 'En egen period behöver ett namn.',
    numberNeeded: 'Ange periodens nummer.',
    fourQuarters: 'Ett år har fyra kvartal.',
    threeTertials: 'Ett år har tre tertial.',
    twoHalves: 'Ett år har två halvår.',
  },

  /** Sub-recommendations, several addressed nämnder, follow-up reviews. */
  recommendationsToUnits: {
    parentIsSelf: 'En rekommendation kan inte vara en del av sig själv.',
    parentOfAnotherReview: 'Rekommendationen den är en del av måste höra till samma granskning.',
    parentIsPart: 'En delrekommendation kan inte ha egna delrekommendationer.',
    hasParts: 'En rekommendation som har delrekommendationer kan inte själv bli en delrekommendation.',
    alreadyAddressed: 'Rekommendationen är redan riktad till den enheten.',
    answeredIsKept: 'Nämnden har redan svarat eller skrivit något; mottagaren finns kvar.',
    followsUpItself: 'En granskning kan inte följa upp sig själv.',
    followUpCircle: 'Granskningarna skulle följa upp varandra i en cirkel.',
  },
  outbox: {
    tenantAdministratorOnly: 'Bara kommunens administratör läser utkorgen.',
  },

  /** Reading an identity provider's SAML metadata into its settings. */
  samlMetadata: {
    notXml: 'Det här är inte XML. Hämta identitetsleverantörens metadata (en XML-fil) och försök igen.',
    noIdp: 'Metadata beskriver ingen identitetsleverantör för SAML 2.0 (IDPSSODescriptor).',
    severalIdps: (count: number) =>
      `Metadata beskriver ${count} identitetsleverantörer. Ange entity id för den ni vill använda.`,
    unknownEntity: 'Ingen identitetsleverantör i metadata har det entity id som angavs.',
    noRedirectBinding:
      'Identitetsleverantören har ingen inloggningsadress med bindningen HTTP-Redirect, som Uppsikt använder.',
    noSigningCertificate: 'Metadata innehåller inget certifikat som identitetsleverantören signerar med.',
    invalidCertificate: 'Ett certifikat i metadata går inte att läsa.',
    invalidAddress: 'Metadata har ett entity id eller en adress som inte går att använda.',
    fetchFailed: (status: number) => `Metadata kunde inte hämtas från adressen (svaret var ${status}).`,
    unreachable: 'Adressen svarar inte. Kontrollera den, eller ladda upp metadatafilen i stället.',
    tooLarge: (megabytes: number) =>
      `Metadata är större än ${megabytes} MB. Använd identitetsleverantörens egen metadata, inte hela federationens.`,
  },

  /** Asking for a report (the words the reports print are in reports/labels.ts). */
  reports: {
    yearOrRange: 'Ange ett år (2020) eller en period (2020-2021).',
    notAPeriod: (text: string) =>
      `”${text}” är ingen period. Ange ett år (2020), flera år (2020-2021), en rapportperiod som 2020-Q3, 2020-T2, 2020-H1, 2020-D eller 2020-P1, eller namnet på en period i årshjulet.`,
    noSuchPeriod: (code: string) =>
      `Årshjulet har ingen period ${code}. Välj en av dess perioder, eller lägg till den under Administration → Årshjul.`,
    periodNotForKind: (kind: string) =>
      `Rapporten ${kind} gäller hela planår. Ange ett år (2020) eller flera år (2020-2021).`,
    councilSummaryOneYear: 'Kommunstyrelsens sammanställning gäller ett år.',
    periodReportNeedsPeriod:
      'Halvårs- och delårsrapporten gäller en del av året. Välj ett halvår (2020-H1), ett delår (2020-D), ett tertial (2020-T2) eller ett kvartal (2020-Q3).',
    summaryFromAdoptedPlans: 'Sammanställningen görs av enheternas antagna planer.',
    summaryFromCurrentPlans: 'Sammanställningen görs av planerna som de är nu.',
    recommendationsFromReviews:
      'Uppföljningen av rekommendationer görs av granskningarna under enheten, inte av en plan.',
    recommendationsAsNow: 'Uppföljningen av rekommendationer visar rekommendationerna som de är nu.',
    notTabular: (kind: string) =>
      `Rapporten ${kind} är löptext och finns inte som XLSX. Välj DOCX, PDF, HTML eller Markdown.`,
    noSuchRevision: (revision: number) =>
      `Planen har ingen version ${revision}; en plan får version 1 när den beslutas.`,
    planNotOfReport: 'Planen hör inte till enheten, perioden eller rapportens slag av plan.',
    noPlan: (unit: string, plan: string, period: string) =>
      `${unit} har ingen ${plan} för ${period}. Välj en annan period eller skapa planen först.`,
    internalControlPlan: 'internkontrollplan',
    activityPlan: 'aktivitetsplan',
  },

  /** Reading an uploaded spreadsheet. */
  tables: {
    oldExcelFormat:
      'Filen är i Excels gamla format (.xls). Spara den som Excel-arbetsbok (.xlsx) eller CSV och försök igen.',
    notAWorkbook: 'Filen går inte att läsa som Excel-arbetsbok. Spara den på nytt som .xlsx eller CSV och försök igen.',
    notText: 'Filen är varken en Excel-arbetsbok (.xlsx) eller en textfil (CSV). Välj en sådan fil.',
    badQuotes: 'Citattecknen i filen går inte ihop. Spara filen på nytt som CSV ur Excel och försök igen.',
    tooLarge: (megabytes: number) => `Filen är för stor. En fil för import får vara högst ${megabytes} MB.`,
  },

  /** Reading an edited round-trip workbook of a plan, and exporting it. */
  /** References to the tenant's vocabularies (processes, categories, methods, severities). */
  vocabulary: {
    notInVocabulary:
      'Finns inte bland organisationens val för det här fältet. Välj ett av dem, eller be administratören lägga till det.',
    notOfferedIn: (year: number) => `Valet är arkiverat eller gäller inte för ${year}. Välj ett som gäller det året.`,
  },
  /** The tenant's vocabulary entries (managed by the administrator). */
  vocabularies: {
    keyInUse: (key: string) => `Nyckeln ${key} används redan i den här listan. Ange en annan nyckel eller benämning.`,
    yearsOutOfOrder: (from: number, to: number) => `Sista året (${to}) ligger före första året (${from}).`,
    reportImmediatelyOnlySeverities: 'Bara en avvikelses allvarlighetsgrad kan kräva att den rapporteras genast.',
  },
  importWorkbook: {
    // Messages of the round-trip workbook.
    /** The worksheets' names. */
    sheets: {
      risks: 'Risker',
      controls: 'Kontrollmoment',
      actions: 'Åtgärder',
      activities: 'Aktiviteter',
      followUps: 'Uppföljningar',
      lists: 'Listor',
    },
    /** The column headings. */
    headings: {
      title: 'Titel',
      description: 'Beskrivning',
      process: 'Process',
      category: 'Kategori',
      likelihood: 'Sannolikhet',
      consequence: 'Konsekvens',
      riskValue: 'Riskvärde',
      risk: 'Risk',
      method: 'Kontrollmetod',
      frequency: 'Frekvens',
      cause: 'Orsak',
      effect: 'Effekt',
      scope: 'Omfattning och urval',
      reportingTime: 'Tidpunkt',
      reportsTo: 'Rapporteras till',
      responsible: 'Ansvariga',
      reporting: 'Rapporteringsansvariga',
      status: 'Status',
      startDate: 'Startdatum',
      checkpoints: 'Avstämningsdatum',
      endDate: 'Slutdatum',
      whatToDo: 'Vad ska göras',
      measuresTaken: 'Genomförda åtgärder',
      responsibleUnit: 'Ansvarig enhet',
      number: 'Nummer',
      level: 'Nivå',
      costAndResources: 'Kostnader och resurser',
      performers: 'Utförare',
      focusAreas: 'Fokusområden',
      carryOver: 'Förs över',
      itemKind: 'Typ',
      item: 'Avser',
      period: 'Period',
      reportedOn: 'Datum',
      body: 'Uppföljning',
      analysis: 'Analys',
      author: 'Författare',
    },
    /** The rows of the activities sheet. */
    levels: { activity: 'Aktivitet', subActivity: 'Delaktivitet' },
    /** What a follow-up is about. */
    itemKinds: { control: 'Kontrollmoment', action: 'Åtgärd', activity: 'Aktivitet' },
    carryOver: { carry_over: 'Förs över', do_not_carry_over: 'Förs inte över' },
    /** The file's name, without the extension. */
    fileName: (plan: string, unit: string) => `${plan} – ${unit}`,
    /** Shown when a drop-down's value is not one of its own. */
    notInList: 'Välj ett av värdena i listan.',
    missingSheet: (sheet: string) =>
      `Bladet ${sheet} saknas i arbetsboken. Utan det skulle allt på bladet arkiveras; exportera planen på nytt och för in ändringarna där.`,
    newerFormat: (version: string) =>
      `Arbetsboken har formatversion ${version}, som den här versionen av Uppsikt inte kan läsa. Exportera planen på nytt.`,
    riskRequired: 'Ett kontrollmoment hör alltid till en risk: skriv riskens titel som den står på bladet med risker.',
    unknownRisk: (title: string) => `Det finns ingen risk som heter ”${title}” i arbetsboken.`,
    ambiguousRisk: (title: string) => `Flera risker heter ”${title}”; ge dem olika titlar.`,
    unknownActivity: (text: string) =>
      `Delaktiviteten hör inte till någon aktivitet i arbetsboken (”${text}”). Ge den ett nummer som börjar med aktivitetens, till exempel 3.2 under aktivitet 3.`,
    unknownItem: (title: string) =>
      `Det finns inget kontrollmoment, ingen åtgärd och ingen aktivitet som heter ”${title}” i arbetsboken.`,
    ambiguousItem: (title: string) =>
      `Flera rader heter ”${title}”; ange i kolumnen Typ om uppföljningen avser ett kontrollmoment, en åtgärd eller en aktivitet.`,
    itemRequired: 'Ange vilket kontrollmoment, vilken åtgärd eller aktivitet uppföljningen avser.',
    copiedRow: (row: number) =>
      `Raden är en kopia av rad ${row} och läses som en ny rad (den dolda kolumnen med id kopierades med).`,
  },

  /** Importing the unit tree and the people with their roles from a spreadsheet. */
  /** Risks' and controls' structured fields (frequency, owner …). */
  planFields: {},
  orgImport: {
    noHeadings: (headings: string, required: string) =>
      `Hittade ingen rad med rubriker som Uppsikt känner igen. Ge kolumnerna rubriker som ${headings}, i valfri ordning; ${required} måste finnas.`,
    emptyFile: 'Filen har inga rader under rubrikerna.',
    required: 'Måste anges.',
    unknownKind: (given: string, kinds: string) => `"${given}" är inget känt slag av enhet. Ange ett av: ${kinds}.`,
    kindNeeded: 'Ange slaget för en ny enhet.',
    unknownRole: (given: string, roles: string) => `"${given}" är ingen känd roll. Ange en av: ${roles}.`,
    unitNotFound: (given: string) => `Det finns ingen enhet "${given}", varken i filen eller i Uppsikt.`,
    parentNotFound: (given: string) =>
      `Det finns ingen enhet "${given}", varken i filen eller i Uppsikt. Lägg till den eller rätta namnet.`,
    ambiguousUnit: (given: string) =>
      `Flera enheter heter "${given}". Ange enhetens kod i stället, eller den överordnade enheten.`,
    ambiguousInFile: (given: string, rows: string) =>
      `Flera rader i filen heter "${given}" (rad ${rows}). Ange koden i stället.`,
    sameUnitTwice: (row: number) => `Samma enhet står redan på rad ${row}.`,
    ownParent: 'En enhet kan inte ligga under sig själv.',
    belowItself: 'Enheten skulle hamna under sig själv.',
    secondTop: 'Organisationen har redan en översta enhet. Ange vilken enhet den nya ska ligga under.',
    childDoesNotFit: (child: string, kind: string) =>
      `Enheten ${child} ligger under den och kan inte ligga under en ${kind}.`,
    invalidEmail: 'Ange en giltig e-postadress.',
    deactivated: 'Personen är inaktiverad. Återaktivera personen under Användare först.',
    otherName: (row: number) => `Rad ${row} anger ett annat namn för samma e-postadress.`,
    otherTitle: (row: number) => `Rad ${row} anger en annan titel för samma e-postadress.`,
    roleNeedsUnit: 'Ange enheten där personen ska ha rollen.',
    unitNeedsRole: 'Ange vilken roll personen ska ha på enheten, eller lämna enheten tom.',
    rowsHaveErrors: (count: number) =>
      count === 1
        ? '1 rad har fel. Rätta filen och förhandsgranska igen; inget har sparats.'
        : `${count} rader har fel. Rätta filen och förhandsgranska igen; inget har sparats.`,
    changedSincePreview:
      'Organisationen har ändrats sedan förhandsgranskningen. Förhandsgranska igen innan du genomför importen.',
    roleOnUnit: (role: string, unit: string) => `${role} – ${unit}`,
  },

  /** Reading a plan table in the municipality's own layout. */
  importTable: {
    // Messages of the plan-table reader and of values as people type them.
    noItemColumn:
      'Ingen kolumn är kopplad till risk, kontrollmoment, åtgärd eller aktivitet. Koppla minst en av dem till en kolumn.',
    emptyTable: 'Tabellen har inga rader under rubrikerna.',
    controlWithoutRisk:
      'Kontrollmomentet står inte under någon risk: raden saknar risk och ingen risk står på raderna ovanför. Skriv risken på raden.',
    subActivityWithoutActivity:
      'Delaktiviteten står inte under någon aktivitet: raden saknar aktivitet och ingen aktivitet står på raderna ovanför.',
    detailsWithoutItem: (headings: string) =>
      `Raden har uppgifter under ${headings} men inget kontrollmoment, ingen åtgärd och ingen aktivitet att koppla dem till. De lämnades utanför.`,
    riskDiffers: (heading: string, row: number, kept: string) =>
      `Samma risk står på rad ${row} med ett annat värde under ${heading}. Värdet från rad ${row} ("${kept}") behölls.`,
    notInActivityPlan: (heading: string) =>
      `Kolumnen ${heading} hör till en internkontrollplan och används inte när tabellen läses som en aktivitetsplan.`,
    notInControlPlan: (heading: string) =>
      `Kolumnen ${heading} hör till en aktivitetsplan och används inte när tabellen läses som en internkontrollplan.`,
    followUpWithoutPeriod: (heading: string) =>
      `Raderna har ingen period att koppla texten under ${heading} till som uppföljning. Texten lades i beskrivningen i stället; lägg till en kolumn Period för att få den som uppföljning.`,
    notADate: (given: string) =>
      `"${given}" går inte att läsa som ett datum. Skriv det som 2020-03-05, 5/3 2020 eller 5 mars 2020.`,
    notANumber: (given: string) => `"${given}" går inte att läsa som ett tal. Skriv bara talet, t.ex. 3 eller 2,5.`,
    place: (sheet: string | null, row: number, column: string) =>
      sheet === null ? `Rad ${row}, kolumn ${column}` : `Bladet ${sheet}, rad ${row}, kolumn ${column}`,
  },

  /** Signing in through the organisation's identity provider (OpenID Connect, SAML). */
  /** Control results per period and the deviations they find. */
  controlResults: {
    periodOutsidePlan: (period: string, years: string) => `${period} ligger utanför planens period (${years}).`,
    alreadyRecorded: (period: string) =>
      `Kontrollmomentet har redan ett resultat för ${period}. Ändra det resultatet i stället för att registrera ett nytt.`,
    reasonRequired: 'Ange varför kontrollen inte genomfördes.',
    reasonOnlyWhenNotPerformed: 'Ett skäl anges bara när kontrollen inte genomfördes.',
    deviationsRequired: 'Ange minst en avvikelse när kontrollen genomfördes med avvikelse.',
    deviationsOnlyWithDeviation: 'Avvikelser anges bara när kontrollen genomfördes med avvikelse.',
    openDeviations: (count: number) =>
      count === 1
        ? 'Resultatet har 1 öppen avvikelse. Stäng den innan utfallet ändras.'
        : `Resultatet har ${count} öppna avvikelser. Stäng dem innan utfallet ändras.`,
  },
  sso: {
    serverKeyRequired:
      'En klienthemlighet kan bara sparas när servern har en servernyckel (SERVER_KEY). Be den som driver Uppsikt att ange en.',
    slugTaken: 'Kortnamnet används redan av ett annat inloggningssätt i organisationen.',
    settingsForOtherProtocol: 'Inställningarna passar inte inloggningssättets protokoll.',
    secretOnlyForOidc: 'Bara OpenID Connect använder en klienthemlighet.',
    providerUnreachable: (reason: string) =>
      `Identitetsleverantören kunde inte nås (${reason}). Kontrollera utfärdarens adress och försök igen.`,
  },

  /** Reading a Word document: Uppsikt's own reports and documents shaped like them. */
  importDocument: {
    // Messages of the Word-document reader.
    notDocx:
      'Filen är inte ett Word-dokument (.docx). Spara dokumentet i Word som ”Word-dokument (.docx)” och försök igen.',
    encryptedOrOld:
      'Filen är lösenordsskyddad eller sparad i det gamla Word-formatet (.doc). Ta bort lösenordet och spara dokumentet som ”Word-dokument (.docx)”, och försök igen.',
    macros:
      'Filen innehåller makron (.docm) och läses inte in. Spara dokumentet som ”Word-dokument (.docx)” utan makron och försök igen.',
    corrupt:
      'Word-dokumentet kunde inte läsas; det kan vara skadat. Öppna det i Word, spara det på nytt som .docx och försök igen.',
    noItems:
      'Dokumentet innehåller inga risker, kontrollmoment, åtgärder eller aktiviteter som kunde kännas igen. En sammanställning över flera nämnder eller en rapport över avvikelser kan inte läsas in som en plan.',
    followUpsWithoutPeriod: (count: number) =>
      count === 1
        ? '1 uppföljning i dokumentet anger inte vilken period den gäller; välj period innan den sparas.'
        : `${count} uppföljningar i dokumentet anger inte vilken period de gäller; välj period innan de sparas.`,
  },

  /** Provisioning by the directory over SCIM (/scim/v2): what Entra ID's provisioning log shows. */
  /** Reports' and imports' words for processes, categories, methods, frequencies. */
  reportFields: {},
  scim: {
    invalidToken:
      'SCIM-nyckeln saknas, är inte giltig eller har återkallats. Skapa en ny under Administration → Katalogsynkronisering.',
    tenantSuspended: 'Organisationen är avstängd i Uppsikt; katalogen kan inte uppdatera den nu.',
    userNotFound: 'Personen finns inte i Uppsikts katalog.',
    groupNotFound: 'Gruppen finns inte i Uppsikts katalog.',
    notFound: 'Adressen finns inte i Uppsikts SCIM-gränssnitt.',
    notAnObject: 'Innehållet ska vara ett JSON-objekt.',
    required: (attribute: string) => `${attribute} måste anges.`,
    invalidValue: (attribute: string) => `Värdet för ${attribute} är inte giltigt.`,
    tooLong: (attribute: string, max: number) => `${attribute} får vara högst ${max} tecken.`,
    invalidEmail: (value: string) => `${value} är ingen giltig e-postadress.`,
    userNameTaken: (userName: string) => `En annan person har redan userName ${userName}.`,
    emailTaken: (email: string) => `En annan person i Uppsikt har redan e-postadressen ${email}.`,
    groupNameTaken: (name: string) => `Det finns redan en grupp som heter ${name}.`,
    invalidFilter:
      'Filtret kan inte tolkas. Uppsikt förstår attribut eq "värde" (userName, externalId, displayName, id, emails.value, members.value), förenade med and.',
    invalidPatch: 'En PATCH ska ha Operations, var och en med op add, replace eller remove.',
    invalidPath: (path: string) => `Sökvägen ${path} kan inte tolkas.`,
    breakGlass: (email: string) =>
      `${email} är organisationens reservkonto för administratören och tas inte över av katalogen. Undanta kontot från etableringen.`,
    unknownMember: (id: string) => `Medlemmen ${id} finns inte bland katalogens personer.`,
  },

  /** Importing a plan: the preview, its checks, and writing it. */
  planImport: {
    newVocabularyEntry: (text: string, list: string) =>
      `"${text}" finns inte bland organisationens ${list}. Det läggs till i listan när planen importeras; administratören kan byta namn på det eller arkivera det.`,
    unknownFrequency: (text: string) =>
      `"${text}" är ingen frekvens som Uppsikt känner igen (till exempel Kvartalsvis, Per tertial eller datum). Texten sparas i kontrollens omfattning; välj frekvens efter importen.`,
    unknownRecipient: (text: string) =>
      `"${text}" är ingen mottagare som Uppsikt känner igen (nämnd, förvaltningschef eller kommunstyrelsen). Den lämnas utanför; välj efter importen.`,
    vocabularyLists: {
      process: 'processer',
      risk_category: 'riskkategorier',
      control_method: 'kontrollmetoder',
      deviation_severity: 'allvarlighetsgrader',
    } as Record<string, string>,
    // Messages of the planner, the import jobs and their routes.
    periodAssumed: (year: number) => `Uppföljningen anger ingen period och räknas till Helår ${year}.`,
    notADate: (text: string) =>
      `"${text}" är inget datum som Uppsikt känner igen. Skriv det som 2020-03-05, 5/3 2020 eller 5 mars 2020.`,
    notANumber: (text: string) => `"${text}" är inget tal. Skriv siffror, med decimalkomma om det behövs.`,
    levelOutsideMatrix: (text: string, levels: number) =>
      `"${text}" passar inte riskmatrisen: ange en hel siffra från 1 till ${levels}.`,
    unknownStatus: (text: string, known: string) => `"${text}" är ingen status i organisationen. Ange en av: ${known}.`,
    ambiguousPerson: (name: string) =>
      `Flera personer heter ${name}. Välj rätt person i Uppsikt efter importen, eller skriv personen så att namnet är unikt.`,
    unknownUnit: (text: string) => `Det finns ingen enhet "${text}". Fältet lämnas tomt; välj enheten efter importen.`,
    ambiguousUnit: (text: string) => `Flera enheter heter "${text}". Fältet lämnas tomt; välj enheten efter importen.`,
    unknownPeriod: (text: string) =>
      `"${text}" är ingen uppföljningsperiod. Skriv den som Kvartal 3 2020, Tertial 2 2020, Delår 2020, Helår 2020 eller 2020-Q3.`,
    periodOutsidePlan: (text: string, years: string) => `${text} ligger utanför planens period (${years}).`,
    periodWithoutDates: (text: string) =>
      `${text} har inga givna datum. Lägg in perioden i årshjulet först, så kan den användas vid import.`,
    unknownCarryOver: (text: string) =>
      `"${text}" säger inte om aktiviteten förs över. Skriv "Förs över" eller "Förs inte över".`,
    activitiesIntoInternalControlPlan:
      'Filen innehåller aktiviteter men inga risker. Importera den till en aktivitetsplan i stället.',
    risksIntoActivityPlan:
      'Filen innehåller risker och åtgärder men inga aktiviteter. Importera den till en internkontrollplan i stället.',
    workbookOfAnotherPlan:
      'Arbetsboken exporterades från en annan plan. Raderna jämförs med den här planen efter titel; kontrollera förhandsgranskningen noga.',
    riskValueMismatch: (value: number, likelihood: number, consequence: number) =>
      `Riskvärdet ${value} stämmer inte med sannolikhet ${likelihood} × konsekvens ${consequence} = ${likelihood * consequence}.`,
    riskValueWithoutAssessment: (value: number) =>
      `Riskvärdet ${value} anges utan sannolikhet och konsekvens. Risken importeras utan bedömning; bedöm den i Uppsikt efteråt.`,
    titleRequired: 'Raden saknar titel.',
    numberRequired: 'Aktiviteten saknar nummer.',
    followUpTextRequired: 'Uppföljningen saknar text.',
    endBeforeStart: 'Slutdatumet ligger före startdatumet.',
    unknownId: 'Raden har ett id som inte finns i planen. Den importeras som ny.',
    parentHasErrors: 'Det som raden hör till har fel och importeras inte, så inte heller den här raden.',
    archivedValue: 'arkiverad',
    changedInUppsikt:
      'Raden har ändrats i Uppsikt sedan arbetsboken exporterades. Den lämnas som den är; exportera på nytt för att ändra den.',
    carryOver: 'Förs över',
    doNotCarryOver: 'Förs inte över',
    fields: {
      title: 'Titel',
      description: 'Beskrivning',
      process: 'Process',
      category: 'Kategori',
      likelihood: 'Sannolikhet',
      consequence: 'Konsekvens',
      riskValue: 'Riskvärde',
      method: 'Kontrollmetod',
      frequency: 'Frekvens',
      statusId: 'Status',
      status: 'Status',
      startDate: 'Startdatum',
      endDate: 'Slutdatum',
      whatToDo: 'Vad ska göras',
      measuresTaken: 'Genomförda åtgärder',
      responsibleUnitId: 'Ansvarig enhet',
      responsibleUnit: 'Ansvarig enhet',
      responsible: 'Ansvariga',
      reporting: 'Rapporteringsansvariga',
      checkpoints: 'Avstämningsdatum',
      number: 'Nummer',
      costAndResources: 'Kostnader och resurser',
      performers: 'Utförare',
      carryOver: 'Förs över',
      focusAreas: 'Fokusområden',
      period: 'Period',
      reportedOn: 'Datum',
      body: 'Text',
      analysis: 'Analys',
      author: 'Författare',
      riskId: 'Risk',
      archived: 'Arkiverad',
    } as Record<string, string>,
    tooLarge: (megabytes: number) =>
      `Filen är för stor. En fil för import får vara högst ${megabytes} MB; dela upp den eller be den som driver Uppsikt höja gränsen.`,
    encrypted:
      'Filen är lösenordsskyddad, krypterad eller i Offices gamla format (.xls, .doc). Spara den utan lösenord som .xlsx eller .docx och försök igen.',
    macros:
      'Filen innehåller makron (.xlsm, .docm). Spara den som vanlig Excel-arbetsbok (.xlsx) eller Word-dokument (.docx) och försök igen.',
    unknownFormat:
      'Filen är varken en Excel-arbetsbok (.xlsx), en CSV-fil eller ett Word-dokument (.docx). Välj en sådan fil.',
    corrupt: 'Filen går inte att öppna; den kan vara skadad. Spara den på nytt i Excel eller Word och försök igen.',
    targetRequired: 'Ange planen, eller enheten och året, som filen ska importeras till.',
    severalPlans: (count: number) =>
      `Enheten har ${count} planer av det slaget det året. Öppna planen och importera därifrån.`,
    planOfAnotherUnit: 'Planen hör inte till enheten.',
    nothingToRead:
      'Hittade inga risker, kontrollmoment, åtgärder eller aktiviteter i filen. Kontrollera att det är rätt fil, eller ange vilka kolumner som innehåller vad.',
    mappingNeeded:
      'Uppsikt känner inte igen vilken kolumn som innehåller risker, kontrollmoment eller aktiviteter. Ange det för kolumnerna nedan.',
    notReady: 'Importen väntar inte på att bekräftas. Ladda om sidan och se dess läge.',
    notATable: 'Bara en tabell (Excel eller CSV) har kolumner att ange.',
    rowsHaveErrors: (count: number) =>
      count === 1
        ? '1 rad har fel. Rätta filen och importera igen, eller välj att bara importera raderna utan fel.'
        : `${count} rader har fel. Rätta filen och importera igen, eller välj att bara importera raderna utan fel.`,
    changedSincePreview:
      'Planen har ändrats sedan förhandsgranskningen. Förhandsgranskningen är uppdaterad; granska den och bekräfta igen.',
    interrupted: 'Importen avbröts när servern startades om. Ladda upp filen igen.',
    failed:
      'Importen kunde inte genomföras på grund av ett fel i Uppsikt. Försök igen; händer det igen, kontakta den som driver Uppsikt.',
    mappingNameTaken: 'Det finns redan en sparad kolumnmappning med det namnet.',
    defaultTitle: (plan: string, year: number) => `${plan} ${year}`,
    internalControlPlan: 'Internkontrollplan',
    activityPlan: 'Aktivitetsplan',
  },

  /** The weekly e-mail of what is due. */
  digest: {
    subject: (week: string) => `Uppsikt: dina påminnelser vecka ${week}`,
    greeting: (name: string) => `Hej ${name}!`,
    intro: 'Det här är din veckosammanfattning från Uppsikt.',
    overdue: 'Försenat',
    within: (days: number) => `Inom ${days} dagar`,
    closing: 'Du får det här brevet varje måndag när något väntar på dig.',
    control: 'Kontrollmoment',
    action: 'Åtgärd',
    activity: 'Aktivitet',
    /** `kind` is one of control, action, activity above. */
    item: (kind: string, title: string, plan: string, unit: string) => `${kind} "${title}" (${plan}, ${unit})`,
    endDateLine: (item: string, date: string) => `${item}: slutdatum ${date}`,
    checkpointLine: (item: string, date: string) => `${item}: avstämning ${date}`,
    deadlineLine: (title: string, date: string) => `Sista dag att rapportera: ${title} ${date}`,
    deadlineInPeriodLine: (title: string, period: string, date: string) =>
      `Sista dag att rapportera: ${title} (${period}) ${date}`,
  },
  archives: {
    year: 'Ange ett år med fyra siffror, till exempel 2026.',
    noPlan: (unit: string, year: number) =>
      `${unit} har ingen antagen plan och inga rapporter skickade till nämnd för ${year}. Välj ett annat år eller anta planen först.`,
    nothingInYear: (year: number) => `Ingen enhet har en antagen plan eller en rapport skickad till nämnd för ${year}.`,
    managersOnly: 'Årsarkivet tas fram av enhetens samordnare eller administratörer.',
    tenantManagersOnly:
      'Årsarkivet för hela organisationen tas fram av samordnare eller administratörer för hela organisationen.',
  },
};

/** The shape every language's catalogue has: the same keys, the same parameters. */
export type ServerMessages = typeof sv;
