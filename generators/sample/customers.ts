/**
 * The customers the model decides about. Each one's profile at any time is a pure function of the seed,
 * the customer's index and the time, so a million decisions need no stored state.
 */
import { OTHER_COUNTRIES } from './countries';
import type { ProfileValues } from './files/features';
import { mix32, unitHash } from './prng';
import { DAY } from './time';

export interface CustomerWorld {
  readonly seed: number;
  readonly startMs: number;
  /** Countries the offer covers: most customers live in one of them. */
  readonly offerCountries: ReadonlyArray<string>;
  /** The lifetime value threshold of the rule, to spread values around it. */
  readonly ltvScale: number;
}

export function customerId(index: number): string {
  return `u-${String(index).padStart(5, '0')}`;
}

/** The profile columns of customer `index` as the profile job computes them at `ms`. */
export function profileAt(world: CustomerWorld, index: number, ms: number): ProfileValues {
  const u = (k: number) => unitHash(world.seed, index, k);
  const day = (ms - world.startMs) / DAY;
  const pool = u(1) < 0.9 ? world.offerCountries : OTHER_COUNTRIES;
  const country = pool[mix32(world.seed, index, 2) % pool.length] ?? 'DE';
  const newcomer = u(3) < 0.08;
  const age0 = newcomer ? Math.floor(u(4) * 20) - 10 : 40 + Math.floor(u(4) * 1400);
  const ltv0 = world.ltvScale * Math.exp(2.4 * (u(5) - 0.22));
  const perDay = u(6) * 3;
  const period = 5 + Math.floor(u(7) * 70);
  const phase = Math.floor(u(8) * period);
  return {
    country,
    accountAgeDays: Math.max(0, Math.floor(age0 + day)),
    lifetimeValue: Math.round((ltv0 + perDay * Math.max(0, day)) * 100) / 100,
    daysSinceLastOrder: Math.floor(day + phase) % period,
    orderCount90d: Math.max(0, Math.round(90 / period + (u(9) - 0.5) * 2)),
  };
}
