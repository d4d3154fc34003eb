import type { ServerMessages } from './sv.ts';

/** "1 minute", "5 minutes". */
const minutes = (count: number) => (count === 1 ? '1 minute' : `${count} minutes`);

// English, complete: the type fails the build when a key of the Swedish catalogue is missing
// here, when one is here that is not there, or when a message takes other parameters.
export const en: ServerMessages = {
  problemTitles: {
    validation_failed: 'The input is not valid.',
    unauthenticated: 'You need to sign in.',
    forbidden: 'You are not allowed to do this.',
    not_found: 'There is nothing here.',
    conflict: 'Someone else changed this in the meantime.',
    duplicate: 'Such an entry already exists.',
    locked: 'This has been decided and is not changed directly.',
    not_yet: 'This cannot be done yet.',
    payload_too_large: 'The content is too large.',
    unsupported_media_type: 'Send the content as JSON (Content-Type: application/json).',
    gone: 'This is no longer valid.',
    rate_limited: 'Too many attempts. Wait a while.',
    unavailable: 'The service is not available right now.',
    internal: 'Something went wrong on our side. Try again later.',
  },
  problemDetails: {
    validation_failed: 'Check the input and try again.',
    unauthenticated: 'Sign in and try again.',
    forbidden: 'Your roles do not allow this here.',
    not_found: 'It does not exist, or you do not have access to it.',
    conflict: 'Fetch the latest and try again.',
    duplicate: 'Change the field named, or use the one that already exists.',
    locked: 'Changes after the decision are made through a revision of the plan.',
    not_yet: 'First do what is said, then try again.',
    payload_too_large: 'At most 1 MB per request.',
    unsupported_media_type: 'Give Content-Type: application/json.',
    gone: 'Ask for a new link.',
    rate_limited: 'Wait a while and try again.',
    unavailable: 'Try again in a while.',
    internal: 'The error is logged on our side.',
  },

  http: {
    eachErrorAtItsField: 'Each problem is given with its field.',
    malformedJson: 'The content is not valid JSON.',
    invalidQuery: 'The query parameters are not valid.',
    invalidAddress: 'The address is not valid.',
    nulCharacter: 'Must not contain the NUL character (U+0000).',
    unpairedSurrogate: 'Contains an invalid character (an unpaired UTF-16 surrogate).',
    forbiddenCharacters: 'The text contains characters that are not allowed.',
  },

  validation: {
    required: 'Is required.',
    mustBe: (what) => `Must be ${what}.`,
    notEmpty: 'Must not be empty.',
    minCharacters: (limit) => `Must have at least ${limit} characters.`,
    minEntries: (limit) => `Must have at least ${limit} entries.`,
    minValue: (limit) => `Must be at least ${limit}.`,
    maxCharacters: (limit) => `Must have at most ${limit} characters.`,
    maxEntries: (limit) => `Must have at most ${limit} entries.`,
    maxValue: (limit) => `Must be at most ${limit}.`,
    oneOf: (allowed) => `Must be one of: ${allowed}.`,
    multipleOf: (divisor) => `Must be a multiple of ${divisor}.`,
    invalidValue: 'The value is not valid.',
    unknownField: 'Unknown field.',
    kinds: {
      string: 'text',
      number: 'a number',
      int: 'a whole number',
      boolean: 'true or false',
      array: 'a list',
      object: 'an object',
      date: 'a date',
    },
    formats: {
      uuid: 'an id (UUID)',
      email: 'an e-mail address',
      date: 'a date (YYYY-MM-DD)',
      datetime: 'a time (ISO 8601)',
      regex: 'the right format',
    },
    doesNotExist: 'Does not exist.',
    notInPlan: 'Not in the plan.',
    personDoesNotExist: 'The person does not exist.',
    endDateBeforeStartDate: 'The end date cannot be before the start date.',
  },

  database: {
    identicalEntry: 'An identical entry already exists.',
    sameValueInField: (field) => `An entry with the same value in the field ${field} already exists.`,
    sameValueInFields: (fields) => `An entry with the same value in the fields ${fields} already exists.`,
    sameValue: 'An entry with the same value already exists.',
    breaksRule: (rule) => `The input breaks a rule (${rule}).`,
    concurrentChange: 'Someone else changed it at the same time. Try again.',
  },

  versions: {
    required: 'Give the version you started from (the version field or an If-Match header).',
    stale: (expected, current) =>
      `You started from version ${expected}, but it is now version ${current}. Reload it and make the change again.`,
  },

  auth: {
    invalidApiToken: 'The API token is not valid or has been revoked.',
    csrfHeaderRequired: 'Writes with the session cookie need the X-CSRF-Token header (given by /api/v1/me).',
    wrongCredentials: 'Wrong e-mail address or password.',
    tooManyForAccount: (waitMinutes) =>
      `Too many failed sign-ins for this account. Try again in ${minutes(waitMinutes)}.`,
    tooManyFromAddress: (waitMinutes) =>
      `Too many failed sign-ins from your address. Try again in ${minutes(waitMinutes)}.`,
    addressInSeveralTenants:
      'The address has accounts in several tenants. Give the tenant’s short name (e.g. "malmo").',
    deactivated: 'The account is deactivated. Contact your administrator.',
    tenantSuspended: 'Your organisation’s account in Uppsikt is suspended. Contact whoever runs the service.',
    passwordOnlyInBrowser: 'A password is changed in the browser, not with an API token.',
    noPasswordToChange: 'You have no password to change. Ask the tenant administrator for one.',
    notCurrentPassword: 'That is not your current password.',
    samePassword: 'Choose a password other than the current one.',
    ssoRequired:
      'Your organisation requires signing in through its identity provider, not with a password. Use the button for your organisation’s account.',
  },

  secondFactor: {
    noServerKey:
      'Two-step verification cannot be turned on yet: the server has no server key. Whoever runs Uppsikt needs to set SERVER_KEY in the configuration.',
    alreadyEnabled: 'Two-step verification is on already. Turn it off first to move to another app.',
    notStarted: 'Start by adding Uppsikt to your app (scan the QR code).',
    notEnabled: 'You do not have two-step verification turned on.',
    onlyWithPassword: 'Two-step verification is for accounts with a password. You sign in through your organisation.',
    wrongCode:
      'The code is not right. Check that you use the latest code in the app and that your phone’s clock is right.',
    codeUsed: 'The code has been used already. Wait for the next code in the app.',
    wrongRecoveryCode: 'The recovery code is not right or has been used already.',
    triesLeft: (count) => (count === 1 ? 'You have 1 try left.' : `You have ${count} tries left.`),
    tooManyCodes: 'Too many wrong codes. Sign in with your password again.',
    challengeEnded: 'The sign-in has expired or was ended. Sign in with your password again.',
    requiredForAdministrators:
      'Your organisation requires two-step verification of administrators, so you cannot turn it off.',
  },

  /** Units' functions (befattningar) and who holds them. */
  unitFunctions: {
    unknownUnit: 'The unit does not exist.',
    unknownUser: 'The person does not exist.',
    overlappingHolding: (from: string, to: string | null) =>
      `The function already has a holder in that period (${from} – ${to ?? 'until further notice'}). A function has at most one holder at a time.`,
    endBeforeStart: (from: string, to: string) => `The last day (${to}) is before the first day (${from}).`,
    unknownFunction: 'The function does not exist.',
    heldByNoOne: (name: string, from: string, to: string) =>
      `No one holds the function ${name} between ${from} and ${to}. First add who holds it (Organisation → Functions).`,
    archivedFunction: (name: string) => `The function ${name} is archived. Choose another function.`,
  },
  tenantSettings: {
    ssoNeedsBreakGlass:
      'At least one active administrator must be marked as break-glass administrator before password sign-in can be turned off. Otherwise nobody can sign in if the identity provider stops working.',
    ssoNeedsProvider:
      'First add and enable an identity provider. Otherwise nobody can sign in once passwords are turned off.',
    breakGlassNeedsAdministrator: 'Only an administrator can be a break-glass administrator.',
  },

  /** Submitting, sending back and approving follow-ups. */
  followUpBoard: {
    noPeriodToday: 'No reporting period is running today. Choose a period.',
    notDue: 'This is not to be followed up in the period.',
    alreadyWritten: 'The follow-up for the period is already written; there is nothing to remind about.',
    nobodyToRemind: 'There is no responsible person with an e-mail address to remind.',
    managersOnly: "The period's follow-up is for the unit's coordinators and administrators.",
    subject: (period) => `Uppsikt: reminder to follow up ${period}`,
    intro: (sender, period) => `${sender} reminds you to write the follow-up for ${period}:`,
    deadline: (date) => `Last day to report: ${date}`,
    returned: (comment) => `The follow-up was sent back to you: ${comment}`,
    closing: 'You write the follow-up in Uppsikt under My work.',
  },
  followUpReview: {
    notSubmittable: 'Only a draft or a returned follow-up can be submitted; this one is submitted or approved already.',
    notReturnable: 'Only a submitted or approved follow-up can be sent back.',
    notApprovable: 'Only a submitted follow-up can be approved; a draft or a returned one must be submitted first.',
    commentRequired: 'Say what needs to be added or changed.',
    notOwn:
      'A responsible manager does not approve or send back their own follow-up: a coordinator or an administrator of the unit does.',
    reviewersOnly:
      'Only the unit’s responsible manager, coordinator or administrator may approve or send back a follow-up.',
  },
  links: {
    unknown: 'The link does not exist. Check that you have the whole link from the message.',
    used: 'The link has been used already. Sign in with your password, or ask for a new link.',
    expired: 'The link has expired. Ask your administrator for a new one.',
    withdrawn: 'The link has been replaced by a newer one or withdrawn. Use the latest link you received.',
  },

  linkMail: {
    invitationSubject: (tenant) => `Invitation to Uppsikt – ${tenant}`,
    greeting: (name) => `Hello ${name},`,
    invited: (tenant, by) => `${by} has invited you to Uppsikt, where ${tenant} follows up its internal control.`,
    chooseWithin: (date) => `Choose your password with the link below. It works once and until ${date}.`,
    resetSubject: 'New password for Uppsikt',
    resetAsked: (tenant) => `Someone, probably you, asked for a new password for your account in Uppsikt (${tenant}).`,
    resetWithin: (date) => `Choose a new password with the link below. It works once and until ${date}.`,
    notYou: 'Did you not ask for it? Then you can ignore this e-mail; your password is unchanged.',
    noAddress: 'The person has no e-mail address. Add one first.',
    deactivated: 'The person is deactivated. Reactivate them first.',
    resetUnavailable:
      'Uppsikt sends no e-mail here, so a link for a new password cannot be sent. Ask your administrator for a new invitation.',
    resetAnswer:
      'If the address belongs to an account in Uppsikt, we have sent an e-mail with a link to choose a new password. The link is valid for one hour.',
  },

  /** Kommungemensamma kontrollmoment and their copies in the plans of the units below. */
  commonControls: {
    outsideOrigin: (name: string) => `${name} is not below the unit that decides the control.`,
    notReached: 'The control is not for this unit.',
    noPlan: (year: number) =>
      `The unit has no open internal control plan for ${year}. Create the plan first; the control comes with it.`,
    frequencyGivesNoDate: (year: number) => `The frequency gives no date in ${year}.`,
  },
  /** Goals of a unit's verksamhetsplan and their links. */
  goals: {
    notForPlan: (title: string, startYear: number, endYear: number) =>
      `The goal "${title}" is not of the plan's unit or a unit above it for one of the plan's years (${startYear}–${endYear}).`,
    archived: (title: string) => `The goal "${title}" is archived and cannot be linked.`,
    repeated: 'The same goal is given more than once.',
  },
  tenants: {
    slugTaken: (slug: string) => `The short name "${slug}" is used by another organisation already.`,
    slugFormat: 'Must be lower-case letters a–z and digits, words joined by hyphens (e.g. "region-skane").',
    kindUnknown: 'Must be kommun, region or kommunalförbund.',
    alreadySetUp: 'Uppsikt has an organisation already. Sign in instead.',
    wrongSetupCode: 'Wrong setup code. The code is in the server’s log from when it started.',
  },

  /** Decisions on plan revisions and issued reports. */
  decisions: {
    unitNotFound: 'There is no such nämnd or board in your organisation.',
    noLongerExists: 'The decision no longer exists.',
    alreadyRecorded: 'A decision is already recorded. Load it and give its version to replace it.',
  },
  access: {
    roleDoesNotAllow: 'Your role on the unit does not allow this.',
    readOnlyToken: 'The API token may only read.',
    tenantAdministratorOnly: 'Only the tenant administrator may do this.',
  },

  planItems: {
    coordinatorOnly: 'Only a coordinator may change this.',
    coordinatorOnlyField: 'Only a coordinator may change this.',
    samePersonTwice: 'The same person is named twice.',
    matrixLevels: (levels) => `The risk matrix has ${levels} levels.`,
    builtInMatrixLevels: (levels, year) =>
      `The built-in matrix has ${levels} levels: the municipality has no risk matrix of its own for ${year}. An administrator can add a version valid from ${year}.`,
    namedWithoutRole: (named, item, unit, ask) =>
      `You are named as ${named} ${item} but hold no role on ${unit}. ${ask} for a role on the unit.`,
    responsibleFor: 'responsible for',
    reportingResponsibleFor: 'reporting-responsible for',
    items: { control: 'the control', action: 'the action', activity: 'the activity' },
    askManagers: (names) => `Ask ${names} (administrator or coordinator)`,
    askTenantAdministrator: 'Ask the municipality’s administrator',
    or: 'or',
  },

  plans: {
    endYearBeforeStartYear: 'The end year cannot be before the start year.',
    alreadyAdopted: 'The plan has already been adopted.',
    onlyAdoptedRevised: 'Only an adopted plan is revised; a draft is changed directly.',
    onlyAdoptedClosed: 'Only an adopted plan can be closed.',
    adoptBeforeRollOver: 'Adopt the plan before rolling it over to the next year.',
    unitHasPlanFor: (year) => `The unit already has a plan of this kind for ${year}.`,
    decisionThroughRevision: 'The decision changes through a revision of the plan.',
    decisionLocked:
      'The plan has been adopted: its decision (deciding body, date, § and diarienummer) is not changed directly but through a revision, with the reason and the new decision.',
    risksOutsideMatrix: (likelihoodLevels, consequenceLevels, risks) =>
      `The risk matrix has ${likelihoodLevels} × ${consequenceLevels} levels; reassess ${risks} first.`,
    noSuchVersion: 'The plan has no such version.',
    versionToday: 'Today',
    versionAdopted: 'Adopted',
    versionRevision: (revision) => `Revision ${revision}`,
  },

  controls: {
    riskOfAnotherPlan: 'The risk belongs to another plan.',
    frequencyGivesNoDate: (from: string, to: string) =>
      `The frequency gives no checkpoint between ${from} and ${to}. Choose another frequency or other dates.`,
  },

  activities: {
    onlyInActivityPlans: 'Activities belong to activity plans.',
  },

  risks: {
    onlyInInternalControlPlans: 'Risks belong to internal-control plans.',
  },

  followUps: {
    exactlyOneItem: 'Give exactly one of controlId, actionId and activityId.',
    periodOutsidePlan: (period, years) => `${period} lies outside the plan’s period (${years}).`,
    authorOrCoordinatorOnly: 'Only its author or a coordinator may change a follow-up.',
  },

  deviations: {
    notAFollowUpOfControl: 'Not a follow-up of the control.',
    closeNeedsAction:
      'A deviation can be closed only when an action with a responsible person and an end date answers it.',
    notOfPlan: 'The deviation does not belong to the action’s plan.',
    alreadyAnswered: 'Another action already answers the deviation.',
  },

  deviationMail: {
    subject: (severity, title) => `Deviation (${severity}): ${title}`,
    greeting: (name) => `Hello ${name},`,
    reported: (control, plan, unit) => `A deviation has been reported at the control "${control}" (${plan}, ${unit}).`,
    deviation: (title) => `Deviation: ${title}`,
    severity: (severity) => `Severity: ${severity}`,
    found: (date) => `Found: ${date}`,
    foundBy: (date, name) => `Found: ${date} by ${name}`,
    reportImmediately: 'Deviations of this severity are to be reported to the committee at once.',
    closing: 'The deviation is closed only when an action with a responsible person and an end date answers it.',
  },

  orgUnits: {
    topKindCannotNest: (kind) =>
      `A unit of kind ${kind} is the top of the organisation and cannot sit below another unit.`,
    cannotNestUnder: (kind, parentKind) => `A unit of kind ${kind} cannot sit below a ${parentKind}.`,
    archivedParent: 'The unit is archived.',
    topUnitCannotMove: 'The top unit cannot be moved.',
    cannotMoveBelowItself: 'A unit cannot be moved below itself.',
    topUnitCannotArchive: 'The top unit cannot be archived.',
    archiveUnitsBelowFirst: 'Archive the units below this one first.',
  },

  users: {
    cannotDeactivateSelf: 'You cannot deactivate yourself.',
    emailInUse: 'The address is already used by another person.',
  },

  roleAssignments: {
    alreadyHasRole: 'The person already has that role on the unit.',
    give: 'give',
    revoke: 'revoke',
    auditorRole: 'the auditor role, which reads the whole tenant and its audit log',
    topAdministrator: 'administrator of the top unit, which administers the whole tenant',
    onlyTenantAdministratorMay: (doing, what, names) =>
      `Only the tenant administrator may ${doing} ${what}. Ask the tenant administrator${names}.`,
    onlyOnUnitsYouAdminister: (doing, names) =>
      `You may ${doing} roles only on units you administer. Ask an administrator of the unit or the tenant administrator${names}.`,
  },

  /** Evidence files (underlag). */
  attachments: {
    tooLarge: (megabytes) =>
      `The file is too large. Evidence may be at most ${megabytes} MB; split it or ask whoever runs Uppsikt to raise the limit.`,
    empty: 'The file is empty.',
    typeRefused:
      'Files of this kind are not taken. Evidence can be PDF, images (PNG, JPEG, GIF), Word, Excel and PowerPoint (.docx, .xlsx, .pptx), OpenDocument (.odt, .ods, .odp, .odg) and UTF-8 text (.txt, .csv).',
    macros:
      'The file contains macros, which are not taken. Save it without macros (as .docx, .xlsx or .pptx) and try again.',
    typeDisagrees: (found, declared) =>
      `The file is ${found} but was sent as ${declared}. Check that it is the right file.`,
    nameDisagrees: (extension, found) =>
      `The file is named .${extension} but is ${found}. Give it the right file name extension and try again.`,
    extensionRefused: (extension) =>
      `Files ending in .${extension} are not taken. Evidence can be .pdf, .png, .jpg, .gif, .docx, .xlsx, .pptx, .odt, .ods, .odp, .odg, .txt and .csv.`,
    objectStorageFailed:
      'The object storage for evidence does not answer as it should. Try again in a while; if it persists, ask whoever runs Uppsikt to look in the server log.',
    objectStorageMissing:
      'The file is in object storage, which is not set up on this server. Ask whoever runs Uppsikt to set S3_BUCKET.',
    kinds: {
      pdf: 'a PDF',
      png: 'a PNG image',
      jpeg: 'a JPEG image',
      gif: 'a GIF image',
      docx: 'a Word document (.docx)',
      xlsx: 'an Excel workbook (.xlsx)',
      pptx: 'a PowerPoint presentation (.pptx)',
      odt: 'an OpenDocument text (.odt)',
      ods: 'an OpenDocument spreadsheet (.ods)',
      odp: 'an OpenDocument presentation (.odp)',
      odg: 'an OpenDocument drawing (.odg)',
      text: 'text',
      csv: 'text (CSV)',
    },
  },
  apiTokens: {
    personMissingOrDeactivated: 'The person does not exist or is deactivated.',
  },

  reportTemplates: {
    unknownField: (field, fields) => `There is no field {${field}}. The fields filled in are ${fields}.`,
    unknownSection: (sections) =>
      sections === '' ? 'The report has no sections to arrange.' : `The report has the sections ${sections}.`,
    duplicateSection: (section) => `The section ${section} is listed more than once.`,
    noLongerExists: 'The template no longer exists.',
    alreadyWritten: 'There is already a template here. Load it and change it.',
    logoNotImage: 'The logo must be a PNG or JPEG image.',
    logoTooLarge: (megabytes) => `The logo may be at most ${megabytes} MB.`,
    noLogo: 'The template has no logo.',
  },

  reportTexts: {
    sections: (sections) => `The report has the sections ${sections}.`,
    noLongerExists: 'The text no longer exists.',
    alreadyWritten: 'There is already a text here. Load it and change it.',
  },

  statuses: {
    keyInUse: 'The key is already in use.',
  },

  riskMatrices: {
    versionFromYearExists: 'There is already a version from that year.',
    likelihoodInUse: (likelihood) => `Risks are already assessed with likelihood ${likelihood}.`,
    consequenceInUse: (consequence) => `Risks are already assessed with consequence ${consequence}.`,
  },

  reportingCalendar: {
    dateNeeded: 'Give the date; the period has no standard date.',
    periodExists: (period) => `The period ${period} already exists.`,
    nameForSeveral: 'Give the period a name of its own to have several of one kind in a year.',
    customPeriodNeedsName: 'A custom period needs a name.',
    numberNeeded: 'Give the period’s number.',
    fourQuarters: 'A year has four quarters.',
    threeTertials: 'A year has three tertials.',
    twoHalves: 'A year has two halves.',
  },

  /** Sub-recommendations, several addressed nämnder, follow-up reviews. */
  recommendationsToUnits: {
    parentIsSelf: 'A recommendation cannot be a part of itself.',
    parentOfAnotherReview: 'The recommendation it is a part of must belong to the same review.',
    parentIsPart: 'A sub-recommendation cannot have sub-recommendations of its own.',
    hasParts: 'A recommendation that has sub-recommendations cannot itself become a sub-recommendation.',
    alreadyAddressed: 'The recommendation is already addressed to that unit.',
    answeredIsKept: 'The committee has already answered or written something; the addressee is kept.',
    followsUpItself: 'A review cannot follow up itself.',
    followUpCircle: 'The reviews would follow each other up in a circle.',
  },
  outbox: {
    tenantAdministratorOnly: 'Only the tenant administrator reads the outbox.',
  },

  samlMetadata: {
    notXml: "This is not XML. Fetch the identity provider's metadata (an XML file) and try again.",
    noIdp: 'The metadata describes no SAML 2.0 identity provider (IDPSSODescriptor).',
    severalIdps: (count) => `The metadata describes ${count} identity providers. Give the entity id of the one to use.`,
    unknownEntity: 'No identity provider in the metadata has the entity id given.',
    noRedirectBinding:
      'The identity provider has no sign-in address with the HTTP-Redirect binding, which Uppsikt uses.',
    noSigningCertificate: 'The metadata holds no certificate the identity provider signs with.',
    invalidCertificate: 'A certificate in the metadata cannot be read.',
    invalidAddress: 'The metadata has an entity id or address that cannot be used.',
    fetchFailed: (status) => `The metadata could not be fetched from the address (the answer was ${status}).`,
    unreachable: 'The address does not answer. Check it, or upload the metadata file instead.',
    tooLarge: (megabytes) =>
      `The metadata is larger than ${megabytes} MB. Use the identity provider's own metadata, not the whole federation's.`,
  },

  reports: {
    yearOrRange: 'Give a year (2020) or a range (2020-2021).',
    notAPeriod: (text: string) =>
      `"${text}" is not a period. Give a year (2020), a range (2020-2021), a reporting period such as 2020-Q3, 2020-T2, 2020-H1, 2020-D or 2020-P1, or the name of a period of the reporting calendar.`,
    noSuchPeriod: (code: string) =>
      `The reporting calendar has no period ${code}. Choose one of its periods, or add it under Administration → Reporting calendar.`,
    periodNotForKind: (kind: string) =>
      `The ${kind} report covers whole plan years. Give a year (2020) or a range (2020-2021).`,
    councilSummaryOneYear: 'The executive board summary covers one year.',
    periodReportNeedsPeriod:
      'The half-year and interim report covers part of a year. Choose a half year (2020-H1), an interim period (2020-D), a tertial (2020-T2) or a quarter (2020-Q3).',
    summaryFromAdoptedPlans: "The summary is made from the units' adopted plans.",
    summaryFromCurrentPlans: 'The summary is made from the plans as they are now.',
    recommendationsFromReviews:
      'The follow-up of recommendations is made from the reviews under the unit, not from one plan.',
    recommendationsAsNow: 'The follow-up of recommendations shows the recommendations as they are now.',
    notTabular: (kind) =>
      `The ${kind} report is running text and has no XLSX form. Choose DOCX, PDF, HTML or Markdown.`,
    noSuchRevision: (revision) => `The plan has no version ${revision}; a plan gets version 1 when it is adopted.`,
    planNotOfReport: "The plan is not of the unit, the period or the report's kind of plan.",
    noPlan: (unit, plan, period) =>
      `${unit} has no ${plan} for ${period}. Choose another period or create the plan first.`,
    internalControlPlan: 'internal control plan',
    activityPlan: 'activity plan',
  },

  tables: {
    oldExcelFormat:
      'The file is in Excel’s old format (.xls). Save it as an Excel workbook (.xlsx) or as CSV and try again.',
    notAWorkbook: 'The file cannot be read as an Excel workbook. Save it again as .xlsx or CSV and try again.',
    notText: 'The file is neither an Excel workbook (.xlsx) nor a text file (CSV). Choose such a file.',
    badQuotes: 'The quotation marks in the file do not match up. Save the file again as CSV from Excel and try again.',
    tooLarge: (megabytes) => `The file is too large. A file for import may be at most ${megabytes} MB.`,
  },

  /** Reading an edited round-trip workbook of a plan, and exporting it. */
  /** References to the tenant's vocabularies (processes, categories, methods, severities). */
  vocabulary: {
    notInVocabulary:
      'Not among the organisation’s choices for this field. Choose one of them, or ask the administrator to add it.',
    notOfferedIn: (year: number) => `The choice is archived or not valid for ${year}. Choose one valid that year.`,
  },
  /** The tenant's vocabulary entries (managed by the administrator). */
  vocabularies: {
    keyInUse: (key: string) => `The key ${key} is already used in this list. Give another key or label.`,
    yearsOutOfOrder: (from: number, to: number) => `The last year (${to}) is before the first year (${from}).`,
    reportImmediatelyOnlySeverities: 'Only a deviation severity can require immediate reporting.',
  },
  importWorkbook: {
    // Messages of the round-trip workbook.
    sheets: {
      risks: 'Risks',
      controls: 'Controls',
      actions: 'Actions',
      activities: 'Activities',
      followUps: 'Follow-ups',
      lists: 'Lists',
    },
    headings: {
      title: 'Title',
      description: 'Description',
      process: 'Process',
      category: 'Category',
      likelihood: 'Likelihood',
      consequence: 'Consequence',
      riskValue: 'Risk value',
      risk: 'Risk',
      method: 'Control method',
      frequency: 'Frequency',
      cause: 'Cause',
      effect: 'Effect',
      scope: 'Scope and sample',
      reportingTime: 'Reporting time',
      reportsTo: 'Reports to',
      responsible: 'Responsible',
      reporting: 'Reporting responsible',
      status: 'Status',
      startDate: 'Start date',
      checkpoints: 'Checkpoints',
      endDate: 'End date',
      whatToDo: 'What to do',
      measuresTaken: 'Measures taken',
      responsibleUnit: 'Responsible unit',
      number: 'Number',
      level: 'Level',
      costAndResources: 'Costs and resources',
      performers: 'Performers',
      focusAreas: 'Focus areas',
      carryOver: 'Carry over',
      itemKind: 'Kind',
      item: 'Item',
      period: 'Period',
      reportedOn: 'Date',
      body: 'Follow-up',
      analysis: 'Analysis',
      author: 'Author',
    },
    levels: { activity: 'Activity', subActivity: 'Sub-activity' },
    itemKinds: { control: 'Control', action: 'Action', activity: 'Activity' },
    carryOver: { carry_over: 'Carry over', do_not_carry_over: 'Do not carry over' },
    fileName: (plan: string, unit: string) => `${plan} – ${unit}`,
    notInList: 'Choose one of the values in the list.',
    missingSheet: (sheet: string) =>
      `The workbook has no sheet ${sheet}. Without it everything on that sheet would be archived; export the plan again and make the changes there.`,
    newerFormat: (version: string) =>
      `The workbook has format version ${version}, which this version of Uppsikt cannot read. Export the plan again.`,
    riskRequired: 'A control always belongs to a risk: write the risk’s title as it stands on the risks sheet.',
    unknownRisk: (title: string) => `There is no risk called “${title}” in the workbook.`,
    ambiguousRisk: (title: string) => `Several risks are called “${title}”; give them different titles.`,
    unknownActivity: (text: string) =>
      `The sub-activity belongs to no activity of the workbook (“${text}”). Give it a number that starts with its activity’s, such as 3.2 under activity 3.`,
    unknownItem: (title: string) => `There is no control, action or activity called “${title}” in the workbook.`,
    ambiguousItem: (title: string) =>
      `Several rows are called “${title}”; say in the Kind column whether the follow-up is about a control, an action or an activity.`,
    itemRequired: 'Say which control, action or activity the follow-up is about.',
    copiedRow: (row: number) =>
      `The row is a copy of row ${row} and is read as a new row (the hidden id column was copied with it).`,
  },

  /** Risks' and controls' structured fields (frequency, owner …). */
  planFields: {},
  orgImport: {
    noHeadings: (headings, required) =>
      `No row with headings Uppsikt knows was found. Give the columns headings such as ${headings}, in any order; ${required} must be there.`,
    emptyFile: 'The file has no rows below the headings.',
    required: 'Required.',
    unknownKind: (given, kinds) => `"${given}" is not a known kind of unit. Give one of: ${kinds}.`,
    kindNeeded: 'Give the kind of a new unit.',
    unknownRole: (given, roles) => `"${given}" is not a known role. Give one of: ${roles}.`,
    unitNotFound: (given) => `There is no unit "${given}", neither in the file nor in Uppsikt.`,
    parentNotFound: (given) =>
      `There is no unit "${given}", neither in the file nor in Uppsikt. Add it or correct the name.`,
    ambiguousUnit: (given) => `Several units are called "${given}". Give the unit’s code instead, or its parent.`,
    ambiguousInFile: (given, rows) =>
      `Several rows of the file are called "${given}" (rows ${rows}). Give the code instead.`,
    sameUnitTwice: (row) => `The same unit is already on row ${row}.`,
    ownParent: 'A unit cannot sit below itself.',
    belowItself: 'The unit would end up below itself.',
    secondTop: 'The organisation already has a top unit. Give the unit the new one sits below.',
    childDoesNotFit: (child, kind) => `The unit ${child} sits below it and cannot sit below a ${kind}.`,
    invalidEmail: 'Give a valid e-mail address.',
    deactivated: 'The person is deactivated. Reactivate them under Users first.',
    otherName: (row) => `Row ${row} gives another name for the same e-mail address.`,
    otherTitle: (row) => `Row ${row} gives another title for the same e-mail address.`,
    roleNeedsUnit: 'Give the unit where the person holds the role.',
    unitNeedsRole: 'Give the role the person holds on the unit, or leave the unit empty.',
    rowsHaveErrors: (count) =>
      count === 1
        ? '1 row has errors. Correct the file and preview again; nothing has been saved.'
        : `${count} rows have errors. Correct the file and preview again; nothing has been saved.`,
    changedSincePreview:
      'The organisation has changed since the preview. Preview again before you carry out the import.',
    roleOnUnit: (role, unit) => `${role} – ${unit}`,
  },

  /** Reading a plan table in the municipality's own layout. */
  importTable: {
    // Messages of the plan-table reader and of values as people type them.
    noItemColumn: 'No column is mapped to risk, control, action or activity. Map at least one of them to a column.',
    emptyTable: 'The table has no rows below its headings.',
    controlWithoutRisk:
      'The control stands under no risk: the row has no risk and there is none on the rows above. Write the risk on the row.',
    subActivityWithoutActivity:
      'The sub-activity stands under no activity: the row has no activity and there is none on the rows above.',
    detailsWithoutItem: (headings: string) =>
      `The row has values under ${headings} but no control, action or activity to attach them to. They were left out.`,
    riskDiffers: (heading: string, row: number, kept: string) =>
      `The same risk stands on row ${row} with another value under ${heading}. The value of row ${row} ("${kept}") was kept.`,
    notInActivityPlan: (heading: string) =>
      `The column ${heading} belongs to an internal control plan and is not used when the table is read as an activity plan.`,
    notInControlPlan: (heading: string) =>
      `The column ${heading} belongs to an activity plan and is not used when the table is read as an internal control plan.`,
    followUpWithoutPeriod: (heading: string) =>
      `The rows have no period to attach the text under ${heading} to as a follow-up. The text was put in the description instead; add a Period column to get it as a follow-up.`,
    notADate: (given: string) =>
      `"${given}" cannot be read as a date. Write it as 2020-03-05, 5/3 2020 or 5 March 2020.`,
    notANumber: (given: string) => `"${given}" cannot be read as a number. Write the number only, e.g. 3 or 2.5.`,
    place: (sheet: string | null, row: number, column: string) =>
      sheet === null ? `Row ${row}, column ${column}` : `Sheet ${sheet}, row ${row}, column ${column}`,
  },

  /** Control results per period and the deviations they find. */
  controlResults: {
    periodOutsidePlan: (period, years) => `${period} lies outside the plan’s period (${years}).`,
    alreadyRecorded: (period) =>
      `The control already has a result for ${period}. Change that result instead of recording a new one.`,
    reasonRequired: 'Say why the control was not performed.',
    reasonOnlyWhenNotPerformed: 'A reason is given only when the control was not performed.',
    deviationsRequired: 'Give at least one deviation when the control was performed with deviation.',
    deviationsOnlyWithDeviation: 'Deviations are given only when the control was performed with deviation.',
    openDeviations: (count) =>
      count === 1
        ? 'The result has 1 open deviation. Close it before changing the outcome.'
        : `The result has ${count} open deviations. Close them before changing the outcome.`,
  },
  sso: {
    serverKeyRequired:
      'A client secret can only be stored when the server has a server key (SERVER_KEY). Ask whoever runs Uppsikt to set one.',
    slugTaken: 'Another way of signing in of the organisation already uses this short name.',
    settingsForOtherProtocol: "The settings do not fit this provider's protocol.",
    secretOnlyForOidc: 'Only OpenID Connect uses a client secret.',
    providerUnreachable: (reason) =>
      `The identity provider could not be reached (${reason}). Check the issuer address and try again.`,
  },

  /** Reading a Word document: Uppsikt's own reports and documents shaped like them. */
  importDocument: {
    // Messages of the Word-document reader.
    notDocx:
      'The file is not a Word document (.docx). Save the document in Word as "Word Document (.docx)" and try again.',
    encryptedOrOld:
      'The file is password-protected or saved in the old Word format (.doc). Remove the password and save the document as "Word Document (.docx)", then try again.',
    macros:
      'The file contains macros (.docm) and is not read. Save the document as "Word Document (.docx)" without macros and try again.',
    corrupt:
      'The Word document could not be read; it may be damaged. Open it in Word, save it again as .docx and try again.',
    noItems:
      'The document holds no risks, controls, actions or activities that could be recognised. A summary of several committees or a report of deviations cannot be imported as a plan.',
    followUpsWithoutPeriod: (count: number) =>
      count === 1
        ? '1 follow-up in the document does not say which period it is for; choose the period before it is saved.'
        : `${count} follow-ups in the document do not say which period they are for; choose the period before they are saved.`,
  },

  /** Reports' and imports' words for processes, categories, methods, frequencies. */
  reportFields: {},
  scim: {
    invalidToken:
      'The SCIM token is missing, not valid or revoked. Create a new one under Administration → Directory sync.',
    tenantSuspended: 'The organisation is suspended in Uppsikt; the directory cannot update it now.',
    userNotFound: "The person is not in Uppsikt's directory.",
    groupNotFound: "The group is not in Uppsikt's directory.",
    notFound: "The address is not part of Uppsikt's SCIM interface.",
    notAnObject: 'The content must be a JSON object.',
    required: (attribute: string) => `${attribute} is required.`,
    invalidValue: (attribute: string) => `The value of ${attribute} is not valid.`,
    tooLong: (attribute: string, max: number) => `${attribute} may be at most ${max} characters.`,
    invalidEmail: (value: string) => `${value} is not a valid e-mail address.`,
    userNameTaken: (userName: string) => `Another person already has the userName ${userName}.`,
    emailTaken: (email: string) => `Another person in Uppsikt already has the e-mail address ${email}.`,
    groupNameTaken: (name: string) => `There is already a group called ${name}.`,
    invalidFilter:
      'The filter cannot be read. Uppsikt understands attribute eq "value" (userName, externalId, displayName, id, emails.value, members.value), joined with and.',
    invalidPatch: 'A PATCH must have Operations, each with op add, replace or remove.',
    invalidPath: (path: string) => `The path ${path} cannot be read.`,
    breakGlass: (email: string) =>
      `${email} is the organisation's break-glass administrator account and is not taken over by the directory. Leave it out of provisioning.`,
    unknownMember: (id: string) => `The member ${id} is not one of the directory's people.`,
  },

  /** Importing a plan: the preview, its checks, and writing it. */
  planImport: {
    newVocabularyEntry: (text: string, list: string) =>
      `"${text}" is not among the organisation's ${list}. It is added to the list when the plan is imported; the administrator can rename or archive it.`,
    unknownFrequency: (text: string) =>
      `"${text}" is no frequency Uppsikt recognises (such as Quarterly, Every four months or dates). The text is kept in the control's scope; choose a frequency after the import.`,
    unknownRecipient: (text: string) =>
      `"${text}" is no recipient Uppsikt recognises (committee, head of administration or municipal executive board). It is left out; choose after the import.`,
    vocabularyLists: {
      process: 'processes',
      risk_category: 'risk categories',
      control_method: 'control methods',
      deviation_severity: 'deviation severities',
    },
    // Messages of the planner, the import jobs and their routes.
    periodAssumed: (year: number) => `The follow-up names no period and is counted as Full year ${year}.`,
    notADate: (text: string) =>
      `"${text}" is not a date Uppsikt recognises. Write it as 2020-03-05, 5/3 2020 or 5 March 2020.`,
    notANumber: (text: string) => `"${text}" is not a number. Write digits, with a decimal comma or point if needed.`,
    levelOutsideMatrix: (text: string, levels: number) =>
      `"${text}" does not fit the risk matrix: give a whole number from 1 to ${levels}.`,
    unknownStatus: (text: string, known: string) =>
      `"${text}" is not a status of the organisation. Give one of: ${known}.`,
    ambiguousPerson: (name: string) =>
      `Several people are called ${name}. Choose the right person in Uppsikt after the import, or write the name so that it is unique.`,
    unknownUnit: (text: string) =>
      `There is no unit "${text}". The field is left empty; choose the unit after the import.`,
    ambiguousUnit: (text: string) =>
      `Several units are called "${text}". The field is left empty; choose the unit after the import.`,
    unknownPeriod: (text: string) =>
      `"${text}" is not a reporting period. Write it as Quarter 3 2020, Tertial 2 2020, Interim 2020, Full year 2020 or 2020-Q3.`,
    periodOutsidePlan: (text: string, years: string) => `${text} is outside the plan's period (${years}).`,
    periodWithoutDates: (text: string) =>
      `${text} has no given dates. Add the period to the annual cycle first, then it can be used in an import.`,
    unknownCarryOver: (text: string) =>
      `"${text}" does not say whether the activity is carried over. Write "Carried over" or "Not carried over".`,
    activitiesIntoInternalControlPlan:
      'The file holds activities but no risks. Import it into an activity plan instead.',
    risksIntoActivityPlan:
      'The file holds risks and actions but no activities. Import it into an internal control plan instead.',
    workbookOfAnotherPlan:
      'The workbook was exported from another plan. Its rows are compared with this plan by title; check the preview carefully.',
    riskValueMismatch: (value: number, likelihood: number, consequence: number) =>
      `The risk value ${value} does not match likelihood ${likelihood} × consequence ${consequence} = ${likelihood * consequence}.`,
    riskValueWithoutAssessment: (value: number) =>
      `The risk value ${value} is given without likelihood and consequence. The risk is imported unassessed; assess it in Uppsikt afterwards.`,
    titleRequired: 'The row has no title.',
    numberRequired: 'The activity has no number.',
    followUpTextRequired: 'The follow-up has no text.',
    endBeforeStart: 'The end date is before the start date.',
    unknownId: 'The row has an id that is not in the plan. It is imported as new.',
    parentHasErrors: 'What the row belongs to has errors and is not imported, so neither is this row.',
    archivedValue: 'archived',
    changedInUppsikt:
      'The row has changed in Uppsikt since the workbook was exported. It is left as it is; export again to change it.',
    carryOver: 'Carried over',
    doNotCarryOver: 'Not carried over',
    fields: {
      title: 'Title',
      description: 'Description',
      process: 'Process',
      category: 'Category',
      likelihood: 'Likelihood',
      consequence: 'Consequence',
      riskValue: 'Risk value',
      method: 'Control method',
      frequency: 'Frequency',
      statusId: 'Status',
      status: 'Status',
      startDate: 'Start date',
      endDate: 'End date',
      whatToDo: 'What to do',
      measuresTaken: 'Measures taken',
      responsibleUnitId: 'Responsible unit',
      responsibleUnit: 'Responsible unit',
      responsible: 'Responsible',
      reporting: 'Reporting responsible',
      checkpoints: 'Checkpoints',
      number: 'Number',
      costAndResources: 'Costs and resources',
      performers: 'Performers',
      carryOver: 'Carried over',
      focusAreas: 'Focus areas',
      period: 'Period',
      reportedOn: 'Date',
      body: 'Text',
      analysis: 'Analysis',
      author: 'Author',
      riskId: 'Risk',
      archived: 'Archived',
    },
    tooLarge: (megabytes: number) =>
      `The file is too large. A file to import may be at most ${megabytes} MB; split it, or ask whoever runs Uppsikt to raise the limit.`,
    encrypted:
      'The file is password-protected, encrypted or in Office’s old format (.xls, .doc). Save it without a password as .xlsx or .docx and try again.',
    macros:
      'The file contains macros (.xlsm, .docm). Save it as an ordinary Excel workbook (.xlsx) or Word document (.docx) and try again.',
    unknownFormat:
      'The file is neither an Excel workbook (.xlsx), a CSV file nor a Word document (.docx). Choose such a file.',
    corrupt: 'The file cannot be opened; it may be damaged. Save it again in Excel or Word and try again.',
    targetRequired: 'Give the plan, or the unit and year, to import the file into.',
    severalPlans: (count: number) =>
      `The unit has ${count} plans of that kind that year. Open the plan and import from there.`,
    planOfAnotherUnit: 'The plan does not belong to the unit.',
    nothingToRead:
      'Found no risks, controls, actions or activities in the file. Check that it is the right file, or say which columns hold what.',
    mappingNeeded:
      'Uppsikt does not recognise which column holds risks, controls or activities. Say so for the columns below.',
    notReady: 'The import is not waiting to be confirmed. Reload the page to see its state.',
    notATable: 'Only a table (Excel or CSV) has columns to map.',
    rowsHaveErrors: (count: number) =>
      count === 1
        ? '1 row has errors. Correct the file and import again, or choose to import only the rows without errors.'
        : `${count} rows have errors. Correct the file and import again, or choose to import only the rows without errors.`,
    changedSincePreview: 'The plan has changed since the preview. The preview is updated; review it and confirm again.',
    interrupted: 'The import was interrupted when the server restarted. Upload the file again.',
    failed:
      'The import could not be carried out because of an error in Uppsikt. Try again; if it happens again, contact whoever runs Uppsikt.',
    mappingNameTaken: 'A saved column mapping of that name already exists.',
    defaultTitle: (plan: string, year: number) => `${plan} ${year}`,
    internalControlPlan: 'Internal control plan',
    activityPlan: 'Activity plan',
  },

  digest: {
    subject: (week) => `Uppsikt: your reminders, week ${week}`,
    greeting: (name) => `Hello ${name},`,
    intro: 'This is your weekly summary from Uppsikt.',
    overdue: 'Overdue',
    within: (days) => `Within ${days} days`,
    closing: 'You receive this e-mail every Monday when something is waiting for you.',
    control: 'Control',
    action: 'Action',
    activity: 'Activity',
    item: (kind, title, plan, unit) => `${kind} "${title}" (${plan}, ${unit})`,
    endDateLine: (item, date) => `${item}: end date ${date}`,
    checkpointLine: (item, date) => `${item}: checkpoint ${date}`,
    deadlineLine: (title, date) => `Last day to report: ${title} ${date}`,
    deadlineInPeriodLine: (title, period, date) => `Last day to report: ${title} (${period}) ${date}`,
  },
  archives: {
    year: 'Give a year with four digits, for example 2026.',
    noPlan: (unit, year) =>
      `${unit} has no adopted plan and no report sent to the board for ${year}. Choose another year or adopt the plan first.`,
    nothingInYear: (year) => `No unit has an adopted plan or a report sent to the board for ${year}.`,
    managersOnly: "The annual archive is made by the unit's coordinators or administrators.",
    tenantManagersOnly:
      "The whole organisation's annual archive is made by coordinators or administrators of the whole organisation.",
  },
};
