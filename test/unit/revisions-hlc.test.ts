import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_ADOPTED_DRIFT_MS, formatHlc, nextHlc, parseHlc, receiveHlc } from '../../core/revisions/hlc.ts';

const DEVICE = 'device-a';
const YEAR_MS = 365 * 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 10, 28, 7, 0, 0);
/** Wall millis and counter, without the device id. */
const CLOCK_PREFIX = 'wwwwwwwwwwwwwww-cccc'.length;

/** Wall readings a real laptop produces: mostly forward, sometimes stuck, jumping back, or broken. */
const wallReadings = fc.array(
  fc.oneof(
    fc.integer({ min: NOW - 20 * YEAR_MS, max: NOW + 20 * YEAR_MS }),
    fc.constantFrom(NOW, NOW, NOW + 1, 0, -1, Number.NaN, Number.POSITIVE_INFINITY),
  ),
  { minLength: 1, maxLength: 60 },
);

describe('hlc format', () => {
  it('round-trips and is fixed width', () => {
    const text = formatHlc({ wallMs: NOW, counter: 10, deviceId: DEVICE });
    expect(text).toBe(`00${NOW}-000a-${DEVICE}`);
    expect(parseHlc(text)).toEqual({ wallMs: NOW, counter: 10, deviceId: DEVICE });
  });

  it.each(['', 'x', '1764316800000-0000-dev', '001764316800000-000g-dev', '001764316800000-0000-', '001764316800000-0000-a:b'])(
    'parseHlc refuses %j',
    (text) => expect(parseHlc(text)).toBeNull(),
  );

  it('string order equals (wall, counter) order', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 45 }), fc.nat({ max: 0xffff }), fc.nat({ max: 2 ** 45 }), fc.nat({ max: 0xffff }), (w1, c1, w2, c2) => {
        const a = formatHlc({ wallMs: w1, counter: c1, deviceId: DEVICE });
        const b = formatHlc({ wallMs: w2, counter: c2, deviceId: DEVICE });
        const byNumbers = w1 !== w2 ? Math.sign(w1 - w2) : Math.sign(c1 - c2);
        expect(a < b ? -1 : a > b ? 1 : 0).toBe(byNumbers);
      }),
    );
  });
});

describe('nextHlc', () => {
  it('follows the wall clock when it moves forward', () => {
    const first = nextHlc(null, NOW, DEVICE);
    expect(parseHlc(nextHlc(first, NOW + 5, DEVICE))).toEqual({ wallMs: NOW + 5, counter: 0, deviceId: DEVICE });
  });

  it('counts within one millisecond and when the clock jumps back', () => {
    const first = nextHlc(null, NOW, DEVICE);
    const second = nextHlc(first, NOW, DEVICE);
    const third = nextHlc(second, NOW - YEAR_MS, DEVICE);
    expect(parseHlc(second)).toEqual({ wallMs: NOW, counter: 1, deviceId: DEVICE });
    expect(parseHlc(third)).toEqual({ wallMs: NOW, counter: 2, deviceId: DEVICE });
  });

  it('borrows the next millisecond when the counter is exhausted', () => {
    const full = formatHlc({ wallMs: NOW, counter: 0xffff, deviceId: DEVICE });
    expect(parseHlc(nextHlc(full, NOW, DEVICE))).toEqual({ wallMs: NOW + 1, counter: 0, deviceId: DEVICE });
  });

  it('is strictly increasing under any stuttering or regressing wall clock', () => {
    fc.assert(
      fc.property(wallReadings, (readings) => {
        let previous: string | null = null;
        for (const reading of readings) {
          const next = nextHlc(previous, reading, DEVICE);
          if (previous !== null) expect(next > previous).toBe(true);
          expect(parseHlc(next)).not.toBeNull();
          previous = next;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a malformed previous clock instead of restarting from zero', () => {
    expect(() => nextHlc('garbage', NOW, DEVICE)).toThrow(/invalid clock/);
    expect(() => nextHlc(null, NOW, 'bad:id')).toThrow(/device id/);
  });
});

describe('receiveHlc', () => {
  it('moves past a remote clock that is slightly ahead', () => {
    const local = nextHlc(null, NOW, DEVICE);
    const remote = formatHlc({ wallMs: NOW + 1000, counter: 7, deviceId: 'device-b' });
    const merged = receiveHlc(local, remote, NOW, DEVICE);
    expect(parseHlc(merged)).toEqual({ wallMs: NOW + 1000, counter: 8, deviceId: DEVICE });
  });

  it('does not adopt a remote clock years in the future', () => {
    const local = nextHlc(null, NOW, DEVICE);
    const remote = formatHlc({ wallMs: NOW + 5 * YEAR_MS, counter: 0, deviceId: 'device-b' });
    const merged = receiveHlc(local, remote, NOW, DEVICE);
    expect(parseHlc(merged)).toEqual({ wallMs: NOW, counter: 1, deviceId: DEVICE });
  });

  it('is after the local clock always, and after the remote one when within the drift bound', () => {
    fc.assert(
      fc.property(
        wallReadings,
        fc.array(fc.record({ wall: fc.integer({ min: 0, max: NOW + 20 * YEAR_MS }), counter: fc.nat({ max: 0xffff }) }), { minLength: 1 }),
        (readings, remotes) => {
          let local: string | null = null;
          readings.forEach((reading, index) => {
            const remoteParts = remotes[index % remotes.length]!;
            const remote = formatHlc({ wallMs: remoteParts.wall, counter: remoteParts.counter, deviceId: 'device-b' });
            const merged = receiveHlc(local, remote, reading, DEVICE);
            if (local !== null) expect(merged > local).toBe(true);
            const wall = Number.isFinite(reading) ? Math.max(0, reading) : 0;
            if (remoteParts.wall <= wall + MAX_ADOPTED_DRIFT_MS) expect(merged.slice(0, CLOCK_PREFIX) > remote.slice(0, CLOCK_PREFIX)).toBe(true);
            local = merged;
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
