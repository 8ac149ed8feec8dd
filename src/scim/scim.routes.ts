// HTTP for /scim/v2 (RFC 7644): the SCIM face of the same users service /api/v1 uses. Requests
// are read as application/scim+json or application/json; answers are application/scim+json, and
// every error is a SCIM error document (scim-error.ts) rather than a problem document.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type, { type Static } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Users } from '../users/user.service.ts';
import type { Groups } from '../groups/group.service.ts';
import type { Passwords } from '../users/password.service.ts';
import type { Group } from '../groups/group.model.ts';
import { groupEtag } from '../groups/group.view.ts';
import { externalIdOf, GROUP_SCHEMA, groupInputOf, scimGroupOf, withExternalId, type GroupInput } from './scim-group.ts';
import { GroupWriteSchema, type GroupWriteInput } from '../groups/group.schema.ts';
import type { User } from '../users/user.model.ts';
import { SelfPatchSchema, UserCreateSchema, UserReplaceSchema, type SelfPatchInput, type UserCreateInput } from '../users/user.schema.ts';
import type { ReplaceInput } from '../users/user.service.ts';
import { userEtag } from '../users/user.view.ts';
import { bodyCheck } from '../http/validation.ts';
import { logged } from '../http/errors.ts';
import { ProblemError, problems } from '../http/problem.ts';
import { ifMatchAllows } from '../http/etag.ts';
import { applyPatch } from './scim-patch.ts';
import { selfPatchOf } from './scim-me.ts';
import { BULK_RESPONSE, MAX_BULK_PAYLOAD, parseBulk, runBulk, type BulkOperation } from './scim-bulk.ts';
import { inScimTerms, SCIM_FACE } from './scim-error.ts';
import { LIST_RESPONSE, MAX_RESULTS, resourceTypes, schemas, serviceProviderConfig } from './scim-discovery.ts';
import { scimUserOf, userInputOf, USER_SCHEMA } from './scim-user.ts';
import { project } from './scim-attributes.ts';

const MEDIA = 'application/scim+json';
const VERSION_HEADER = { schema: { type: 'string' }, description: 'meta.version' };
const LOCATION_HEADER = { schema: { type: 'string' }, description: 'meta.location' };
const PRODUCES = [MEDIA, 'application/json'];
const TAGS = ['SCIM'];

type Json = Record<string, unknown>;

const Resource = Type.Object({}, { additionalProperties: true, description: 'A SCIM resource (RFC 7643)' });
const ScimErrorSchema = Type.Object(
  {
    schemas: Type.Array(Type.String()),
    status: Type.String({ description: 'The HTTP status, as a string' }),
    scimType: Type.Optional(Type.String({ description: 'invalidFilter, uniqueness, invalidValue, mutability, …' })),
    detail: Type.String(),
  },
  { description: 'RFC 7644 §3.12' },
);
const ListResponse = Type.Object({
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

function scimErrors(...statuses: number[]): Record<number, unknown> {
  const out: Record<number, unknown> = {};
  for (const status of [...statuses, 406, 500]) {
    out[status] = { description: DESCRIPTIONS[status], content: { [MEDIA]: { schema: ScimErrorSchema }, 'application/json': { schema: ScimErrorSchema } } };
  }
  return out;
}

function scimResponse(description: string, schema: object = Resource, headers?: Record<string, object>) {
  return { description, ...(headers ? { headers } : {}), content: { [MEDIA]: { schema }, 'application/json': { schema } } };
}

/** `active` as a status; an invited user is not active and becomes so only by activating. */
function statusChange(current: User, active: boolean | undefined): { status?: 'active' | 'disabled' } {
  const settled = current.status === 'active' || current.status === 'disabled';
  return active === undefined || !settled ? {} : { status: active ? 'active' : 'disabled' };
}

const checkCreate = bodyCheck<UserCreateInput>(UserCreateSchema);
const checkReplace = bodyCheck<ReplaceInput>(UserReplaceSchema);
const checkGroup = bodyCheck<GroupWriteInput>(GroupWriteSchema);
const checkSelf = bodyCheck<SelfPatchInput>(SelfPatchSchema);

export async function scimRoutes(app: FastifyInstance, deps: { users: Users; groups: Groups; passwords: Passwords; baseUrl: string }): Promise<void> {
  const base = `${deps.baseUrl}/scim/v2`;
  app.removeAllContentTypeParsers();
  app.addContentTypeParser([MEDIA, 'application/json'], { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = inScimTerms(logged(error, request), request.url);
    void reply.status(problem.status).headers(problem.headers).type(SCIM_FACE.mediaType).send(SCIM_FACE.render(problem));
  });
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const actorOf = (request: FastifyRequest) => ({ userId: request.principal!.userId, role: request.principal!.role });
  const send = (reply: FastifyReply, user: User, status = 200, projection: Parameters<typeof project>[1] = {}) =>
    reply.status(status).type(MEDIA).header('etag', userEtag(user)).send(project(scimUserOf(user, base), projection));
  const list = (resources: unknown[]) => listResponse(resources.length, 1, resources);
  const Id = Type.Object({ id: Type.String() });
  const Projection = {
    attributes: Type.Optional(Type.String({ description: 'Comma-separated attributes to return (and id, schemas, meta)' })),
    excludedAttributes: Type.Optional(Type.String({ description: 'Comma-separated attributes to leave out' })),
  };
  const ListQuery = Type.Object({
    filter: Type.Optional(Type.String({ maxLength: 4096 })),
    startIndex: Type.Integer({ default: 1, description: 'Values below 1 are read as 1' }),
    count: Type.Integer({ default: 100, description: `Values below 0 are read as 0, above ${MAX_RESULTS} as ${MAX_RESULTS}` }),
    sortBy: Type.Optional(Type.String({ maxLength: 200, description: 'Users: any filterable attribute (userName, name.familyName, meta.created, …)' })),
    sortOrder: Type.Optional(Type.Enum(['ascending', 'descending'], { default: 'ascending' })),
    ...Projection,
  });
  /** A SearchRequest body (RFC 7644 §3.4.3): the list's query parameters, with attribute lists as arrays. */
  const SearchRequest = Type.Object(
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
  type Search = { filter?: string; startIndex: number; count: number; sortBy?: string; sortOrder?: string; attributes?: string; excludedAttributes?: string };
  const searchOf = (body: Static<typeof SearchRequest>): Search => ({
    ...body,
    startIndex: body.startIndex ?? 1,
    count: body.count ?? 100,
    attributes: body.attributes?.join(','),
    excludedAttributes: body.excludedAttributes?.join(','),
  });
  /** RFC 7644 §3.4.2.4: out-of-range startIndex and count are read as the nearest allowed value. */
  const window = (query: { startIndex: number; count: number }) => ({
    startIndex: Math.max(1, query.startIndex),
    count: Math.min(MAX_RESULTS, Math.max(0, query.count)),
  });
  const listResponse = (total: number, startIndex: number, resources: unknown[]) => ({
    schemas: [LIST_RESPONSE],
    totalResults: total,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  });

  r.get('/scim/v2/ServiceProviderConfig', {
    config: { access: 'public', produces: PRODUCES },
    schema: { operationId: 'scimServiceProviderConfig', summary: 'SCIM: what this service provider supports', tags: TAGS, response: { 200: scimResponse('RFC 7643 §5'), ...scimErrors() } },
    handler: async (_request, reply) => reply.type(MEDIA).send(serviceProviderConfig(base)),
  });
  r.get('/scim/v2/ResourceTypes', {
    config: { access: 'public', produces: PRODUCES },
    schema: { operationId: 'scimResourceTypes', summary: 'SCIM: the resource types served', tags: TAGS, response: { 200: scimResponse('A ListResponse', ListResponse), ...scimErrors() } },
    handler: async (_request, reply) => reply.type(MEDIA).send(list(resourceTypes(base))),
  });
  r.get('/scim/v2/Schemas', {
    config: { access: 'public', produces: PRODUCES },
    schema: { operationId: 'scimSchemas', summary: 'SCIM: the schemas of the resources served', tags: TAGS, response: { 200: scimResponse('A ListResponse', ListResponse), ...scimErrors() } },
    handler: async (_request, reply) => reply.type(MEDIA).send(list(schemas(base))),
  });
  r.get('/scim/v2/Schemas/:id', {
    config: { access: 'public', produces: PRODUCES },
    schema: { operationId: 'scimSchema', summary: 'SCIM: one schema, by its URI', tags: TAGS, params: Id, response: { 200: scimResponse('RFC 7643 §7'), ...scimErrors(404) } },
    handler: async (request, reply) => {
      const schema = schemas(base).find((s) => s.id === request.params.id);
      if (!schema) throw new ProblemError({ status: 404, code: 'scim.schema_not_found', detail: `No schema ${request.params.id}.` });
      return reply.type(MEDIA).send(schema);
    },
  });

  r.get('/scim/v2/Users', {
    config: { access: 'users.read', operational: true, produces: PRODUCES },
    schema: {
      operationId: 'scimListUsers',
      summary: 'SCIM: list users',
      description: 'RFC 7644 §3.4.2: `filter` (the whole grammar, value filters and schema URIs included), `startIndex` (from 1), `count` (at most 1000), `attributes` / `excludedAttributes`.',
      tags: TAGS,
      querystring: ListQuery,
      response: { 200: scimResponse('A ListResponse', ListResponse), ...scimErrors(400, 401, 403, 412) },
    },
    handler: async (request, reply) => reply.type(MEDIA).send(await listUsers(request.query)),
  });

  async function listUsers(query: Search) {
    const { filter, attributes, excludedAttributes, sortBy, sortOrder } = query;
    const { startIndex, count } = window(query);
    const sort = sortBy ? { by: sortBy, descending: sortOrder === 'descending' } : undefined;
    const page = await deps.users.listAt({ filter, startIndex, count, sort });
    const resources = page.users.map((user) => project(scimUserOf(user, base), { attributes, excludedAttributes }));
    return listResponse(page.total, startIndex, resources);
  }

  r.post('/scim/v2/Users/.search', {
    config: { access: 'users.read', operational: true, produces: PRODUCES },
    schema: {
      operationId: 'scimSearchUsers',
      summary: 'SCIM: list users, the query in the body',
      description: 'RFC 7644 §3.4.3: a SearchRequest with the list\'s parameters; attributes and excludedAttributes as arrays.',
      tags: TAGS,
      body: SearchRequest,
      response: { 200: scimResponse('A ListResponse', ListResponse), ...scimErrors(400, 401, 403, 412, 415) },
    },
    handler: async (request, reply) => reply.type(MEDIA).status(200).send(await listUsers(searchOf(request.body))),
  });

  r.get('/scim/v2/Me', {
    config: { access: 'self', operational: true, produces: PRODUCES },
    schema: {
      operationId: 'scimGetMe',
      summary: 'SCIM: the authenticated user',
      tags: TAGS,
      querystring: Type.Object(Projection),
      response: { 200: scimResponse('The caller as a SCIM User', Resource, { ETag: VERSION_HEADER }), ...scimErrors(401, 412) },
    },
    handler: async (request, reply) => {
      return send(reply, await deps.users.get(request.principal!.userId), 200, request.query);
    },
  });

  const ME_WRITES = 'Self-service, as PATCH /api/v1/users/me: name, phone number, locale and the Roster extension\'s attributes.profile may change; anything else → 403.';
  /** Writes the caller's own user as `resource` would have it, if only self-service fields differ. */
  const writeMe = async (request: FastifyRequest, reply: FastifyReply, resourceOf: (current: Json) => unknown) => {
    const current = await deps.users.get(request.principal!.userId);
    if (!ifMatchAllows(request.headers['if-match'], userEtag(current))) {
      throw problems.preconditionFailed('user.etag_mismatch', 'The user has changed since the ETag in If-Match.');
    }
    const patch = checkSelf(selfPatchOf(current, resourceOf(scimUserOf(current, base)), base));
    return send(reply, await deps.users.patchSelf(actorOf(request), patch, userEtag(current)));
  };

  r.put('/scim/v2/Me', {
    config: { access: 'self', operational: true, produces: PRODUCES },
    schema: {
      operationId: 'scimReplaceMe',
      summary: 'SCIM: replace the authenticated user\'s profile',
      description: ME_WRITES,
      tags: TAGS,
      body: Resource,
      response: { 200: scimResponse('The caller as changed', Resource, { ETag: VERSION_HEADER }), ...scimErrors(400, 401, 403, 412, 415) },
    },
    handler: (request, reply) => writeMe(request, reply, () => request.body),
  });

  r.patch('/scim/v2/Me', {
    config: { access: 'self', operational: true, produces: PRODUCES },
    schema: {
      operationId: 'scimPatchMe',
      summary: 'SCIM: change the authenticated user\'s profile with a PatchOp',
      description: ME_WRITES,
      tags: TAGS,
      body: Resource,
      response: { 200: scimResponse('The caller as changed', Resource, { ETag: VERSION_HEADER }), ...scimErrors(400, 401, 403, 412, 415) },
    },
    handler: (request, reply) => writeMe(request, reply, (current) => applyPatch(current, request.body, [USER_SCHEMA])),
  });

  r.get('/scim/v2/Users/:id', {
    config: { access: 'users.read', operational: true, produces: PRODUCES },
    schema: {
      operationId: 'scimGetUser',
      summary: 'SCIM: get a user',
      tags: TAGS,
      params: Id,
      querystring: Type.Object(Projection),
      response: { 200: scimResponse('The user', Resource, { ETag: VERSION_HEADER }), ...scimErrors(401, 403, 404, 412) },
    },
    handler: async (request, reply) => {
      return send(reply, await deps.users.get(request.params.id), 200, request.query);
    },
  });

  r.post('/scim/v2/Users', {
    config: { access: 'users.write', operational: true, produces: PRODUCES },
    schema: {
      operationId: 'scimCreateUser',
      summary: 'SCIM: create a user',
      description: 'userName, name, displayName, the primary email and phone number, locale, externalId, password (the policy applies), active, and the Roster extension (role, type, path, attributes).',
      tags: TAGS,
      body: Resource,
      response: {
        201: scimResponse('Created; Location names it', Resource, { Location: LOCATION_HEADER, ETag: VERSION_HEADER }),
        ...scimErrors(400, 401, 403, 409, 412, 415),
      },
    },
    handler: async (request, reply) => {
      const { input, active } = userInputOf(request.body);
      const actor = actorOf(request);
      let { user } = await deps.users.create(actor, checkCreate(input));
      if (active === false && user.status === 'active') user = await deps.users.patch(actor, user.id, { status: 'disabled' });
      return send(reply.header('location', `${base}/Users/${user.id}`), user, 201);
    },
  });

  /**
   * A user replaced as SCIM asks. A password among the fields is set through the password service
   * (its policy, and every session and token of the user ended), after a check that refuses it
   * before anything is written.
   */
  async function replaceUser(request: FastifyRequest, reply: FastifyReply, current: User, input: UserCreateInput, active: boolean | undefined, ifMatch: string | undefined) {
    const { password, ...fields } = input;
    const actor = actorOf(request);
    const replacement = checkReplace({ ...fields, ...statusChange(current, active) });
    if (password !== undefined) {
      if (typeof password !== 'string') throw problems.invalid([{ pointer: '/password', code: 'invalid_type', detail: 'must be a string' }], 'password must be a string.');
      await deps.passwords.check(actor, current.id, password);
    }
    let user = await deps.users.replace(actor, current.id, replacement, ifMatch);
    if (password !== undefined) {
      await deps.passwords.set(actor, current.id, password);
      user = await deps.users.get(current.id);
    }
    return send(reply, user);
  }

  r.put('/scim/v2/Users/:id', {
    config: { access: 'users.write', operational: true, produces: PRODUCES },
    schema: {
      operationId: 'scimReplaceUser',
      summary: 'SCIM: replace a user',
      description:
        'What the resource leaves out is cleared, as in PUT /api/v1/users/{id}, except the Roster extension: without it the role and attributes stay (identity providers send only the schemas they know). ' +
        'A `password` is set under the policy. `If-Match` with meta.version guards it.',
      tags: TAGS,
      params: Id,
      body: Resource,
      response: { 200: scimResponse('The user as replaced', Resource, { ETag: VERSION_HEADER }), ...scimErrors(400, 401, 403, 404, 409, 412, 415) },
    },
    handler: async (request, reply) => {
      const current = await deps.users.get(request.params.id);
      const { input, active } = userInputOf(request.body, current);
      return replaceUser(request, reply, current, input, active, request.headers['if-match']);
    },
  });

  r.patch('/scim/v2/Users/:id', {
    config: { access: 'users.write', operational: true, produces: PRODUCES },
    schema: {
      operationId: 'scimPatchUser',
      summary: 'SCIM: change a user with a PatchOp',
      description:
        'add / replace / remove (in any case), with or without `path`; value-filter paths such as `emails[type eq "work"].value`; ' +
        '`active` as a boolean or the string "True"/"False". Applied to the user as SCIM shows it, then written as a replacement. ' +
        'A `password` (replace, or a path-less value) is set under the password policy and ends the user\'s sessions and tokens.',
      tags: TAGS,
      params: Id,
      body: Resource,
      response: { 200: scimResponse('The user as changed', Resource, { ETag: VERSION_HEADER }), ...scimErrors(400, 401, 403, 404, 409, 412, 415) },
    },
    handler: async (request, reply) => {
      const current = await deps.users.get(request.params.id);
      const ifMatch = request.headers['if-match'];
      if (!ifMatchAllows(ifMatch, userEtag(current))) {
        throw problems.preconditionFailed('user.etag_mismatch', 'The user has changed since the ETag in If-Match.');
      }
      const patched = applyPatch(scimUserOf(current, base), request.body, [USER_SCHEMA]);
      const { input, active } = userInputOf(patched, current);
      // Written only if nobody changed the user since it was read and patched.
      return replaceUser(request, reply, current, input, active, userEtag(current));
    },
  });

  r.delete('/scim/v2/Users/:id', {
    config: { access: 'users.write', operational: true, produces: PRODUCES },
    schema: { operationId: 'scimDeleteUser', summary: 'SCIM: delete a user', tags: TAGS, params: Id, response: { 204: { description: 'Deleted' }, ...scimErrors(401, 403, 404, 412) } },
    handler: async (request, reply) => {
      await deps.users.remove(actorOf(request), request.params.id, request.headers['if-match']);
      return reply.status(204).send();
    },
  });

  // Each operation is sent through this app as the request it stands for, with the caller's
  // credentials: it meets the same checks, roles and errors as when sent alone.
  const FORWARDED = ['authorization', 'cookie', 'x-csrf-token', 'user-agent'] as const;
  const runOne = (request: FastifyRequest) => async (op: BulkOperation) => {
    const headers: Record<string, string> = { accept: MEDIA, ...(op.data !== undefined ? { 'content-type': MEDIA } : {}) };
    for (const name of FORWARDED) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    if (op.version !== undefined) headers['if-match'] = op.version;
    const res = await app.inject({
      method: op.method,
      url: `/scim/v2${op.path}`,
      headers,
      remoteAddress: request.ip,
      ...(op.data !== undefined ? { payload: JSON.stringify(op.data) } : {}),
    });
    const body = res.body === '' ? undefined : JSON.parse(res.body);
    const location = typeof res.headers.location === 'string' ? res.headers.location : (body as Json | undefined)?.meta && ((body as Json).meta as Json).location;
    const version = typeof res.headers.etag === 'string' ? res.headers.etag : undefined;
    return { status: res.statusCode, body, ...(typeof location === 'string' ? { location } : {}), ...(version ? { version } : {}) };
  };

  r.post('/scim/v2/Bulk', {
    config: { access: 'users.write', operational: true, produces: PRODUCES },
    bodyLimit: MAX_BULK_PAYLOAD,
    schema: {
      operationId: 'scimBulk',
      summary: 'SCIM: many creates, replaces, changes and deletes in one request',
      description:
        'RFC 7644 §3.7: a BulkRequest of at most 1,000 operations and 1 MiB. Each runs as if sent alone (same roles, same errors); ' +
        '`bulkId:…` in a path or a value refers to the resource another operation of the request creates, whatever their order. ' +
        '`failOnErrors` stops after that many failures. Always 200 with a BulkResponse unless the request itself is malformed.',
      tags: TAGS,
      body: Resource,
      response: { 200: scimResponse('A BulkResponse: one result per operation run'), ...scimErrors(400, 401, 403, 412, 413, 415) },
    },
    handler: async (request, reply) => {
      const { operations, failOnErrors } = parseBulk(request.body);
      const results = await runBulk(operations, failOnErrors, runOne(request));
      return reply.type(MEDIA).send({ schemas: [BULK_RESPONSE], Operations: results });
    },
  });

  // Groups: the same groups as /api/v1/groups, members by user id.
  const groupOut = async (reply: FastifyReply, group: Group, status = 200) => {
    const members = (await deps.groups.membersOf([group.id])).get(group.id)!;
    return reply.status(status).type(MEDIA).header('etag', groupEtag(group)).send(scimGroupOf(group, members, base));
  };
  const childIdsOf = async (id: string) => new Set((await deps.groups.membersOf([id])).get(id)!.groups.map((g) => g.id));
  const rewrite = (current: Group, input: GroupInput) =>
    checkGroup({ name: input.name, parent: current.parent, isSuperuser: current.isSuperuser, attributes: withExternalId(current.attributes, input.externalId) });

  r.get('/scim/v2/Groups', {
    config: { access: 'users.read', operational: true, produces: PRODUCES },
    schema: {
      operationId: 'scimListGroups',
      summary: 'SCIM: list groups',
      description: '`filter` and `sortBy` over displayName, externalId, id, meta.created and meta.lastModified; `startIndex`, `count`, `attributes`/`excludedAttributes` (`excludedAttributes=members` for large groups).',
      tags: TAGS,
      querystring: ListQuery,
      response: { 200: scimResponse('A ListResponse', ListResponse), ...scimErrors(400, 401, 403, 412) },
    },
    handler: async (request, reply) => reply.type(MEDIA).send(await listGroups(request.query)),
  });

  r.post('/scim/v2/Groups/.search', {
    config: { access: 'users.read', operational: true, produces: PRODUCES },
    schema: {
      operationId: 'scimSearchGroups',
      summary: 'SCIM: list groups, the query in the body',
      tags: TAGS,
      body: SearchRequest,
      response: { 200: scimResponse('A ListResponse', ListResponse), ...scimErrors(400, 401, 403, 412, 415) },
    },
    handler: async (request, reply) => reply.type(MEDIA).status(200).send(await listGroups(searchOf(request.body))),
  });

  r.post('/scim/v2/.search', {
    config: { access: 'users.read', operational: true, produces: PRODUCES },
    schema: {
      operationId: 'scimSearchAll',
      summary: 'SCIM: search users and groups at once',
      description:
        'RFC 7644 §3.4.3 at the root: the filter is applied to each resource type whose attributes it names (users first, then groups; ' +
        'a filter naming an attribute only users have leaves groups out); ' +
        '`startIndex` and `count` page through them as one list; `sortBy` sorts within each type.',
      tags: TAGS,
      body: SearchRequest,
      response: { 200: scimResponse('A ListResponse of users and groups', ListResponse), ...scimErrors(400, 401, 403, 412, 415) },
    },
    handler: async (request, reply) => {
      const query = searchOf(request.body);
      const { startIndex, count } = window(query);
      /** A type's page, or null when the filter names what that type does not have. */
      const tryList = async <T,>(list: () => Promise<T>): Promise<T | null> => {
        try {
          return await list();
        } catch (error) {
          if (error instanceof ProblemError && error.code === 'filter.invalid') return null;
          throw error;
        }
      };
      const [usersTotal, groupsTotal] = await Promise.all([
        tryList(async () => (await listUsers({ ...query, startIndex: 1, count: 0 })).totalResults),
        tryList(async () => (await listGroups({ ...query, startIndex: 1, count: 0 })).totalResults),
      ]);
      // A filter neither type can take is the caller's error, as on /Users.
      if (usersTotal === null && groupsTotal === null) await listUsers({ ...query, count: 0 });
      const users = usersTotal ?? 0;
      const resources: unknown[] = [];
      if (usersTotal !== null && startIndex <= users && count > 0) {
        resources.push(...(await listUsers({ ...query, startIndex, count: Math.min(count, users - startIndex + 1) })).Resources);
      }
      const left = count - resources.length;
      if (groupsTotal !== null && left > 0) {
        resources.push(...(await listGroups({ ...query, startIndex: Math.max(1, startIndex - users), count: left })).Resources);
      }
      return reply.type(MEDIA).send(listResponse(users + (groupsTotal ?? 0), startIndex, resources));
    },
  });

  async function listGroups(query: Search) {
    const { filter, attributes, excludedAttributes, sortBy, sortOrder } = query;
    const { startIndex, count } = window(query);
    const sort = sortBy ? { by: sortBy, descending: sortOrder === 'descending' } : undefined;
    const page = await deps.groups.listAt({ filter, startIndex, count, sort });
    const wantsMembers = !/(^|,)\s*members\s*(,|$)/i.test(excludedAttributes ?? '') && (!attributes || /members/i.test(attributes));
    const members = wantsMembers ? await deps.groups.membersOf(page.groups.map((g) => g.id)) : new Map();
    const empty = { users: [], groups: [] };
    const resources = page.groups.map((g) => project(scimGroupOf(g, members.get(g.id) ?? empty, base), { attributes, excludedAttributes }));
    return listResponse(page.total, startIndex, resources);
  }

  r.get('/scim/v2/Groups/:id', {
    config: { access: 'users.read', operational: true, produces: PRODUCES },
    schema: { operationId: 'scimGetGroup', summary: 'SCIM: get a group', tags: TAGS, params: Id, querystring: Type.Object(Projection), response: { 200: scimResponse('The group'), ...scimErrors(401, 403, 404, 412) } },
    handler: async (request, reply) => {
      const group = await deps.groups.get(request.params.id);
      const members = (await deps.groups.membersOf([group.id])).get(group.id)!;
      return reply.type(MEDIA).header('etag', groupEtag(group)).send(project(scimGroupOf(group, members, base), request.query));
    },
  });

  r.post('/scim/v2/Groups', {
    config: { access: 'users.write', operational: true, produces: PRODUCES },
    schema: {
      operationId: 'scimCreateGroup',
      summary: 'SCIM: create a group',
      tags: TAGS,
      body: Resource,
      response: { 201: scimResponse('Created; Location names it', Resource, { Location: LOCATION_HEADER }), ...scimErrors(400, 401, 403, 409, 412, 415) },
    },
    handler: async (request, reply) => {
      const { name, externalId, userIds } = groupInputOf(request.body);
      const actor = actorOf(request);
      const created = await deps.groups.create(actor, checkGroup({ name, ...(externalId !== undefined ? { attributes: withExternalId({}, externalId) } : {}) }));
      if (userIds?.length) await deps.groups.setMembers(actor, created.id, userIds);
      return groupOut(reply.header('location', `${base}/Groups/${created.id}`), await deps.groups.get(created.id), 201);
    },
  });

  r.put('/scim/v2/Groups/:id', {
    config: { access: 'users.write', operational: true, produces: PRODUCES },
    schema: { operationId: 'scimReplaceGroup', summary: 'SCIM: replace a group: its name and user members', tags: TAGS, params: Id, body: Resource, response: { 200: scimResponse('The group'), ...scimErrors(400, 401, 403, 404, 409, 412, 415) } },
    handler: async (request, reply) => {
      const current = await deps.groups.get(request.params.id);
      const input = groupInputOf(request.body, await childIdsOf(current.id));
      const actor = actorOf(request);
      await deps.groups.replace(actor, current.id, rewrite(current, input), request.headers['if-match']);
      await deps.groups.setMembers(actor, current.id, input.userIds ?? []);
      return groupOut(reply, await deps.groups.get(current.id));
    },
  });

  r.patch('/scim/v2/Groups/:id', {
    config: { access: 'users.write', operational: true, produces: PRODUCES },
    schema: {
      operationId: 'scimPatchGroup',
      summary: 'SCIM: change a group with a PatchOp',
      description: 'displayName, and members added or removed (`members[value eq "…"]`, or a value array as Entra ID sends).',
      tags: TAGS,
      params: Id,
      body: Resource,
      response: { 200: scimResponse('The group'), ...scimErrors(400, 401, 403, 404, 409, 412, 415) },
    },
    handler: async (request, reply) => {
      const current = await deps.groups.get(request.params.id);
      if (!ifMatchAllows(request.headers['if-match'], groupEtag(current))) {
        throw problems.preconditionFailed('group.etag_mismatch', 'The group has changed since the ETag in If-Match.');
      }
      const members = (await deps.groups.membersOf([current.id])).get(current.id)!;
      const patched = applyPatch(scimGroupOf(current, members, base), request.body, [GROUP_SCHEMA]);
      const input = groupInputOf(patched, new Set(members.groups.map((g) => g.id)));
      const actor = actorOf(request);
      if (input.name !== current.name || input.externalId !== externalIdOf(current)) {
        await deps.groups.replace(actor, current.id, rewrite(current, input), groupEtag(current));
      }
      await deps.groups.setMembers(actor, current.id, input.userIds ?? []);
      return groupOut(reply, await deps.groups.get(current.id));
    },
  });

  r.delete('/scim/v2/Groups/:id', {
    config: { access: 'users.write', operational: true, produces: PRODUCES },
    schema: { operationId: 'scimDeleteGroup', summary: 'SCIM: delete a group', tags: TAGS, params: Id, response: { 204: { description: 'Deleted' }, ...scimErrors(401, 403, 404, 409, 412) } },
    handler: async (request, reply) => {
      await deps.groups.remove(actorOf(request), request.params.id, request.headers['if-match']);
      return reply.status(204).send();
    },
  });
}
