/** Workshop mode: the wizard, the facilitator's desk, the KPI's workshop panel and the board. */
import type { Locator, Page } from 'playwright-core';
import { text, type Lng } from '../support/locales.ts';

export interface WizardInput {
  readonly title: string;
  readonly place?: string;
  readonly facilitator: string;
  readonly verifier: string;
  readonly participants: readonly { readonly name: string; readonly department: string }[];
}

export class WorkshopPage {
  constructor(
    readonly page: Page,
    readonly lng: Lng = 'en',
  ) {}

  t(key: string, values?: Readonly<Record<string, string | number>>): string {
    return text(this.lng, key, values);
  }

  private field(key: string, values?: Readonly<Record<string, string | number>>): Locator {
    return this.page.getByLabel(this.t(key, values), { exact: true });
  }

  private button(key: string, values?: Readonly<Record<string, string | number>>): Locator {
    return this.page.getByRole('button', { name: this.t(key, values), exact: true });
  }

  /** From home: the three wizard steps; resolves on the new workshop's desk with its assessment id. */
  async create(input: WizardInput): Promise<string> {
    await this.page.getByRole('link', { name: this.t('workshop:home.start') }).click();
    await this.field('workshop:wizard.workshopTitle').fill(input.title);
    if (input.place !== undefined) await this.field('workshop:wizard.place').fill(input.place);
    await this.button('workshop:wizard.next').click();
    await this.field('workshop:wizard.facilitator').fill(input.facilitator);
    await this.field('workshop:wizard.verifier').fill(input.verifier);
    await this.button('workshop:wizard.next').click();
    for (const [index, participant] of input.participants.entries()) {
      if (index > 0) await this.button('workshop:wizard.addParticipant').click();
      await this.field('workshop:wizard.participantName', { number: index + 1 }).fill(participant.name);
      await this.field('workshop:wizard.participantDepartment', { number: index + 1 }).fill(participant.department);
    }
    await this.button('workshop:wizard.create').click();
    await this.page.waitForURL(/#\/a\/[^/]+\/workshop$/);
    return decodeURIComponent(/#\/a\/([^/]+)\/workshop$/.exec(this.page.url())![1]!);
  }

  /**
   * Assigns KPIs to a department on the desk, in bulk: `scope` is `k:<kpiId>`, `c:<categoryId>`,
   * `s:<subdimensionId>` or `d:<dimensionId>`, and `count` how many KPIs that covers.
   */
  async assign(scope: string, department: string, count = 1): Promise<void> {
    const section = this.page.getByRole('region', { name: this.t('workshop:assign.title') });
    await section.getByLabel(this.t('workshop:assign.scope'), { exact: true }).selectOption(scope);
    await section.getByLabel(this.t('workshop:assign.department'), { exact: true }).fill(department);
    await section.getByRole('button', { name: this.t('workshop:assign.submit'), exact: true }).click();
    await section.getByText(this.t(count === 1 ? 'workshop:assign.done_one' : 'workshop:assign.done_other', { count })).waitFor();
  }

  /** Puts someone at the keyboard on the desk; the facilitator and the verifier type their PIN. */
  async switchTo(name: string, role: 'participant' | 'facilitator' | 'verifier', pin?: string): Promise<void> {
    const switcher = this.page.getByRole('region', { name: this.t('workshop:switch.title') });
    await switcher.getByRole('button', { name: new RegExp(`^${name}\\b`) }).click();
    if (pin !== undefined) {
      const dialog = this.page.getByRole('dialog');
      await dialog.getByLabel(this.t('workshop:switch.pin'), { exact: true }).fill(pin);
      await dialog.getByRole('button', { name: this.t('workshop:switch.confirm'), exact: true }).click();
    }
    await switcher.getByText(this.t('workshop:switch.current', { name, role: this.t(`workshop:roles.${role}`) })).waitFor();
  }

  get panel(): Locator {
    return this.page.getByRole('region', { name: this.t('workshop:kpi.title'), exact: true });
  }

  async submit(): Promise<void> {
    await this.panel.getByRole('button', { name: this.t('workshop:kpi.submit') }).click();
    await this.panel.getByText(this.t('workshop:kpi.submission.submitted'), { exact: true }).waitFor();
  }

  reviewItem(kpiName: string): Locator {
    return this.page.getByRole('region', { name: this.t('workshop:review.title') }).getByRole('listitem').filter({ hasText: kpiName });
  }

  async returnWithReason(kpiName: string, reason: string): Promise<void> {
    const item = this.reviewItem(kpiName);
    await item.getByLabel(this.t('workshop:review.reason', { kpi: kpiName })).fill(reason);
    await item.getByRole('button', { name: `${this.t('workshop:review.return')} ${kpiName}` }).click();
    await item.waitFor({ state: 'detached' });
  }

  async accept(kpiName: string): Promise<void> {
    const item = this.reviewItem(kpiName);
    await item.getByRole('button', { name: `${this.t('workshop:review.accept')} ${kpiName}` }).click();
    await item.waitFor({ state: 'detached' });
  }

  async verifyKpi(): Promise<void> {
    const verdict = this.panel.getByRole('group', { name: this.t('workshop:verify.kpi') });
    await verdict.getByLabel(this.t('workshop:verify.reported'), { exact: true }).selectOption('yes');
    await verdict.getByLabel(this.t('workshop:verify.verified'), { exact: true }).selectOption('yes');
    await verdict.getByRole('button', { name: new RegExp(`^${this.t('workshop:verify.save')}`) }).click();
    await this.page.getByText(this.t('workshop:lock.verified')).waitFor();
  }

  async reopen(reason: string): Promise<void> {
    await this.panel.getByLabel(this.t('workshop:kpi.reason'), { exact: true }).fill(reason);
    await this.panel.getByRole('button', { name: this.t('workshop:kpi.reopen'), exact: true }).click();
    await this.page.getByText(this.t('workshop:lock.verified')).waitFor({ state: 'detached' });
  }

  /** A count on the board: the row of a department, dimension or participant, in one state's column. */
  boardCount(table: 'byDepartment' | 'byDimension' | 'byParticipant', row: string, column: number): Locator {
    return this.page
      .getByRole('table', { name: this.t(`workshop:board.${table}`) })
      .getByRole('row', { name: new RegExp(`^${row}`) })
      .getByRole('cell')
      .nth(column);
  }
}
