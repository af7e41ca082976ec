import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { U4SSC_2017 } from '../../core/catalogue/index.ts';
import { displayWidth, formatTable } from '../../cli/commands/catalogue.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../cli/bin/citykpi.mjs', import.meta.url));

function citykpi(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function localeName(language: string, key: string): string {
  const tree = JSON.parse(readFileSync(new URL(`../../locales/${language}/catalogue.json`, import.meta.url), 'utf8'));
  return key.split('.').reduce((node, part) => node[part], tree);
}

interface Entry {
  id: string;
  code: string;
  name: string;
  dimension: { id: string; name: string };
  subdimension: { id: string; name: string };
  category: { id: string; name: string };
  tier: { id: string; name: string };
  type: { id: string | null; name: string };
  unit: { id: string; name: string };
  dataPoints: { id: string; name: string; unit: { id: string; name: string } }[];
}

const SPAWNING = { timeout: 60_000 };

describe('citykpi catalogue --json', SPAWNING, () => {
  let french: ReturnType<typeof citykpi>;
  beforeAll(() => {
    french = citykpi('catalogue', '--lang', 'fr', '--json');
  }, 60_000);

  it('exits 0 with nothing on stderr', () => {
    expect(french.stderr).toBe('');
    expect(french.status).toBe(0);
  });

  it('prints all 91 KPIs in catalogue order with French names', () => {
    const entries = JSON.parse(french.stdout) as Entry[];
    expect(entries.map((entry) => entry.code)).toEqual(U4SSC_2017.kpis.map((kpi) => kpi.code));
    const access = entries[0];
    expect(access).toMatchObject({
      id: 'EC-ICT-ICT-1C',
      code: 'EC: ICT: ICT: 1C',
      name: 'Accès des ménages à Internet',
      dimension: { id: 'EC', name: 'Économie' },
      subdimension: { id: 'EC-ICT', name: 'TIC' },
      category: { id: 'EC-ICT-ICT', name: 'Infrastructures TIC' },
      tier: { id: 'core', name: 'De base' },
      type: { id: 'smart', name: 'Intelligent' },
      unit: { id: 'percent', name: 'Pourcentage (%)' },
      dataPoints: [],
    });
    for (const entry of entries) expect(entry.name).toBe(localeName('fr', `kpi.${entry.id}.name`));
  });

  it('names the data points of multi-point KPIs and marks unverified type tags', () => {
    const entries = JSON.parse(french.stdout) as Entry[];
    const air = entries.find((entry) => entry.id === 'EN-EN-AQ-1C');
    expect(air?.dataPoints.map((point) => point.id)).toEqual(['pm10', 'pm25', 'no2', 'so2', 'o3']);
    expect(air?.dataPoints[2]?.name).toBe("Dioxyde d'azote (NO₂)");
    const patents = entries.find((entry) => entry.id === 'EC-P-IN-2C');
    expect(patents?.type).toEqual({ id: null, name: 'Non vérifié' });
  });
});

describe('citykpi catalogue (table)', SPAWNING, () => {
  it('prints a header and one aligned row per KPI in the chosen language', () => {
    const { status, stdout, stderr } = citykpi('catalogue', '--lang', 'zh');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(92);
    expect(lines[0]?.startsWith('代码')).toBe(true);
    const nameColumn = displayWidth(lines[1]?.slice(0, lines[1].lastIndexOf('家庭互联网接入')) ?? '');
    U4SSC_2017.kpis.forEach((kpi, index) => {
      const line = lines[index + 1] ?? '';
      const name = localeName('zh', `kpi.${kpi.id}.name`);
      expect(line.startsWith(kpi.code)).toBe(true);
      expect(line.endsWith(name)).toBe(true);
      expect(displayWidth(line.slice(0, line.length - name.length))).toBe(nameColumn);
    });
  });

  it('defaults to English', () => {
    const { status, stdout } = citykpi('catalogue');
    expect(status).toBe(0);
    expect(stdout).toContain('Household Internet Access');
    expect(stdout.split('\n')[0]).toMatch(/^Code\s+Dimension\s+Sub-dimension\s+Category\s+Tier\s+Type\s+Unit\s+Name$/);
  });
});

describe('citykpi usage errors', SPAWNING, () => {
  it('refuses an unknown language with exit 2, the list of languages and the usage', () => {
    const { status, stdout, stderr } = citykpi('catalogue', '--lang', 'xx');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toBe("citykpi: E_USAGE: unknown language 'xx'; available languages: ar, en, es, fr, pt, ru, zh");
    expect(stderr).toContain('citykpi catalogue [--lang <language>] [--json]');
  });

  it('refuses unknown options, stray arguments and unknown commands with exit 2 and no stack trace', () => {
    for (const args of [['catalogue', '--colour'], ['catalogue', 'extra'], ['catalog'], []]) {
      const { status, stdout, stderr } = citykpi(...args);
      expect(status, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^citykpi: E_USAGE: /);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('prints help on stdout with exit 0', () => {
    const { status, stdout, stderr } = citykpi('catalogue', '--help');
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^citykpi catalogue \[--lang <language>\] \[--json\]/);
  });
});

describe('table layout', () => {
  it('counts CJK characters as two columns and combining marks as none', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('家庭')).toBe(4);
    expect(displayWidth('（%）')).toBe(5);
    expect(displayWidth('أسرّة')).toBe(4);
  });

  it('pads every column but the last', () => {
    expect(formatTable([['a', 'bb', 'c'], ['ccc', 'd', 'eeee']])).toBe('a    bb  c\nccc  d   eeee');
  });
});
