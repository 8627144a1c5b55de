import {
  createHash,
  createHmac,
  randomBytes,
  scrypt as scryptCb,
  timingSafeEqual,
  type ScryptOptions,
} from "node:crypto";
import { promisify } from "node:util";

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number, opts: ScryptOptions) => Promise<Buffer>;

/** scrypt cost (N = 2^15, r = 8, p = 1: OWASP's minimum recommendation for scrypt). */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_BYTES = 32;

/** Hashes a password as `scrypt$N$r$p$salt$hash` (base64 parts). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_BYTES, SCRYPT);
  return ["scrypt", SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString("base64"), key.toString("base64")].join("$");
}

/** Checks a password against a stored hash in constant time; false for any malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split("$");
  if (kind !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const key = await scrypt(password, Buffer.from(salt, "base64"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A random secret for a cookie or a participant (URL-safe). */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database keeps of a token: its SHA-256, so a leaked table cannot be replayed. */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/**
 * A signed, expiring ticket that names `subject` for one purpose: `subject.expiry.signature`
 * (HMAC-SHA256 with `key` over the purpose, the subject and the expiry in epoch ms).
 * Every server process with the same key accepts it; nothing is stored.
 */
export function signTicket(key: string, purpose: string, subject: string, expiresAt: number): string {
  const body = `${subject}.${expiresAt}`;
  return `${body}.${createHmac("sha256", key).update(`${purpose}:${body}`).digest("base64url")}`;
}

/** The subject of a ticket of `purpose` signed with `key` that has not expired at `now`; null otherwise. */
export function verifyTicket(key: string, purpose: string, ticket: string, now: number): string | null {
  const parts = ticket.split(".");
  if (parts.length !== 3) return null;
  const [subject = "", expiry = "", signature = ""] = parts;
  const expiresAt = Number(expiry);
  if (!subject || !/^\d+$/.test(expiry) || expiresAt <= now) return null;
  const expected = Buffer.from(signTicket(key, purpose, subject, expiresAt).split(".")[2] ?? "");
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? subject : null;
}

/**
 * Counts failures per key in a sliding window: after `max` failures within
 * `windowMs`, `blocked` is true until the oldest one ages out.
 */
export class Throttle {
  private failures = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  blocked(key: string, now: number): boolean {
    return this.recent(key, now).length >= this.max;
  }

  fail(key: string, now: number): void {
    this.failures.set(key, [...this.recent(key, now), now]);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }
}
