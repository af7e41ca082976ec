// Must run before anything imports Dexie: Dexie captures indexedDB and IDBKeyRange when it loads.
import 'fake-indexeddb/auto';
