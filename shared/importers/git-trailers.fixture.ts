/**
 * Real commit messages (raw, as stored) whose trailers the earlier parser read differently from git, each with the
 * trailers `git log --format=%(trailers:only,unfold)` prints for it. Both repositories are Apache-2.0.
 */
export interface RealMessage {
  readonly repository: string;
  readonly commit: string;
  readonly shows: string;
  readonly message: string;
}

export const REAL_MESSAGES: ReadonlyArray<RealMessage> = [
  {
    repository: 'dbt-labs/dbt-core',
    commit: '63c7cd9e571fe06e0a848fb525cfb29616a5aec4',
    shows: 'a cherry-pick line closing a Co-authored-by block',
    message:
      "fix: send x-ms-blob-type when uploading artifacts to Azure Blob Storage (#15945)\n\nArtifact ingestion PUTs the archive to the signed URL returned by the\ningest API without any provider-specific headers. Azure's Put Blob\nrequires x-ms-blob-type: BlockBlob and rejects the request with\n400 MissingRequiredHeader without it, and returns 201 on success, which\nwas not in the accepted status set. Artifact upload therefore failed on\nevery Azure-hosted region while working on AWS-hosted ones.\n\nUpload errors also reported only `<Response [400]>`, discarding the\nprovider error code that names the cause; it is now included.\n\nCo-authored-by: Claude Opus 5 (1M context) <noreply@anthropic.com>\n(cherry picked from commit 511a99a4b314accaaa48b45c14d7e8a18a8ae85e)\n",
  },
  {
    repository: 'OpenLineage/OpenLineage',
    commit: 'a22859477126259375d8c222760c751b0ee8f16d',
    shows: 'a `# Conflicts:` comment paragraph after the Signed-off-by block',
    message:
      'Remove Dagster integration\n\nSigned-off-by: Kacper Muda <mudakacper@gmail.com>\n\n# Conflicts:\n#\tintegration/dagster/openlineage/dagster/__init__.py\n#\tintegration/dagster/setup.cfg\n#\tintegration/dagster/setup.py\n',
  },
  {
    repository: 'OpenLineage/OpenLineage',
    commit: '90a7980a826be3fa8f35263407173b66c5230c58',
    shows: 'a Signed-off-by block with non-trailer lines (`---`, `Closes #2043`)',
    message:
      'fix(dagster): fix missing imports in conftest.py\n\nfix missing imports in conftest.py\n---\nSigned-off-by: George T. C., Lai <tsungchih.hd@gmail.com>\nCloses #2043\nSigned-off-by: George T. C. Lai <tsungchih.hd@gmail.com>\n',
  },
  {
    repository: 'dbt-labs/dbt-core',
    commit: 'b5d303f12a71ba17ac0e4707419a6439a032c6c4',
    shows: 'a dependabot squash with CRLF lines: the Signed-off-by block holds 5 trailers among 11 lines',
    message:
      'Bump mashumaro[msgpack] from 3.0.4 to 3.1 in /core (#6108)\n\n* Bump mashumaro[msgpack] from 3.0.4 to 3.1.1 in /core\r\n\r\nBumps [mashumaro[msgpack]](https://github.com/Fatal1ty/mashumaro) from 3.0.4 to 3.1.\r\n- [Release notes](https://github.com/Fatal1ty/mashumaro/releases)\r\n- [Commits](https://github.com/Fatal1ty/mashumaro/compare/v3.0.4...v3.1)\r\n\r\n---\r\nupdated-dependencies:\r\n- dependency-name: mashumaro[msgpack]\r\n  dependency-type: direct:production\r\n  update-type: version-update:semver-minor\r\n...\r\nSigned-off-by: dependabot[bot] <support@github.com>\r\nCo-authored-by: dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>\r\nCo-authored-by: Github Build Bot <buildbot@fishtownanalytics.com>\r\nCo-authored-by: Michelle Ark <michelle.ark@dbtlabs.com>',
  },
];
