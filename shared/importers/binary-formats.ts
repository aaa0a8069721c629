/**
 * Binary files of a well-known format — images, archives, compressed files, columnar data files, compiled code,
 * fonts — told by their first bytes (their "magic number"; for the formats whose magic is short, by their extension
 * too). None is evidence the importers read: each is skipped naming its format (an archive: unpack it to import what
 * it holds; Parquet: read in place as a decision log), never rejected as "binary data". Binary data of no known
 * format is still rejected: it could be a damaged export.
 *
 * The head is text decoded from the file's bytes: a byte of 0x80 or more is U+FFFD when the decoder replaced it
 * (UTF-8) or that character itself (Latin-1), so both are accepted where the magic has such a byte.
 */
import { looksBinary } from './json-input';

interface BinaryFormat {
  /** The magic bytes at `offset`. */
  readonly magic: ReadonlyArray<number>;
  readonly offset?: number;
  /** The magic is too short to be sure alone: the name must end with one of these (lower case). */
  readonly extensions?: ReadonlyArray<string>;
  readonly reason: string;
}

const bytes = (text: string) => Array.from(text, (c) => c.charCodeAt(0));
const IMAGE = 'an image, not evidence';
const ARCHIVE = 'not read: unpack it to import the files it holds';
const COMPRESSED = 'not read: decompress it to import what it holds';

const FORMATS: ReadonlyArray<BinaryFormat> = [
  { magic: [0x89, ...bytes('PNG\r\n\x1a\n')], reason: `a PNG image: ${IMAGE}` },
  { magic: bytes('GIF87a'), reason: `a GIF image: ${IMAGE}` },
  { magic: bytes('GIF89a'), reason: `a GIF image: ${IMAGE}` },
  { magic: bytes('WEBP'), offset: 8, extensions: ['.webp'], reason: `a WebP image: ${IMAGE}` },
  { magic: [0xff, 0xd8, 0xff], extensions: ['.jpg', '.jpeg'], reason: `a JPEG image: ${IMAGE}` },
  { magic: [0, 0, 1, 0], extensions: ['.ico'], reason: `an icon: ${IMAGE}` },
  { magic: bytes('%PDF-'), reason: 'a PDF document, not evidence the importers read' },
  { magic: bytes('PK\x03\x04'), extensions: ['.jar'], reason: `a JAR (Java archive): ${ARCHIVE}` },
  { magic: bytes('PK\x03\x04'), reason: `a ZIP archive: ${ARCHIVE}` },
  { magic: bytes('PK\x05\x06'), reason: 'an empty ZIP archive, nothing to read' },
  { magic: [0x1f, 0x8b, 0x08], reason: `gzip-compressed data: ${COMPRESSED}` },
  { magic: bytes('BZh'), extensions: ['.bz2'], reason: `bzip2-compressed data: ${COMPRESSED}` },
  { magic: [0xfd, ...bytes('7zXZ\0')], reason: `xz-compressed data: ${COMPRESSED}` },
  { magic: [0x28, 0xb5, 0x2f, 0xfd], reason: `zstd-compressed data: ${COMPRESSED}` },
  { magic: [...bytes('7z'), 0xbc, 0xaf, 0x27, 0x1c], reason: `a 7-Zip archive: ${ARCHIVE}` },
  {
    magic: bytes('PAR1'),
    reason: 'a Parquet file: not imported — a decision log in Parquet is read in place (--source FILE.parquet)',
  },
  { magic: [...bytes('Obj'), 1], reason: 'an Avro data file, not a format the importers read' },
  { magic: bytes('ORC'), extensions: ['.orc'], reason: 'an ORC data file, not a format the importers read' },
  { magic: bytes('SQLite format 3\0'), reason: 'an SQLite database, not a format the importers read' },
  { magic: [0xca, 0xfe, 0xba, 0xbe], extensions: ['.class'], reason: 'a compiled Java class, not evidence' },
  { magic: [0x7f, ...bytes('ELF')], reason: 'an executable (ELF), not evidence' },
  { magic: [0, 1, 0, 0], extensions: ['.ttf', '.otf'], reason: 'a TrueType font, not evidence' },
  { magic: bytes('true'), extensions: ['.ttf'], reason: 'a TrueType font, not evidence' },
  { magic: bytes('OTTO'), extensions: ['.otf'], reason: 'an OpenType font, not evidence' },
  { magic: bytes('ttcf'), extensions: ['.ttc', '.otc'], reason: 'a font collection, not evidence' },
  { magic: bytes('wOFF'), reason: 'a web font, not evidence' },
  { magic: bytes('wOF2'), reason: 'a web font, not evidence' },
];

const matches = (head: string, format: BinaryFormat): boolean =>
  format.magic.every((byte, i) => {
    const code = head.charCodeAt((format.offset ?? 0) + i);
    return code === byte || (byte >= 0x80 && code === 0xfffd);
  });

/**
 * A Protocol Buffers descriptor set (`protoc --descriptor_set_out`: compiled `.proto` schemas) has no magic, but opens
 * with its first file (field 1, a length) whose own field 1 is that file's name: `\n`, the length's bytes (≥ 0x80 but
 * the last), `\n`, the name's length, then a name ending in `.proto`.
 */
const DESCRIPTOR_SET = /^\n[\u0080-\uffff]{0,4}[\u0000-\u007f]\n[\s\S][\w./-]{1,200}\.proto/;

/** Why a file of a known binary format is skipped (its format, and what to do with it), or undefined. */
export function binaryFormatReason(name: string, head: string): string | undefined {
  if (DESCRIPTOR_SET.test(head) && looksBinary(head))
    return 'a Protocol Buffers descriptor set (compiled .proto schemas), not evidence';
  const lower = name.toLowerCase();
  const format = FORMATS.find(
    (f) => matches(head, f) && (f.extensions === undefined || f.extensions.some((e) => lower.endsWith(e))),
  );
  return format?.reason;
}
