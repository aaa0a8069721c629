/**
 * Files no pipeline executes: prose and pictures (Markdown, reStructuredText, AsciiDoc, plain text, images). A change
 * of only such files changes what people read, not what any job computes. Told by the file's format (its extension),
 * as Git hosts and editors tell it.
 */
const DOCUMENT = /\.(md|markdown|mdx|rst|adoc|asciidoc|txt|png|jpe?g|gif|svg|webp)$/i;

export const isDocument = (path: string): boolean => DOCUMENT.test(path);
