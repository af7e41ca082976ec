import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay } from '../../renderer/src/i18n/format.ts';

describe('dates shown in the interface language', () => {
  it('shows a workshop day as that calendar day in every language, whatever the time zone', () => {
    expect(formatDay('2026-03-02', 'en')).toBe('Mar 2, 2026');
    expect(formatDay('2026-03-02', 'fr')).toBe('2 mars 2026');
    expect(formatDay('2026-12-31', 'zh')).toBe('2026年12月31日');
    expect(formatDay('2026-03-02', 'ru')).toBe('2 мар. 2026 г.');
    expect(formatDay(null, 'en')).toBe('');
  });

  it('shows the same moment alike from ISO text, milliseconds or a Date, and text that names no moment as it is', () => {
    const moment = Date.UTC(2026, 2, 2, 9, 30);
    const shown = formatDateTime(moment, 'en');
    expect(shown).toMatch(/2026/);
    expect(formatDateTime(new Date(moment).toISOString(), 'en')).toBe(shown);
    expect(formatDateTime(new Date(moment), 'en')).toBe(shown);
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
  });
});
