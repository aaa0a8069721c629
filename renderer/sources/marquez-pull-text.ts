/** What a pull from Marquez read and kept, said in one sentence (the Sources screen's "Pull from Marquez"). */
import type { MarquezPull } from '../../shared/ipc/marquez-channels';
import { plural } from '../import/format-progress';

export function pullSentence(pull: MarquezPull): string {
  const counted =
    pull.totalCount !== undefined && pull.totalCount !== pull.read ? ` (Marquez counted ${pull.totalCount})` : '';
  const read = `Read ${plural(pull.read, 'lineage event')}${counted} in ${plural(pull.pages, 'request')}`;
  if (pull.read === 0) return `${read}: nothing to import in that window.`;
  if (pull.kept === 0) return `${read}: none of them is of the namespace or job asked for, so nothing to import.`;
  const kept = pull.kept === pull.read ? 'kept all' : `kept ${pull.kept}`;
  return `${read}; ${kept}, of ${plural(pull.jobs.length, 'job')}: ${pull.jobs.join(', ')}.`;
}
