import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import type { EnforcementEntry, IdentityConfig, TrackingPlanItem } from '../model/records';
import { importInput } from './index';

const real = (path: string) => readFileSync(realFixture('tracking-plans', path), 'utf8');
const load = (text: string, name = 'input') => importInput({ name, sha256: 'e'.repeat(64), size: 0, text });
const items = (path: string) => load(real(path), path).records as TrackingPlanItem[];

describe('tracking plans', () => {
  it('reads rudder-cli events, properties and the plan with the line each is written on', () => {
    const events = items('rudder-cli_e2e_create/events.yaml');
    expect(events.map((e) => [e.itemType, e.id, e.plan])).toEqual([
      ['event', 'api_tracking', 'api_tracking'],
      ['event', 'login', 'api_tracking'],
      ['event', 'logout', 'api_tracking'],
    ]);
    expect(events[1]).toMatchObject({ name: 'Login Event', provenance: { line: 16, pointer: '/spec/events/1' } });
    const plan = items('rudder-cli_e2e_update/trackingplan.yaml');
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({ itemType: 'tracking-plan', id: 'api_tracking', name: 'API Tracking' });
    expect(items('rudder-cli_typer_project/properties.yaml').every((p) => p.itemType === 'property')).toBe(true);
    expect(items('rudder-cli_e2e_create/customtypes.yaml').map((t) => t.itemType)).toEqual([
      'custom-type',
      'custom-type',
    ]);
  });

  it('sees a tracking-plan change between the create and update versions of the properties', () => {
    const before = items('rudder-cli_e2e_create/properties.yaml').map((p) => p.id);
    const after = items('rudder-cli_e2e_update/properties.yaml').map((p) => p.id);
    expect(after.length).toBe(before.length + 1);
  });

  it('reads Segment Protocols plans of the Public API and the v1 Config API as the same events', () => {
    const v2 = items('segment_typewriter/typewriter_test_plan_v2api.json');
    const v1 = items('segment_typewriter/typewriter_test_plan_v1api.json');
    const names = (list: TrackingPlanItem[]) =>
      list
        .filter((i) => i.itemType === 'event')
        .map((i) => i.name)
        .sort();
    expect(v2.filter((i) => i.itemType === 'tracking-plan')).toHaveLength(1);
    expect(names(v2)).toEqual(expect.arrayContaining(names(v1)));
    expect(names(v1)).toHaveLength(24);
    expect(names(v2)).toContain('Empty Event');
  });
});

describe('a bare JSON Schema of an event', () => {
  it('is one tracking-plan event, named by its eventMetadata', () => {
    const plan = JSON.parse(real('segment_typewriter/typewriter_test_plan_v2api.json')) as {
      rules: Array<{ jsonSchema: { eventMetadata?: { name?: string } } }>;
    };
    const rule = plan.rules.find((r) => r.jsonSchema.eventMetadata?.name === 'Empty Event');
    const result = load(JSON.stringify(rule?.jsonSchema, null, 2), 'empty-event.schema.json');
    expect(result.detected).toBe('tracking-plan');
    expect(result.records).toMatchObject([{ format: 'json-schema', itemType: 'event', name: 'Empty Event' }]);
  });
});

describe('identity resolution and enforcement evidence', () => {
  it('reads a Profiles id_stitcher model: its edge sources and id types', () => {
    const yaml = [
      'models:',
      '  - name: user_id_graph',
      '    model_type: id_stitcher',
      '    model_spec:',
      '      entity_key: user',
      '      edge_sources:',
      '        - from: inputs/rsIdentifies',
      '        - from: inputs/rsTracks',
      '  - name: user_profile',
      '    model_type: feature_table_model',
      '',
    ].join('\n');
    const result = load(yaml, 'profiles.yaml');
    expect(result.detected).toBe('profiles-project');
    const [config] = result.records as IdentityConfig[];
    expect(result.records).toHaveLength(1);
    expect(config).toMatchObject({
      name: 'user_id_graph',
      modelType: 'id_stitcher',
      edgeSources: ['inputs/rsIdentifies', 'inputs/rsTracks'],
      provenance: { line: 2 },
    });
  });

  it('turns RudderStack events with violationErrors into flagged enforcement entries', () => {
    const base = {
      type: 'track',
      event: 'Product Viewed',
      anonymousId: 'anon-1',
      timestamp: '2026-11-18T11:05:00Z',
      context: { trackingPlanId: 'tp_1', trackingPlanVersion: 4 },
    };
    const flagged = {
      ...base,
      messageId: 'm-1',
      context: {
        ...base.context,
        violationErrors: [{ type: 'Required-Missing', message: "must have required property 'sku'", meta: {} }],
        consentManagement: { deniedConsentIds: ['marketing'] },
      },
    };
    const text = [flagged, { ...base, messageId: 'm-2' }].map((o) => JSON.stringify(o)).join('\n');
    const result = load(text);
    expect(result.detected).toBe('rudderstack-events');
    const [first, second] = result.records as EnforcementEntry[];
    expect(first).toMatchObject({ id: 'm-1', rule: 'tracking_plan:tp_1', ruleVersion: '4', outcome: 'flagged' });
    expect(first?.violations).toHaveLength(1);
    expect(first?.extra?.consentManagement).toEqual({ deniedConsentIds: ['marketing'] });
    expect(second?.outcome).toBe('passed');
  });
});
