import { LineageDb } from './lineage-db';

/** The app's one database instance. */
export const db = new LineageDb();
