/**
 * Content-Disposition for a download (RFC 6266): the name as it is for the browsers that read
 * filename* (RFC 8187), and a plain-letters version of it for those that do not. No quote,
 * backslash or line break of a name can break out of the header.
 */
export function downloadDisposition(fileName: string): string {
  const plain = fileName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '-')
    .replace(/["\\]/g, '');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${plain}"; filename*=UTF-8''${encoded}`;
}
