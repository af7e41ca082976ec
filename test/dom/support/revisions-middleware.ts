/** Tests that watch or steer what the data layer asks of the revisions table, through a Dexie middleware. */
import type { DBCore, DBCoreTable, Dexie } from 'dexie';

/** Replaces some of the revisions table's DBCore methods; `wrap` gets the table below to call on. Register before the database opens. */
export function wrapRevisionsTable(db: Dexie, name: string, wrap: (table: DBCoreTable) => Partial<DBCoreTable>): void {
  db.use({
    stack: 'dbcore',
    name,
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        return tableName === 'revisions' ? { ...table, ...wrap(table) } : table;
      },
    }),
  });
}
