import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import type { AuditEntry } from '../model/records';
import { importInput } from './index';

const real = (path: string) => readFileSync(realFixture('audit', path), 'utf8');
const load = (path: string) => importInput({ name: path, sha256: 'a'.repeat(64), size: 0, text: real(path) });
const entries = (path: string) => load(path).records as AuditEntry[];

describe('AWS CloudTrail', () => {
  it('reads console sign-ins: who, what, when, through the console', () => {
    const result = load('aws_cloudtrail/elastic_test-console-login-json.ndjson');
    expect(result.detected).toBe('aws-cloudtrail');
    const [first, second] = result.records as AuditEntry[];
    expect(first).toMatchObject({
      id: '3fcfb182-98f8-4744-bd45-10aEXAMPLE',
      actor: 'arn:aws:iam::111122223333:user/JohnDoe',
      action: 'signin.amazonaws.com:ConsoleLogin',
      timestamp: '2014-07-16T15:49:27.000Z',
      channel: 'ui',
      environment: '111122223333/us-east-2',
      provenance: { line: 1 },
    });
    expect(second?.actor).toBe('arn:aws:iam::111122223333:user/JaneDoe');
  });

  it('names the S3 object a CopyObject wrote as its target', () => {
    const [copy] = entries('aws_cloudtrail/elastic_test-copy-object-json.ndjson');
    expect(copy?.action).toBe('s3.amazonaws.com:CopyObject');
    expect(copy?.target).toEqual({
      type: 'AWS::S3::Object',
      id: 'arn:aws:s3:::elastic-cspm-cloudtrail-test-bucket/test-copy-object/README-copy.md',
    });
    expect(copy?.channel).toBe('api');
  });

  it('reads a {"Records": […]} log file by JSON pointer, naming entries without eventID by file and place', () => {
    const result = load('aws_cloudtrail/cloudtrail_processing_lib_SerializerTestFile.json');
    const list = result.records as AuditEntry[];
    expect(list.map((e) => e.action)).toEqual([1, 2, 3, 4, 5, 6].map((i) => `eventSource${i}:eventName${i}`));
    expect(list[0]?.provenance.pointer).toBe('/Records/0');
    expect(list[0]?.target.id).toBe('my-redshift-cluster');
    expect(result.rejections).toEqual([]);
    expect(result.warnings).toHaveLength(6);
    expect(result.warnings[0]?.message).toMatch(/no "eventID"/);
  });
});

describe('GCP Cloud Audit Logs and the GitHub audit log', () => {
  it('reads principal, service:method and resource of each LogEntry', () => {
    const list = entries('gcp_audit/elastic_gcp_test-audit_first7lines.ndjson');
    expect(list).toHaveLength(7);
    expect(list[0]).toMatchObject({
      id: '-uihnmjctwo',
      actor: 'xxx@xxx.xxx',
      action: 'cloudbilling.googleapis.com:GetResourceBillingInfo',
      target: { type: 'project', id: 'projects/elastic-beats' },
      environment: 'elastic-beats',
    });
    expect(list.map((e) => e.action)).toContain('compute.googleapis.com:beta.compute.instances.stop');
  });

  it('reads actor, action and repository of an organization export with epoch-millisecond times', () => {
    const list = entries('github_audit/elastic_github_test-audit-json_first_page.ndjson');
    expect(list).toHaveLength(98);
    expect(list[0]).toMatchObject({
      actor: 'github-actor',
      action: 'organization_default_label.create',
      timestamp: new Date(1583364251067).toISOString(),
      environment: 'Example-Org',
    });
    const created = list.find((e) => e.action === 'repo.create');
    expect(created?.target).toEqual({ type: 'repository', id: 'Example-Org/repo-abc' });
    expect(new Set(list.map((e) => e.action))).toContain('pull_request.merge');
  });
});
