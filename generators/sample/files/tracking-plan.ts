/**
 * rudder-cli style tracking-plan YAML (`kind: tp`) and its property catalog. The tracking plan is the
 * ingestion job's code: what it lets through becomes the columns of `raw.checkout_events`.
 */
import type { DatasetRef } from '../../../shared/model/records';
import { DATASETS } from '../world';
import { inputField, yamlString, type FileDoc, type JobCode, type OutputField } from './file-doc';

export interface PropertyDef {
  readonly id: string;
  readonly type: 'string' | 'number' | 'integer' | 'boolean';
  readonly description: string;
}

/** Every property the catalog ever defines (some are added by changes in the history). */
export const PROPERTIES: ReadonlyArray<PropertyDef> = [
  { id: 'order_id', type: 'string', description: 'Order identifier from the shop backend.' },
  { id: 'revenue', type: 'number', description: 'Order total in EUR, taxes included.' },
  { id: 'currency', type: 'string', description: 'ISO 4217 currency code of the order.' },
  { id: 'country', type: 'string', description: 'ISO 3166-1 alpha-2 shipping country.' },
  { id: 'email', type: 'string', description: 'Email address given at checkout.' },
  { id: 'utm_source', type: 'string', description: 'Marketing source of the session.' },
  { id: 'checkout_step', type: 'integer', description: 'Step of the checkout funnel (1-4).' },
  { id: 'payment_method', type: 'string', description: 'Payment method chosen by the customer.' },
  { id: 'coupon_code', type: 'string', description: 'Coupon code applied to the order, if any.' },
  { id: 'shipping_method', type: 'string', description: 'Shipping option chosen at checkout.' },
];

const WAREHOUSE_TYPE: Record<PropertyDef['type'], string> = {
  string: 'STRING',
  number: 'NUMERIC',
  integer: 'INTEGER',
  boolean: 'BOOLEAN',
};

export interface PlanProperty {
  readonly id: string;
  readonly required: boolean;
}

export interface EventRule {
  readonly id: string;
  /** The event id in the events catalog. */
  readonly event: string;
  readonly properties: ReadonlyArray<PlanProperty>;
}

const BASE_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['event_id', 'STRING'],
  ['anonymous_id', 'STRING'],
  ['user_id', 'STRING'],
  ['event', 'STRING'],
  ['sent_at', 'TIMESTAMP'],
  ['received_at', 'TIMESTAMP'],
];

export class TrackingPlan implements JobCode {
  constructor(
    readonly id: string,
    readonly displayName: string,
    readonly rules: ReadonlyArray<EventRule>,
  ) {}

  render(): string {
    const lines = [
      'version: "rudder/v0.1"',
      'kind: "tp"',
      'metadata:',
      `  name: ${yamlString(this.id)}`,
      'spec:',
      `  id: ${yamlString(this.id)}`,
      `  display_name: ${yamlString(this.displayName)}`,
      '  description: "Events of the web checkout funnel, validated before they reach the warehouse."',
      '  rules:',
    ];
    for (const rule of this.rules) {
      lines.push(
        '    - type: "event_rule"',
        `      id: ${yamlString(`${rule.id}_rule`)}`,
        '      event:',
        `        $ref: "#/events/checkout_events/${rule.event}"`,
        '        allow_unplanned: false',
        '      properties:',
      );
      for (const p of rule.properties) {
        lines.push(`        - $ref: "#/properties/checkout_properties/${p.id}"`, `          required: ${p.required}`);
      }
    }
    return `${lines.join('\n')}\n`;
  }

  inputs(): ReadonlyArray<DatasetRef> {
    return [DATASETS.sourceEvents];
  }

  fields(): ReadonlyArray<OutputField> {
    const seen = new Set<string>();
    const fields: OutputField[] = BASE_FIELDS.map(([name, type]) => {
      seen.add(name);
      return { name, type, inputs: [inputField(DATASETS.sourceEvents, name)] };
    });
    for (const rule of this.rules) {
      for (const p of rule.properties) {
        if (seen.has(p.id)) continue;
        seen.add(p.id);
        const def = PROPERTIES.find((d) => d.id === p.id);
        fields.push({
          name: p.id,
          type: def ? WAREHOUSE_TYPE[def.type] : 'STRING',
          ...(def ? { description: def.description } : {}),
          inputs: [inputField(DATASETS.sourceEvents, `properties.${p.id}`)],
        });
      }
    }
    return fields;
  }

  withProperty(ruleId: string, property: PlanProperty): TrackingPlan {
    return new TrackingPlan(
      this.id,
      this.displayName,
      this.rules.map((r) =>
        r.id === ruleId && !r.properties.some((p) => p.id === property.id)
          ? { ...r, properties: [...r.properties, property] }
          : r,
      ),
    );
  }
}

/** `tracking-plans/properties.yaml`: the property catalog the plan refers to. */
export class PropertyCatalog implements FileDoc {
  constructor(readonly ids: ReadonlyArray<string>) {}

  render(): string {
    const lines = ['version: "rudder/v0.1"', 'kind: "properties"', 'metadata:', '  name: "checkout_properties"'];
    lines.push('spec:', '  properties:');
    for (const id of this.ids) {
      const def = PROPERTIES.find((d) => d.id === id);
      if (!def) continue;
      lines.push(
        `    - id: ${yamlString(def.id)}`,
        `      name: ${yamlString(def.id)}`,
        `      type: ${yamlString(def.type)}`,
        `      description: ${yamlString(def.description)}`,
      );
    }
    return `${lines.join('\n')}\n`;
  }

  withProperty(id: string): PropertyCatalog {
    return this.ids.includes(id) ? this : new PropertyCatalog([...this.ids, id]);
  }
}
