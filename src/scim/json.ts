// SCIM resources as plain JSON objects, shared by the mapping, PATCH and attribute selection.
export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
