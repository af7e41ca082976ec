/**
 * Node's native SHA-256 for core, which cannot import node:crypto: every command that reads or writes a
 * bundle passes it, so revision ids, parts and evidence are hashed natively instead of in JavaScript.
 */
import { hash } from 'node:crypto';
import type { Sha256Hex } from '../core/crypto/bytes.ts';

export const nodeSha256: Sha256Hex = (bytes) => hash('sha256', bytes);
