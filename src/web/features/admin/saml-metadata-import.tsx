import { useEffect, useId, useRef, useState } from 'react';
import { importSamlMetadata, type SamlSettings } from '../../api/identity-providers.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { Field } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ApiError } from '../../lib/api.ts';
import { useSubmit } from '../../lib/use-submit.ts';

/** A refusal made here before anything is sent, in the shape the server's would have. */
function metadataProblem(title: string, path: string, message: string): ApiError {
  return new ApiError({ type: 'about:blank', title, status: 400, errors: [{ path, message }] });
}

/**
 * Fills a SAML provider's settings from the IdP's metadata: fetched by the server from its
 * address, or read from an XML file the administrator chose. Nothing is saved; the form's fields
 * are filled and can be checked and changed before saving. (It sits inside the provider's form,
 * so its buttons are plain buttons and Enter in the address fetches rather than saves.)
 */
export function SamlMetadataImport({ onSettings }: { onSettings: (settings: SamlSettings) => void }) {
  const { t } = useI18n();
  const submit = useSubmit();
  const [url, setUrl] = useState('');
  const [filled, setFilled] = useState(false);
  const helpId = useId();
  const filledRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (filled) filledRef.current?.focus();
  }, [filled]);

  function load(read: () => Promise<SamlSettings>) {
    setFilled(false);
    void submit.run(async () => {
      onSettings(await read());
      setFilled(true);
    });
  }
  function fetchFromUrl() {
    load(() => {
      if (!url.trim()) throw metadataProblem(t('idp.metadataFailed'), 'url', t('idp.metadataNoUrl'));
      return importSamlMetadata({ url: url.trim() });
    });
  }
  function readFile(file: File | undefined) {
    if (!file) return;
    load(async () => {
      let xml: string;
      try {
        xml = await file.text();
      } catch {
        throw metadataProblem(t('idp.metadataFailed'), 'xml', t('idp.metadataUnreadable'));
      }
      return importSamlMetadata({ xml });
    });
  }

  return (
    <fieldset className="fieldset" aria-describedby={helpId}>
      <legend className="field-label">{t('idp.metadata')}</legend>
      <p id={helpId} className="field-description">
        {t('idp.metadataHelp')}
      </p>
      <ErrorSummary error={submit.error} />
      {filled && (
        <p ref={filledRef} tabIndex={-1} role="status" className="notice">
          {t('idp.metadataFilled')}
        </p>
      )}
      <div className="field-row field-row-end">
        <Field label={t('idp.metadataUrl')} errors={submit.fieldErrors('url')}>
          {(ids) => (
            <input
              {...ids}
              className="field-input"
              type="url"
              value={url}
              onChange={(event) => setUrl(event.target.value)}
              onKeyDown={(event) => {
                if (event.key !== 'Enter') return;
                event.preventDefault();
                fetchFromUrl();
              }}
            />
          )}
        </Field>
        <button type="button" className="button" onClick={fetchFromUrl}>
          {submit.pending ? t('idp.metadataFetching') : t('idp.metadataFetch')}
        </button>
      </div>
      <Field label={t('idp.metadataFile')} errors={submit.fieldErrors('xml')}>
        {(ids) => (
          <input
            {...ids}
            className="field-input"
            type="file"
            accept=".xml,application/xml,application/samlmetadata+xml,text/xml"
            onChange={(event) => readFile(event.target.files?.[0])}
          />
        )}
      </Field>
    </fieldset>
  );
}
