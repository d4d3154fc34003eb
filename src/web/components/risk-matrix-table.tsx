import { Link } from '@tanstack/react-router';
import { riskBandFor } from '../../domain/risk-matrix.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { readableTextOn } from '../lib/colour.ts';
import type { RiskMatrix } from '../lib/reference-data.ts';

interface Props {
  /** The plan whose risk list a cell filters; without it the matrix only counts. */
  planId?: string;
  matrix: Pick<RiskMatrix, 'likelihoodLevels' | 'consequenceLevels' | 'bands'>;
  risks: { likelihood: number | null; consequence: number | null }[];
  selected: { likelihood: number; consequence: number } | null;
}

/**
 * The risk matrix as a data table: sannolikhet down (highest first), konsekvens across, the
 * number of risks in each cell. Each cell is a link that filters the risk list; its colour band
 * is named in text as well as shown in colour.
 */
export function RiskMatrixTable({ planId, matrix, risks, selected }: Props) {
  const { t } = useI18n();
  const counts = new Map<string, number>();
  for (const risk of risks) {
    if (risk.likelihood === null || risk.consequence === null) continue;
    const key = `${risk.likelihood}:${risk.consequence}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const likelihoods = [...matrix.likelihoodLevels].reverse();
  return (
    <div className="matrix-wrap">
      <div className="table-scroll" role="region" aria-labelledby="matrix-caption" tabIndex={0}>
        <table className="risk-matrix">
          <caption id="matrix-caption">{planId ? t('plan.matrixCaption') : t('plan.matrixCaptionCounts')}</caption>
          <thead>
            <tr>
              <td />
              <th scope="colgroup" colSpan={matrix.consequenceLevels.length}>
                {t('plan.consequence')}
              </th>
            </tr>
            <tr>
              <th scope="col">{t('plan.likelihood')}</th>
              {matrix.consequenceLevels.map((level) => (
                <th scope="col" key={level.value} title={level.description}>
                  {level.value} {level.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {likelihoods.map((likelihood) => (
              <tr key={likelihood.value}>
                <th scope="row" title={likelihood.description}>
                  {likelihood.value} {likelihood.label}
                </th>
                {matrix.consequenceLevels.map((consequence) => {
                  const count = counts.get(`${likelihood.value}:${consequence.value}`) ?? 0;
                  const band = riskBandFor(matrix, likelihood.value * consequence.value);
                  const colour = band?.colour ?? '#ffffff';
                  const isSelected =
                    selected?.likelihood === likelihood.value && selected.consequence === consequence.value;
                  return (
                    <td
                      key={consequence.value}
                      style={{ background: colour, color: readableTextOn(colour) }}
                      className={isSelected ? 'matrix-cell selected' : 'matrix-cell'}
                    >
                      {planId ? (
                        <Link
                          to="/planer/$planId"
                          params={{ planId }}
                          search={
                            isSelected
                              ? { sannolikhet: undefined, konsekvens: undefined }
                              : { sannolikhet: likelihood.value, konsekvens: consequence.value }
                          }
                          aria-current={isSelected ? 'true' : undefined}
                          resetScroll={false}
                        >
                          <span className="matrix-count">{count}</span>
                          <span className="visually-hidden"> {t('plan.risksInCell', { count })}</span>{' '}
                          <span className="matrix-band">{band?.label}</span>
                        </Link>
                      ) : (
                        <span className="matrix-static">
                          <span className="matrix-count">{count}</span>
                          <span className="visually-hidden"> {t('plan.risksInCell', { count })}</span>{' '}
                          <span className="matrix-band">{band?.label}</span>
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
