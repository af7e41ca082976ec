/** The assessment workspace: the KPI tree (navigation) beside the entry region. */
import type { Locator, Page } from 'playwright-core';
import { text, type Lng } from '../support/locales.ts';

export class WorkspacePage {
  constructor(
    readonly page: Page,
    readonly lng: Lng = 'en',
  ) {}

  get treeRegion(): Locator {
    return this.page.getByRole('complementary', { name: text(this.lng, 'entry:workspace.treeRegion') });
  }

  get tree(): Locator {
    return this.page.getByRole('navigation', { name: text(this.lng, 'entry:tree.label') });
  }

  get entryRegion(): Locator {
    return this.page.getByRole('region', { name: text(this.lng, 'entry:workspace.entryRegion') });
  }

  get search(): Locator {
    return this.tree.getByRole('searchbox', { name: text(this.lng, 'entry:tree.search.label') });
  }

  /** The tree row of a KPI, found by its official code (e.g. `EC: ICT: ICT: 1C`). */
  kpiRow(code: string): Locator {
    return this.tree.getByRole('row').filter({ hasText: code });
  }

  get treeWidget(): Locator {
    return this.tree.getByRole('treegrid');
  }

  async waitUntilLoaded(): Promise<void> {
    await this.search.waitFor();
  }

  /** Searches the tree for a code and opens that KPI, as a user would. */
  async openKpi(code: string): Promise<void> {
    await this.waitUntilLoaded();
    await this.search.fill(code);
    await this.kpiRow(code).click();
    await this.page.waitForURL(/#\/a\/[^/]+\/kpi\/[^/]+$/);
  }
}
