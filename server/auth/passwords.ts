import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id is a const enum in @node-rs/argon2; its value is 2.
const argon2id = 2;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: argon2id });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
