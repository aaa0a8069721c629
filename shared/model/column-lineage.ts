/**
 * Column lineage as OpenLineage's ColumnLineageDatasetFacet (1-2-0) gives it: each output field's input fields
 * (`fields`), the input fields the whole dataset depends on (`dataset`: filters, joins, sorts, groupings, windows),
 * and for each input field the transformations that lead from it (`DIRECT`/`INDIRECT`, with their subtype).
 */
import type { DatasetRef } from './records';

/**
 * One transformation from an input field: `type` DIRECT (the value is computed from it) or INDIRECT (it only
 * affects which rows or how: the spec's subtypes IDENTITY, TRANSFORMATION, AGGREGATION for DIRECT; JOIN, GROUP_BY,
 * FILTER, SORT, WINDOW, CONDITIONAL for INDIRECT); `masking` when the transformation hides the original value.
 */
export interface ColumnTransformation {
  readonly type: string;
  readonly subtype?: string;
  readonly description?: string;
  readonly masking?: boolean;
}

/** A field an output depends on, with the transformations from it when the producer gives them. */
export interface ColumnInputField extends DatasetRef {
  readonly field: string;
  readonly transformations?: ReadonlyArray<ColumnTransformation>;
}
