import { useParams, useSearch } from '@tanstack/react-router';
import { ItemFormPage } from './item-form-page.tsx';

// The addresses of the control and action forms, each reading its ids from the address.

export function NewControlPage() {
  const { riskId } = useParams({ from: '/risker/$riskId/nytt-kontrollmoment' });
  return <ItemFormPage kind="control" riskId={riskId} />;
}

export function NewActionPage() {
  const { riskId } = useParams({ from: '/risker/$riskId/ny-atgard' });
  // Skapa åtgärd from an avvikelse: the new action answers it.
  const { avvikelse } = useSearch({ from: '/risker/$riskId/ny-atgard' });
  return <ItemFormPage kind="action" riskId={riskId} deviationId={avvikelse} />;
}

export function EditControlPage() {
  const { itemId } = useParams({ from: '/kontrollmoment/$itemId/redigera' });
  return <ItemFormPage kind="control" itemId={itemId} />;
}

export function EditActionPage() {
  const { itemId } = useParams({ from: '/atgarder/$itemId/redigera' });
  return <ItemFormPage kind="action" itemId={itemId} />;
}
