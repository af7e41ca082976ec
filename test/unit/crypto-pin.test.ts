import { describe, expect, it } from 'vitest';
import { hashPin, normalisePin, verifyPin } from '../../core/crypto/pin.ts';

describe('PIN hashes', () => {
  it('stores a salted PBKDF2 hash that reveals nothing of the PIN and verifies only the right one', async () => {
    const stored = await hashPin('4821', 1000);
    expect(stored).toMatch(/^pbkdf2-sha256\$1000\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain('4821');
    expect(await hashPin('4821', 1000)).not.toBe(stored);
    expect(await verifyPin('4821', stored)).toBe(true);
    expect(await verifyPin('4822', stored)).toBe(false);
    expect(await verifyPin('4821', stored.replace('$1000$', '$1001$'))).toBe(false);
    expect(await verifyPin('4821', 'plain 4821')).toBe(false);
  });

  it('uses the recommended work factor by default', async () => {
    expect(await hashPin('123456')).toMatch(/^pbkdf2-sha256\$600000\$/);
  });

  it('accepts digits of any script and refuses anything else', async () => {
    expect(normalisePin('٤٨٢١')).toBe('4821');
    expect(normalisePin('۴۸۲۱')).toBe('4821');
    expect(normalisePin('４８２１')).toBe('4821');
    expect(normalisePin('48a1')).toBeNull();
    expect(normalisePin('123')).toBeNull();
    expect(normalisePin('1234567890123')).toBeNull();
    expect(await verifyPin('٤٨٢١', await hashPin('4821', 1000))).toBe(true);
  });
});
