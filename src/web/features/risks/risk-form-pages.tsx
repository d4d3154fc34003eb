import { useParams } from '@tanstack/react-router';
import { RiskFormPage } from './risk-form-page.tsx';

export function NewRiskPage() {
  const { planId } = useParams({ from: '/planer/$planId/ny-risk' });
  return <RiskFormPage planId={planId} />;
}

export function EditRiskPage() {
  const { riskId } = useParams({ from: '/risker/$riskId/redigera' });
  return <RiskFormPage riskId={riskId} />;
}
