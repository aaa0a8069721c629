/** Files of the repository kept verbatim: project settings, Profiles inputs, destinations, the first tests. */

export const STATIC_FILES: Readonly<Record<string, string>> = {
  'dbt_project.yml': `name: acme_pipelines
version: "1.0.0"
config-version: 2
profile: acme_warehouse
model-paths: ["transformations", "features", "models"]
analysis-paths: ["analyses"]
test-paths: ["tests"]
models:
  acme_pipelines:
    +on_schema_change: append_new_columns
`,
  'tracking-plans/events.yaml': `version: "rudder/v0.1"
kind: "events"
metadata:
  name: "checkout_events"
spec:
  events:
    - id: "checkout_started"
      name: "Checkout Started"
      event_type: "track"
      description: "The customer opened the checkout."
    - id: "payment_info_entered"
      name: "Payment Info Entered"
      event_type: "track"
      description: "The customer entered payment details."
    - id: "order_completed"
      name: "Order Completed"
      event_type: "track"
      description: "The order was placed and paid."
`,
  'transformations/normalize_country.js': `// RudderStack user transformation: normalizes the country property to ISO 3166-1 alpha-2.
export function transformEvent(event) {
  const country = event.properties?.country ?? event.context?.traits?.country;
  if (country) event.properties.country = String(country).trim().slice(0, 2).toUpperCase();
  return event;
}
`,
  'profiles/pb_project.yaml': `name: acme_customer_profiles
schema_version: 54
connection: acme_warehouse
model_folders:
  - models
entities:
  - name: customer
    id_types:
      - user_id
      - anonymous_id
      - email
id_types:
  - name: user_id
  - name: anonymous_id
  - name: email
    filters:
      - type: include
        regex: ".+@.+"
`,
  'profiles/models/inputs.yaml': `inputs:
  - name: stg_orders
    app_defaults:
      table: staging.orders
      occurred_at_col: ordered_at
      ids:
        - select: "user_id"
          type: user_id
          entity: customer
        - select: "anonymous_id"
          type: anonymous_id
          entity: customer
        - select: "lower(email)"
          type: email
          entity: customer
  - name: rs_identifies
    app_defaults:
      table: raw.identifies
      occurred_at_col: timestamp
      ids:
        - select: "user_id"
          type: user_id
          entity: customer
        - select: "anonymous_id"
          type: anonymous_id
          entity: customer
`,
  'destinations/braze.yaml': `destination: braze
display_name: Braze (CRM messaging)
enabled: true
config:
  data_center: EU-01
  track_anonymous_users: false
  events: [Order Completed, Checkout Started]
`,
  'destinations/google-ads.yaml': `destination: google_ads
display_name: Google Ads conversions
enabled: true
config:
  conversion_event: Order Completed
  send_revenue: true
`,
  'destinations/snowflake.yaml': `destination: snowflake
display_name: Warehouse
enabled: true
config:
  schema: raw
  sync_frequency: 30m
`,
  'tests/staging/assert_orders_have_revenue.sql': `-- Completed orders always carry a revenue.
select order_id
from {{ ref('stg_orders') }}
where revenue is null
`,
  'tests/identity/assert_single_main_id.sql': `-- Every id maps to exactly one stitched customer.
select other_id, count(distinct main_id) as customers
from {{ ref('customer_id_stitcher') }}
group by other_id
having count(distinct main_id) > 1
`,
};
