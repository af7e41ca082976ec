// Must run before anything imports Dexie: Dexie captures indexedDB and IDBKeyRange when it loads.
import 'fake-indexeddb/auto';

import { afterEach } from 'vitest';

// Each test is a fresh browser session: a full disk one test provokes must not refuse the next test's writes.
afterEach(() => window.sessionStorage.clear());
