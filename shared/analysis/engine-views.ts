/**
 * The engine's answer in the older shapes the navigator summaries, the Markdown case file and the report read
 * (`ScopeResult`, `ChangesResult`): views of one `runEngine` result, never computed separately, so the app, the CLI
 * and the report show the same suspects with the same scores.
 */
import type { EngineResult } from './engine';
import type { Change, ChangesResult, ScopeResult } from './types';

/** The engine's scope as the older `ScopeResult` (the histogram by hour when it spans under three days). */
export function scopeView(scope: EngineResult['scope']): ScopeResult {
  const bucket = scope.byHour.length <= 72 ? 'hour' : 'day';
  return {
    featureName: scope.featureName,
    versionKind: scope.versionKind,
    version: scope.versions[scope.versions.length - 1],
    versions: scope.versions.length,
    method: scope.method,
    ...(scope.from !== undefined && { from: scope.from }),
    ...(scope.recovery && { recovery: { time: scope.recovery.time, changeId: scope.recovery.changeId } }),
    decisions: scope.affected,
    subjects: scope.subjects,
    first: scope.first,
    last: scope.last,
    bucket,
    histogram: bucket === 'hour' ? scope.byHour : scope.byDay,
    decisionIds: scope.decisions.map((d) => d.decisionId),
  };
}

/** The engine's suspects as the older `ChangesResult` (schema changes are listed by the suspects only). */
export function changesView(engine: EngineResult): ChangesResult {
  return {
    firstWrong: engine.suspects.onset.firstBad,
    window: engine.suspects.window,
    changes: engine.suspects.suspects.filter((s): s is typeof s & Change => s.kind !== 'schema'),
    gaps: engine.suspects.gaps,
  };
}
