/**
 * Letters as plain text and as simple HTML from one outline: a greeting line, sections of items, each
 * item a line with an optional second line and a link. Escaping five characters is all the HTML needs
 * (no markup comes from users), so no template engine is pulled in for it.
 */
export interface LetterItem {
  text: string;
  detail?: string | null;
  url?: string | null;
}

export interface LetterSection {
  heading: string;
  items: LetterItem[];
}

export interface LetterOutline {
  intro: string;
  sections: LetterSection[];
  /** The closing lines, the last of them small print. */
  footer: Array<{ text: string; url?: string | null }>;
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export function letterText(outline: LetterOutline): string {
  const lines = [outline.intro, ''];
  for (const section of outline.sections) {
    lines.push(section.heading, '-'.repeat(section.heading.length));
    for (const item of section.items) {
      lines.push(`* ${item.text}`);
      if (item.detail) lines.push(`  ${item.detail}`);
      if (item.url) lines.push(`  ${item.url}`);
    }
    lines.push('');
  }
  lines.push('--');
  for (const line of outline.footer) lines.push(line.url ? `${line.text}: ${line.url}` : line.text);
  return `${lines.join('\n')}\n`;
}

export function letterHtml(outline: LetterOutline, language: string): string {
  const link = (text: string, url: string | null | undefined) =>
    url ? `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>` : escapeHtml(text);
  const parts = [
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"></head>`,
    '<body style="font-family: Arial, sans-serif; font-size: 15px; color: #1a1b1e; line-height: 1.45">',
    `<p>${escapeHtml(outline.intro)}</p>`,
  ];
  for (const section of outline.sections) {
    parts.push(`<h3 style="margin: 18px 0 6px">${escapeHtml(section.heading)}</h3><ul>`);
    for (const item of section.items) {
      const detail = item.detail ? `<br><span style="color: #555">${escapeHtml(item.detail)}</span>` : '';
      parts.push(`<li style="margin-bottom: 6px">${link(item.text, item.url)}${detail}</li>`);
    }
    parts.push('</ul>');
  }
  parts.push('<hr style="border: 0; border-top: 1px solid #ddd">');
  for (const line of outline.footer) {
    parts.push(`<p style="color: #666; font-size: 13px">${link(line.text, line.url)}</p>`);
  }
  parts.push('</body></html>');
  return parts.join('\n');
}
