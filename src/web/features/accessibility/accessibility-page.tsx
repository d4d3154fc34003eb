import { useQuery } from '@tanstack/react-query';
import { meQueries } from '../../api/me.ts';
import { Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDate } from '../../lib/format.ts';
import {
  ACCESSIBILITY_ASSESSMENT,
  DIGG_COMPLAINT_FORM,
  type AccessibilityAssessment,
  type AccessibilityContact,
} from './assessment.ts';

// The accessibility statement that the Swedish act on accessibility of digital public services
// (lagen om tillgänglighet till digital offentlig service, DOS-lagen) requires, in the structure
// of the model statement of the supervisory authority (Digg): how far the service complies, what
// is not accessible, what to do then, how to report a problem, supervision, how the service
// was assessed and when.

export function AccessibilityPage() {
  const { t } = useI18n();
  // The organisation running the service, when someone is signed in; the statement stands without.
  const me = useQuery({ ...meQueries.me(), retry: false });
  // The tenant settings hold no accessibility contact yet: the statement says so and names the tenant.
  const contact: AccessibilityContact = { organisation: me.data?.tenant.name ?? null, email: null };
  return (
    <Page title={t('accessibility.title')}>
      <AccessibilityStatement assessment={ACCESSIBILITY_ASSESSMENT} contact={contact} />
    </Page>
  );
}

/** The statement itself, from the facts it rests on, in the interface language. */
export function AccessibilityStatement({
  assessment,
  contact,
}: {
  assessment: AccessibilityAssessment;
  contact: AccessibilityContact;
}) {
  const { locale, formatLocale } = useI18n();
  const date = formatDate(assessment.assessedOn, formatLocale);
  return locale === 'sv' ? (
    <Swedish date={date} assessment={assessment} contact={contact} />
  ) : (
    <English date={date} assessment={assessment} contact={contact} />
  );
}

interface Parts {
  date: string;
  assessment: AccessibilityAssessment;
  contact: AccessibilityContact;
}

function Swedish({ date, assessment, contact }: Parts) {
  const organisation = contact.organisation ?? 'den organisation som gett dig tillgång till Uppsikt';
  return (
    <div className="prose-page">
      <p>
        Uppsikt används av kommuner och regioner för intern kontroll och uppföljning. {organisation} driver tjänsten och
        ansvarar för den. Vi vill att så många som möjligt ska kunna använda den. Här beskrivs hur Uppsikt uppfyller
        lagen om tillgänglighet till digital offentlig service, kända tillgänglighetsproblem och hur du kan rapportera
        brister så att vi kan åtgärda dem.
      </p>
      <h2>Hur tillgänglig är tjänsten?</h2>
      <p>
        Vi vet att delar av tjänsten inte är helt tillgängliga. Se avsnittet om innehåll som inte är tillgängligt nedan.
      </p>
      <h2>Vad kan du göra om du inte kan använda delar av tjänsten?</h2>
      <p>
        Om du behöver innehåll från Uppsikt som inte är tillgängligt för dig, till exempel en rapport i ett annat
        format, kan du kontakta {organisation}. <ContactSv contact={contact} />
      </p>
      <h2>Rapportera brister i tjänstens tillgänglighet</h2>
      <p>
        Vi strävar hela tiden efter att förbättra tjänstens tillgänglighet. Om du upptäcker problem som inte beskrivs på
        den här sidan, eller om du anser att vi inte uppfyller lagens krav, meddela oss så att vi får veta att problemet
        finns. <ContactSv contact={contact} />
      </p>
      <h2>Tillsyn</h2>
      <p>
        Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn för lagen om tillgänglighet till digital
        offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du{' '}
        <a href={DIGG_COMPLAINT_FORM}>kontakta Myndigheten för digital förvaltning (Digg) och påtala det</a>.
      </p>
      <h2>Teknisk information om tjänstens tillgänglighet</h2>
      <p>
        Tjänsten är <strong>delvis förenlig</strong> med lagen om tillgänglighet till digital offentlig service, på
        grund av de brister som beskrivs nedan.
      </p>
      <h3>Innehåll som inte är tillgängligt</h3>
      <ul>
        <li>
          PDF-rapporterna märks som PDF/UA-1 och kontrolleras av programmet som skapar dem, men de har inte prövats med
          ett oberoende valideringsverktyg för PDF/UA eller PDF/A. Det kan finnas fel som den kontrollen inte hittar.
        </li>
        <li>
          I PDF-rapporternas riskmatris är radrubrikerna (sannolikhet) märkta som vanliga dataceller, inte som rubriker.
          Skärmläsare läser därför inte upp radens rubrik i varje cell (WCAG 1.3.1). Word-versionen av samma rapport har
          inte den bristen.
        </li>
        <li>
          Långa texter skrivs i ett textfält med formateringsknappar som sätter in Markdown-tecken (till exempel ** för
          fetstil). Texten visas formaterad först i förhandsgranskningen, inte medan du skriver.
        </li>
        <li>
          Datumfält använder webbläsarens egen datumväljare. Hur den fungerar med tangentbord och skärmläsare och vilket
          språk den har beror på webbläsaren.
        </li>
        <li>
          Bilagor som användare laddar upp (till exempel skannade dokument) kontrolleras inte. De kan sakna
          textinnehåll, rubriker eller taggar.
        </li>
      </ul>
      <h2>Hur vi testat tjänsten</h2>
      <p>
        Vi har gjort en självskattning (intern testning) av Uppsikt. Varje sidläge som webbläsartesterna når (
        {assessment.pageStates} vid den senaste bedömningen) granskas automatiskt med verktyget axe mot kriterierna i
        WCAG 2.1 nivå A och AA. I samma körning testas tangentbordsanvändning och att sidorna fungerar i 320 pixlars
        bredd. Automatiska tester hittar inte alla brister, och tjänsten har inte granskats av en extern part eller
        testats av personer som använder hjälpmedel.
      </p>
      <p>
        Senaste bedömningen gjordes den {date}. Redogörelsen uppdaterades senast den {date}.
      </p>
    </div>
  );
}

function ContactSv({ contact }: { contact: AccessibilityContact }) {
  if (contact.email)
    return (
      <>
        Skicka e-post till <a href={`mailto:${contact.email}`}>{contact.email}</a>.
      </>
    );
  return (
    <>
      Någon särskild kontaktväg för tillgänglighet är inte angiven i tjänstens inställningar. Vänd dig därför till
      organisationens registrator eller it-support.
    </>
  );
}

function English({ date, assessment, contact }: Parts) {
  const organisation = contact.organisation ?? 'the organisation that gave you access to Uppsikt';
  return (
    <div className="prose-page">
      <p>
        Municipalities and regions use Uppsikt for internal control and follow-up. {organisation} runs the service and
        is responsible for it. We want as many people as possible to be able to use it. This page describes how Uppsikt
        complies with the Swedish act on accessibility of digital public services, known accessibility problems and how
        to report shortcomings so that we can fix them.
      </p>
      <h2>How accessible is the service?</h2>
      <p>
        We know that parts of the service are not fully accessible. See the section on non-accessible content below.
      </p>
      <h2>What can you do if you cannot use parts of the service?</h2>
      <p>
        If you need content from Uppsikt that is not accessible to you, such as a report in another format, you can
        contact {organisation}. <ContactEn contact={contact} />
      </p>
      <h2>Report shortcomings in the accessibility of the service</h2>
      <p>
        We always strive to improve the accessibility of the service. If you find problems that are not described on
        this page, or if you think we do not meet the requirements of the act, let us know so that we know the problem
        exists. <ContactEn contact={contact} />
      </p>
      <h2>Enforcement procedure</h2>
      <p>
        The Swedish Agency for Digital Government (Digg) is responsible for enforcing the act on accessibility of
        digital public services. If you are not satisfied with how we handle your comments, you can{' '}
        <a href={DIGG_COMPLAINT_FORM}>contact the Swedish Agency for Digital Government (Digg) and point it out</a>.
      </p>
      <h2>Technical information about the accessibility of the service</h2>
      <p>
        The service is <strong>partially compliant</strong> with the act on accessibility of digital public services,
        due to the shortcomings described below.
      </p>
      <h3>Non-accessible content</h3>
      <ul>
        <li>
          The PDF reports are marked PDF/UA-1 and checked by the program that creates them, but they have not been
          tested with an independent PDF/UA or PDF/A validator. There may be faults that check does not find.
        </li>
        <li>
          In the PDF reports&apos; risk matrix, the row headers (likelihood) are tagged as plain data cells, not as
          headers, so screen readers do not announce the row&apos;s header in each cell (WCAG 1.3.1). The Word version
          of the same report does not have this shortcoming.
        </li>
        <li>
          Long texts are written in a text field with formatting buttons that insert Markdown marks (such as ** for
          bold). The text is shown formatted only in the preview, not while you type.
        </li>
        <li>
          Date fields use the browser&apos;s own date picker. How it works with a keyboard and a screen reader, and its
          language, depend on the browser.
        </li>
        <li>
          Attachments that users upload (such as scanned documents) are not checked. They may lack text, headings or
          tags.
        </li>
      </ul>
      <h2>How we tested the service</h2>
      <p>
        We have carried out a self-assessment (internal testing) of Uppsikt. Every page state the browser tests reach (
        {assessment.pageStates} at the latest assessment) is checked automatically with the axe tool against the WCAG
        2.1 level A and AA criteria. The same run tests keyboard use and that the pages work at a width of 320 pixels.
        Automated tests do not find every problem, and the service has not been reviewed by an external party or tested
        by people who use assistive technology.
      </p>
      <p>
        The latest assessment was made on {date}. This statement was last updated on {date}.
      </p>
    </div>
  );
}

function ContactEn({ contact }: { contact: AccessibilityContact }) {
  if (contact.email)
    return (
      <>
        Email <a href={`mailto:${contact.email}`}>{contact.email}</a>.
      </>
    );
  return (
    <>
      No particular contact for accessibility is given in the service&apos;s settings, so turn to the
      organisation&apos;s registry or IT support.
    </>
  );
}
