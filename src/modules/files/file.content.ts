import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import mammoth from 'mammoth';
import { AppError, validationFailed } from '../../errors.ts';

/**
 * The kinds of file an office attaches (issue 16 §1): the signed agreement (PDF, or a photo of it),
 * letters (DOCX, PDF), tables (XLSX), photos. Each by its media type as `file-type` reads it from the
 * content, with the extensions a name of that kind may have. Formats that `file-type` cannot tell
 * from their content (plain text, the old binary .doc and .xls, which are all one «CFB» container)
 * are not accepted: their kind could only be taken from the name, which is what must not be trusted.
 */
export const ALLOWED_KINDS: Record<string, { label: string; extensions: string[] }> = {
  'application/pdf': { label: 'PDF', extensions: ['pdf'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    label: 'DOCX',
    extensions: ['docx'],
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    label: 'XLSX',
    extensions: ['xlsx'],
  },
  'image/jpeg': { label: 'JPEG', extensions: ['jpg', 'jpeg'] },
  'image/png': { label: 'PNG', extensions: ['png'] },
  'image/gif': { label: 'GIF', extensions: ['gif'] },
  'image/webp': { label: 'WebP', extensions: ['webp'] },
  'image/tiff': { label: 'TIFF', extensions: ['tif', 'tiff'] },
};

const ALLOWED_EXTENSIONS = new Set(Object.values(ALLOWED_KINDS).flatMap((kind) => kind.extensions));

/** The kinds a browser can show in place of a download: PDF and images. */
export function isPreviewable(mediaType: string): boolean {
  return mediaType === 'application/pdf' || (mediaType.startsWith('image/') && mediaType !== 'image/tiff');
}

/** The extension of a file name, lower case, without the dot ('' when it has none). */
function extensionOf(name: string): string {
  const match = /\.([^./\\]+)$/.exec(name);
  return match ? match[1]!.toLowerCase() : '';
}

/**
 * A file's name as stored: the last part of a path (some browsers send «C:\fakepath\…»), in NFC,
 * trimmed. Refused (400, field `file`) when empty, over 255 characters or holding control characters.
 */
export function cleanFileName(raw: string): string {
  const name = (raw.split(/[/\\]/).pop() ?? '').normalize('NFC').trim();
  const problem =
    name.length === 0
      ? 'has no name'
      : name.length > 255
        ? 'has a name over 255 characters'
        : // eslint-disable-next-line no-control-regex
          /[\u0000-\u001f\u007f]/.test(name)
          ? 'has a control character in its name'
          : null;
  if (problem) throw validationFailed(`The file ${problem}.`, [{ path: 'file', message: problem }]);
  return name;
}

/** What an accepted file is: its media type as read from its content, and its SHA-256. */
export interface CheckedFile {
  mediaType: string;
  sha256: string;
}

const fieldProblem = (message: string) => [{ path: 'file', message }];

/**
 * Decides a file's kind from its content and refuses, each with its own code and a message that
 * says which: an empty file; content of a kind not accepted here; a name that claims another kind
 * than the content is (a «.pdf» that is a PNG, an «.exe» renamed «.docx»).
 */
export async function checkFileContent(name: string, bytes: Uint8Array): Promise<CheckedFile> {
  if (bytes.length === 0) {
    throw new AppError('file_empty', `The file «${name}» is empty.`, fieldProblem('is empty'));
  }
  const detected = await fileTypeFromBuffer(bytes);
  const kind = detected ? ALLOWED_KINDS[detected.mime] : undefined;
  const extension = extensionOf(name);
  const accepted = Object.values(ALLOWED_KINDS)
    .map((allowed) => allowed.label)
    .join(', ');
  if (!detected || !kind) {
    const what = detected
      ? `a ${detected.ext.toUpperCase()} file (${detected.mime})`
      : 'of no kind it can recognise';
    if (ALLOWED_EXTENSIONS.has(extension)) {
      // The name promises an accepted kind; the content is something else.
      throw new AppError(
        'file_kind_mismatch',
        `The file «${name}» is named as .${extension}, but its content is ${what}.`,
        fieldProblem(`content is not .${extension}`),
      );
    }
    throw new AppError(
      'file_kind_not_allowed',
      `The file «${name}» is ${what}; accepted are ${accepted}.`,
      fieldProblem('kind not accepted'),
    );
  }
  if (!kind.extensions.includes(extension)) {
    throw new AppError(
      'file_kind_mismatch',
      extension
        ? `The file «${name}» is named as .${extension}, but its content is ${kind.label}.`
        : `The file «${name}» has no extension; its content is ${kind.label} (.${kind.extensions[0]}).`,
      fieldProblem(`content is ${kind.label}`),
    );
  }
  return { mediaType: detected.mime, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** How much of a file's text is kept for the search. */
const MAX_TEXT = 1_000_000;

/**
 * The text the search reads: a DOCX's (mammoth reads the document's XML), a PDF's text layer
 * (pdfjs-dist, the PDF reader of Firefox); null for other kinds, a scan without a text layer, or a
 * file the readers cannot open (it is stored all the same: the office still needs it).
 */
export async function extractText(mediaType: string, bytes: Uint8Array): Promise<string | null> {
  let text: string | null = null;
  try {
    if (mediaType === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') {
      text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
    } else if (mediaType === 'application/pdf') {
      text = await pdfText(bytes);
    }
  } catch {
    return null;
  }
  // PostgreSQL text cannot hold NUL; whitespace runs add nothing to a search.
  const cleaned = text?.replaceAll('\u0000', ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
  return cleaned ? cleaned : null;
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes the buffer over: give it a copy, the caller stores the original.
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    }
    return pages.join('\n');
  } finally {
    await pdf.destroy();
  }
}
