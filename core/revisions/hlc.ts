/**
 * Hybrid logical clock strings: `<wall millis, 15 digits>-<counter, 4 hex digits>-<deviceId>`.
 * Fixed width makes string order equal time order, so revisions sort without parsing. The clock
 * never runs backwards when the wall clock does (it keeps counting from the last value), and a
 * remote clock far in the future is not adopted: field laptops' clocks are wrong by years
 * sometimes, and that must only affect display order, never spread to other machines' edits.
 * Which value wins is decided by revision parents, never by this clock.
 */

export interface Hlc {
  readonly wallMs: number;
  readonly counter: number;
  readonly deviceId: string;
}

const WALL_DIGITS = 15;
const MAX_WALL_MS = 10 ** WALL_DIGITS - 1;
const COUNTER_DIGITS = 4;
const MAX_COUNTER = 16 ** COUNTER_DIGITS - 1;
const DEVICE_ID = /^[A-Za-z0-9_.-]{1,100}$/;
const HLC_PATTERN = /^(\d{15})-([0-9a-f]{4})-([A-Za-z0-9_.-]{1,100})$/;

/** How far ahead of our own wall clock a received clock may be and still be adopted. */
export const MAX_ADOPTED_DRIFT_MS = 60 * 60 * 1000;

export class HlcError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'HlcError';
  }
}

export function formatHlc({ wallMs, counter, deviceId }: Hlc): string {
  if (!Number.isSafeInteger(wallMs) || wallMs < 0 || wallMs > MAX_WALL_MS) throw new HlcError(`invalid wall time ${wallMs}`);
  if (!Number.isSafeInteger(counter) || counter < 0 || counter > MAX_COUNTER) throw new HlcError(`invalid counter ${counter}`);
  if (!DEVICE_ID.test(deviceId)) throw new HlcError(`invalid device id ${JSON.stringify(deviceId)}`);
  return `${String(wallMs).padStart(WALL_DIGITS, '0')}-${counter.toString(16).padStart(COUNTER_DIGITS, '0')}-${deviceId}`;
}

/** Whether parseHlc accepts the value, without reading its parts. */
export function isHlc(value: string): boolean {
  return HLC_PATTERN.test(value);
}

/** Returns null for anything that is not a well-formed clock string. */
export function parseHlc(value: string): Hlc | null {
  const match = HLC_PATTERN.exec(value);
  if (!match) return null;
  return { wallMs: Number(match[1]), counter: parseInt(match[2]!, 16), deviceId: match[3]! };
}

function requireHlc(value: string): Hlc {
  const parsed = parseHlc(value);
  if (!parsed) throw new HlcError(`invalid clock ${JSON.stringify(value)}`);
  return parsed;
}

/** A usable wall reading: a broken clock (NaN, negative, absurd) counts as "no progress". */
function wallReading(nowMs: number): number {
  if (!Number.isFinite(nowMs) || nowMs < 0) return 0;
  return Math.min(Math.floor(nowMs), MAX_WALL_MS);
}

/** The smallest clock after (wallMs, counter); a counter overflow borrows the next millisecond. */
function tick(wallMs: number, counter: number, deviceId: string): string {
  if (counter < MAX_COUNTER) return formatHlc({ wallMs, counter: counter + 1, deviceId });
  return formatHlc({ wallMs: wallMs + 1, counter: 0, deviceId });
}

/** The clock for a new local event, strictly after `previous` (this device's last clock). */
export function nextHlc(previous: string | null, nowMs: number, deviceId: string): string {
  const now = wallReading(nowMs);
  if (previous === null) return formatHlc({ wallMs: now, counter: 0, deviceId });
  const last = requireHlc(previous);
  if (now > last.wallMs) return formatHlc({ wallMs: now, counter: 0, deviceId });
  return tick(last.wallMs, last.counter, deviceId);
}

/**
 * The local clock after seeing a remote one (e.g. on import): strictly after both, so edits made
 * afterwards display after what was received. A remote wall more than MAX_ADOPTED_DRIFT_MS ahead of
 * our wall clock is ignored, so one laptop set to the wrong year cannot drag every machine along.
 */
export function receiveHlc(local: string | null, remote: string, nowMs: number, deviceId: string): string {
  const now = wallReading(nowMs);
  const mine = local === null ? null : requireHlc(local);
  const theirs = requireHlc(remote);
  const adoptRemote = theirs.wallMs <= now + MAX_ADOPTED_DRIFT_MS;
  const lastWall = Math.max(mine?.wallMs ?? -1, adoptRemote ? theirs.wallMs : -1);
  if (now > lastWall) return formatHlc({ wallMs: now, counter: 0, deviceId });
  const lastCounter = Math.max(
    mine && mine.wallMs === lastWall ? mine.counter : -1,
    adoptRemote && theirs.wallMs === lastWall ? theirs.counter : -1,
  );
  return tick(lastWall, lastCounter, deviceId);
}

/** The wall time a clock was stamped with, for display. */
export function hlcWallTime(value: string): Date | null {
  const parsed = parseHlc(value);
  return parsed ? new Date(parsed.wallMs) : null;
}
