// /scim/v2/Groups: the groups service through SCIM's mapping (scim-group.ts): displayName is the
// name, members the user members by id, child groups shown as members of type Group.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Groups } from '../groups/group.service.ts';
import type { Group } from '../groups/group.model.ts';
import { groupEtag } from '../groups/group.view.ts';
import { GroupWriteSchema, type GroupWriteInput } from '../groups/group.schema.ts';
import { bodyCheck } from '../http/validation.ts';
import { problems } from '../http/problem.ts';
import { ifMatchAllows } from '../http/etag.ts';
import { applyPatch } from './scim-patch.ts';
import { externalIdOf, GROUP_SCHEMA, groupInputOf, scimGroupOf, withExternalId, type GroupInput } from './scim-group.ts';
import { project } from './scim-attributes.ts';
import { Id, LOCATION_HEADER, ListQuery, ListResponse, MEDIA, PRODUCES, Projection, Resource, SearchRequest, TAGS, listResponse, scimErrors, scimResponse, searchOf, window, type Search } from './scim-http.ts';

const checkGroup = bodyCheck<GroupWriteInput>(GroupWriteSchema);

export async function scimGroupRoutes(app: FastifyInstance, deps: { groups: Groups; base: string }): Promise<{ listGroups: (query: Search) => Promise<ReturnType<typeof listResponse>> }> {
  const { base } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const actorOf = (request: FastifyRequest) => ({ userId: request.principal!.userId, role: request.principal!.role, origin: request.origin });

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

  return { listGroups };
}
