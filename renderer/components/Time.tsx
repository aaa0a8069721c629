import { formatTime } from '../format/time';
import { selectTimeZone, useSettings } from '../stores/settings-store';

/** An instant shown in the chosen zone, with the zone; the machine-readable value in `dateTime`. */
export function Time({ value }: { readonly value: string | undefined }) {
  const zone = useSettings(selectTimeZone);
  if (!value) return <span className="muted">—</span>;
  return <time dateTime={value}>{formatTime(value, zone)}</time>;
}
