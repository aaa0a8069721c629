/**
 * The bridge's request checks: the per-run token (compared in constant time), the Host header
 * (DNS-rebinding defence) and the Origin header (cross-site requests).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh per-run token: 32 random bytes as hex. */
export function createToken(): string {
  return randomBytes(32).toString('hex');
}

/** True when the `Authorization: Bearer <token>` header carries `token` (constant-time comparison). */
export function hasValidToken(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer ([^\s]+)$/i.exec(authorization?.trim() ?? '');
  if (!match) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(match[1] as string), digest(token));
}

/** The name of the session cookie the first load with `?token=` sets (HttpOnly, SameSite=Strict). */
export const SESSION_COOKIE = 'lineage_session';

/** True when the request's `Cookie` header carries the session cookie with `session` (constant-time comparison). */
export function hasValidSession(cookie: string | undefined, session: string): boolean {
  const value = (cookie ?? '')
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${SESSION_COOKIE}=`))
    ?.slice(SESSION_COOKIE.length + 1);
  return value !== undefined && hasValidToken(`Bearer ${value}`, session);
}

/** The hosts the bridge answers to: loopback by address or by name, on its own port. */
export function allowedHosts(port: number): ReadonlyArray<string> {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** True when the Host header names this server. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase());
}

/** True when there is no Origin header, or it is this server's own origin. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return allowedHosts(port).some((host) => origin.toLowerCase() === `http://${host}`);
}
