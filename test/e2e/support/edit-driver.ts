/**
 * Drives many edits of one text field from inside the page, as fast as the app acknowledges them: the
 * value is set through the input's own setter (so React sees an input event), focus leaves the field
 * (which commits it), and the next edit starts once the save status says "Saved" again. Each
 * acknowledgement is reported to the test at once through a binding, so the test knows exactly which
 * edits the screen had acknowledged when it kills the browser.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';

const ackBinding = '__e2eEditAcknowledged';
const failBinding = '__e2eEditFailed';

declare global {
  interface Window {
    __e2eEditAcknowledged?: (value: string) => Promise<void>;
    __e2eEditFailed?: (value: string) => Promise<void>;
  }
}

export interface EditReports {
  readonly acknowledged: string[];
  readonly failed: string[];
}

/** Must run before the page loads, on the context the page belongs to. */
export async function listenForEdits(context: BrowserContext, reports: EditReports): Promise<void> {
  await context.exposeBinding(ackBinding, (_source, value: string) => void reports.acknowledged.push(value));
  await context.exposeBinding(failBinding, (_source, value: string) => void reports.failed.push(value));
}

/** Starts typing `values` one after another into `field`; returns at once, the edits run on in the page. */
export async function startEdits(field: Locator, values: readonly string[]): Promise<void> {
  await field.evaluate((input, values) => {
    const element = input as HTMLInputElement | HTMLTextAreaElement;
    // The save status beside this field: the nearest one up the tree.
    let form: Element | null = element;
    while (form && !form.querySelector('[data-testid="save-status"]')) form = form.parentElement;
    const status = form?.querySelector('[data-testid="save-status"]');
    const failure = status?.parentElement?.querySelector('[role="alert"]');
    if (!form || !status || !failure) throw new Error('the field has no save status next to it');
    const setValue = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element) as object, 'value')!.set!;
    // "Saved" re-mounts its text on every save, so a new node there is a new acknowledgement.
    const nextSave = () =>
      new Promise<boolean>((resolve) => {
        const previous = status.firstChild;
        const observer = new MutationObserver(() => {
          const saved = status.getAttribute('data-state') === 'saved' && status.firstChild !== null && status.firstChild !== previous;
          const failed = (failure.textContent ?? '') !== '';
          if (!saved && !failed) return;
          observer.disconnect();
          resolve(saved && !failed);
        });
        observer.observe(form, { childList: true, subtree: true, characterData: true, attributes: true });
      });
    void (async () => {
      for (const value of values) {
        const saved = nextSave();
        element.focus();
        setValue.call(element, value);
        element.dispatchEvent(new Event('input', { bubbles: true }));
        element.blur();
        if (await saved) void window.__e2eEditAcknowledged?.(value);
        else void window.__e2eEditFailed?.(value);
      }
    })();
  }, values);
}

/** Every string value `field` has in any revision of the app's database, read straight from IndexedDB. */
export async function storedFieldValues(page: Page, field: string): Promise<Set<string>> {
  const values = await page.evaluate(
    (field) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('citykpi');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('revisions').objectStore('revisions').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            open.result.close();
            resolve((all.result as { fields: Record<string, unknown> }[]).map((revision) => revision.fields[field]).filter((value): value is string => typeof value === 'string'));
          };
        };
      }),
    field,
  );
  return new Set(values);
}

/**
 * Like startEdits, for a field without a save status beside it (city profile, target sets): an edit is
 * acknowledged once the database holds one more revision, and failed when none comes within
 * `refusedAfterMs` (the record rules refused it and the screen said so).
 */
export async function startStoredEdits(field: Locator, values: readonly string[], refusedAfterMs = 2_000): Promise<void> {
  await field.evaluate(
    (input, { values, refusedAfterMs }) => {
      const element = input as HTMLInputElement | HTMLTextAreaElement;
      const setValue = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element) as object, 'value')!.set!;
      const database = new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('citykpi');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const revisionCount = async () => {
        const db = await database;
        return new Promise<number>((resolve, reject) => {
          const count = db.transaction('revisions').objectStore('revisions').count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(count.error);
        });
      };
      const grew = async (before: number) => {
        const deadline = performance.now() + refusedAfterMs;
        while (performance.now() < deadline) {
          if ((await revisionCount()) > before) return true;
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        return false;
      };
      void (async () => {
        for (const value of values) {
          const before = await revisionCount();
          element.focus();
          setValue.call(element, value);
          element.dispatchEvent(new Event('input', { bubbles: true }));
          element.blur();
          if (await grew(before)) void window.__e2eEditAcknowledged?.(value);
          else void window.__e2eEditFailed?.(value);
        }
        (await database).close();
      })();
    },
    { values, refusedAfterMs },
  );
}
