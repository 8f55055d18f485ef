import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import type { PressRelease } from './press-release.composer.ts';

// A4 with the margins of Russian and Belarusian office paper (30 mm left, 15 mm right, 20 mm top and
// bottom), in twips; the body in 14 pt Times New Roman, as press services send their drafts.
const PAGE = {
  size: { width: 11906, height: 16838 },
  margin: { left: 1701, right: 850, top: 1134, bottom: 1134 },
};
const FONT = 'Times New Roman';
const SIZE = 28;

function paragraph(text: string, options: { bold?: boolean; center?: boolean } = {}): Paragraph {
  return new Paragraph({
    // Ragged right: justified lines open wide gaps around the unbreakable «№ 5 г. Барановичи».
    alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { after: 160, line: 300 },
    indent: options.center ? undefined : { firstLine: 709 },
    children: [new TextRun({ text, bold: options.bold, font: FONT, size: SIZE })],
  });
}

/** The press release as a Word document: the title in bold, centred; the lead in bold; the paragraphs after it. */
export async function pressReleaseDocx(release: PressRelease): Promise<Buffer> {
  const document = new Document({
    creator: 'Pobratim',
    title: release.title,
    sections: [
      {
        properties: { page: PAGE },
        children: [
          paragraph(release.title, { bold: true, center: true }),
          paragraph(release.lead, { bold: true }),
          ...release.paragraphs.map((text) => paragraph(text)),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
