/** Moving through the page the way a keyboard-only user does: Tab until the wanted control has focus. */
import type { Locator, Page } from 'playwright-core';

const MAX_TABS = 120;

export async function tabTo(page: Page, target: Locator): Promise<void> {
  const handle = await target.elementHandle();
  if (!handle) throw new Error('the control to reach by keyboard is not on the page');
  for (let presses = 0; presses < MAX_TABS; presses++) {
    if (await handle.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`the control could not be reached with ${MAX_TABS} presses of Tab`);
}

/** Tab until focus is inside a composite widget (a tree moves focus from itself to one of its rows). */
export async function tabInto(page: Page, container: Locator): Promise<void> {
  const handle = await container.elementHandle();
  if (!handle) throw new Error('the widget to reach by keyboard is not on the page');
  for (let presses = 0; presses < MAX_TABS; presses++) {
    if (await handle.evaluate((element) => element.contains(document.activeElement))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`the widget could not be reached with ${MAX_TABS} presses of Tab`);
}
