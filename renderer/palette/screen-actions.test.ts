import { beforeEach, describe, expect, it } from 'vitest';
import { selectMetricsOpen, useMetricsRoute } from '../metrics/metrics-route';
import { selectMonitorOpen, useMonitorRoute } from '../monitor/monitor-route';
import { caseListActions } from './app-actions';

/** What App.tsx shows: the monitor wins over the dashboard when both are open. */
function shownScreen(): 'monitor' | 'metrics' | 'other' {
  if (selectMonitorOpen(useMonitorRoute.getState())) return 'monitor';
  if (selectMetricsOpen(useMetricsRoute.getState())) return 'metrics';
  return 'other';
}

const perform = (name: string) =>
  caseListActions([], undefined)
    .find((a) => a.name === name)!
    .perform();

describe('the palette between the monitor and the maturity dashboard', () => {
  beforeEach(() => {
    useMonitorRoute.getState().closeMonitor();
    useMetricsRoute.getState().closeDashboard();
  });

  it('opens the dashboard from the monitor (it stayed on the monitor before)', () => {
    perform('monitor');
    expect(shownScreen()).toBe('monitor');
    perform('maturity');
    expect(shownScreen()).toBe('metrics');
  });

  it('opens the monitor from the dashboard, and the dashboard again after', () => {
    perform('maturity');
    perform('monitor');
    expect(shownScreen()).toBe('monitor');
    perform('maturity');
    expect(shownScreen()).toBe('metrics');
  });
});
