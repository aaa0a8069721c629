import { selectOpenMonitor, useMonitorRoute } from './monitor-route';

/** The case list's way to the Monitor screen. */
export function MonitorLink() {
  const open = useMonitorRoute(selectOpenMonitor);
  return (
    <button type="button" onClick={open}>
      Monitor
    </button>
  );
}
