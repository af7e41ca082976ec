import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

interface CssFinding {
  readonly line: number;
  readonly property: string;
  readonly advice: string;
}
interface CssLogicalChecker {
  checkCss(css: string): CssFinding[];
  checkInlineStyles(tsx: string): CssFinding[];
  checkDeclaration(property: string, value: string): Omit<CssFinding, 'line'>[];
}
interface Problem {
  readonly line: number;
  readonly message: string;
}
interface I18nUsageChecker {
  flattenKeys(json: unknown): Set<string>;
  checkSource(source: string, catalog: Map<string, Set<string>>, options?: { jsx?: boolean }): Problem[];
  translatableText(text: string): string;
}

const cssScript = fileURLToPath(new URL('../../build/check-css-logical.mjs', import.meta.url));
const i18nScript = fileURLToPath(new URL('../../build/check-i18n-usage.mjs', import.meta.url));
// Non-literal specifiers: the checkers are plain .mjs without declarations, typed by the interfaces above.
const css = (await import(cssScript)) as CssLogicalChecker;
const i18n = (await import(i18nScript)) as I18nUsageChecker;

const properties = (findings: readonly { property: string }[]) => findings.map((finding) => finding.property);

describe('check-css-logical: stylesheets', () => {
  it.each([
    ['margin-left: 4px', 'margin-left', 'margin-inline-start'],
    ['margin-right: 4px', 'margin-right', 'margin-inline-end'],
    ['padding-left: 4px', 'padding-left', 'padding-inline-start'],
    ['padding-right: 4px', 'padding-right', 'padding-inline-end'],
    ['left: 0', 'left', 'inset-inline-start'],
    ['right: 0', 'right', 'inset-inline-end'],
    ['border-left: 1px solid', 'border-left', 'border-inline-start'],
    ['border-right-color: red', 'border-right-color', 'border-inline-end-color'],
    ['border-left-width: 2px', 'border-left-width', 'border-inline-start-width'],
    ['border-top-left-radius: 4px', 'border-top-left-radius', 'border-start-start-radius'],
    ['border-bottom-right-radius: 4px', 'border-bottom-right-radius', 'border-end-end-radius'],
    ['text-align: left', 'text-align: left', 'text-align: start'],
    ['text-align: right', 'text-align: right', 'text-align: end'],
    ['float: right', 'float: right', 'float: inline-end'],
    ['clear: left', 'clear: left', 'clear: inline-start'],
  ])('flags %s', (declaration, property, advice) => {
    expect(css.checkCss(`.a {\n  ${declaration};\n}`)).toEqual([{ line: 2, property, advice }]);
  });

  it('flags direction, horizontal translations and asymmetric four-value shorthands', () => {
    const sheet = [
      '.a { direction: rtl; }',
      '.b { transform: translateX(4px); }',
      '.c { transform: scale(2) translate(-50%, 0); }',
      '.d { translate: 3px 0; }',
      '.e { margin: 0 4px 0 8px; }',
      '.f { padding: 1px 2px 3px 4px !important; }',
    ].join('\n');
    expect(css.checkCss(sheet).map((finding) => [finding.line, finding.property])).toEqual([
      [1, 'direction: rtl'],
      [2, 'translateX(4px)'],
      [3, 'translate(-50%, 0)'],
      [4, 'translate: 3px 0'],
      [5, 'margin: 0 4px 0 8px'],
      [6, 'padding: 1px 2px 3px 4px'],
    ]);
  });

  it('accepts logical properties, zero or vertical translations and symmetric shorthands', () => {
    const sheet = `
      .a { margin-inline-start: 4px; padding-inline: 8px; inset-inline-end: 0; }
      .b { border-inline-start: 1px solid; border-start-end-radius: 4px; }
      .c { text-align: start; text-align: center; float: inline-end; clear: both; }
      .d { transform: translateX(0) translateY(4px); translate: 0 4px; }
      .e { transform: translate(0px, -50%); margin: 0 4px 0 4px; padding: 1px 2px 3px; }
      .f { top: 0; bottom: 0; --left: 3px; unicode-bidi: isolate; }
    `;
    expect(css.checkCss(sheet)).toEqual([]);
  });

  it('ignores selectors, comments, strings and nested rule preludes', () => {
    const sheet = `
      /* margin-left: 4px; left: 0 */
      .left:hover, .text-align\\:left { color: red; }
      .a { content: "left: 0; margin-left: 1px"; background: url(data:image/svg+xml;left:0); }
      .b { &:hover { color: blue; } & .right { margin-inline-end: 0; } }
      @media (min-width: 600px) { .c { padding-inline: 0; } }
    `;
    expect(css.checkCss(sheet)).toEqual([]);
  });

  it('reports the line of each declaration inside nested and media blocks', () => {
    const sheet = '@media (min-width: 600px) {\n  .a {\n    color: red;\n    margin-left: 1px;\n  }\n}\n.b { & .c { right: 0; } }';
    expect(css.checkCss(sheet).map((finding) => [finding.line, finding.property])).toEqual([
      [4, 'margin-left'],
      [7, 'right'],
    ]);
  });
});

describe('check-css-logical: inline styles in TSX', () => {
  it('flags physical camelCase properties and quoted values', () => {
    const tsx = [
      'export const A = () => (',
      '  <div style={{ marginLeft: 4, color: "red",',
      "    textAlign: 'right', 'paddingRight': 2, transform: `translateX(${x}px)` }}>",
      '    x',
      '  </div>',
      ');',
    ].join('\n');
    expect(css.checkInlineStyles(tsx).map((finding) => [finding.line, finding.property])).toEqual([
      [2, 'margin-left'],
      [3, 'text-align: right'],
      [3, 'padding-right'],
      [3, 'translateX(${x}px)'],
    ]);
  });

  it('accepts logical inline styles, nested values and non-style objects', () => {
    const tsx = `
      const position = { left: 0 };
      export const A = () => (
        <div style={{ marginInlineStart: 4, insetInlineEnd: f({ left: 1 }), textAlign: 'start', width: calc(1, 2) }} data={{ left: 1 }} />
      );
    `;
    expect(css.checkInlineStyles(tsx)).toEqual([]);
  });

  it('checks a declaration directly', () => {
    expect(properties(css.checkDeclaration('float', "'left'"))).toEqual(['float: left']);
    expect(css.checkDeclaration('margin-inline-start', '4px')).toEqual([]);
  });
});

const catalog = new Map<string, Set<string>>([
  ['common', i18n.flattenKeys({ nav: { home: 'Home', settings: 'Settings' }, items_one: '{{count}} item', items_other: '{{count}} items' })],
  ['entry', i18n.flattenKeys({ field: { value: { label: 'Value' } }, error: { empty: 'Empty', range: 'Range' } })],
  ['catalogue', i18n.flattenKeys({ kpi: { 'EC-1': { name: 'Internet' } }, units: { percent: '%' } })],
]);
const messages = (source: string, jsx = true) =>
  i18n.checkSource(source, catalog, { jsx }).map((problem) => `${problem.line}: ${problem.message}`);

describe('check-i18n-usage: keys', () => {
  it('accepts existing keys in the default, useTranslation and prefixed namespaces, and plurals', () => {
    const source = `
      function A() {
        const { t } = useTranslation('entry');
        return <p>{t('field.value.label')} {t("common:nav.home")} {t('catalogue:units.percent')}</p>;
      }
      function B() {
        const { t, i18n } = useTranslation();
        return <Button aria-label={t('nav.settings')}>{t('items', { count: 2 })}</Button>;
      }
      function C() {
        const { t: tc } = useTranslation(['catalogue', 'entry']);
        return <Trans i18nKey="error.range" ns="entry" />;
      }
    `;
    expect(messages(source)).toEqual([]);
  });

  it('reports missing keys, unknown namespaces and keys looked up in the wrong namespace', () => {
    const source = [
      "const { t } = useTranslation('entry');",
      "t('field.value.missing');",
      "t('nav.home');",
      "t('nowhere:x.y');",
      "t('common:items_few.other');",
      "i18n.t('entry:error.empty');",
      "i18n.t('entry:error.gone');",
      '<Trans i18nKey="field.nope" />',
    ].join('\n');
    expect(messages(source)).toEqual([
      "2: missing key 'field.value.missing' in locales/en/entry.json",
      "3: missing key 'nav.home' in locales/en/entry.json",
      "4: unknown namespace 'nowhere' in key 'nowhere:x.y' (no locales/en/nowhere.json)",
      "5: missing key 'items_few.other' in locales/en/common.json",
      "7: missing key 'error.gone' in locales/en/entry.json",
      "8: missing key 'field.nope' in locales/en/entry.json",
    ]);
  });

  it('resolves each call against the nearest useTranslation before it, aliases and ns options', () => {
    const source = [
      "function A() { const { t } = useTranslation('catalogue'); return t('units.percent'); }",
      "function B() { const { t } = useTranslation('entry'); return t('units.percent'); }",
      "function C() { const { t: tc } = useTranslation('catalogue'); return tc('nav.home'); }",
      "function D() { const { t } = useTranslation(); return t('error.empty', { ns: 'entry' }); }",
    ].join('\n');
    expect(messages(source)).toEqual([
      "2: missing key 'units.percent' in locales/en/entry.json",
      "3: missing key 'nav.home' in locales/en/catalogue.json",
    ]);
  });

  it('accepts dynamic keys that match a known key and reports those that cannot', () => {
    const source = [
      "const { t } = useTranslation('entry');",
      't(`catalogue:kpi.${id}.name`);',
      't(`error.${reason}`);',
      't(`common:items`);',
      't(`catalogue:kpi.${id}.description`);',
      't(`error.${a}.${b}.detail`);',
      't(`${prefix}.label`);',
      't(`${ns}:kpi.name`);',
      'const ok = <Trans i18nKey={`catalogue:units.${unit}`} />;',
      'const bad = <Trans i18nKey={`catalogue:unit.${unit}`} />;',
    ].join('\n');
    expect(messages(source)).toEqual([
      '5: dynamic key `catalogue:kpi.${id}.description` matches no key in locales/en/catalogue.json',
      '6: dynamic key `error.${a}.${b}.detail` matches no key in locales/en/entry.json',
      '7: dynamic key `${prefix}.label` has no static prefix to check',
      '8: dynamic key `${ns}:kpi.name` has no static prefix to check',
      '10: dynamic key `catalogue:unit.${unit}` matches no key in locales/en/catalogue.json',
    ]);
  });

  it('ignores calls in comments, other functions named like t, and TypeScript generics', () => {
    const source = `
      // t('commented.out')
      /* t('also.out') */
      const ok = format('nav.home') + test('x') + cut('y');
      const pick = <T extends string>(value: T) => value;
      const pair = <T,>(value: T) => [value, value];
      const re = /<b>{2}/.test(ok) ? 1 : 2;
      export const A = () => <p>{t('nav.home')}</p>;
    `;
    expect(messages(source)).toEqual([]);
  });

  it('does not read casts in .ts files as JSX', () => {
    expect(messages("const n = <number>value; t('nav.home'); t('nav.gone');", false)).toEqual([
      "1: missing key 'nav.gone' in locales/en/common.json",
    ]);
  });
});

describe('check-i18n-usage: hard-coded text', () => {
  it('flags JSX text, literal child expressions and visible-text attributes', () => {
    const source = [
      'export const A = () => (',
      '  <section title="Overview">',
      '    <h1>Welcome back</h1>',
      "    <p>{'Saved'} {`Edited ${when}`}</p>",
      '    <input placeholder={"City name"} aria-label=\'Name\' />',
      '    <img alt="Logo" src="logo.png" />',
      "    <p>Don't lose data</p>",
      '  </section>',
      ');',
    ].join('\n');
    expect(messages(source)).toEqual([
      '2: hard-coded title="Overview" — use t()',
      '3: hard-coded text "Welcome back" — use t()',
      '4: hard-coded text "Saved" — use t()',
      '4: hard-coded text "Edited" — use t()',
      '5: hard-coded placeholder="City name" — use t()',
      '5: hard-coded aria-label="Name" — use t()',
      '6: hard-coded alt="Logo" — use t()',
      '7: hard-coded text "Don\'t lose data" — use t()',
    ]);
  });

  it('accepts punctuation, numbers, symbols, entities, KPI codes and non-text attributes', () => {
    const source = `
      export const A = ({ code }: { code: string }) => (
        <div className="row" data-testid="kpi-row" role="group" aria-label={t('nav.home')}>
          <span>{code}</span> · <span>—</span> 42 % (3/4) &nbsp;&#8212; → ✓
          <span dir="ltr">EC: ICT: ICT: 1C</span>
          {' '}
          {cond ? <b>{t('nav.settings')}</b> : null}
          <Trans i18nKey="nav.home">Default <b>text</b> inside Trans</Trans>
        </div>
      );
    `;
    expect(messages(source)).toEqual([]);
  });

  it('keeps only the letters that need translating', () => {
    expect(i18n.translatableText('  EC: ICT: ICT: 1C · 12 %  ')).toBe('');
    expect(i18n.translatableText('&nbsp;Total&nbsp;')).toBe('Total');
    expect(i18n.translatableText('مرحبا')).toBe('مرحبا');
  });
});

describe('the checkers as lint commands', () => {
  const root = mkdtempSync(join(tmpdir(), 'lint-rules-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  // The scripts check the tree they sit in, so a copy of each runs inside a throwaway repository.
  const run = (script: string) => {
    const copy = join(root, 'build', basename(script));
    mkdirSync(dirname(copy), { recursive: true });
    copyFileSync(script, copy);
    return spawnSync(process.execPath, [copy], { encoding: 'utf8' });
  };

  it('exit 1 with one file:line line per finding, exit 0 once fixed', () => {
    write('locales/en/common.json', JSON.stringify({ nav: { home: 'Home' } }));
    write('renderer/src/styles/app.css', '.a {\n  margin-left: 1px;\n}\n');
    write('renderer/src/App.tsx', "export const App = () => <p title=\"Hi\">{t('nav.gone')}</p>;\n");
    const cssRun = run(cssScript);
    const i18nRun = run(i18nScript);
    expect([cssRun.status, cssRun.stderr.trim()]).toEqual([1, 'renderer/src/styles/app.css:2: margin-left — use margin-inline-start']);
    expect([i18nRun.status, i18nRun.stderr.trim().split('\n')]).toEqual([
      1,
      [
        "renderer/src/App.tsx:1: missing key 'nav.gone' in locales/en/common.json",
        'renderer/src/App.tsx:1: hard-coded title="Hi" — use t()',
      ],
    ]);

    write('renderer/src/styles/app.css', '.a {\n  margin-inline-start: 1px;\n}\n');
    write('renderer/src/App.tsx', "export const App = () => <p title={t('nav.home')}>{t('nav.home')}</p>;\n");
    expect([run(cssScript).status, run(i18nScript).status]).toEqual([0, 0]);
  });
});
