/**
 * `sourceCodeLocation.pullRequestNumber` (OpenLineage 1.46+: the pull or merge request of the CI run, a string
 * such as "42") is kept on the run's code location and on the job version it makes, run or declared.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { importOpenLineage } from '../importers/openlineage-importer';
import type { EvidenceRecord, LineageRunEvent } from '../model/records';
import { toEvidenceSet } from '../model/evidence-set';
import { lineageModel } from './lineage-model';

const source = { id: 'sha-of-file', name: 'events.json' };
/** Marquez's event_full with its sourceCodeLocation facet given a commit, a path and `pullRequestNumber`. */
function eventWith(pullRequestNumber: unknown, changes: Record<string, unknown> = {}): string {
  const event = JSON.parse(readFileSync(realFixture('openlineage', 'marquez_event_full.json'), 'utf8'));
  const location = event.job.facets.sourceCodeLocation;
  Object.assign(location, { url: 'https://github.com/acme/pipelines', path: 'jobs/task.sql', version: 'a'.repeat(40) });
  location.pullRequestNumber = pullRequestNumber;
  return JSON.stringify({ ...event, ...changes });
}

it('reads the pull request number of the code location, as the spec gives it or as an integer', () => {
  for (const value of ['42', 42, '#42']) {
    const [run] = importOpenLineage(eventWith(value), source).records as LineageRunEvent[];
    expect(run?.sourceCodeLocation?.pullRequestNumber, JSON.stringify(value)).toBe(42);
  }
  for (const value of ['', 'feature/x', 0, null]) {
    const [run] = importOpenLineage(eventWith(value), source).records as LineageRunEvent[];
    expect(run?.sourceCodeLocation?.pullRequestNumber, JSON.stringify(value)).toBeUndefined();
  }
});

it('keeps it on the job version of the run, and of a job declared without a run', () => {
  const records = importOpenLineage(eventWith('42'), source).records as EvidenceRecord[];
  const [version] = lineageModel(toEvidenceSet(records)).jobVersionsOf('my-scheduler-namespace:myjob.mytask');
  expect(version).toMatchObject({ commit: 'a'.repeat(40), codePath: 'jobs/task.sql', pullRequest: 42 });

  const jobEvent = eventWith('7', { run: undefined, eventType: undefined, inputs: [], outputs: [] });
  const declared = importOpenLineage(jobEvent, source).records as EvidenceRecord[];
  const [declaredVersion] = lineageModel(toEvidenceSet(declared)).jobVersionsOf('my-scheduler-namespace:myjob.mytask');
  expect(declaredVersion).toMatchObject({ declared: true, pullRequest: 7 });
});
