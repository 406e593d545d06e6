import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { BelongError, ERROR_CODES } from '../errors.js';

/**
 * AES-256-GCM for one held message: `BLQ1` | 12-byte IV | 16-byte tag | ciphertext. The
 * quarantine id is the additional authenticated data, so a file renamed to another id (or
 * any flipped bit, or the wrong key) fails to open instead of yielding someone else's mail.
 * node:crypto is enough; no library needed for one AEAD call.
 */
const MAGIC = Buffer.from('BLQ1', 'ascii');
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function seal(key: Buffer, id: string, plaintext: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(id, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]);
}

export function unseal(key: Buffer, id: string, sealed: Buffer): Buffer {
  const header = MAGIC.length + IV_BYTES + TAG_BYTES;
  if (sealed.length < header || !sealed.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new BelongError(ERROR_CODES.STORE, 'not a belong quarantine file', id);
  }
  const iv = sealed.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
  const tag = sealed.subarray(MAGIC.length + IV_BYTES, header);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(id, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(header)), decipher.final()]);
  } catch (cause) {
    throw new BelongError(ERROR_CODES.STORE, 'quarantine file does not open with this key (wrong key or tampered file)', id, { cause });
  }
}
