/** The models that decide, their actions, and the features they read with each feature's SQL and Python (and a plausible wrong edit). */

export type ValueKind = 'bool' | 'int' | 'float' | 'band';

export interface FeatureSpec {
  readonly name: string;
  readonly kind: ValueKind;
  /** The SQL expression computing it in the feature job, and the same in Python. */
  readonly sql: string;
  readonly py: string;
  /** A plausible wrong edit of the expression (the planted bug when the cause sits in the feature job). */
  readonly sqlBug: string;
  readonly pyBug: string;
}

export interface ModelSpec {
  readonly name: string;
  readonly actions: ReadonlyArray<string>;
  readonly badAction: string;
  readonly goodLabel: string;
  readonly badLabel: string;
  readonly features: ReadonlyArray<FeatureSpec>;
}

const f = (name: string, kind: ValueKind, sql: string, sqlBug: string, py: string, pyBug: string): FeatureSpec => ({
  name,
  kind,
  sql,
  py,
  sqlBug,
  pyBug,
});

export const MODELS: ReadonlyArray<ModelSpec> = [
  {
    name: 'offer-eligibility',
    actions: ['offer_approved', 'offer_rejected'],
    badAction: 'offer_rejected',
    goodLabel: 'approve',
    badLabel: 'reject',
    features: [
      f(
        'eligibility_flag',
        'bool',
        "case when c.credit_score >= 640 and c.country_code in ('US', 'CA', 'GB') then true else false end",
        "case when c.credit_score >= 6400 and c.country_code in ('US', 'CA', 'GB') then true else false end",
        "(df['credit_score'] >= 640) & df['country_code'].isin(ALLOWED_COUNTRIES)",
        "(df['credit_score'] >= 6400) & df['country_code'].isin(ALLOWED_COUNTRIES)",
      ),
      f(
        'order_count_90d',
        'int',
        "count(distinct case when o.order_ts >= dateadd('day', -90, current_date) then o.order_id end)",
        "count(distinct case when o.order_ts >= dateadd('day', -9, current_date) then o.order_id end)",
        "df['orders_last_90d'].fillna(0).astype(int)",
        "df['orders_last_9d'].fillna(0).astype(int)",
      ),
      f(
        'lifetime_value',
        'float',
        'coalesce(sum(o.amount_cents) / 100.0, 0)',
        'coalesce(sum(o.amount_cents) / 10000.0, 0)',
        "df['amount_cents'].fillna(0) / 100.0",
        "df['amount_cents'].fillna(0) / 10000.0",
      ),
    ],
  },
  {
    name: 'credit-limit',
    actions: ['limit_increased', 'limit_held', 'limit_decreased'],
    badAction: 'limit_decreased',
    goodLabel: 'hold',
    badLabel: 'decrease',
    features: [
      f(
        'risk_score',
        'float',
        'round(1 - least(c.credit_score, 850) / 850.0, 4)',
        'round(1 - least(c.credit_score, 850) / 8500.0, 4)',
        "(1 - df['credit_score'].clip(upper=850) / 850.0).round(4)",
        "(1 - df['credit_score'].clip(upper=850) / 8500.0).round(4)",
      ),
      f(
        'utilization_ratio',
        'float',
        'c.balance_cents / nullif(c.limit_cents, 0)',
        'c.balance_cents / nullif(c.limit_cents / 100, 0)',
        "df['balance_cents'] / df['limit_cents'].replace(0, None)",
        "df['balance_cents'] / (df['limit_cents'] / 100).replace(0, None)",
      ),
      f(
        'payment_delinquency_flag',
        'bool',
        'coalesce(c.days_past_due, 0) > 30',
        'coalesce(c.days_past_due, 0) > 3',
        "df['days_past_due'].fillna(0) > 30",
        "df['days_past_due'].fillna(0) > 3",
      ),
    ],
  },
  {
    name: 'fraud-screen',
    actions: ['approved', 'manual_review', 'blocked'],
    badAction: 'blocked',
    goodLabel: 'allow',
    badLabel: 'block',
    features: [
      f(
        'velocity_score',
        'float',
        "count(e.event_id) filter (where e.event_ts >= current_timestamp - interval '1 hour') / 10.0",
        "count(e.event_id) filter (where e.event_ts >= current_timestamp - interval '1 day') / 10.0",
        "df['events_last_hour'] / 10.0",
        "df['events_last_day'] / 10.0",
      ),
      f(
        'account_age_days',
        'int',
        'datediff(day, c.signup_date, current_date)',
        'datediff(day, current_date, c.signup_date)',
        "(pd.Timestamp.utcnow() - df['signup_date']).dt.days",
        "(df['signup_date'] - pd.Timestamp.utcnow()).dt.days",
      ),
      f(
        'chargeback_rate_90d',
        'float',
        'sum(o.chargeback_flag::int) / nullif(count(o.order_id), 0)',
        'sum(o.chargeback_flag::int) / nullif(count(distinct o.customer_id), 0)',
        "df['chargebacks_90d'] / df['orders_90d'].replace(0, None)",
        "df['chargebacks_90d'] / df['customers_90d'].replace(0, None)",
      ),
    ],
  },
  {
    name: 'loan-prequalification',
    actions: ['prequalified', 'declined'],
    badAction: 'declined',
    goodLabel: 'prequalify',
    badLabel: 'decline',
    features: [
      f(
        'debt_to_income',
        'float',
        'c.monthly_debt_cents / nullif(c.monthly_income_cents, 0)',
        'c.monthly_debt_cents / nullif(c.monthly_income_cents / 12, 0)',
        "df['monthly_debt_cents'] / df['monthly_income_cents'].replace(0, None)",
        "df['monthly_debt_cents'] / (df['monthly_income_cents'] / 12).replace(0, None)",
      ),
      f(
        'verified_income_band',
        'band',
        "case when c.monthly_income_cents >= 500000 then 'high' when c.monthly_income_cents >= 250000 then 'mid' else 'low' end",
        "case when c.monthly_income_cents >= 5000000 then 'high' when c.monthly_income_cents >= 2500000 then 'mid' else 'low' end",
        "pd.cut(df['monthly_income_cents'], [0, 250000, 500000, 1e12], labels=['low', 'mid', 'high'])",
        "pd.cut(df['monthly_income_cents'], [0, 2500000, 5000000, 1e12], labels=['low', 'mid', 'high'])",
      ),
      f(
        'open_accounts',
        'int',
        'count(distinct a.account_id)',
        'count(a.account_id) filter (where a.closed_at is not null)',
        "df.groupby('customer_id')['account_id'].transform('nunique')",
        "df[df['closed_at'].notna()].groupby('customer_id')['account_id'].transform('count')",
      ),
    ],
  },
];
