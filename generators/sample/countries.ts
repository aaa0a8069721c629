/** Countries of the customers and how the docs spell a list of them. */

/** Countries the offer can cover (the eligibility rule lists some of them). */
export const OFFER_COUNTRIES: ReadonlyArray<string> = ['AT', 'BE', 'DE', 'DK', 'ES', 'FR', 'IE', 'IT', 'NL', 'SE'];
/** Countries customers also come from that no rule covers. */
export const OTHER_COUNTRIES: ReadonlyArray<string> = ['GB', 'US', 'CH', 'PL', 'NO'];

/** `AT, DE and FR`. */
export function countryList(countries: ReadonlyArray<string>): string {
  if (countries.length <= 1) return countries.join('');
  return `${countries.slice(0, -1).join(', ')} and ${countries[countries.length - 1]}`;
}
