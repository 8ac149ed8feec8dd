// What the SCIM face says of itself (RFC 7643 §5–7, RFC 7644 §4): the features it serves, its
// resource types and the schemas of their attributes. Identity providers read these first.
import { ROLES } from '../auth/roles.ts';
import { USER_TYPES } from '../users/user.schema.ts';
import { ENTERPRISE_FIELDS, ENTERPRISE_USER_SCHEMA, ROSTER_USER_SCHEMA, USER_SCHEMA } from './scim-user.ts';
import { GROUP_SCHEMA } from './scim-group.ts';
import { MAX_BULK_OPERATIONS, MAX_BULK_PAYLOAD } from './scim-bulk.ts';

export const LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const MAX_RESULTS = 1000;

export function serviceProviderConfig(baseUrl: string) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
    documentationUri: 'https://github.com/roster/roster#scim',
    patch: { supported: true },
    bulk: { supported: true, maxOperations: MAX_BULK_OPERATIONS, maxPayloadSize: MAX_BULK_PAYLOAD },
    filter: { supported: true, maxResults: MAX_RESULTS },
    // A password is set by PUT or PATCH of the user (RFC 7644 §3.5.2 "changePassword").
    changePassword: { supported: true },
    sort: { supported: true },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'Personal access token',
        description: 'Authorization: Bearer roster_pat_… (a service account\'s, typically) or a session JWT',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${baseUrl}/ServiceProviderConfig` },
  };
}

export function resourceTypes(baseUrl: string) {
  return [
    {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      description: 'A Roster user: the same as /api/v1/users',
      schema: USER_SCHEMA,
      schemaExtensions: [
        { schema: ENTERPRISE_USER_SCHEMA, required: false },
        { schema: ROSTER_USER_SCHEMA, required: false },
      ],
      meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/User` },
    },
    {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
      id: 'Group',
      name: 'Group',
      endpoint: '/Groups',
      description: 'A Roster group: the same as /api/v1/groups',
      schema: GROUP_SCHEMA,
      meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/Group` },
    },
  ];
}

type Attribute = Record<string, unknown>;

function attribute(name: string, type: string, options: Partial<Attribute> = {}): Attribute {
  return {
    name,
    type,
    multiValued: false,
    required: false,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'none',
    ...options,
  };
}

function multiValued(name: string, description: string): Attribute {
  return attribute(name, 'complex', {
    multiValued: true,
    description,
    subAttributes: [attribute('value', 'string'), attribute('type', 'string', { canonicalValues: ['work'] }), attribute('primary', 'boolean')],
  });
}

export function schemas(baseUrl: string) {
  const meta = (id: string) => ({ resourceType: 'Schema', location: `${baseUrl}/Schemas/${id}` });
  return [
    {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
      id: USER_SCHEMA,
      name: 'User',
      description: 'User Account',
      attributes: [
        attribute('userName', 'string', { required: true, uniqueness: 'server', description: 'Letters, digits and @.+-_; unique, case-insensitive' }),
        attribute('name', 'complex', {
          subAttributes: [attribute('formatted', 'string'), attribute('givenName', 'string'), attribute('familyName', 'string')],
        }),
        attribute('displayName', 'string', { description: 'The same as name.formatted' }),
        multiValued('emails', 'The primary address is the user\'s email (unique, case-insensitive); up to 19 others are kept as sent'),
        multiValued('phoneNumbers', 'The primary number is the user\'s phone (E.164); up to 19 others are kept as sent'),
        attribute('locale', 'string'),
        attribute('active', 'boolean', { description: 'False for disabled users and for invited ones who have not activated' }),
        attribute('password', 'string', { mutability: 'writeOnly', returned: 'never', description: 'At least 10 characters and hard to guess' }),
        attribute('externalId', 'string', { caseExact: true, uniqueness: 'server' }),
        attribute('groups', 'complex', {
          multiValued: true,
          mutability: 'readOnly',
          subAttributes: [attribute('value', 'string', { mutability: 'readOnly' }), attribute('$ref', 'reference', { mutability: 'readOnly' })],
        }),
      ],
      meta: meta(USER_SCHEMA),
    },
    {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
      id: ENTERPRISE_USER_SCHEMA,
      name: 'EnterpriseUser',
      description: 'Enterprise User (RFC 7643 §4.3): kept in the user\'s attributes under this URI, and filterable',
      attributes: [
        ...ENTERPRISE_FIELDS.map((field) => attribute(field, 'string')),
        attribute('manager', 'complex', {
          description: 'A string is read as the manager\'s value (as Microsoft Entra ID sends it)',
          subAttributes: [attribute('value', 'string'), attribute('displayName', 'string')],
        }),
      ],
      meta: meta(ENTERPRISE_USER_SCHEMA),
    },
    {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
      id: ROSTER_USER_SCHEMA,
      name: 'RosterUser',
      description: 'What Roster adds to a user',
      attributes: [
        attribute('role', 'string', { canonicalValues: [...ROLES] }),
        attribute('type', 'string', { canonicalValues: [...USER_TYPES], mutability: 'immutable' }),
        attribute('path', 'string'),
        attribute('attributes', 'complex', { description: 'Free JSON, at most 64 KiB; a PUT without this extension keeps them' }),
        attribute('status', 'string', { mutability: 'readOnly', canonicalValues: ['pending', 'invited', 'active', 'disabled'] }),
      ],
      meta: meta(ROSTER_USER_SCHEMA),
    },
    {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
      id: GROUP_SCHEMA,
      name: 'Group',
      description: 'Group',
      attributes: [
        attribute('displayName', 'string', { required: true, uniqueness: 'server', description: 'Unique, case-insensitive' }),
        attribute('externalId', 'string', { caseExact: true, description: 'Kept in the group\'s attributes under this schema\'s URI' }),
        attribute('members', 'complex', {
          multiValued: true,
          description: 'Users (writable) and child groups (type Group, read-only: nest with parent in /api/v1)',
          subAttributes: [
            attribute('value', 'string', { mutability: 'immutable' }),
            attribute('display', 'string', { mutability: 'readOnly' }),
            attribute('type', 'string', { canonicalValues: ['User', 'Group'], mutability: 'immutable' }),
            attribute('$ref', 'reference', { mutability: 'immutable' }),
          ],
        }),
      ],
      meta: meta(GROUP_SCHEMA),
    },
  ];
}
