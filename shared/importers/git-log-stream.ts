/**
 * The streaming form of the git-log importer: `git log` output (GIT_LOG_ARGS) pushed in chunks is cut at the
 * record separator, and each commit is parsed as soon as the next one starts. Provenance line = the commit's
 * 1-based index in the log, as in importGitLog.
 */
import { parseCommit } from './git-log-importer';
import { GIT_LOG_RECORD_SEP } from './git-log-format';
import { ImportSink } from './import-sink';
import { IMPORTER_VERSION } from './record-runner';
import { MAX_LISTED, type ImportSource, type StreamingImport } from './streaming';

/** An incremental importer of `git log` output. */
export function createGitLogImport(source: ImportSource): StreamingImport {
  const sink = new ImportSink(source.name, MAX_LISTED);
  const repository = source.repository ?? source.name;
  let rest = '';
  let index = 0;
  let anyText = false;

  const commit = (text: string) => {
    index += 1;
    const outcome = parseCommit(text, repository, { sourceId: source.id, line: index });
    if ('reason' in outcome) return sink.reject({ line: index }, outcome.reason);
    sink.record(outcome.commit);
    for (const message of outcome.warnings) sink.warn({ line: index }, message);
  };

  let started = false;
  return {
    push(chunk) {
      anyText ||= chunk.trim() !== '';
      rest += chunk;
      if (!started) {
        const first = rest.indexOf(GIT_LOG_RECORD_SEP);
        if (first === -1) return;
        if (rest.slice(0, first).trim() !== '') {
          sink.reject({}, 'text before the first commit: not git log output made with GIT_LOG_ARGS');
        }
        rest = rest.slice(first + 1);
        started = true;
      }
      let start = 0;
      for (let sep = rest.indexOf(GIT_LOG_RECORD_SEP); sep !== -1; sep = rest.indexOf(GIT_LOG_RECORD_SEP, start)) {
        commit(rest.slice(start, sep));
        start = sep + 1;
      }
      rest = rest.slice(start);
    },
    take: () => sink.take(),
    end() {
      if (!anyText) sink.reject({}, 'empty git log (no commits)');
      else if (!started) sink.reject({}, 'text before the first commit: not git log output made with GIT_LOG_ARGS');
      else commit(rest);
      rest = '';
      return {
        importer: 'git-log',
        importerVersion: IMPORTER_VERSION,
        detected: 'git-log',
        counts: { ...sink.counts },
        rejections: sink.rejections,
        rejectedCount: sink.rejectedCount,
        warnings: sink.warnings,
        warningCount: sink.warningCount,
        ...sink.groups(),
      };
    },
  };
}
