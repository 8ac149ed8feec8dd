// Ids are UUIDv7 (time-ordered, index-friendly); anything else names nothing.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * The id in the form the database returns (lower case), or undefined when it is no id at all.
 * Comparisons with ids read from rows (self, last admin, caches) need this form.
 */
export function canonicalId(value: string): string | undefined {
  return UUID.test(value) ? value.toLowerCase() : undefined;
}
