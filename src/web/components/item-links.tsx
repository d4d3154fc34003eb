import { Link } from '@tanstack/react-router';
import { useI18n } from '../i18n/i18n.tsx';

/** What can be done with a control or action where it is shown: follow it up, record a deviation, change it, see its history. */
export function ItemLinks({ kind, id, title }: { kind: 'control' | 'action'; id: string; title: string }) {
  const { t } = useI18n();
  return (
    <div className="button-row">
      <Link
        to="/uppfoljning/ny"
        search={kind === 'control' ? { kontrollmoment: id } : { atgard: id }}
        className="button"
      >
        {t('myWork.writeFollowUp')}
        <span className="visually-hidden"> {t('riskPage.forItem', { title })}</span>
      </Link>
      {kind === 'control' && (
        <Link to="/kontrollmoment/$itemId/ny-avvikelse" params={{ itemId: id }} className="button">
          {t('deviationForm.open')}
          <span className="visually-hidden"> {t('riskPage.forItem', { title })}</span>
        </Link>
      )}
      <Link
        to={kind === 'control' ? '/kontrollmoment/$itemId/redigera' : '/atgarder/$itemId/redigera'}
        params={{ itemId: id }}
        className="button button-quiet"
      >
        {t('riskPage.edit')}
        <span className="visually-hidden"> {title}</span>
      </Link>
      <Link
        to="/historik/$entityType/$entityId"
        params={{ entityType: kind, entityId: id }}
        className="button button-quiet"
      >
        {t('history.link')}
        <span className="visually-hidden"> {title}</span>
      </Link>
    </div>
  );
}
