import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** `prj_k3m9…`: a prefix says what the id names; 16 random characters make it unguessable. */
export function newId(prefix: string): string {
  const bytes = randomBytes(16);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return `${prefix}_${out}`;
}

/** A secret for an emailed link or an API key; only its hash is stored. */
export const newToken = () => randomBytes(24).toString('base64url');
export const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');
