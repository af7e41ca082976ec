/** The home screen: the list of assessments, the demo card and the form that creates a city and year. */
import type { Locator, Page } from 'playwright-core';
import { text, type Lng } from '../support/locales.ts';

export interface NewAssessment {
  readonly city: string;
  readonly country: string;
  readonly population?: string;
  readonly households?: string;
  readonly year: string;
}

export class HomePage {
  constructor(
    readonly page: Page,
    readonly lng: Lng = 'en',
  ) {}

  private field(key: string): Locator {
    return this.createForm.getByRole('textbox', { name: text(this.lng, key), exact: true });
  }

  get createForm(): Locator {
    return this.page.getByRole('form', { name: text(this.lng, 'common:home.create.title') });
  }

  get list(): Locator {
    return this.page.getByRole('table', { name: text(this.lng, 'common:home.list.caption') });
  }

  assessmentLink(city: string): Locator {
    return this.list.getByRole('link', { name: city, exact: true });
  }

  /** Fills the form as a user would (each field committed when focus leaves it) and returns the new id. */
  async createAssessment(assessment: NewAssessment): Promise<string> {
    await this.field('city:field.name.label').fill(assessment.city);
    await this.field('city:field.country.label').fill(assessment.country);
    if (assessment.population) await this.field('city:field.population.label').fill(assessment.population);
    if (assessment.households) await this.field('city:field.households.label').fill(assessment.households);
    await this.field('city:field.year.label').fill(assessment.year);
    await this.field('city:field.year.label').press('Tab');
    await this.createForm.getByRole('button', { name: text(this.lng, 'common:home.create.submit') }).click();
    await this.page.waitForURL(/#\/a\/[^/]+$/);
    const match = /#\/a\/([^/]+)$/.exec(this.page.url());
    if (!match?.[1]) throw new Error(`not on an assessment after creating it: ${this.page.url()}`);
    return decodeURIComponent(match[1]);
  }

  async openDemo(): Promise<void> {
    await this.page.getByRole('button', { name: text(this.lng, 'common:home.demo.open') }).click();
    await this.page.waitForURL(/#\/a\/[^/]+$/);
  }
}
