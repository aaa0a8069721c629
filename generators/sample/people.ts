/** The people of the sample: names, emails, GitHub logins and the offsets they work in. */
import type { Rng } from './prng';

export interface Person {
  readonly name: string;
  readonly email: string;
  readonly login: string;
  /** Their UTC offset in minutes (commit dates and working hours). */
  readonly offsetMinutes: number;
}

export const EMAIL_DOMAIN = 'acme-retail.example';

const NAMES: ReadonlyArray<string> = [
  'Priya Raman',
  'Marco Bianchi',
  'Aisha Okafor',
  'Lukas Schneider',
  'Mei Chen',
  'Daniel Álvarez',
  'Sofia Lindqvist',
  'Kwame Mensah',
  'Hannah Novak',
  'Tomás Ferreira',
  'Yuki Tanaka',
  'Olivia Brooks',
  'Ravi Patel',
  'Elena Popescu',
  'Jonas Berg',
  'Fatima Haddad',
  'Noah Williams',
  'Chloé Martin',
  'Arjun Mehta',
  'Sara Cohen',
];

const FIRST: ReadonlyArray<string> = [
  'Anna',
  'Ben',
  'Carla',
  'Dev',
  'Emil',
  'Farah',
  'Gustav',
  'Hiro',
  'Ines',
  'Jakob',
  'Kira',
  'Leo',
  'Maya',
  'Nils',
  'Omar',
  'Paula',
  'Quentin',
  'Rosa',
  'Samir',
  'Tessa',
  'Uma',
  'Viktor',
  'Wen',
  'Xenia',
  'Yusuf',
  'Zoë',
];
const LAST: ReadonlyArray<string> = [
  'Andersen',
  'Brandt',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'García',
  'Hoffmann',
  'Ivanova',
  'Jansen',
  'Kowalski',
  'Lambert',
  'Moreau',
  'Nakamura',
  'Olsen',
  'Petrov',
  'Rossi',
  'Silva',
  'Teo',
  'Varga',
  'Weber',
];

const OFFSETS: ReadonlyArray<number> = [60, 60, 60, 60, 60, 60, 0, 0, 330, -300, 120];

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** `count` distinct people, drawn and ordered by the seed. */
export function castPeople(rng: Rng, count: number): Person[] {
  const names = rng.shuffle(NAMES);
  for (const first of rng.shuffle(FIRST)) {
    if (names.length >= count) break;
    for (const last of rng.shuffle(LAST).slice(0, 3)) names.push(`${first} ${last}`);
  }
  const logins = new Set<string>();
  return names.slice(0, count).map((name) => {
    const [first = name, last = name] = ascii(name).split(' ');
    const styles = [`${first}-${last}`, `${first}${last.slice(0, 1)}`, `${first.slice(0, 1)}${last}`];
    let login = rng.pick(styles);
    for (let i = 2; logins.has(login); i++) login = `${styles[0]}${i}`;
    logins.add(login);
    return { name, email: `${first}.${last}@${EMAIL_DOMAIN}`, login, offsetMinutes: rng.pick(OFFSETS) };
  });
}

/** The committer of merge commits made by the pull-request button. */
export const GITHUB_COMMITTER: Person = {
  name: 'GitHub',
  email: 'noreply@github.com',
  login: 'web-flow',
  offsetMinutes: 0,
};
