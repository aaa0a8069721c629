import type { TimeZoneSetting } from '../format/time';
import { localZoneName } from '../format/time';
import { selectSetTimeZone, selectTimeZone, useSettings } from '../stores/settings-store';

const OPTIONS: ReadonlyArray<{ value: TimeZoneSetting; label: string }> = [
  { value: 'local', label: 'Local' },
  { value: 'UTC', label: 'UTC' },
];

/** Switches every time shown between local time and UTC. */
export function TimeZoneSwitch() {
  const zone = useSettings(selectTimeZone);
  const setZone = useSettings(selectSetTimeZone);
  return (
    <div className="segmented" role="group" aria-label="Time zone">
      {OPTIONS.map((o) => (
        <button
          key={o.value}
          type="button"
          aria-pressed={zone === o.value}
          title={o.value === 'local' ? `Local time (${localZoneName()})` : 'Coordinated Universal Time'}
          onClick={() => setZone(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
