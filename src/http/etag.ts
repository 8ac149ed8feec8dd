// If-Match (RFC 9110 §13.1.1), compared strongly.
export function ifMatchAllows(ifMatch: string | undefined, etag: string): boolean {
  if (ifMatch === undefined) return true;
  const value = ifMatch.trim();
  if (value === '*') return true;
  return value.split(',').map((t) => t.trim()).some((tag) => !tag.startsWith('W/') && tag === etag);
}
