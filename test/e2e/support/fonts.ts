/**
 * Which fonts Chromium actually used to draw text (CDP CSS.getPlatformFontsForNode), so a test can tell
 * the bundled web fonts from whatever the machine happens to have installed. A control that does not
 * inherit the page font (buttons and inputs do not by default) shows up here as a system font, and on
 * a machine without CJK fonts its Chinese text is drawn as empty boxes.
 */
import type { Page } from 'playwright-core';

export interface UsedFont {
  /** Tag and class of the element that drew the text, for the failure message. */
  readonly element: string;
  readonly familyName: string;
  readonly isCustomFont: boolean;
  readonly glyphCount: number;
}

const probe = 'data-e2e-font-probe';

/**
 * The fonts used for every visible element under `selector` whose own text contains a character
 * matching `script` (e.g. Arabic or Han): those characters must come out of a font the app ships.
 */
export async function fontsUsedBy(page: Page, selector: string, script: RegExp): Promise<UsedFont[]> {
  const marked = await page.evaluate(
    ({ selector, source, flags, probe }) => {
      const pattern = new RegExp(source, flags);
      let count = 0;
      for (const element of document.querySelectorAll(`${selector}, ${selector} *`)) {
        const ownText = [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent).join('');
        if (pattern.test(ownText) && element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) {
          element.setAttribute(probe, '');
          count += 1;
        }
      }
      return count;
    },
    { selector, source: script.source, flags: script.flags, probe },
  );
  if (marked === 0) throw new Error(`no visible text in ${script} under ${selector}`);
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: `[${probe}]` });
    const used: UsedFont[] = [];
    for (const id of nodeIds) {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId: id });
      const { node } = await cdp.send('DOM.describeNode', { nodeId: id });
      const attributes = node.attributes ?? [];
      const classIndex = attributes.indexOf('class');
      const classes = classIndex >= 0 ? (attributes[classIndex + 1] ?? '').split(' ').filter(Boolean) : [];
      const element = [node.localName, ...classes].join('.');
      used.push(...fonts.map(({ familyName, isCustomFont, glyphCount }) => ({ element, familyName, isCustomFont, glyphCount })));
    }
    return used;
  } finally {
    await cdp.detach();
    await page.evaluate((probe) => document.querySelectorAll(`[${probe}]`).forEach((element) => element.removeAttribute(probe)), probe);
  }
}

/** `element: family` for every piece of text drawn with a font that did not come with the app. */
export function systemFontUses(fonts: readonly UsedFont[]): string[] {
  return [...new Set(fonts.filter((font) => !font.isCustomFont).map((font) => `${font.element}: ${font.familyName}`))];
}
