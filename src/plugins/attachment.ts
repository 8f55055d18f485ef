/**
 * `attachment` with the file's Russian name as RFC 6266 / RFC 5987 say (`filename*=UTF-8''…`), and
 * an ASCII `filename` for clients that read only that. Hand-written: `content-disposition` is only a
 * dependency of a dependency here, and the rule is two lines.
 */
export function attachment(asciiName: string, utf8Name: string): string {
  const encoded = encodeURIComponent(utf8Name).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encoded}`;
}
