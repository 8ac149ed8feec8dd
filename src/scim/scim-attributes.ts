// `attributes` and `excludedAttributes` (RFC 7644 §3.4.2.5): which attributes of a resource
// to return. Names are case-insensitive, may carry their schema URI and may name a
// sub-attribute (`name.givenName`); `id` and `schemas` are always returned.
import { splitAttrPath } from '../filter/scim-filter.ts';
import { USER_SCHEMA } from './scim-user.ts';

type Json = Record<string, unknown>;
const ALWAYS = new Set(['id', 'schemas']);

interface Path {
  /** The extension object the attribute lives in, or undefined for a core attribute. */
  extension?: string;
  name: string;
  sub?: string;
}

function pathsOf(list: string): Path[] {
  return list
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const { schema, name } = splitAttrPath(item);
      const extension = schema && schema.toLowerCase() !== USER_SCHEMA.toLowerCase() ? schema : undefined;
      const [top, sub] = name.split('.');
      return { extension, name: top.toLowerCase(), sub: sub?.toLowerCase() };
    });
}

/** The key of `object` that names `name`, case-insensitively (SCIM attribute names are). */
export function keyIn(object: Json, name: string): string | undefined {
  const lower = name.toLowerCase();
  return Object.keys(object).find((key) => key.toLowerCase() === lower);
}

function pick(object: Json, paths: Path[]): Json {
  const out: Json = {};
  for (const path of paths) {
    const key = keyIn(object, path.name);
    if (key === undefined) continue;
    const value = object[key];
    if (path.sub === undefined || value === null || typeof value !== 'object') {
      out[key] = value;
      continue;
    }
    const pickSub = (item: Json) => {
      const subKey = keyIn(item, path.sub!);
      return subKey === undefined ? {} : { [subKey]: item[subKey] };
    };
    const previous = out[key];
    if (Array.isArray(value)) {
      const picked = value.map((item, i) => ({ ...((previous as Json[] | undefined)?.[i] ?? {}), ...pickSub(item as Json) }));
      out[key] = picked;
    } else out[key] = { ...((previous as Json | undefined) ?? {}), ...pickSub(value as Json) };
  }
  return out;
}

function omit(object: Json, paths: Path[]): Json {
  const out: Json = { ...object };
  for (const path of paths) {
    const key = keyIn(out, path.name);
    if (key === undefined || ALWAYS.has(key)) continue;
    if (path.sub === undefined) delete out[key];
    else if (Array.isArray(out[key])) out[key] = (out[key] as Json[]).map((item) => omit(item, [{ name: path.sub! }]));
    else if (out[key] && typeof out[key] === 'object') out[key] = omit(out[key] as Json, [{ name: path.sub! }]);
  }
  return out;
}

/** The resource as the request's attributes / excludedAttributes shape it. */
export function project(resource: Json, query: { attributes?: string; excludedAttributes?: string }): Json {
  if (query.attributes) {
    const paths = pathsOf(query.attributes);
    const core = pick(resource, paths.filter((p) => !p.extension));
    const out: Json = { ...core, schemas: resource.schemas, id: resource.id };
    for (const path of paths.filter((p) => p.extension)) {
      const key = keyIn(resource, path.extension!.toLowerCase());
      if (key === undefined) continue;
      out[key] = { ...((out[key] as Json | undefined) ?? {}), ...pick(resource[key] as Json, [{ name: path.name, sub: path.sub }]) };
    }
    return out;
  }
  if (query.excludedAttributes) {
    const paths = pathsOf(query.excludedAttributes);
    let out = omit(resource, paths.filter((p) => !p.extension));
    for (const path of paths.filter((p) => p.extension)) {
      const key = keyIn(out, path.extension!.toLowerCase());
      if (key !== undefined) out = { ...out, [key]: omit(out[key] as Json, [{ name: path.name, sub: path.sub }]) };
    }
    return out;
  }
  return resource;
}
