/** A rudder-cli tracking plan file (a tracking-plan version is a commit of it); its `order_total` type line is the sensitive one. */
import type { LinePair } from './code-files.js';

/** A rudder-cli tracking plan whose `order_total` property type is the sensitive line. */
export function trackingPlanFile(plan: string): { text: string; sensitive: LinePair } {
  const sensitive = { good: '      type: number', bad: '      type: string' };
  const text = [
    'version: "rudder/v0.1"',
    'kind: "tp"',
    'metadata:',
    `  name: "${plan}"`,
    'spec:',
    `  id: "${plan}"`,
    `  display_name: "${plan.replace(/^\w/, (c) => c.toUpperCase())}"`,
    '  rules:',
    '    - type: "event_rule"',
    '      id: "order_completed_rule"',
    '      event:',
    '        $ref: "#/events/core/order_completed"',
    '        allow_unplanned: false',
    '      properties:',
    '        - $ref: "#/properties/core/order_total"',
    '          required: true',
    'properties:',
    '  - id: "order_total"',
    '    name: "order_total"',
    sensitive.good,
    '',
  ].join('\n');
  return { text, sensitive };
}
