/**
 * `features/customer_features.sql`: the feature job's code, which computes `eligibility_flag` from
 * customer-profile columns. The eligibility rule is data here so the sample can both render it and
 * evaluate it for every customer, exactly as the deployed code would.
 */
import type { DatasetRef } from '../../../shared/model/records';
import { DATASETS } from '../world';
import { inputField, type JobCode, type OutputField } from './file-doc';

export interface EligibilityRule {
  readonly minLifetimeValue: number;
  /** A trailing SQL comment on the threshold line. */
  readonly lifetimeValueNote?: string;
  readonly ageComparison: '>=' | '<=';
  readonly minAccountAgeDays: number;
  readonly countries: ReadonlyArray<string>;
}

export interface CustomerFeaturesSpec {
  readonly eligibility: EligibilityRule;
  /** SQL of `days_since_last_order`. */
  readonly daysSinceLastOrder: string;
  /** SQL of `order_count_90d`. */
  readonly orderCount90d: string;
}

/** One customer's profile columns at one time (what the feature job reads). */
export interface ProfileValues {
  readonly lifetimeValue: number;
  readonly accountAgeDays: number;
  readonly country: string;
  readonly daysSinceLastOrder: number;
  readonly orderCount90d: number;
}

/** What the rendered CASE expression computes. */
export function isEligible(rule: EligibilityRule, p: ProfileValues): boolean {
  const ageOk =
    rule.ageComparison === '>='
      ? p.accountAgeDays >= rule.minAccountAgeDays
      : p.accountAgeDays <= rule.minAccountAgeDays;
  return p.lifetimeValue >= rule.minLifetimeValue && ageOk && rule.countries.includes(p.country);
}

const P = DATASETS.customerProfile;

export class CustomerFeatures implements JobCode {
  constructor(readonly spec: CustomerFeaturesSpec) {}

  render(): string {
    const r = this.spec.eligibility;
    const note = r.lifetimeValueNote ? `  -- ${r.lifetimeValueNote}` : '';
    const countries = r.countries.map((c) => `'${c}'`).join(', ');
    return [
      '-- Features served to the offer-eligibility model (analytics.customer_features).',
      '-- Owned by the ML platform team; see docs/features.md for the definitions.',
      "{{ config(materialized='table', tags=['feature_store']) }}",
      '',
      'with profile as (',
      "    select * from {{ ref('customer_profile') }}",
      ')',
      '',
      'select',
      '    customer_id,',
      '    case',
      `        when lifetime_value >= ${r.minLifetimeValue}${note}`,
      `         and account_age_days ${r.ageComparison} ${r.minAccountAgeDays}`,
      `         and country in (${countries})`,
      '        then true',
      '        else false',
      '    end as eligibility_flag,',
      `    ${this.spec.daysSinceLastOrder} as days_since_last_order,`,
      `    ${this.spec.orderCount90d === 'order_count_90d' ? 'order_count_90d' : `${this.spec.orderCount90d} as order_count_90d`}`,
      'from profile',
      '',
    ].join('\n');
  }

  inputs(): ReadonlyArray<DatasetRef> {
    return [P];
  }

  fields(): ReadonlyArray<OutputField> {
    return [
      { name: 'customer_id', type: 'STRING', inputs: [inputField(P, 'customer_id')] },
      {
        name: 'eligibility_flag',
        type: 'BOOLEAN',
        description: 'True when the customer may be offered the loyalty offer.',
        inputs: [
          inputField(P, 'lifetime_value', 'TRANSFORMATION'),
          inputField(P, 'country', 'TRANSFORMATION'),
          inputField(P, 'account_age_days', 'TRANSFORMATION'),
        ],
      },
      {
        name: 'days_since_last_order',
        type: 'INTEGER',
        inputs: [inputField(P, 'last_order_at', 'TRANSFORMATION')],
      },
      { name: 'order_count_90d', type: 'INTEGER', inputs: [inputField(P, 'order_count_90d')] },
    ];
  }

  /** One key per feature that changes exactly when that feature's logic changes. */
  featureKeys(): Readonly<Record<string, string>> {
    return {
      eligibility_flag: JSON.stringify(this.spec.eligibility),
      days_since_last_order: this.spec.daysSinceLastOrder,
      order_count_90d: this.spec.orderCount90d,
    };
  }

  with(patch: Partial<CustomerFeaturesSpec>): CustomerFeatures {
    return new CustomerFeatures({ ...this.spec, ...patch });
  }

  withRule(patch: Partial<EligibilityRule>): CustomerFeatures {
    return this.with({ eligibility: { ...this.spec.eligibility, ...patch } });
  }
}
