import { selectOpenDashboard, useMetricsRoute } from './metrics-route';

/** The case list's way to the lineage-maturity dashboard. */
export function MetricsLink({ disabled }: { readonly disabled?: boolean }) {
  const open = useMetricsRoute(selectOpenDashboard);
  return (
    <button type="button" disabled={disabled} onClick={open}>
      Lineage maturity
    </button>
  );
}
