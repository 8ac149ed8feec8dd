// HTTP for /api/v1/users: schemas, status codes and headers; the rules live in user.service.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ROLES } from '../auth/roles.ts';
import { project, requestedFields, wantsMinimal } from '../http/fields.ts';
import { decodeCursor, encodeCursor } from '../http/pagination.ts';
import { problemResponses, withHeaders } from '../http/schema-helpers.ts';
import type { User } from './user.model.ts';
import {
  SelfPatchSchema,
  USER_FIELDS,
  USER_STATUSES,
  USER_TYPES,
  UserCreateSchema,
  UserPatchSchema,
  UserReplaceSchema,
} from './user.schema.ts';
import type { Actor, Users } from './user.service.ts';
import { toUserView, userEtag, userJson } from './user.view.ts';

const userRef = Type.Unsafe({ $ref: 'User#' });
const IdParams = Type.Object({ id: Type.String({ description: 'User id' }) });
const FieldsQuery = {
  fields: Type.Optional(Type.String({ description: `Comma-separated subset of: ${USER_FIELDS.join(', ')}` })),
};
const WriteHeaders = Type.Object({
  'if-match': Type.Optional(Type.String({ description: 'ETag from a previous response; mismatch → 412' })),
  prefer: Type.Optional(Type.String({ description: '`return=minimal` → 204 without a body' })),
});
const TAGS = ['Users'];

const fieldsOf = (request: FastifyRequest) => requestedFields(request, USER_FIELDS);

function actorOf(request: FastifyRequest): Actor {
  return { userId: request.principal!.userId, role: request.principal!.role, origin: request.origin };
}

const wantsGroups = (request: FastifyRequest) => (request.query as { expand?: string } | undefined)?.expand === 'groups';

/** Views of `users` as the request asks for them: projected, with groupsObj when expanded. */
async function viewsOf(users: Users, request: FastifyRequest, list: User[]): Promise<Record<string, unknown>[]> {
  const fields = fieldsOf(request);
  const views: Record<string, unknown>[] = list.map((u) => project(toUserView(u, request.principal?.userId), fields));
  if (wantsGroups(request)) {
    const groups = await users.groupsOf(list);
    list.forEach((user, i) => {
      views[i].groupsObj = user.groups.flatMap((id) => {
        const g = groups.get(id);
        return g ? [{ id: g.id, name: g.name, parent: g.parent, isSuperuser: g.isSuperuser }] : [];
      });
    });
  }
  return views;
}

/** Each user's JSON as the request asks for it: the plain view goes through userJson, which remembers it. */
async function jsonOf(users: Users, request: FastifyRequest, list: User[]): Promise<string[]> {
  if (fieldsOf(request) === undefined && !wantsGroups(request)) return list.map((u) => userJson(u, request.principal?.userId));
  return (await viewsOf(users, request, list)).map((view) => JSON.stringify(view));
}

const asIs = (body: string) => body;

/** Sends JSON already rendered (each value was mapped to its wire format by user.view.ts). */
function sendJson(reply: FastifyReply, body: string) {
  return reply.type('application/json; charset=utf-8').serializer(asIs).send(body);
}

async function sendUser(users: Users, request: FastifyRequest, reply: FastifyReply, user: User, status = 200) {
  reply.header('etag', userEtag(user));
  if (wantsMinimal(request)) {
    return reply.status(204).header('preference-applied', 'return=minimal').send();
  }
  return sendJson(reply.status(status), (await jsonOf(users, request, [user]))[0]);
}

/** One page of users as `{ items, nextCursor }`; the groups' members route answers the same way. */
export async function sendUserPage(users: Users, request: FastifyRequest, reply: FastifyReply, page: { users: User[]; more: boolean }) {
  const items = await jsonOf(users, request, page.users);
  const nextCursor = page.more ? encodeCursor(page.users[page.users.length - 1].id) : null;
  return sendJson(reply, `{"items":[${items.join(',')}],"nextCursor":${JSON.stringify(nextCursor)}}`);
}

/** The list query with its cursor decoded. */
export function listQueryOf<Q extends { cursor?: string }>(query: Q): Omit<Q, 'cursor'> & { after?: string } {
  const { cursor, ...rest } = query;
  return { ...rest, after: decodeCursor(cursor) };
}

export const ListQuerySchema = {
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
  cursor: Type.Optional(Type.String({ maxLength: 512, description: 'nextCursor of the previous page' })),
  expand: Type.Optional(Type.Enum(['groups'], { description: '`groups` adds groupsObj to each user' })),
  ...FieldsQuery,
};

export async function userRoutes(app: FastifyInstance, deps: { users: Users }): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { users } = deps;

  r.post('/api/v1/users', {
    config: { access: 'users.write', operational: true },
    schema: {
      operationId: 'createUser',
      summary: 'Create a user',
      description:
        'Creates a user with a generated id. With a password (or as a service account) the user is active, otherwise invited. ' +
        '`ifExists=return` answers 200 with the user that already holds the username or email instead of 409. ' +
        '`Idempotency-Key` replays the first response for 24 hours.',
      tags: TAGS,
      querystring: Type.Object({
        ifExists: Type.Optional(Type.Enum(['fail', 'return'], { description: 'What to do when the username or email is taken' })),
        ...FieldsQuery,
      }),
      headers: Type.Object({
        'idempotency-key': Type.Optional(Type.String({ maxLength: 255 })),
        prefer: Type.Optional(Type.String({ description: '`respond-async` → 202 while the password is hashed and mails queued' })),
      }),
      body: UserCreateSchema,
      response: {
        201: withHeaders({ ...userRef, description: 'Created; Location names the new user' }, 'Location'),
        202: withHeaders(Type.Object(
          { id: Type.String(), status: Type.Literal('pending') },
          {
            description:
              'Prefer: respond-async. Validation and duplicate checks already passed; poll GET Location until `status` is no longer `pending` (it becomes active or invited, usually within a second).',
          },
        ), 'Location'),
        200: { ...userRef, description: 'ifExists=return found an existing user' },
        ...problemResponses(400, 401, 403, 409, 412, 415, 422),
      },
    },
    handler: async (request, reply) => {
      const prefer = request.headers.prefer;
      const async = typeof prefer === 'string' && /\brespond-async\b/i.test(prefer);
      const { user, created } = await users.create(actorOf(request), request.body, {
        ifExists: request.query.ifExists,
        async,
      });
      reply.header('location', `/api/v1/users/${user.id}`);
      if (async && created) {
        return reply.status(202).header('preference-applied', 'respond-async').send({ id: user.id, status: 'pending' as const });
      }
      return sendUser(users, request, reply, user, created ? 201 : 200);
    },
  });

  r.get('/api/v1/users', {
    config: { access: 'users.read', operational: true },
    schema: {
      operationId: 'listUsers',
      summary: 'List users',
      description: 'Keyset-paginated in creation order. `filter` takes the SCIM filter grammar (RFC 7644 §3.4.2.2).',
      tags: TAGS,
      querystring: Type.Object({
        filter: Type.Optional(Type.String({ maxLength: 4096, description: 'e.g. email ew "@example.com" and status eq "active"' })),
        q: Type.Optional(Type.String({ maxLength: 255, description: 'Free text over username, name and email' })),
        status: Type.Optional(Type.Enum(USER_STATUSES)),
        type: Type.Optional(Type.Enum(USER_TYPES)),
        role: Type.Optional(Type.Enum(ROLES)),
        group: Type.Optional(Type.String({ description: 'Only members of this group' })),
        includeDescendants: Type.Optional(Type.Boolean({ description: 'With group: also members of groups below it' })),
        ...ListQuerySchema,
      }),
      response: { 200: { $ref: 'UserList#' }, ...problemResponses(400, 401, 403, 412) },
    },
    handler: async (request, reply) => sendUserPage(users, request, reply, await users.list(listQueryOf(request.query))),
  });

  r.get('/api/v1/users/paths', {
    config: { access: 'users.read', operational: true },
    schema: {
      operationId: 'listUserPaths',
      summary: 'List the paths users are organised in, with counts',
      tags: TAGS,
      response: {
        200: Type.Object({ items: Type.Array(Type.Object({ path: Type.String(), count: Type.Integer() })) }),
        ...problemResponses(401, 403, 412),
      },
    },
    handler: async () => ({ items: await users.paths() }),
  });

  r.get('/api/v1/users/me', {
    config: { access: 'self', operational: true },
    schema: {
      operationId: 'getCurrentUser',
      summary: 'Get the calling user',
      tags: TAGS,
      querystring: Type.Object(FieldsQuery),
      response: { 200: userRef, ...problemResponses(400, 401, 412) },
    },
    handler: async (request, reply) => sendUser(users, request, reply, await users.get(request.principal!.userId)),
  });

  r.patch('/api/v1/users/me', {
    config: { access: 'self', operational: true },
    schema: {
      operationId: 'updateCurrentUser',
      summary: 'Update the own profile',
      description: 'JSON Merge Patch of name, givenName, familyName, phone, locale and attributes.profile.',
      tags: TAGS,
      querystring: Type.Object(FieldsQuery),
      headers: WriteHeaders,
      consumes: ['application/merge-patch+json', 'application/json'],
      body: SelfPatchSchema,
      response: { 200: userRef, 204: { type: 'null', description: 'Prefer: return=minimal' }, ...problemResponses(400, 401, 412, 415) },
    },
    handler: async (request, reply) =>
      sendUser(users, request, reply, await users.patchSelf(actorOf(request), request.body, request.headers['if-match'])),
  });

  r.get('/api/v1/users/:id', {
    config: { access: 'users.read', operational: true },
    schema: {
      operationId: 'getUser',
      summary: 'Get a user',
      tags: TAGS,
      params: IdParams,
      querystring: Type.Object({ ...FieldsQuery, expand: ListQuerySchema.expand }),
      response: { 200: userRef, ...problemResponses(400, 401, 403, 404, 412) },
    },
    handler: async (request, reply) => sendUser(users, request, reply, await users.get(request.params.id)),
  });

  r.put('/api/v1/users/:id', {
    config: { access: 'users.write', operational: true },
    schema: {
      operationId: 'replaceUser',
      summary: 'Replace a user',
      description:
        'Full replacement of the writable fields: omitted optional fields return to their defaults. ' +
        'Credentials are not touched; role and status stay as they are unless named; status changes only between active and disabled.',
      tags: TAGS,
      params: IdParams,
      querystring: Type.Object(FieldsQuery),
      headers: WriteHeaders,
      body: UserReplaceSchema,
      response: { 200: userRef, 204: { type: 'null', description: 'Prefer: return=minimal' }, ...problemResponses(400, 401, 403, 404, 409, 412, 415) },
    },
    handler: async (request, reply) =>
      sendUser(users, request, reply, await users.replace(actorOf(request), request.params.id, request.body, request.headers['if-match'])),
  });

  r.patch('/api/v1/users/:id', {
    config: { access: 'users.write', operational: true },
    schema: {
      operationId: 'updateUser',
      summary: 'Update a user (JSON Merge Patch)',
      description: 'RFC 7396 merge patch as application/merge-patch+json or application/json; null removes a field.',
      tags: TAGS,
      params: IdParams,
      querystring: Type.Object(FieldsQuery),
      headers: WriteHeaders,
      consumes: ['application/merge-patch+json', 'application/json'],
      body: UserPatchSchema,
      response: { 200: userRef, 204: { type: 'null', description: 'Prefer: return=minimal' }, ...problemResponses(400, 401, 403, 404, 409, 412, 415) },
    },
    handler: async (request, reply) =>
      sendUser(
        users,
        request,
        reply,
        await users.patch(actorOf(request), request.params.id, request.body as Record<string, unknown>, request.headers['if-match']),
      ),
  });

  r.delete('/api/v1/users/:id', {
    config: { access: 'users.write', operational: true },
    schema: {
      operationId: 'deleteUser',
      summary: 'Delete a user',
      description: 'A user cannot delete itself; the last active admin cannot be deleted.',
      tags: TAGS,
      params: IdParams,
      headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
      response: { 204: { type: 'null', description: 'Deleted' }, ...problemResponses(401, 403, 404, 409, 412) },
    },
    handler: async (request, reply) => {
      await users.remove(actorOf(request), request.params.id, request.headers['if-match']);
      return reply.status(204).send(null);
    },
  });
}
