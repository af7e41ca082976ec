import { describe, expect, it } from 'vitest';
import { sameName } from '../../core/workshop/same-name.ts';

describe('sameName', () => {
  it('ignores case and surrounding spaces, not accents or other letters', () => {
    expect(sameName('Water ', 'water')).toBe(true);
    expect(sameName('  AMINA Haddad', 'amina haddad ')).toBe(true);
    expect(sameName('Água', 'Agua')).toBe(false);
    expect(sameName('Water', 'Waters')).toBe(false);
    expect(sameName('مياه', 'مياه ')).toBe(true);
  });
});
