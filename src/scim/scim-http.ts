// What every /scim/v2 route shares: the media type, the OpenAPI shapes of SCIM resources, list
// answers and errors, and the list parameters (query or SearchRequest body) with their windowing.
import Type, { type Static } from 'typebox';
import { LIST_RESPONSE, MAX_RESULTS } from './scim-discovery.ts';

export const MEDIA = 'application/scim+json';
export const VERSION_HEADER = { schema: { type: 'string' }, description: 'meta.version' };
export const LOCATION_HEADER = { schema: { type: 'string' }, description: 'meta.location' };
export const PRODUCES = [MEDIA, 'application/json'];
export const TAGS = ['SCIM'];

export type Json = Record<string, unknown>;

export const Resource = Type.Object({}, { additionalProperties: true, description: 'A SCIM resource (RFC 7643)' });
const ScimErrorSchema = Type.Object(
  {
    schemas: Type.Array(Type.String()),
    status: Type.String({ description: 'The HTTP status, as a string' }),
    scimType: Type.Optional(Type.String({ description: 'invalidFilter, uniqueness, invalidValue, mutability, …' })),
    detail: Type.String(),
  },
  { description: 'RFC 7644 §3.12' },
);
export const ListResponse = Type.Object({
  schemas: Type.Array(Type.String()),
  totalResults: Type.Integer(),
  startIndex: Type.Integer(),
  itemsPerPage: Type.Integer(),
  Resources: Type.Array(Resource),
});

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request (scimType says which rule)',
  401: 'Missing or invalid credentials',
  403: 'Authenticated but not allowed',
  404: 'No such resource',
  406: 'No acceptable representation (Accept)',
  409: 'Uniqueness: another user holds the userName, email or externalId',
  412: 'If-Match does not match meta.version, or the service is unprovisioned',
  413: 'Too large: more operations or bytes than /ServiceProviderConfig allows',
  415: 'Unsupported request media type',
  500: 'Internal error (no details are disclosed)',
};

export function scimErrors(...statuses: number[]): Record<number, unknown> {
  const out: Record<number, unknown> = {};
  for (const status of [...statuses, 406, 500]) {
    out[status] = { description: DESCRIPTIONS[status], content: { [MEDIA]: { schema: ScimErrorSchema }, 'application/json': { schema: ScimErrorSchema } } };
  }
  return out;
}

export function scimResponse(description: string, schema: object = Resource, headers?: Record<string, object>) {
  return { description, ...(headers ? { headers } : {}), content: { [MEDIA]: { schema }, 'application/json': { schema } } };
}


export const Id = Type.Object({ id: Type.String() });
export const Projection = {
  attributes: Type.Optional(Type.String({ description: 'Comma-separated attributes to return (and id, schemas, meta)' })),
  excludedAttributes: Type.Optional(Type.String({ description: 'Comma-separated attributes to leave out' })),
};
export const ListQuery = Type.Object({
  filter: Type.Optional(Type.String({ maxLength: 4096 })),
  startIndex: Type.Integer({ default: 1, description: 'Values below 1 are read as 1' }),
  count: Type.Integer({ default: 100, description: `Values below 0 are read as 0, above ${MAX_RESULTS} as ${MAX_RESULTS}` }),
  sortBy: Type.Optional(Type.String({ maxLength: 200, description: 'Users: any filterable attribute (userName, name.familyName, meta.created, …)' })),
  sortOrder: Type.Optional(Type.Enum(['ascending', 'descending'], { default: 'ascending' })),
  ...Projection,
});
/** A SearchRequest body (RFC 7644 §3.4.3): the list's query parameters, with attribute lists as arrays. */
export const SearchRequest = Type.Object(
  {
    schemas: Type.Array(Type.Literal('urn:ietf:params:scim:api:messages:2.0:SearchRequest'), { minItems: 1 }),
    filter: Type.Optional(Type.String({ maxLength: 4096 })),
    startIndex: Type.Optional(Type.Integer()),
    count: Type.Optional(Type.Integer()),
    sortBy: Type.Optional(Type.String({ maxLength: 200 })),
    sortOrder: Type.Optional(Type.Enum(['ascending', 'descending'])),
    attributes: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 100 })),
    excludedAttributes: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 100 })),
  },
  { additionalProperties: false },
);
export type Search = { filter?: string; startIndex: number; count: number; sortBy?: string; sortOrder?: string; attributes?: string; excludedAttributes?: string };
export const searchOf = (body: Static<typeof SearchRequest>): Search => ({
  ...body,
  startIndex: body.startIndex ?? 1,
  count: body.count ?? 100,
  attributes: body.attributes?.join(','),
  excludedAttributes: body.excludedAttributes?.join(','),
});
/** RFC 7644 §3.4.2.4: out-of-range startIndex and count are read as the nearest allowed value. */
export const window = (query: { startIndex: number; count: number }) => ({
  startIndex: Math.max(1, query.startIndex),
  count: Math.min(MAX_RESULTS, Math.max(0, query.count)),
});
export const listResponse = (total: number, startIndex: number, resources: unknown[]) => ({
  schemas: [LIST_RESPONSE],
  totalResults: total,
  startIndex,
  itemsPerPage: resources.length,
  Resources: resources,
});
