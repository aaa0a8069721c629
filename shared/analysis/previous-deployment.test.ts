import { describe, expect, it } from 'vitest';
import type { Deployment } from '../model/records';
import { previousDeployment } from './deployments';

const dep = (id: string, hour: number, repository: string | undefined, commit: string): Deployment => ({
  kind: 'deployment',
  id,
  timestamp: `2026-10-04T${String(hour).padStart(2, '0')}:00:00Z`,
  environment: 'production',
  ...(repository !== undefined && { repository }),
  commit,
  provenance: { sourceId: 'deployments.jsonl', line: hour },
});

describe('the deployment a release replaced', () => {
  // Two repositories released to production the same morning, one after the other.
  const log = [
    dep('rel-1', 6, 'data-pipelines', 'a'.repeat(40)),
    dep('rel-2', 7, 'customer-data', 'b'.repeat(40)),
    dep('rel-3', 8, 'data-pipelines', 'c'.repeat(40)),
  ];

  it('is the previous release of the same repository, not another repository’s that came in between', () => {
    expect(previousDeployment(log, log[2]!)?.id).toBe('rel-1');
    expect(previousDeployment(log, log[1]!)).toBeUndefined();
  });

  it('where the records name no repository, is the previous release to the environment', () => {
    const unnamed = log.map((d) => ({ ...d, repository: undefined }));
    expect(previousDeployment(unnamed, unnamed[2]!)?.id).toBe('rel-2');
  });
});
