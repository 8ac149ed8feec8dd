// HTTP for /api/v1/groups and their members.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { project, requestedFields, wantsMinimal } from '../http/fields.ts';
import { decodeCursor, encodeCursor } from '../http/pagination.ts';
import { problemResponses, withHeaders } from '../http/schema-helpers.ts';
import { GROUP_FIELDS, GroupPatchSchema, GroupWriteSchema } from './group.schema.ts';
import type { Groups } from './group.service.ts';
import type { Group } from './group.model.ts';
import { groupEtag, toGroupView } from './group.view.ts';
import type { Users } from '../users/user.service.ts';
import { ListQuerySchema, listQueryOf, sendUserPage } from '../users/user.routes.ts';

const TAGS = ['Groups'];
const groupRef = Type.Unsafe({ $ref: 'Group#' });
const IdParams = Type.Object({ id: Type.String({ description: 'Group id' }) });
const FieldsQuery = { fields: Type.Optional(Type.String({ description: `Comma-separated subset of: ${GROUP_FIELDS.join(', ')}` })) };
const WriteHeaders = Type.Object({
  'if-match': Type.Optional(Type.String({ description: 'ETag from a previous response; mismatch → 412' })),
  prefer: Type.Optional(Type.String({ description: '`return=minimal` → 204 without a body' })),
});

const fieldsOf = (request: FastifyRequest) => requestedFields(request, GROUP_FIELDS);

function sendGroup(request: FastifyRequest, reply: FastifyReply, group: Group, status = 200) {
  reply.header('etag', groupEtag(group));
  if (wantsMinimal(request)) {
    return reply.status(204).header('preference-applied', 'return=minimal').send();
  }
  return reply.status(status).send(project(toGroupView(group), fieldsOf(request)));
}

export async function groupRoutes(app: FastifyInstance, deps: { groups: Groups; users: Users }): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const actor = (request: FastifyRequest) => ({ userId: request.principal!.userId, role: request.principal!.role, origin: request.origin });

  r.post('/api/v1/groups', {
    config: { access: 'users.write', operational: true },
    schema: {
      operationId: 'createGroup',
      summary: 'Create a group',
      tags: TAGS,
      querystring: Type.Object(FieldsQuery),
      body: GroupWriteSchema,
      response: { 201: withHeaders({ ...groupRef, description: 'Created; Location names it' }, 'Location'), ...problemResponses(400, 401, 403, 409, 412, 415, 422) },
    },
    handler: async (request, reply) => {
      const group = await deps.groups.create(actor(request), request.body);
      reply.header('location', `/api/v1/groups/${group.id}`);
      return sendGroup(request, reply, group, 201);
    },
  });

  r.get('/api/v1/groups', {
    config: { access: 'users.read', operational: true },
    schema: {
      operationId: 'listGroups',
      summary: 'List groups',
      description: '`filter` takes the SCIM grammar over name, parent, isSuperuser (and id, createdAt); `q` searches names.',
      tags: TAGS,
      querystring: Type.Object({
        filter: Type.Optional(Type.String({ maxLength: 4096 })),
        q: Type.Optional(Type.String({ maxLength: 255 })),
        limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
        cursor: Type.Optional(Type.String({ maxLength: 512 })),
        ...FieldsQuery,
      }),
      response: { 200: { $ref: 'GroupList#' }, ...problemResponses(400, 401, 403, 412) },
    },
    handler: async (request) => {
      const fields = fieldsOf(request);
      const { groups, more } = await deps.groups.list({ ...request.query, after: decodeCursor(request.query.cursor) });
      return {
        items: groups.map((g) => project(toGroupView(g), fields)),
        nextCursor: more ? encodeCursor(groups[groups.length - 1].id) : null,
      };
    },
  });

  r.get('/api/v1/groups/:id', {
    config: { access: 'users.read', operational: true },
    schema: {
      operationId: 'getGroup',
      summary: 'Get a group',
      tags: TAGS,
      params: IdParams,
      querystring: Type.Object(FieldsQuery),
      response: { 200: groupRef, ...problemResponses(400, 401, 403, 404, 412) },
    },
    handler: async (request, reply) => sendGroup(request, reply, await deps.groups.get(request.params.id)),
  });

  r.put('/api/v1/groups/:id', {
    config: { access: 'users.write', operational: true },
    schema: {
      operationId: 'replaceGroup',
      summary: 'Replace a group',
      description: 'Omitted optional fields return to their defaults, except isSuperuser, which stays unless named.',
      tags: TAGS,
      params: IdParams,
      querystring: Type.Object(FieldsQuery),
      headers: WriteHeaders,
      body: GroupWriteSchema,
      response: { 200: groupRef, 204: { type: 'null', description: 'Prefer: return=minimal' }, ...problemResponses(400, 401, 403, 404, 409, 412, 415) },
    },
    handler: async (request, reply) =>
      sendGroup(request, reply, await deps.groups.replace(actor(request), request.params.id, request.body, request.headers['if-match'])),
  });

  r.patch('/api/v1/groups/:id', {
    config: { access: 'users.write', operational: true },
    schema: {
      operationId: 'updateGroup',
      summary: 'Update a group (JSON Merge Patch)',
      tags: TAGS,
      params: IdParams,
      querystring: Type.Object(FieldsQuery),
      headers: WriteHeaders,
      consumes: ['application/merge-patch+json', 'application/json'],
      body: GroupPatchSchema,
      response: { 200: groupRef, 204: { type: 'null', description: 'Prefer: return=minimal' }, ...problemResponses(400, 401, 403, 404, 409, 412, 415) },
    },
    handler: async (request, reply) =>
      sendGroup(
        request,
        reply,
        await deps.groups.patch(actor(request), request.params.id, request.body as Record<string, unknown>, request.headers['if-match']),
      ),
  });

  r.delete('/api/v1/groups/:id', {
    config: { access: 'users.write', operational: true },
    schema: {
      operationId: 'deleteGroup',
      summary: 'Delete a group',
      description: 'Its memberships go with it. A group with child groups is not deleted: 409 group.has_children.',
      tags: TAGS,
      params: IdParams,
      headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
      response: { 204: { type: 'null', description: 'Deleted' }, ...problemResponses(401, 403, 404, 409, 412) },
    },
    handler: async (request, reply) => {
      await deps.groups.remove(actor(request), request.params.id, request.headers['if-match']);
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/groups/:id/members', {
    config: { access: 'users.read', operational: true },
    schema: {
      operationId: 'listGroupMembers',
      summary: "List a group's members (users)",
      tags: TAGS,
      params: IdParams,
      querystring: Type.Object({
        includeDescendants: Type.Optional(Type.Boolean({ description: 'Also members of groups below it' })),
        ...ListQuerySchema,
      }),
      response: { 200: { $ref: 'UserList#' }, ...problemResponses(400, 401, 403, 404, 412) },
    },
    handler: async (request, reply) =>
      sendUserPage(deps.users, request, reply, await deps.groups.members(request.params.id, listQueryOf(request.query))),
  });

  const MemberParams = Type.Object({ id: Type.String(), userId: Type.String() });
  for (const member of [true, false]) {
    const handler = async (request: FastifyRequest<{ Params: { id: string; userId: string } }>, reply: FastifyReply) => {
      await deps.groups.setMember(actor(request), request.params.id, request.params.userId, member);
      return reply.status(204).send();
    };
    const route = {
      config: { access: 'users.write' as const, operational: true },
      schema: {
        operationId: member ? 'addGroupMember' : 'removeGroupMember',
        summary: member ? 'Add a user to a group' : 'Remove a user from a group',
        description: 'Idempotent.',
        tags: TAGS,
        params: MemberParams,
        response: { 204: { type: 'null', description: member ? 'The user is a member' : 'The user is not a member' }, ...problemResponses(401, 403, 404, 412) },
      },
      handler,
    };
    if (member) r.put('/api/v1/groups/:id/members/:userId', route);
    else r.delete('/api/v1/groups/:id/members/:userId', route);
  }
}
