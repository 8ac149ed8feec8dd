// HTTP for /scim/v2 (RFC 7644): the SCIM face of the same users and groups services /api/v1 uses.
// Requests are read as application/scim+json or application/json; answers are
// application/scim+json, and every error is a SCIM error document (scim-error.ts) rather than a
// problem document. Users and /Me are in scim-users.routes.ts, groups in scim-groups.routes.ts;
// here: discovery, /Bulk and the root /.search.
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Users } from '../users/user.service.ts';
import type { Groups } from '../groups/group.service.ts';
import type { Passwords } from '../users/password.service.ts';
import { logged } from '../http/errors.ts';
import { ProblemError } from '../http/problem.ts';
import { BULK_RESPONSE, MAX_BULK_PAYLOAD, parseBulk, runBulk, type BulkOperation } from './scim-bulk.ts';
import { inScimTerms, SCIM_FACE } from './scim-error.ts';
import { resourceTypes, schemas, serviceProviderConfig } from './scim-discovery.ts';
import { scimUserRoutes } from './scim-users.routes.ts';
import { scimGroupRoutes } from './scim-groups.routes.ts';
import { Id, ListResponse, MEDIA, PRODUCES, Resource, SearchRequest, TAGS, listResponse, scimErrors, scimResponse, searchOf, window, type Json } from './scim-http.ts';

export async function scimRoutes(app: FastifyInstance, deps: { users: Users; groups: Groups; passwords: Passwords; baseUrl: string }): Promise<void> {
  const base = `${deps.baseUrl}/scim/v2`;
  app.removeAllContentTypeParsers();
  app.addContentTypeParser([MEDIA, 'application/json'], { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = inScimTerms(logged(error, request), request.url);
    void reply.status(problem.status).headers(problem.headers).type(SCIM_FACE.mediaType).send(SCIM_FACE.render(problem));
  });
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const list = (resources: unknown[]) => listResponse(resources.length, 1, resources);
  const { listUsers } = await scimUserRoutes(app, { users: deps.users, passwords: deps.passwords, base });
  const { listGroups } = await scimGroupRoutes(app, { groups: deps.groups, base });

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
      // Users first: their page also tells how many there are, which is where the groups' page
      // starts. Each type is counted once, by the query that reads its page.
      const usersPage = await tryList(() => listUsers({ ...query, startIndex, count }));
      const users = usersPage?.totalResults ?? 0;
      const resources: unknown[] = [...(usersPage?.Resources ?? [])];
      const groupsPage = await tryList(() => listGroups({ ...query, startIndex: Math.max(1, startIndex - users), count: count - resources.length }));
      // A filter neither type can take is the caller's error, as on /Users.
      if (usersPage === null && groupsPage === null) await listUsers({ ...query, count: 0 });
      resources.push(...(groupsPage?.Resources ?? []));
      return reply.type(MEDIA).send(listResponse(users + (groupsPage?.totalResults ?? 0), startIndex, resources));
    },
  });
}
