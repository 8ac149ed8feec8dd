// /scim/v2/Users and /Me: the users service through SCIM's mapping (scim-user.ts), PATCH applied to
// the user as SCIM shows it and written as a replacement, /Me limited to self-service.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { assertUserEtag, type Users } from '../users/user.service.ts';
import type { Passwords } from '../users/password.service.ts';
import type { User } from '../users/user.model.ts';
import { SelfPatchSchema, UserCreateSchema, UserReplaceSchema, type SelfPatchInput, type UserCreateInput } from '../users/user.schema.ts';
import type { ReplaceInput } from '../users/user.service.ts';
import { userEtag } from '../users/user.view.ts';
import { bodyCheck } from '../http/validation.ts';
import { problems } from '../http/problem.ts';
import { applyPatch } from './scim-patch.ts';
import { selfPatchOf } from './scim-me.ts';
import { scimUserOf, userInputOf, USER_SCHEMA } from './scim-user.ts';
import { project } from './scim-attributes.ts';
import { Id, LOCATION_HEADER, ListQuery, ListResponse, MEDIA, PRODUCES, Projection, Resource, SearchRequest, TAGS, VERSION_HEADER, listResponse, scimErrors, scimResponse, searchOf, window, type Json, type Search } from './scim-http.ts';

function statusChange(current: User, active: boolean | undefined): { status?: 'active' | 'disabled' } {
  const settled = current.status === 'active' || current.status === 'disabled';
  return active === undefined || !settled ? {} : { status: active ? 'active' : 'disabled' };
}

const checkCreate = bodyCheck<UserCreateInput>(UserCreateSchema);
const checkReplace = bodyCheck<ReplaceInput>(UserReplaceSchema);
const checkSelf = bodyCheck<SelfPatchInput>(SelfPatchSchema);

export async function scimUserRoutes(app: FastifyInstance, deps: { users: Users; passwords: Passwords; base: string }): Promise<{ listUsers: (query: Search) => Promise<ReturnType<typeof listResponse>> }> {
  const { base } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const actorOf = (request: FastifyRequest) => ({ userId: request.principal!.userId, role: request.principal!.role, origin: request.origin });
  const send = (reply: FastifyReply, user: User, status = 200, projection: Parameters<typeof project>[1] = {}) =>
    reply.status(status).type(MEDIA).header('etag', userEtag(user)).send(project(scimUserOf(user, base), projection));

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
    assertUserEtag(request.headers['if-match'], current);
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
      assertUserEtag(request.headers['if-match'], current);
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

  return { listUsers };
}
