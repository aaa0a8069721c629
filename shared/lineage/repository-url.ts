/**
 * The repository a `sourceCodeLocation` names. OpenLineage's facet has `repoUrl` for the repository and `url` for
 * the code's location, which producers fill with the repository's URL or with a file's web address
 * (`…/owner/repo/blob/<ref>/<path>` on GitHub, `/-/blob/` on GitLab, `/src/<ref>/` on Bitbucket, `/tree/<ref>/`
 * for a folder): the repository is `repoUrl`, else `url` without its file part.
 */
import type { SourceCodeLocation } from '../model/records';

const FILE_PART = /\/(?:-\/)?(?:blob|tree|raw|src)\/[^/]+(?:\/.*)?$/;

export function repositoryUrlOf(location: Pick<SourceCodeLocation, 'url' | 'repoUrl'> | undefined): string | undefined {
  if (!location) return undefined;
  if (location.repoUrl) return location.repoUrl;
  return location.url?.replace(FILE_PART, '');
}
