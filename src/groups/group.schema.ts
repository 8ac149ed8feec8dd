// The group's wire format.
import Type from 'typebox';
import { Nullable } from '../http/schema-helpers.ts';

const Name = Type.String({ minLength: 1, maxLength: 150, description: 'Unique, case-insensitive' });
const Parent = Nullable(Type.String({ description: 'Parent group id; cycles are refused' }));
const Attributes = Type.Record(Type.String(), Type.Unknown(), { description: 'Free JSON, at most 64 KiB serialized' });

/** The group as toGroupView maps it. */
const FullGroupSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    parent: Nullable(Type.String()),
    isSuperuser: Type.Boolean({ description: 'Members (and members of groups below) may do what an admin may' }),
    attributes: Type.Record(Type.String(), Type.Unknown()),
    memberCount: Type.Integer({ description: 'Direct members' }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);

/** On the wire: `fields` or `X-Fields` can drop any property, so none is required. */
export const GroupSchema = Type.Partial(FullGroupSchema, {
  $id: 'Group',
  additionalProperties: false,
  description: 'Every property is present unless `fields` or `X-Fields` names a subset',
});

export const GROUP_FIELDS = Object.keys(GroupSchema.properties);

export const GroupWriteSchema = Type.Object(
  {
    name: Name,
    parent: Type.Optional(Parent),
    isSuperuser: Type.Optional(Type.Boolean()),
    attributes: Type.Optional(Attributes),
  },
  { $id: 'GroupWrite', additionalProperties: false },
);

export const GroupPatchSchema = Type.Object(
  {
    name: Type.Optional(Name),
    parent: Type.Optional(Parent),
    isSuperuser: Type.Optional(Type.Boolean()),
    attributes: Type.Optional(Nullable(Attributes)),
  },
  { $id: 'GroupPatch', additionalProperties: false, description: 'JSON Merge Patch (RFC 7396)' },
);

export const GroupListSchema = Type.Object(
  { items: Type.Array(Type.Unsafe({ $ref: 'Group#' })), nextCursor: Nullable(Type.String()) },
  { $id: 'GroupList' },
);

export type GroupWriteInput = Type.Static<typeof GroupWriteSchema>;
export type GroupView = Type.Static<typeof FullGroupSchema>;
