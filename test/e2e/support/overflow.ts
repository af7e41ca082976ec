/** Sideways overflow: hostile or very long text must wrap, never widen a screen. */
import type { Page } from 'playwright-core';

/** How far the page reaches past the window sideways, and the innermost elements that do. */
export async function sidewaysOverflow(page: Page): Promise<{ readonly pixels: number; readonly culprits: readonly string[] }> {
  return page.evaluate(() => {
    const pixels = document.documentElement.scrollWidth - window.innerWidth;
    const outside = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.right > window.innerWidth + 1 || box.left < -1;
    };
    const culprits = pixels <= 1 ? [] : [...document.body.querySelectorAll('*')].filter((element) => outside(element) && ![...element.children].some(outside));
    return { pixels, culprits: culprits.slice(0, 5).map((element) => `${element.tagName.toLowerCase()}.${element.className} in ${element.parentElement?.className ?? ''}`) };
  });
}
