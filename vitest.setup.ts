// Node-side tests of the Dexie store run against fake-indexeddb (CONVENTIONS.md 5).
import 'fake-indexeddb/auto';
