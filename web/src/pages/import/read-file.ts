/** Why a dropped or chosen file gave no text: a key of the `file` texts. */
export type FileProblem = 'unsupported' | 'unreadable' | 'empty';

export class FileReadError extends Error {
  constructor(readonly problem: FileProblem) {
    super(problem);
    this.name = 'FileReadError';
  }
}

/** The file types the page takes, for the file chooser's `accept`. */
export const ACCEPTED_FILES =
  '.txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function isDocx(file: File): boolean {
  return /\.docx$/i.test(file.name) || file.type.includes('wordprocessingml');
}

function isText(file: File): boolean {
  return /\.txt$/i.test(file.name) || file.type.startsWith('text/');
}

/**
 * The text of a .txt (UTF-8) or .docx file. Word files are read by mammoth's browser build, loaded
 * only when a .docx arrives so the page itself stays small.
 */
export async function readTextFile(file: File): Promise<string> {
  let text: string;
  if (isDocx(file)) {
    try {
      const { default: mammoth } = await import('mammoth/mammoth.browser.js');
      const result = await mammoth.extractRawText({ arrayBuffer: await file.arrayBuffer() });
      // Word paragraphs come out separated by blank lines; one blank line between them is enough.
      text = result.value.replace(/\n{3,}/g, '\n\n');
    } catch {
      throw new FileReadError('unreadable');
    }
  } else if (isText(file)) {
    text = await file.text();
  } else {
    throw new FileReadError('unsupported');
  }
  text = text.replace(/^\uFEFF/, '').trim();
  if (!text) throw new FileReadError('empty');
  return text;
}
