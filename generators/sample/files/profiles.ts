/**
 * RudderStack Profiles-style project files: the identity stitcher (`id_stitcher`, `edge_sources`) and
 * the customer profile's entity vars. Both are job code.
 */
import type { DatasetRef } from '../../../shared/model/records';
import { DATASETS } from '../world';
import { inputField, type InputFieldRef, type JobCode, type OutputField } from './file-doc';

/** Profiles inputs (profiles/models/inputs.yaml) and the warehouse tables and id columns behind them. */
export const EDGE_SOURCES: Readonly<Record<string, { dataset: DatasetRef; ids: ReadonlyArray<string>; time: string }>> =
  {
    'inputs/stg_orders': {
      dataset: DATASETS.stagingOrders,
      ids: ['user_id', 'anonymous_id', 'email'],
      time: 'ordered_at',
    },
    'inputs/rs_identifies': { dataset: DATASETS.rawIdentifies, ids: ['user_id', 'anonymous_id'], time: 'timestamp' },
  };

export class IdStitcher implements JobCode {
  constructor(
    readonly edgeSources: ReadonlyArray<string>,
    readonly validityTime = '24h',
  ) {}

  render(): string {
    return [
      'models:',
      '  - name: customer_id_stitcher',
      '    model_type: id_stitcher',
      '    model_spec:',
      `      validity_time: ${this.validityTime}`,
      '      entity_key: customer',
      '      materialization:',
      '        run_type: incremental',
      '      edge_sources:',
      ...this.edgeSources.map((s) => `        - from: ${s}`),
      '',
    ].join('\n');
  }

  inputs(): ReadonlyArray<DatasetRef> {
    return this.edgeSources.flatMap((s) => {
      const source = EDGE_SOURCES[s];
      return source ? [source.dataset] : [];
    });
  }

  fields(): ReadonlyArray<OutputField> {
    const idInputs: InputFieldRef[] = [];
    const timeInputs: InputFieldRef[] = [];
    for (const s of this.edgeSources) {
      const source = EDGE_SOURCES[s];
      if (!source) continue;
      for (const id of source.ids) idInputs.push(inputField(source.dataset, id, 'TRANSFORMATION'));
      timeInputs.push(inputField(source.dataset, source.time, 'AGGREGATION'));
    }
    return [
      { name: 'main_id', type: 'STRING', description: 'The stitched customer id.', inputs: idInputs },
      { name: 'other_id', type: 'STRING', inputs: idInputs },
      { name: 'other_id_type', type: 'STRING', inputs: [] },
      { name: 'first_seen_at', type: 'TIMESTAMP', inputs: timeInputs },
    ];
  }

  withEdgeSource(source: string): IdStitcher {
    return this.edgeSources.includes(source) ? this : new IdStitcher([...this.edgeSources, source], this.validityTime);
  }
}

interface EntityVar {
  readonly name: string;
  readonly select: string;
  readonly from: string;
  readonly type: string;
  readonly description: string;
  readonly inputs: ReadonlyArray<InputFieldRef>;
}

const O = DATASETS.stagingOrders;
const G = DATASETS.idGraph;

const VARS: ReadonlyArray<EntityVar> = [
  {
    name: 'customer_id',
    select: 'main_id',
    from: 'models/customer_id_stitcher',
    type: 'STRING',
    description: 'Stitched customer id.',
    inputs: [inputField(G, 'main_id')],
  },
  {
    name: 'lifetime_value',
    select: 'sum(revenue)',
    from: 'inputs/stg_orders',
    type: 'NUMERIC',
    description: 'Total revenue of the customer’s completed orders, in EUR.',
    inputs: [inputField(O, 'revenue', 'AGGREGATION')],
  },
  {
    name: 'country',
    select: 'last_value(country)',
    from: 'inputs/stg_orders',
    type: 'STRING',
    description: 'Shipping country of the latest order (ISO 3166-1 alpha-2).',
    inputs: [inputField(O, 'country', 'AGGREGATION')],
  },
  {
    name: 'account_age_days',
    select: "datediff('day', min(first_seen_at), current_date)",
    from: 'models/customer_id_stitcher',
    type: 'INTEGER',
    description: 'Days since the customer was first seen.',
    inputs: [inputField(G, 'first_seen_at', 'TRANSFORMATION')],
  },
  {
    name: 'order_count_90d',
    select: "count(distinct order_id) filter (where ordered_at >= dateadd('day', -90, current_date))",
    from: 'inputs/stg_orders',
    type: 'INTEGER',
    description: 'Orders in the last 90 days.',
    inputs: [inputField(O, 'order_id', 'AGGREGATION')],
  },
  {
    name: 'last_order_at',
    select: 'max(ordered_at)',
    from: 'inputs/stg_orders',
    type: 'TIMESTAMP',
    description: 'Time of the latest completed order.',
    inputs: [inputField(O, 'ordered_at', 'AGGREGATION')],
  },
];

export class CustomerProfile implements JobCode {
  render(): string {
    const lines = ['var_groups:', '  - name: customer_profile', '    entity_key: customer', '    vars:'];
    for (const v of VARS) {
      lines.push(
        '      - entity_var:',
        `          name: ${v.name}`,
        `          select: ${JSON.stringify(v.select)}`,
        `          from: ${v.from}`,
        `          description: ${JSON.stringify(v.description)}`,
      );
    }
    return `${lines.join('\n')}\n`;
  }

  inputs(): ReadonlyArray<DatasetRef> {
    return [G, O];
  }

  fields(): ReadonlyArray<OutputField> {
    return VARS.map((v) => ({ name: v.name, type: v.type, description: v.description, inputs: v.inputs }));
  }
}
