import type { TimeZoneSetting } from '../format/time';
import { localZoneName } from '../format/time';
import { selectSetTimeZone, selectTimeZone, useSettings } from '../stores/settings-store';
import { SegmentedChoice, type SegmentedOption } from './SegmentedChoice';

/** Switches every time shown between local time and UTC. */
export function TimeZoneSwitch() {
  const zone = useSettings(selectTimeZone);
  const setZone = useSettings(selectSetTimeZone);
  const options: ReadonlyArray<SegmentedOption<TimeZoneSetting>> = [
    { value: 'local', content: 'Local', title: `Local time (${localZoneName()})` },
    { value: 'UTC', content: 'UTC', title: 'Coordinated Universal Time' },
  ];
  return <SegmentedChoice label="Time zone" options={options} value={zone} onChange={setZone} />;
}
