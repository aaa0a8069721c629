/** The people of a world: engineers (authors, reviewers), who releases to production, and the CI bot. */
import type { Rng } from './prng.js';
import type { Team } from './sim.js';
import type { Person } from './types.js';
import { BOTS, FIRST_NAMES, LAST_NAMES, ZONES } from './vocabulary.js';

export function buildTeam(rng: Rng, org: string): Team {
  const count = rng.int(4, 9);
  const firsts = rng.sample(FIRST_NAMES, count);
  const domain = `${org.replace(/[^a-z]/g, '')}.com`;
  const zone = rng.pick(ZONES);
  const taken = new Set<string>();
  const engineers: Person[] = firsts.map((first) => {
    const last = rng.pick(LAST_NAMES);
    const plain = first
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
    const style = rng.int(0, 3);
    let login =
      style === 0
        ? `${plain}-${last.toLowerCase()}`
        : style === 1
          ? `${plain}${last[0]!.toLowerCase()}`
          : style === 2
            ? `${plain[0]}${last.toLowerCase()}`
            : `${plain}-dev`;
    while (taken.has(login)) login = `${login}${rng.int(1, 9)}`;
    taken.add(login);
    const email = rng.chance(0.75) ? `${plain}.${last.toLowerCase()}@${domain}` : `${login}@users.noreply.github.com`;
    return { login, name: `${first} ${last}`, email, zone: rng.chance(0.8) ? zone : rng.pick(ZONES) };
  });
  const releasers = rng.sample(engineers, rng.int(1, 2));
  return { engineers, releasers, bot: rng.pick(BOTS), actorStyle: rng.chance(0.7) ? 'login' : 'email' };
}
