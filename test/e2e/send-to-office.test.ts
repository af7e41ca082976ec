/**
 * "Send to office" in Chromium against a real office server (citykpi serve on a throwaway PostgreSQL
 * cluster): nothing is requested until the button is pressed; without a connection it says so in one
 * line; a laptop the office does not know is held until an analyst accepts it; then the bundle goes
 * in and the office's receipt marks everything delivered.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { startCluster, type Cluster } from '../pg/support/cluster.ts';
import { type RunningInbox, startInbox } from '../pg/support/inbox.ts';
import { HomePage } from './pages/home-page.ts';
import { SyncPage } from './pages/sync-page.ts';
import { text } from './support/locales.ts';
import { test } from './support/sessions.ts';

const bin = new URL('../../cli/bin/citykpi.mjs', import.meta.url).pathname;
let cluster: Cluster;
let office: string;
let inbox: RunningInbox | undefined;

function citykpi(...args: string[]): string {
  return execFileSync(process.execPath, [bin, ...args], { cwd: office, encoding: 'utf8' });
}

beforeAll(async () => {
  cluster = await startCluster();
  office = mkdtempSync(join(inject('scratchDir'), 'office-'));
  citykpi('keygen', '--out', 'office', '--inbox', inject('inboxOrigin'));
  citykpi('db', 'migrate', '--postgres', cluster.url);
});

afterAll(async () => {
  await inbox?.stop();
  cluster?.stop();
});

describe('Send to office', () => {
  test('uploads the encrypted bundle and imports the receipt; offline or unknown, it says so in one line', async ({ browsers, expect }) => {
    const laptop = await browsers.launch(undefined, inject('inboxOrigin'));
    await laptop.open('#/');
    await new HomePage(laptop.page).openDemo();
    const sync = new SyncPage(laptop.page);
    await sync.open();
    await sync.importKeyFile(join(office, 'office.pub'));
    const panel = laptop.page.getByRole('region', { name: text('en', 'inbox:title') });
    const send = panel.getByRole('button', { name: text('en', 'inbox:send') });
    await send.waitFor();
    expect(laptop.network.allowedExtraRequests).toEqual([]);

    await send.click();
    await panel.getByText(text('en', 'inbox:offline')).waitFor();

    inbox = await startInbox(office, ['--postgres', cluster.url, '--identity', 'office.key', '--listen', new URL(inject('inboxOrigin')).host]);
    await send.click();
    await panel.getByText(text('en', 'inbox:refused.E_UNKNOWN_SIGNER')).waitFor();

    const [held] = JSON.parse(citykpi('quarantine', 'list', '--postgres', cluster.url, '--json')) as { id: string }[];
    citykpi('quarantine', 'accept', held!.id.slice(0, 12), '--postgres', cluster.url, '--identity', 'office.key');
    await send.click();
    await panel.getByText(/^Sent\. The office confirmed the bundle; revisions marked as delivered: \d+\.$/).waitFor();
    const stored = JSON.parse(citykpi('values', '--postgres', cluster.url, '--json')) as { assessmentId: string }[];
    expect(stored.length).toBeGreaterThan(0);

    await send.click();
    await panel.getByText(text('en', 'inbox:nothing')).waitFor();
    const uploads = laptop.network.allowedExtraRequests;
    expect(uploads.length).toBeGreaterThanOrEqual(3);
    expect(uploads.every((line) => line.endsWith(`${inject('inboxOrigin')}/v1/bundles`))).toBe(true);
  });
});
