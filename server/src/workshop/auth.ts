import {
  createHash,
  createHmac,
  randomBytes,
  scrypt as scryptCb,
  timingSafeEqual,
  type ScryptOptions,
} from "node:crypto";
import { promisify } from "node:util";
import type { Redis } from "ioredis";
import {
  RateLimiterMemory,
  RateLimiterRedis,
  type IRateLimiterOptions,
  type RateLimiterAbstract,
  type RateLimiterRes,
} from "rate-limiter-flexible";

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

/** Where throttles keep their counts: this process's memory, or Redis (shared by every process). */
export type ThrottleStore = { kind: "memory" } | { kind: "redis"; client: Redis };

function limiter(store: ThrottleStore, options: IRateLimiterOptions): RateLimiterAbstract {
  // While Redis cannot be reached, each process counts in its own memory instead of refusing everyone.
  return store.kind === "redis"
    ? new RateLimiterRedis({ ...options, storeClient: store.client, insuranceLimiter: new RateLimiterMemory(options) })
    : new RateLimiterMemory(options);
}

/**
 * The throttle key of a client address: an IPv4 address as it is, an IPv6
 * address by its /64 network (one household or phone gets a whole /64), an
 * IPv4-mapped IPv6 address as its IPv4 address.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1] ?? ip;
  if (!ip.includes(":")) return ip;
  const [head = "", tail = ""] = ip.toLowerCase().split("%")[0]!.split("::");
  const left = head ? head.split(":") : [];
  const right = ip.includes("::") && tail ? tail.split(":") : [];
  const groups = ip.includes("::")
    ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/** Seconds to wait before trying again, or 0 when the attempt may go ahead. */
type Wait = number;

/**
 * Failed joins (unknown codes) per address: at most `perWindow` failures per
 * `windowS` seconds and `perDay` per day; then 429 until the window has
 * passed. Successful joins do not count. A venue behind one address (NAT,
 * a proxy) can mistype a code many times before anyone is held up; the
 * arithmetic of why guessing stays infeasible is in `docs/protocol-additions.md`.
 */
export class JoinThrottle {
  static readonly DEFAULTS = { perWindow: 100, windowS: 10 * 60, perDay: 500 };
  private readonly window: RateLimiterAbstract;
  private readonly day: RateLimiterAbstract;

  constructor(
    store: ThrottleStore,
    readonly limits: { perWindow: number; windowS: number; perDay: number } = JoinThrottle.DEFAULTS,
  ) {
    this.window = limiter(store, { keyPrefix: "iot-join-window", points: limits.perWindow, duration: limits.windowS });
    this.day = limiter(store, { keyPrefix: "iot-join-day", points: limits.perDay, duration: 24 * 60 * 60 });
  }

  /** How long `ip` must wait before its next join attempt (0: it may try now). */
  async wait(ip: string): Promise<Wait> {
    const key = addressKey(ip);
    const [w, d] = await Promise.all([this.window.get(key), this.day.get(key)]);
    const over = (r: RateLimiterRes | null, max: number) => (r && r.consumedPoints >= max ? r.msBeforeNext : 0);
    return Math.ceil(Math.max(over(w, this.limits.perWindow), over(d, this.limits.perDay)) / 1000);
  }

  /** Counts a failed join (an unknown code) from `ip`. */
  async fail(ip: string): Promise<void> {
    const key = addressKey(ip);
    await Promise.all([this.window.penalty(key, 1), this.day.penalty(key, 1)]);
  }
}

/**
 * Failed sign-ins, throttled per address and account and per address, never
 * per account alone (nobody can lock a facilitator out from elsewhere): after
 * `freePerAccount` failures from an address for an account, that address must
 * wait 2^(n - freePerAccount) seconds after its n-th failure before it tries
 * that account again (capped at `maxDelayS`); after `freePerAddress` failures
 * from an address over all accounts, likewise for every account. A success
 * clears the count of that address and account. Counts last a day from the
 * first failure.
 */
export class LoginThrottle {
  static readonly DEFAULTS = { freePerAccount: 5, freePerAddress: 20, maxDelayS: 15 * 60 };
  private readonly failures: RateLimiterAbstract;
  private readonly delays: RateLimiterAbstract;

  constructor(
    store: ThrottleStore,
    readonly limits: { freePerAccount: number; freePerAddress: number; maxDelayS: number } = LoginThrottle.DEFAULTS,
  ) {
    // Only counts (never refuses by itself): a day's failures from the first one.
    this.failures = limiter(store, { keyPrefix: "iot-login-fail", points: 1_000_000, duration: 24 * 60 * 60 });
    // A key here is blocked for the delay its failures earned.
    this.delays = limiter(store, { keyPrefix: "iot-login-delay", points: 1, duration: 1 });
  }

  private keys(ip: string, email: string) {
    const address = addressKey(ip);
    return { account: `${address}|${email}`, address };
  }

  /** How long `ip` must wait before it tries to sign in as `email` (0: now). */
  async wait(ip: string, email: string): Promise<Wait> {
    const { account, address } = this.keys(ip, email);
    const [a, b] = await Promise.all([this.delays.get(`a:${account}`), this.delays.get(`i:${address}`)]);
    const blocked = (r: RateLimiterRes | null) => (r && r.consumedPoints > 1 ? r.msBeforeNext : 0);
    return Math.ceil(Math.max(blocked(a), blocked(b)) / 1000);
  }

  /** Counts a failed sign-in and sets the delay it earns. */
  async fail(ip: string, email: string): Promise<void> {
    const { account, address } = this.keys(ip, email);
    const [a, b] = await Promise.all([
      this.failures.penalty(`a:${account}`, 1),
      this.failures.penalty(`i:${address}`, 1),
    ]);
    const delay = (n: number, free: number) => (n < free ? 0 : Math.min(2 ** (n - free), this.limits.maxDelayS));
    const da = delay(a.consumedPoints, this.limits.freePerAccount);
    const db = delay(b.consumedPoints, this.limits.freePerAddress);
    await Promise.all([
      da > 0 ? this.delays.block(`a:${account}`, da) : undefined,
      db > 0 ? this.delays.block(`i:${address}`, db) : undefined,
    ]);
  }

  /** A successful sign-in: the address's count for this account starts again. */
  async succeed(ip: string, email: string): Promise<void> {
    const { account } = this.keys(ip, email);
    await Promise.all([this.failures.delete(`a:${account}`), this.delays.delete(`a:${account}`)]);
  }
}
