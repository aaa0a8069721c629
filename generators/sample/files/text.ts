/** Plain files of the repository: Markdown pages and verbatim text (tests, CI, configuration). */
import { hashString } from '../prng';
import type { FileDoc } from './file-doc';

/** A Markdown page: a title and paragraphs. Edits append, or revise once the page is long. */
export class MarkdownDoc implements FileDoc {
  constructor(
    readonly title: string,
    readonly paragraphs: ReadonlyArray<string>,
  ) {}

  render(): string {
    return `# ${this.title}\n\n${this.paragraphs.join('\n\n')}\n`;
  }

  /** Adds a paragraph; past `max` paragraphs, replaces one (chosen by the text) so pages stay short. */
  withParagraph(text: string, max = 14): MarkdownDoc {
    if (this.paragraphs.length < max) return new MarkdownDoc(this.title, [...this.paragraphs, text]);
    const at = 1 + (hashString(text) % (this.paragraphs.length - 1));
    return new MarkdownDoc(
      this.title,
      this.paragraphs.map((p, i) => (i === at ? text : p)),
    );
  }

  /** Rewrites the paragraph that contains `find`. */
  withReplaced(find: string, replacement: string): MarkdownDoc {
    return new MarkdownDoc(
      this.title,
      this.paragraphs.map((p) => (p.includes(find) ? p.replace(find, replacement) : p)),
    );
  }
}

/** A file kept as lines of text. */
export class TextDoc implements FileDoc {
  constructor(readonly lines: ReadonlyArray<string>) {}

  static of(text: string): TextDoc {
    return new TextDoc(text.replace(/\n$/, '').split('\n'));
  }

  render(): string {
    return `${this.lines.join('\n')}\n`;
  }

  /** Appends lines; past `max` lines, replaces the block at the end so files stay short. */
  withLines(added: ReadonlyArray<string>, max = 80): TextDoc {
    const kept = this.lines.length + added.length > max ? this.lines.slice(0, max - added.length) : this.lines;
    return new TextDoc([...kept, ...added]);
  }

  /** Replaces the first line that starts with `prefix`. */
  withLine(prefix: string, line: string): TextDoc {
    let done = false;
    return new TextDoc(
      this.lines.map((l) => {
        if (done || !l.trimStart().startsWith(prefix)) return l;
        done = true;
        return l.slice(0, l.length - l.trimStart().length) + line;
      }),
    );
  }
}
