import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeBundle } from '../../core/bundle/index.ts';
import type { BundleSigner } from '../../core/bundle/encode.ts';
import type { Revision } from '../../core/revisions/types.ts';
import { edit, signerFromSeed } from '../fixtures/bundles/helpers.ts';
import { ERROR_LINE, runCli } from './support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'citykpi-cli-workshop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function writeBundle(name: string, device: BundleSigner, revisions: readonly Revision[]): Promise<void> {
  const bytes = await encodeBundle({ revisions, device, encryption: { kind: 'none' }, since: null });
  writeFileSync(join(dir, name), bytes);
}

describe('citykpi merge and the workshop rule', () => {
  it('refuses to merge a forged revision for a KPI the participant is not assigned, names it, and writes nothing', async () => {
    const facilitator = await signerFromSeed(41);
    const amina = await signerFromSeed(42);
    const workshop = [
      await edit(facilitator.id, 'workshop:a1:w1', { title: 'Data week' }, 1_000, [], 'Fatima'),
      await edit(facilitator.id, 'participant:a1:p1', { workshopId: 'w1', name: 'Fatima', role: 'facilitator' }, 1_100, [], 'Fatima'),
      await edit(facilitator.id, 'participant:a1:p2', { workshopId: 'w1', name: 'Amina', department: 'Water', role: 'participant' }, 1_200, [], 'Fatima'),
      await edit(facilitator.id, 'assignment:a1:EC-ICT-ICT-1C', { department: 'Water' }, 1_300, [], 'Fatima'),
    ];
    const honest = await edit(amina.id, 'value:a1:EC-ICT-ICT-1C:_', { numerator: 4 }, 2_000, [], 'Amina');
    const forged = await edit(amina.id, 'value:a1:EC-ICT-ICT-2C:_', { numerator: 9 }, 2_100, [], 'Amina');
    await writeBundle('workshop.citykpi', facilitator, workshop);
    await writeBundle('honest.citykpi', amina, [honest]);
    await writeBundle('forged.citykpi', amina, [honest, forged]);

    const ok = await runCli(dir, ['merge', 'workshop.citykpi', 'honest.citykpi', '--out', 'ok.citykpi', '--allow-unknown']);
    expect(ok.code, ok.stderr).toBe(0);
    const refused = await runCli(dir, ['merge', 'workshop.citykpi', 'forged.citykpi', '--out', 'bad.citykpi', '--allow-unknown']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(ERROR_LINE);
    expect(refused.stderr).toContain('E_FORBIDDEN');
    expect(refused.stderr).toContain(forged.id.slice(0, 12));
    expect(refused.stderr).toContain('"Amina" on value:a1:EC-ICT-ICT-2C:_ (notAssigned)');
    expect(existsSync(join(dir, 'bad.citykpi'))).toBe(false);
  });
});
