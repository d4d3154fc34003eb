import { Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

// The accessibility statement that the Swedish act on accessibility of digital public services
// (lagen om tillgänglighet till digital offentlig service, DOS-lagen) requires. The organisation
// that runs Uppsikt answers for the service; the texts say so and where to turn.

export function AccessibilityPage() {
  const { t, locale } = useI18n();
  return <Page title={t('accessibility.title')}>{locale === 'sv' ? <Swedish /> : <English />}</Page>;
}

function Swedish() {
  return (
    <div className="prose-page">
      <p>
        Uppsikt används av kommuner och regioner för intern kontroll och uppföljning. Den organisation som driver
        tjänsten ansvarar för den och vill att så många som möjligt ska kunna använda den. Här beskrivs hur Uppsikt
        uppfyller lagen om tillgänglighet till digital offentlig service, kända brister och hur du kan rapportera
        problem.
      </p>
      <h2>Hur tillgänglig är tjänsten?</h2>
      <p>
        Uppsikt är byggt för att uppfylla nivå AA i standarden WCAG 2.1. Allt ska gå att använda med tangentbord, med
        skärmläsare och med förstoring upp till 400 procent (sidorna anpassar sig till 320 pixlars bredd). Status visas
        alltid med text och symbol, aldrig bara med färg. Riskmatrisen är en tabell med rubriker som skärmläsare kan
        läsa.
      </p>
      <h2>Kända brister</h2>
      <ul>
        <li>
          Långa texter skrivs med formateringsknappar som sätter in Markdown-tecken (till exempel ** för fetstil);
          texten visas formaterad i förhandsgranskningen, inte medan du skriver.
        </li>
        <li>
          Datumfält använder webbläsarens egen datumväljare, vars språk och format följer webbläsarens inställningar.
        </li>
        <li>Rapporterna (Word, PDF och Excel) finns ännu inte i tjänsten.</li>
      </ul>
      <h2>Så har vi testat tjänsten</h2>
      <p>
        Varje sida granskas automatiskt med verktyget axe mot kriterierna i WCAG 2.1 nivå A och AA, i en webbläsare, vid
        varje ändring av koden. Tangentbordsanvändning och smal skärm testas i samma körning. Automatiska tester hittar
        inte alla brister; vi tar gärna emot synpunkter.
      </p>
      <h2>Rapportera brister</h2>
      <p>
        Om du upptäcker problem som inte beskrivs här, eller om du behöver innehåll i ett annat format, kontakta den
        organisation som gett dig tillgång till Uppsikt (din kommun eller region), till exempel via dess registrator
        eller IT-support.
      </p>
      <h2>Tillsyn</h2>
      <p>
        Myndigheten för digital förvaltning (Digg) har ansvar för tillsyn av lagen om tillgänglighet till digital
        offentlig service. Om du inte är nöjd med hur dina synpunkter hanteras kan du kontakta Digg och påtala det.
      </p>
    </div>
  );
}

function English() {
  return (
    <div className="prose-page">
      <p>
        Municipalities and regions use Uppsikt for internal control and follow-up. The organisation that runs the
        service is responsible for it and wants as many people as possible to be able to use it. This page describes how
        Uppsikt meets the Swedish act on accessibility of digital public services, its known shortcomings and how to
        report problems.
      </p>
      <h2>How accessible is the service?</h2>
      <p>
        Uppsikt is built to meet level AA of WCAG 2.1. Everything should work with a keyboard, with a screen reader and
        with zoom up to 400 percent (the pages reflow to a width of 320 pixels). Status is always shown with text and a
        symbol, never by colour alone. The risk matrix is a table with headers that screen readers can read.
      </p>
      <h2>Known shortcomings</h2>
      <ul>
        <li>
          Long texts are written with formatting buttons that insert Markdown marks (such as ** for bold); the text is
          shown formatted in the preview, not while you type.
        </li>
        <li>Date fields use the browser's own date picker, whose language and format follow the browser's settings.</li>
        <li>The reports (Word, PDF and Excel) are not yet in the service.</li>
      </ul>
      <h2>How we tested the service</h2>
      <p>
        Every page is checked automatically with the axe tool against the WCAG 2.1 level A and AA criteria, in a
        browser, at every change of the code. Keyboard use and narrow screens are tested in the same run. Automatic
        tests do not find every problem; we welcome your comments.
      </p>
      <h2>Report a problem</h2>
      <p>
        If you find a problem that is not described here, or need content in another format, contact the organisation
        that gave you access to Uppsikt (your municipality or region), for example through its registry or IT support.
      </p>
      <h2>Enforcement</h2>
      <p>
        The Swedish Agency for Digital Government (Digg) supervises the act on accessibility of digital public services.
        If you are not satisfied with how your comments are handled, you can contact Digg.
      </p>
    </div>
  );
}
