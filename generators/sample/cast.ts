/** Who plays which part in the story, drawn from the people by the seed. */
import type { Person } from './people';

export interface Cast {
  /** Data platform lead: set up the repository, approves, promotes to production. */
  readonly lead: Person;
  /** ML engineer who owns the features and makes the planted change. */
  readonly featureOwner: Person;
  readonly mlEngineer: Person;
  readonly analyticsEngineer: Person;
  readonly dataEngineer: Person;
  readonly trackingOwner: Person;
  readonly marketingAnalyst: Person;
  readonly docsWriter: Person;
  /** Who may promote to production besides the lead. */
  readonly releasers: ReadonlyArray<Person>;
  readonly everyone: ReadonlyArray<Person>;
}

export function castRoles(people: ReadonlyArray<Person>): Cast {
  if (people.length < 9) throw new Error('the story needs at least nine people');
  const [lead, featureOwner, mlEngineer, analyticsEngineer, dataEngineer, trackingOwner, marketingAnalyst, docsWriter] =
    people as [Person, Person, Person, Person, Person, Person, Person, Person];
  return {
    lead,
    featureOwner,
    mlEngineer,
    analyticsEngineer,
    dataEngineer,
    trackingOwner,
    marketingAnalyst,
    docsWriter,
    releasers: [lead, dataEngineer, analyticsEngineer],
    everyone: people,
  };
}
