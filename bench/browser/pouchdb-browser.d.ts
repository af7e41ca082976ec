/** The part of PouchDB's API the benchmark page uses (the package ships no types). */
declare module 'pouchdb-browser' {
  interface BulkResult {
    readonly ok?: boolean;
    readonly id?: string;
    readonly error?: boolean | string;
  }
  export default class PouchDB {
    constructor(name: string, options?: Record<string, unknown>);
    readonly adapter: string;
    bulkDocs(docs: readonly object[]): Promise<BulkResult[]>;
    info(): Promise<{ readonly doc_count: number }>;
    destroy(): Promise<void>;
  }
}
