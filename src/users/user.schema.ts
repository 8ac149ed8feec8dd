// The user's wire format: what clients send and what they get back.
import Type from 'typebox';
import { ROLES } from '../auth/roles.ts';
import { NewPassword, Nullable } from '../http/schema-helpers.ts';

export const USER_TYPES = ['internal', 'external', 'service_account'] as const;
export const USER_STATUSES = ['pending', 'invited', 'active', 'disabled'] as const;

const Username = Type.String({
  minLength: 1,
  maxLength: 150,
  pattern: '^[\\p{L}\\p{N}@.+\\-_]+$',
  description: 'Letters, digits and @.+-_ only; unique, case-insensitive',
});
const Text255 = Nullable(Type.String({ maxLength: 255 }));
const Email = Nullable(Type.String({ maxLength: 254, format: 'email', description: 'Unique, case-insensitive' }));
const Phone = Nullable(Type.String({ pattern: '^\\+[1-9][0-9]{1,14}$', description: 'E.164, e.g. +4930123456' }));
const Locale = Nullable(
  Type.String({ maxLength: 35, pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$', description: 'BCP 47 tag' }),
);
const Role = Type.Enum(ROLES, { description: 'See Roles' });
const UserType = Type.Enum(USER_TYPES);
const Attributes = Type.Record(Type.String(), Type.Unknown(), { description: 'Free JSON, at most 64 KiB serialized' });
const Path = Type.String({
  minLength: 1,
  maxLength: 200,
  pattern: '^[\\p{L}\\p{N}_.\\-]+(/[\\p{L}\\p{N}_.\\-]+)*$',
  description: 'Folder for organising users, segments separated by /',
});
const ExternalId = Nullable(Type.String({ minLength: 1, maxLength: 255, description: 'Id in another system, unique' }));
const Groups = Type.Array(Type.String(), { maxItems: 1000, uniqueItems: true, description: 'Group ids' });
const StatusChange = Type.Enum(['active', 'disabled'], {
  description: 'Only active and disabled can be set; invited ends through activation',
});

/** The user as user.view.ts maps it: every property but groupsObj is present. */
const FullUserSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    username: Type.String(),
    name: Nullable(Type.String()),
    givenName: Nullable(Type.String()),
    familyName: Nullable(Type.String()),
    email: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    locale: Nullable(Type.String()),
    type: UserType,
    role: Role,
    status: Type.Enum(USER_STATUSES),
    groups: Type.Array(Type.String()),
    attributes: Type.Record(Type.String(), Type.Unknown()),
    path: Type.String(),
    externalId: Nullable(Type.String()),
    isSuperuser: Type.Boolean(),
    isCurrent: Type.Boolean({ description: 'True when this user is the caller' }),
    mfaEnabled: Type.Boolean(),
    emailVerified: Type.Boolean(),
    avatarUrl: Type.String({ description: 'A data URI with initials when no external avatar is set' }),
    lastLogin: Nullable(Type.String({ format: 'date-time' })),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    groupsObj: Type.Optional(
      Type.Array(
        Type.Object({ id: Type.String(), name: Type.String(), parent: Nullable(Type.String()), isSuperuser: Type.Boolean() }),
        { description: 'With expand=groups: the groups behind `groups`' },
      ),
    ),
  },
  { additionalProperties: false },
);

/** On the wire: `fields` or `X-Fields` can drop any property, so none is required. */
export const UserSchema = Type.Partial(FullUserSchema, {
  $id: 'User',
  additionalProperties: false,
  description: 'Every property is present unless `fields` or `X-Fields` names a subset',
});

export const USER_FIELDS = Object.keys(UserSchema.properties).filter((f) => f !== 'groupsObj');

const writable = {
  name: Type.Optional(Text255),
  givenName: Type.Optional(Text255),
  familyName: Type.Optional(Text255),
  email: Type.Optional(Email),
  phone: Type.Optional(Phone),
  locale: Type.Optional(Locale),
  role: Type.Optional(Role),
  groups: Type.Optional(Groups),
  attributes: Type.Optional(Attributes),
  path: Type.Optional(Path),
  externalId: Type.Optional(ExternalId),
};

export const UserCreateSchema = Type.Object(
  {
    username: Username,
    ...writable,
    type: Type.Optional(UserType),
    password: Type.Optional(NewPassword),
    // Accepted by the schema only so the service can say "read-only on create" precisely.
    status: Type.Optional(Type.Unknown({ description: 'Read-only on create' })),
  },
  { $id: 'UserCreate', additionalProperties: false },
);

export const UserReplaceSchema = Type.Object(
  {
    username: Username,
    ...writable,
    type: Type.Optional(UserType),
    status: Type.Optional(StatusChange),
    password: Type.Optional(Type.Unknown({ description: 'Not accepted: use the password endpoints' })),
  },
  { $id: 'UserReplace', additionalProperties: false },
);

export const UserPatchSchema = Type.Object(
  {
    username: Type.Optional(Username),
    ...writable,
    type: Type.Optional(UserType),
    status: Type.Optional(StatusChange),
    password: Type.Optional(Type.Unknown({ description: 'Not accepted: use the password endpoints' })),
  },
  { $id: 'UserPatch', additionalProperties: false, description: 'JSON Merge Patch (RFC 7396)' },
);

export const SelfPatchSchema = Type.Object(
  {
    name: Type.Optional(Text255),
    givenName: Type.Optional(Text255),
    familyName: Type.Optional(Text255),
    phone: Type.Optional(Phone),
    locale: Type.Optional(Locale),
    attributes: Type.Optional(
      Type.Object(
        { profile: Type.Optional(Nullable(Type.Record(Type.String(), Type.Unknown()))) },
        { additionalProperties: false, description: 'Only attributes.profile is self-service' },
      ),
    ),
  },
  { $id: 'SelfPatch', additionalProperties: false, description: 'JSON Merge Patch of the own profile' },
);

export const UserListSchema = Type.Object(
  {
    items: Type.Array(Type.Unsafe({ $ref: 'User#' })),
    nextCursor: Nullable(Type.String()),
  },
  { $id: 'UserList' },
);

export type UserCreateInput = Type.Static<typeof UserCreateSchema>;
export type UserReplaceInput = Type.Static<typeof UserReplaceSchema>;
export type SelfPatchInput = Type.Static<typeof SelfPatchSchema>;
export type UserView = Type.Static<typeof FullUserSchema>;
