/** Tracker tokens at rest: the cipher is shared with the worker (see connectors' secret.ts). */
export { decryptToken, encryptToken } from '@flow-forecaster/connectors';

export function last4(token: string): string {
  return token.slice(-4);
}
