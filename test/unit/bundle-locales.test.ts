import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLE_ERROR_CODES } from '../../core/bundle/errors.ts';

describe('bundle error messages', () => {
  it('every error code has a translated message in every language', () => {
    for (const language of ['en', 'fr', 'es', 'ar', 'zh', 'ru', 'pt']) {
      const file = JSON.parse(readFileSync(new URL(`../../locales/${language}/bundle.json`, import.meta.url), 'utf8')) as {
        errors: Record<string, string>;
      };
      expect(Object.keys(file.errors).sort(), language).toEqual([...BUNDLE_ERROR_CODES, 'unknown'].sort());
      expect(file.errors.E_UNSUPPORTED_VERSION, language).toContain('{{version}}');
    }
  });
});
