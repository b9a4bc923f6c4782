/**
 * Tracker tokens at rest, and in flight through the job queue: AES-256-GCM with a random
 * 96-bit nonce per value, stored as `v1.<nonce>.<tag>.<ciphertext>` (base64url). The version
 * prefix lets the key be rotated later without guessing the format of old rows. It lives here,
 * beside the connectors, because both the server (which stores tokens) and the worker (which
 * opens a sync job's request) need it.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export function encryptToken(key: Buffer, token: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return ['v1', nonce, tag, body]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export function decryptToken(key: Buffer, stored: string): string {
  const [version, nonce, tag, body] = stored.split('.');
  if (version !== 'v1' || !nonce || !tag || body === undefined)
    throw new Error('unknown token format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([
    decipher.update(Buffer.from(body, 'base64url')),
    decipher.final(),
  ]).toString('utf8');
}
