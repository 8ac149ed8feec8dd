// Generated from openapi.json by `npm run openapi` (openapi-typescript): do not edit.
export interface paths {
    "/api/v1/system/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get the service state */
        get: operations["getSystemState"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system/provision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create the first administrator
         * @description Only while unprovisioned; afterwards 412. The password policy applies.
         */
        post: operations["provisionSystem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process serves requests */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database answers */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system/backup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download an encrypted backup of the whole directory
         * @description Users, groups, memberships, tokens, sessions, MFA, signing keys and jobs, read in one snapshot and streamed as one archive encrypted with AES-256-GCM (STREAM segments of 64 KiB) under a key derived with scrypt from `X-Backup-Passphrase`. Secrets inside stay sealed with ROSTER_SECRET: restore on a service with the same one. Roles backup and admin. On the embedded database other requests wait while the snapshot is read.
         */
        get: operations["backupSystem"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace the whole directory with a backup
         * @description Only while the service is unprovisioned (no sign-in needed: there is no one yet), or read-only (maintenance) for an admin; an operational service answers 412. All or nothing: a wrong passphrase, a damaged or changed archive, or one from another schema version → 400 and nothing changes. Answers the rows restored per table.
         */
        post: operations["restoreSystem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users
         * @description Keyset-paginated in creation order. `filter` takes the SCIM filter grammar (RFC 7644 §3.4.2.2).
         */
        get: operations["listUsers"];
        put?: never;
        /**
         * Create a user
         * @description Creates a user with a generated id. With a password (or as a service account) the user is active, otherwise invited. `ifExists=return` answers 200 with the user that already holds the username or email instead of 409. `Idempotency-Key` replays the first response for 24 hours.
         */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/paths": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the paths users are organised in, with counts */
        get: operations["listUserPaths"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get the calling user */
        get: operations["getCurrentUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update the own profile
         * @description JSON Merge Patch of name, givenName, familyName, phone, locale and attributes.profile.
         */
        patch: operations["updateCurrentUser"];
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a user */
        get: operations["getUser"];
        /**
         * Replace a user
         * @description Full replacement of the writable fields: omitted optional fields return to their defaults. Credentials are not touched; role and status stay as they are unless named; status changes only between active and disabled.
         */
        put: operations["replaceUser"];
        post?: never;
        /**
         * Delete a user
         * @description A user cannot delete itself; the last active admin cannot be deleted.
         */
        delete: operations["deleteUser"];
        options?: never;
        head?: never;
        /**
         * Update a user (JSON Merge Patch)
         * @description RFC 7396 merge patch as application/merge-patch+json or application/json; null removes a field.
         */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/api/v1/users/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export every user as NDJSON
         * @description One user a line, in id order, in the shape `POST /api/v1/users/import` takes: the fields of `POST /api/v1/users` (`groups` by name), `status` and `createdAt`. Streamed as it is read. Admins and managers; `includeHashes=true` (admins only) adds `passwordHash`.
         */
        get: operations["exportUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import users from NDJSON
         * @description One user a line (the schema below is one line): the fields of `POST /api/v1/users` with `groups` by name (a missing group is created), plus `passwordHash` (argon2, bcrypt, scrypt, PBKDF2; verified at first login and then rehashed to argon2id), `status`, `createdAt` and `emailVerified`, the shape the export writes. Read as it arrives and written a thousand lines at a time; a bad line is reported in the job's errors and the rest goes on. Answers 202 with the job once the body is read: its progress, and its line errors at `/api/v1/system/jobs/{id}/errors`. `mode=upsert` updates the user with the line's `externalId` (else username) as a PUT would, leaving role, status, groups and password as they are unless the line names them. No mail is sent. Idempotency-Key is not taken here: rerun with `mode=upsert` instead.
         */
        post: operations["importUsers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scim/v2/Users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * SCIM: list users
         * @description RFC 7644 §3.4.2: `filter` (the whole grammar, value filters and schema URIs included), `startIndex` (from 1), `count` (at most 1000), `attributes` / `excludedAttributes`.
         */
        get: operations["scimListUsers"];
        put?: never;
        /**
         * SCIM: create a user
         * @description userName, name, displayName, the primary email and phone number, locale, externalId, password (the policy applies), active, and the Roster extension (role, type, path, attributes).
         */
        post: operations["scimCreateUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scim/v2/Users/.search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * SCIM: list users, the query in the body
         * @description RFC 7644 §3.4.3: a SearchRequest with the list's parameters; attributes and excludedAttributes as arrays.
         */
        post: operations["scimSearchUsers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scim/v2/Me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SCIM: the authenticated user */
        get: operations["scimGetMe"];
        /**
         * SCIM: replace the authenticated user's profile
         * @description Self-service, as PATCH /api/v1/users/me: name, phone number, locale and the Roster extension's attributes.profile may change; anything else → 403.
         */
        put: operations["scimReplaceMe"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * SCIM: change the authenticated user's profile with a PatchOp
         * @description Self-service, as PATCH /api/v1/users/me: name, phone number, locale and the Roster extension's attributes.profile may change; anything else → 403.
         */
        patch: operations["scimPatchMe"];
        trace?: never;
    };
    "/scim/v2/Users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SCIM: get a user */
        get: operations["scimGetUser"];
        /**
         * SCIM: replace a user
         * @description What the resource leaves out is cleared, as in PUT /api/v1/users/{id}, except the Roster extension: without it the role and attributes stay (identity providers send only the schemas they know). A `password` is set under the policy. `If-Match` with meta.version guards it.
         */
        put: operations["scimReplaceUser"];
        post?: never;
        /** SCIM: delete a user */
        delete: operations["scimDeleteUser"];
        options?: never;
        head?: never;
        /**
         * SCIM: change a user with a PatchOp
         * @description add / replace / remove (in any case), with or without `path`; value-filter paths such as `emails[type eq "work"].value`; `active` as a boolean or the string "True"/"False". Applied to the user as SCIM shows it, then written as a replacement. A `password` (replace, or a path-less value) is set under the password policy and ends the user's sessions and tokens.
         */
        patch: operations["scimPatchUser"];
        trace?: never;
    };
    "/scim/v2/Groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * SCIM: list groups
         * @description `filter` and `sortBy` over displayName, externalId, id, meta.created and meta.lastModified; `startIndex`, `count`, `attributes`/`excludedAttributes` (`excludedAttributes=members` for large groups).
         */
        get: operations["scimListGroups"];
        put?: never;
        /** SCIM: create a group */
        post: operations["scimCreateGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scim/v2/Groups/.search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** SCIM: list groups, the query in the body */
        post: operations["scimSearchGroups"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scim/v2/Groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SCIM: get a group */
        get: operations["scimGetGroup"];
        /** SCIM: replace a group: its name and user members */
        put: operations["scimReplaceGroup"];
        post?: never;
        /** SCIM: delete a group */
        delete: operations["scimDeleteGroup"];
        options?: never;
        head?: never;
        /**
         * SCIM: change a group with a PatchOp
         * @description displayName, and members added or removed (`members[value eq "…"]`, or a value array as Entra ID sends).
         */
        patch: operations["scimPatchGroup"];
        trace?: never;
    };
    "/scim/v2/ServiceProviderConfig": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SCIM: what this service provider supports */
        get: operations["scimServiceProviderConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scim/v2/ResourceTypes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SCIM: the resource types served */
        get: operations["scimResourceTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scim/v2/Schemas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SCIM: the schemas of the resources served */
        get: operations["scimSchemas"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scim/v2/Schemas/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SCIM: one schema, by its URI */
        get: operations["scimSchema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scim/v2/Bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * SCIM: many creates, replaces, changes and deletes in one request
         * @description RFC 7644 §3.7: a BulkRequest of at most 1,000 operations and 1 MiB. Each runs as if sent alone (same roles, same errors); `bulkId:…` in a path or a value refers to the resource another operation of the request creates, whatever their order. `failOnErrors` stops after that many failures. Always 200 with a BulkResponse unless the request itself is malformed.
         */
        post: operations["scimBulk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scim/v2/.search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * SCIM: search users and groups at once
         * @description RFC 7644 §3.4.3 at the root: the filter is applied to each resource type whose attributes it names (users first, then groups; a filter naming an attribute only users have leaves groups out); `startIndex` and `count` page through them as one list; `sortBy` sorts within each type.
         */
        post: operations["scimSearchAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change the own password
         * @description Needs the current password; the policy applies; every other session of the user and every personal access token end.
         */
        put: operations["changeOwnPassword"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set a user's password
         * @description The policy applies; every session and personal access token of the user ends; an invited user becomes active.
         */
        put: operations["setUserPassword"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a user's personal access tokens (never their secrets) */
        get: operations["listTokens"];
        put?: never;
        /**
         * Create a personal access token
         * @description The secret is shown once, in this response; it is accepted as `Authorization: Token <secret>` or `Bearer <secret>`. Users create their own; admins and managers (for users whose role grants nothing a manager lacks) create others', e.g. for service accounts. From a session older than 10 minutes, `currentPassword` (the caller's) is required.
         */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a personal access token */
        delete: operations["deleteToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me/mfa/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start TOTP enrolment
         * @description Answers a new secret, pending until verified with a code from it. From a session older than 10 minutes, send `currentPassword`.
         */
        post: operations["enrollTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me/mfa/totp/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm TOTP enrolment with a current code */
        post: operations["verifyTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me/mfa/recovery-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue 10 single-use recovery codes
         * @description Shown once; a new call replaces the previous set. From a session older than 10 minutes, send `currentPassword`.
         */
        post: operations["issueRecoveryCodes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Reset a user's MFA
         * @description Removes every enrolled factor (TOTP and recovery codes).
         */
        delete: operations["resetMfa"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/invitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send the activation mail again
         * @description A new single-use link; links sent before stop working. 409 unless the user is invited.
         */
        post: operations["resendInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/activations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Activate an invited account
         * @description Consumes the activation token, sets the password (policy applies), and answers the now active user. Token problems have distinct codes: token.invalid (400), token.expired and token.used (410).
         */
        post: operations["activateUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/password-resets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a password-reset mail
         * @description Always 202 with the same body: a mail goes out only when the address belongs to an active user.
         */
        post: operations["requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/password-resets/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with a reset token
         * @description The policy applies; every session of the user ends and the lockout counter resets. Token problems have distinct codes: token.invalid (400), token.expired and token.used (410).
         */
        post: operations["confirmPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/email-verifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm an email address with the mailed token
         * @description Token problems have distinct codes: token.invalid (400), token.expired and token.used (410).
         */
        post: operations["verifyEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List groups
         * @description `filter` takes the SCIM grammar over name, parent, isSuperuser (and id, createdAt); `q` searches names.
         */
        get: operations["listGroups"];
        put?: never;
        /** Create a group */
        post: operations["createGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a group */
        get: operations["getGroup"];
        /**
         * Replace a group
         * @description Omitted optional fields return to their defaults, except isSuperuser, which stays unless named.
         */
        put: operations["replaceGroup"];
        post?: never;
        /**
         * Delete a group
         * @description Its memberships go with it. A group with child groups is not deleted: 409 group.has_children.
         */
        delete: operations["deleteGroup"];
        options?: never;
        head?: never;
        /** Update a group (JSON Merge Patch) */
        patch: operations["updateGroup"];
        trace?: never;
    };
    "/api/v1/groups/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a group's members (users) */
        get: operations["listGroupMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups/{id}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Add a user to a group
         * @description Idempotent.
         */
        put: operations["addGroupMember"];
        post?: never;
        /**
         * Remove a user from a group
         * @description Idempotent.
         */
        delete: operations["removeGroupMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics
         * @description Request counts and latencies by route and status, users by status, jobs by status. Roles admin and metrics.
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a job: its status and progress
         * @description Whoever started a job (an import, an export) may read it, and so may the roles that read the job list.
         */
        get: operations["getJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system/jobs/{id}/errors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A job's line errors, as NDJSON
         * @description One `{ line, pointer, code, detail }` a line (line numbers 1-based), in input order. Whoever may read the job.
         */
        get: operations["listJobErrors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List background jobs (mail, deferred creation)
         * @description Payloads are not shown. `status=failed` lists jobs that ran out of retries, with their last error.
         */
        get: operations["listJobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List audit events, newest first
         * @description `filter` takes the SCIM grammar over action, outcome, actor.type, actor.id, actor.username, target.type, target.id, time, requestId and ip (`action sw "user." and outcome eq "failure"`); `since` (inclusive) and `until` (exclusive) bound the time; keyset paging with `cursor`.
         */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhooks */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Create a webhook
         * @description The signing secret is in this answer only. Deliveries follow Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature).
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a webhook */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /** Delete a webhook and its delivery log */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /** Change a webhook: url, events, active, description */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A webhook's deliveries, newest first */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery again (same webhook-id and body)
         * @description Only a delivered or failed delivery: one still being tried answers 409.
         */
        post: operations["redeliverWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Page: Activate your account */
        get: operations["activatePage"];
        put?: never;
        /** Page: Activate your account (the form sent) */
        post: operations["activateForm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Page: Choose a new password */
        get: operations["resetPasswordPage"];
        put?: never;
        /** Page: Choose a new password (the form sent) */
        post: operations["resetPasswordForm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/forgot-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Page: ask for a password-reset link */
        get: operations["forgotPasswordPage"];
        put?: never;
        /** Page: ask for a password-reset link (the form sent) */
        post: operations["forgotPasswordForm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/verify-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Page: confirm an email address */
        get: operations["verifyEmailPage"];
        put?: never;
        /** Page: confirm an email address (the form sent) */
        post: operations["verifyEmailForm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in
         * @description Checks the password (and `totp`, a TOTP or recovery code, for MFA users) and answers a short-lived EdDSA JWT for `Authorization: Bearer`, plus an HttpOnly session cookie for browsers whose writes must send `csrfToken` as X-CSRF-Token. Five failed checks lock the account (429 with Retry-After).
         */
        post: operations["createSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Log out
         * @description Ends the session behind the JWT or cookie: both stop working at once.
         */
        delete: operations["deleteCurrentSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public keys that verify access tokens (RFC 7517) */
        get: operations["getJwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description RFC 9457 problem details */
        Problem: {
            /** @description URI of the problem type; its last segment names the problem */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description The request id, also sent as X-Request-Id */
            instance: string;
            /** @description Stable dotted code, e.g. user.username_taken */
            code: string;
            errors?: {
                /** @description JSON Pointer into the request body */
                pointer?: string;
                /** @description Query parameter or header name */
                parameter?: string;
                detail: string;
                code: string;
            }[];
        } & {
            [key: string]: unknown;
        };
        /** @description Every property is present unless `fields` or `X-Fields` names a subset */
        User: {
            /** Format: uuid */
            id?: string;
            username?: string;
            name?: string | null;
            givenName?: string | null;
            familyName?: string | null;
            email?: string | null;
            phone?: string | null;
            locale?: string | null;
            /** @enum {unknown} */
            type?: "internal" | "external" | "service_account";
            /**
             * @description See Roles
             * @enum {unknown}
             */
            role?: "admin" | "manager" | "auditor" | "metrics" | "backup" | "user";
            /** @enum {unknown} */
            status?: "pending" | "invited" | "active" | "disabled";
            groups?: string[];
            attributes?: {
                [key: string]: unknown;
            };
            path?: string;
            externalId?: string | null;
            isSuperuser?: boolean;
            /** @description True when this user is the caller */
            isCurrent?: boolean;
            mfaEnabled?: boolean;
            emailVerified?: boolean;
            /** @description A data URI with initials when no external avatar is set */
            avatarUrl?: string;
            /** Format: date-time */
            lastLogin?: string | null;
            /** Format: date-time */
            createdAt?: string;
            /** Format: date-time */
            updatedAt?: string;
            /** @description With expand=groups: the groups behind `groups` */
            groupsObj?: {
                id: string;
                name: string;
                parent: string | null;
                isSuperuser: boolean;
            }[];
        };
        UserList: {
            items: components["schemas"]["User"][];
            nextCursor: string | null;
        };
        /** @description Every property is present unless `fields` or `X-Fields` names a subset */
        Group: {
            /** Format: uuid */
            id?: string;
            name?: string;
            parent?: string | null;
            /** @description Members (and members of groups below) may do what an admin may */
            isSuperuser?: boolean;
            attributes?: {
                [key: string]: unknown;
            };
            /** @description Direct members */
            memberCount?: number;
            /** Format: date-time */
            createdAt?: string;
            /** Format: date-time */
            updatedAt?: string;
        };
        GroupList: {
            items: components["schemas"]["Group"][];
            nextCursor: string | null;
        };
        AuditEvent: {
            id: string;
            /** Format: date-time */
            time: string;
            /** @description Dotted: user.created, session.failed, membership.added, … */
            action: string;
            /** @enum {unknown} */
            outcome: "success" | "failure";
            actor: {
                /** @enum {unknown} */
                type: "user" | "token" | "system" | "anonymous";
                id: string | null;
                username: string | null;
            };
            target: {
                type: string;
                id: string | null;
            } | null;
            ip: string | null;
            userAgent: string | null;
            requestId: string | null;
            /** @description The names of the fields changed; never their values */
            changes: string[];
        };
        Webhook: {
            id: string;
            url: string;
            events: string[];
            active: boolean;
            description: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
    };
    responses: {
        /** @description Any known path asked with a method it does not answer: a problem document whose Allow header names the methods it does */
        MethodNotAllowed: {
            headers: {
                /** @description The methods the path answers, e.g. GET, HEAD, POST */
                Allow?: string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getSystemState: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        state: "unprovisioned" | "operational" | "read_only";
                    };
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    provisionSystem: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    username: string;
                    /** @description At least 10 characters and hard to guess (zxcvbn score 3 or more); otherwise 400 password.weak with the reasons */
                    password: string;
                };
            };
        };
        responses: {
            /** @description The first administrator; the service is now operational */
            201: {
                headers: {
                    /** @description Path of the resource this request created */
                    Location?: string;
                    /** @description Strong validator of the representation; send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported request media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ready";
                    };
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Error */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    backupSystem: {
        parameters: {
            query?: never;
            header: {
                /** @description At least 10 characters; the archive's key is derived from it with scrypt */
                "x-backup-passphrase": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The archive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    restoreSystem: {
        parameters: {
            query?: never;
            header: {
                /** @description At least 10 characters; the archive's key is derived from it with scrypt */
                "x-backup-passphrase": string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description An archive from GET /api/v1/system/backup */
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Rows per table */
                        restored: {
                            [key: string]: number;
                        };
                    };
                };
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported request media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /** @description e.g. email ew "@example.com" and status eq "active" */
                filter?: string;
                /** @description Free text over username, name and email */
                q?: string;
                status?: "pending" | "invited" | "active" | "disabled";
                type?: "internal" | "external" | "service_account";
                role?: "admin" | "manager" | "auditor" | "metrics" | "backup" | "user";
                /** @description Only members of this group */
                group?: string;
                /** @description With group: also members of groups below it */
                includeDescendants?: boolean;
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description `groups` adds groupsObj to each user */
                expand?: "groups";
                /** @description Comma-separated subset of: id, username, name, givenName, familyName, email, phone, locale, type, role, status, groups, attributes, path, externalId, isSuperuser, isCurrent, mfaEnabled, emailVerified, avatarUrl, lastLogin, createdAt, updatedAt */
                fields?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserList"];
                };
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: {
                /** @description What to do when the username or email is taken */
                ifExists?: "fail" | "return";
                /** @description Comma-separated subset of: id, username, name, givenName, familyName, email, phone, locale, type, role, status, groups, attributes, path, externalId, isSuperuser, isCurrent, mfaEnabled, emailVerified, avatarUrl, lastLogin, createdAt, updatedAt */
                fields?: string;
            };
            header?: {
                "idempotency-key"?: string;
                /** @description `respond-async` → 202 while the password is hashed and mails queued */
                prefer?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Letters, digits and @.+-_ only; unique, case-insensitive */
                    username: string;
                    name?: string | null;
                    givenName?: string | null;
                    familyName?: string | null;
                    /**
                     * Format: email
                     * @description Unique, case-insensitive
                     */
                    email?: string | null;
                    /** @description E.164, e.g. +4930123456 */
                    phone?: string | null;
                    /** @description BCP 47 tag */
                    locale?: string | null;
                    /**
                     * @description See Roles
                     * @enum {unknown}
                     */
                    role?: "admin" | "manager" | "auditor" | "metrics" | "backup" | "user";
                    /** @description Group ids */
                    groups?: string[];
                    /** @description Free JSON, at most 64 KiB serialized */
                    attributes?: {
                        [key: string]: unknown;
                    };
                    /** @description Folder for organising users, segments separated by / */
                    path?: string;
                    /** @description Id in another system, unique */
                    externalId?: string | null;
                    /** @enum {unknown} */
                    type?: "internal" | "external" | "service_account";
                    /** @description At least 10 characters and hard to guess (zxcvbn score 3 or more); otherwise 400 password.weak with the reasons */
                    password?: string;
                    /** @description Read-only on create */
                    status?: unknown;
                };
            };
        };
        responses: {
            /** @description ifExists=return found an existing user */
            200: {
                headers: {
                    /** @description Strong validator of the representation; send it back as If-Match */
                    ETag?: string;
                    /** @description Present on a replay of the first response to the same Idempotency-Key and body */
                    "Idempotency-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Created; Location names the new user */
            201: {
                headers: {
                    /** @description Path of the resource this request created */
                    Location?: string;
                    /** @description Strong validator of the representation; send it back as If-Match */
                    ETag?: string;
                    /** @description Present on a replay of the first response to the same Idempotency-Key and body */
                    "Idempotency-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Prefer: respond-async. Validation and duplicate checks already passed; poll GET Location until `status` is no longer `pending` (it becomes active or invited, usually within a second). */
            202: {
                headers: {
                    /** @description Path of the resource this request created */
                    Location?: string;
                    /** @description The Prefer preference honoured: return=minimal or respond-async (RFC 7240) */
                    "Preference-Applied"?: string;
                    /** @description Present on a replay of the first response to the same Idempotency-Key and body */
                    "Idempotency-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        status: "pending";
                    };
                };
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported request media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Idempotency-Key reused with a different body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listUserPaths: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            path: string;
                            count: number;
                        }[];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCurrentUser: {
        parameters: {
            query?: {
                /** @description Comma-separated subset of: id, username, name, givenName, familyName, email, phone, locale, type, role, status, groups, attributes, path, externalId, isSuperuser, isCurrent, mfaEnabled, emailVerified, avatarUrl, lastLogin, createdAt, updatedAt */
                fields?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every property is present unless `fields` or `X-Fields` names a subset */
            200: {
                headers: {
                    /** @description Strong validator of the representation; send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateCurrentUser: {
        parameters: {
            query?: {
                /** @description Comma-separated subset of: id, username, name, givenName, familyName, email, phone, locale, type, role, status, groups, attributes, path, externalId, isSuperuser, isCurrent, mfaEnabled, emailVerified, avatarUrl, lastLogin, createdAt, updatedAt */
                fields?: string;
            };
            header?: {
                /** @description ETag from a previous response; mismatch → 412 */
                "if-match"?: string;
                /** @description `return=minimal` → 204 without a body */
                prefer?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description JSON Merge Patch of the own profile */
        requestBody: {
            content: {
                "application/merge-patch+json": {
                    name?: string | null;
                    givenName?: string | null;
                    familyName?: string | null;
                    /** @description E.164, e.g. +4930123456 */
                    phone?: string | null;
                    /** @description BCP 47 tag */
                    locale?: string | null;
                    /** @description Only attributes.profile is self-service */
                    attributes?: {
                        profile?: {
                            [key: string]: unknown;
                        } | null;
                    };
                };
                "application/json": {
                    name?: string | null;
                    givenName?: string | null;
                    familyName?: string | null;
                    /** @description E.164, e.g. +4930123456 */
                    phone?: string | null;
                    /** @description BCP 47 tag */
                    locale?: string | null;
                    /** @description Only attributes.profile is self-service */
                    attributes?: {
                        profile?: {
                            [key: string]: unknown;
                        } | null;
                    };
                };
            };
        };
        responses: {
            /** @description Every property is present unless `fields` or `X-Fields` names a subset */
            200: {
                headers: {
                    /** @description Strong validator of the representation; send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Prefer: return=minimal */
            204: {
                headers: {
                    /** @description Strong validator of the representation; send it back as If-Match */
                    ETag?: string;
                    /** @description The Prefer preference honoured: return=minimal or respond-async (RFC 7240) */
                    "Preference-Applied"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported request media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: {
                /** @description Comma-separated subset of: id, username, name, givenName, familyName, email, phone, locale, type, role, status, groups, attributes, path, externalId, isSuperuser, isCurrent, mfaEnabled, emailVerified, avatarUrl, lastLogin, createdAt, updatedAt */
                fields?: string;
                /** @description `groups` adds groupsObj to each user */
                expand?: "groups";
            };
            header?: never;
            path: {
                /** @description User id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every property is present unless `fields` or `X-Fields` names a subset */
            200: {
                headers: {
                    /** @description Strong validator of the representation; send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replaceUser: {
        parameters: {
            query?: {
                /** @description Comma-separated subset of: id, username, name, givenName, familyName, email, phone, locale, type, role, status, groups, attributes, path, externalId, isSuperuser, isCurrent, mfaEnabled, emailVerified, avatarUrl, lastLogin, createdAt, updatedAt */
                fields?: string;
            };
            header?: {
                /** @description ETag from a previous response; mismatch → 412 */
                "if-match"?: string;
                /** @description `return=minimal` → 204 without a body */
                prefer?: string;
            };
            path: {
                /** @description User id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Letters, digits and @.+-_ only; unique, case-insensitive */
                    username: string;
                    name?: string | null;
                    givenName?: string | null;
                    familyName?: string | null;
                    /**
                     * Format: email
                     * @description Unique, case-insensitive
                     */
                    email?: string | null;
                    /** @description E.164, e.g. +4930123456 */
                    phone?: string | null;
                    /** @description BCP 47 tag */
                    locale?: string | null;
                    /**
                     * @description See Roles
                     * @enum {unknown}
                     */
                    role?: "admin" | "manager" | "auditor" | "metrics" | "backup" | "user";
                    /** @description Group ids */
                    groups?: string[];
                    /** @description Free JSON, at most 64 KiB serialized */
                    attributes?: {
                        [key: string]: unknown;
                    };
                    /** @description Folder for organising users, segments separated by / */
                    path?: string;
                    /** @description Id in another system, unique */
                    externalId?: string | null;
                    /** @enum {unknown} */
                    type?: "internal" | "external" | "service_account";
                    /**
                     * @description Only active and disabled can be set; invited ends through activation
                     * @enum {unknown}
                     */
                    status?: "active" | "disabled";
                    /** @description Not accepted: use the password endpoints */
                    password?: unknown;
                };
            };
        };
        responses: {
            /** @description Every property is present unless `fields` or `X-Fields` names a subset */
            200: {
                headers: {
                    /** @description Strong validator of the representation; send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Prefer: return=minimal */
            204: {
                headers: {
                    /** @description Strong validator of the representation; send it back as If-Match */
                    ETag?: string;
                    /** @description The Prefer preference honoured: return=minimal or respond-async (RFC 7240) */
                    "Preference-Applied"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported request media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteUser: {
        parameters: {
            query?: never;
            header?: {
                "if-match"?: string;
            };
            path: {
                /** @description User id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateUser: {
        parameters: {
            query?: {
                /** @description Comma-separated subset of: id, username, name, givenName, familyName, email, phone, locale, type, role, status, groups, attributes, path, externalId, isSuperuser, isCurrent, mfaEnabled, emailVerified, avatarUrl, lastLogin, createdAt, updatedAt */
                fields?: string;
            };
            header?: {
                /** @description ETag from a previous response; mismatch → 412 */
                "if-match"?: string;
                /** @description `return=minimal` → 204 without a body */
                prefer?: string;
            };
            path: {
                /** @description User id */
                id: string;
            };
            cookie?: never;
        };
        /** @description JSON Merge Patch (RFC 7396) */
        requestBody: {
            content: {
                "application/merge-patch+json": {
                    /** @description Letters, digits and @.+-_ only; unique, case-insensitive */
                    username?: string;
                    name?: string | null;
                    givenName?: string | null;
                    familyName?: string | null;
                    /**
                     * Format: email
                     * @description Unique, case-insensitive
                     */
                    email?: string | null;
                    /** @description E.164, e.g. +4930123456 */
                    phone?: string | null;
                    /** @description BCP 47 tag */
                    locale?: string | null;
                    /**
                     * @description See Roles
                     * @enum {unknown}
                     */
                    role?: "admin" | "manager" | "auditor" | "metrics" | "backup" | "user";
                    /** @description Group ids */
                    groups?: string[];
                    /** @description Free JSON, at most 64 KiB serialized */
                    attributes?: {
                        [key: string]: unknown;
                    };
                    /** @description Folder for organising users, segments separated by / */
                    path?: string;
                    /** @description Id in another system, unique */
                    externalId?: string | null;
                    /** @enum {unknown} */
                    type?: "internal" | "external" | "service_account";
                    /**
                     * @description Only active and disabled can be set; invited ends through activation
                     * @enum {unknown}
                     */
                    status?: "active" | "disabled";
                    /** @description Not accepted: use the password endpoints */
                    password?: unknown;
                };
                "application/json": {
                    /** @description Letters, digits and @.+-_ only; unique, case-insensitive */
                    username?: string;
                    name?: string | null;
                    givenName?: string | null;
                    familyName?: string | null;
                    /**
                     * Format: email
                     * @description Unique, case-insensitive
                     */
                    email?: string | null;
                    /** @description E.164, e.g. +4930123456 */
                    phone?: string | null;
                    /** @description BCP 47 tag */
                    locale?: string | null;
                    /**
                     * @description See Roles
                     * @enum {unknown}
                     */
                    role?: "admin" | "manager" | "auditor" | "metrics" | "backup" | "user";
                    /** @description Group ids */
                    groups?: string[];
                    /** @description Free JSON, at most 64 KiB serialized */
                    attributes?: {
                        [key: string]: unknown;
                    };
                    /** @description Folder for organising users, segments separated by / */
                    path?: string;
                    /** @description Id in another system, unique */
                    externalId?: string | null;
                    /** @enum {unknown} */
                    type?: "internal" | "external" | "service_account";
                    /**
                     * @description Only active and disabled can be set; invited ends through activation
                     * @enum {unknown}
                     */
                    status?: "active" | "disabled";
                    /** @description Not accepted: use the password endpoints */
                    password?: unknown;
                };
            };
        };
        responses: {
            /** @description Every property is present unless `fields` or `X-Fields` names a subset */
            200: {
                headers: {
                    /** @description Strong validator of the representation; send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Prefer: return=minimal */
            204: {
                headers: {
                    /** @description Strong validator of the representation; send it back as If-Match */
                    ETag?: string;
                    /** @description The Prefer preference honoured: return=minimal or respond-async (RFC 7240) */
                    "Preference-Applied"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported request media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportUsers: {
        parameters: {
            query?: {
                /** @description Add each user's passwordHash (admins only) */
                includeHashes?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description NDJSON, one user a line */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                };
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importUsers: {
        parameters: {
            query?: {
                /** @description create: an existing username, email or externalId is that line's error */
                mode?: "create" | "upsert";
                /** @description Check every line and count what would change, writing nothing */
                dryRun?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-ndjson": {
                    /** @description Letters, digits and @.+-_ only; unique, case-insensitive */
                    username: string;
                    name?: string | null;
                    givenName?: string | null;
                    familyName?: string | null;
                    /**
                     * Format: email
                     * @description Unique, case-insensitive
                     */
                    email?: string | null;
                    /** @description E.164, e.g. +4930123456 */
                    phone?: string | null;
                    /** @description BCP 47 tag */
                    locale?: string | null;
                    /**
                     * @description See Roles
                     * @enum {unknown}
                     */
                    role?: "admin" | "manager" | "auditor" | "metrics" | "backup" | "user";
                    /** @description Free JSON, at most 64 KiB serialized */
                    attributes?: {
                        [key: string]: unknown;
                    };
                    /** @description Folder for organising users, segments separated by / */
                    path?: string;
                    /** @description Id in another system, unique */
                    externalId?: string | null;
                    /** @enum {unknown} */
                    type?: "internal" | "external" | "service_account";
                    /** @description At least 10 characters and hard to guess (zxcvbn score 3 or more); otherwise 400 password.weak with the reasons */
                    password?: string;
                    /** @description Group names; a missing group is created */
                    groups?: string[];
                    /** @description A hash in a supported format; null (as the export writes for a user without a password) is the same as leaving it out */
                    passwordHash?: string | null;
                    /**
                     * @description pending is imported as invited
                     * @enum {unknown}
                     */
                    status?: "active" | "disabled" | "invited" | "pending";
                    /** Format: date-time */
                    createdAt?: string;
                    emailVerified?: boolean;
                };
            };
        };
        responses: {
            /** @description The import job, finished; Location is its URL */
            202: {
                headers: {
                    /** @description Path of the resource this request created */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @description users.import, users.export, … or a queue job's kind */
                        type: string;
                        /** @enum {unknown} */
                        status: "queued" | "running" | "done" | "failed";
                        progress: {
                            total?: number;
                            processed: number;
                            created: number;
                            updated: number;
                            failed: number;
                        } | null;
                        /** @description The user who started it */
                        createdBy: string | null;
                        lastError: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        finishedAt: string | null;
                    };
                };
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported request media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    scimListUsers: {
        parameters: {
            query?: {
                filter?: string;
                /** @description Values below 1 are read as 1 */
                startIndex?: number;
                /** @description Values below 0 are read as 0, above 1000 as 1000 */
                count?: number;
                /** @description Users: any filterable attribute (userName, name.familyName, meta.created, …) */
                sortBy?: string;
                sortOrder?: "ascending" | "descending";
                /** @description Comma-separated attributes to return (and id, schemas, meta) */
                attributes?: string;
                /** @description Comma-separated attributes to leave out */
                excludedAttributes?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A ListResponse */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        totalResults: number;
                        startIndex: number;
                        itemsPerPage: number;
                        Resources: {
                            [key: string]: unknown;
                        }[];
                    };
                    "application/json": {
                        schemas: string[];
                        totalResults: number;
                        startIndex: number;
                        itemsPerPage: number;
                        Resources: {
                            [key: string]: unknown;
                        }[];
                    };
                };
            };
            /** @description Invalid request (scimType says which rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description If-Match does not match meta.version, or the service is unprovisioned */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
        };
    };
    scimCreateUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A SCIM resource (RFC 7643) */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Created; Location names it */
            201: {
                headers: {
                    /** @description meta.location */
                    Location?: unknown;
                    /** @description meta.version */
                    ETag?: unknown;
                    /** @description Present on a replay of the first response to the same Idempotency-Key and body */
                    "Idempotency-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        [key: string]: unknown;
                    };
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Invalid request (scimType says which rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Uniqueness: another user holds the userName, email or externalId */
            409: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description If-Match does not match meta.version, or the service is unprovisioned */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Unsupported request media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
        };
    };
    scimSearchUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    schemas: "urn:ietf:params:scim:api:messages:2.0:SearchRequest"[];
                    filter?: string;
                    startIndex?: number;
                    count?: number;
                    sortBy?: string;
                    /** @enum {unknown} */
                    sortOrder?: "ascending" | "descending";
                    attributes?: string[];
                    excludedAttributes?: string[];
                };
            };
        };
        responses: {
            /** @description A ListResponse */
            200: {
                headers: {
                    /** @description Present on a replay of the first response to the same Idempotency-Key and body */
                    "Idempotency-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        totalResults: number;
                        startIndex: number;
                        itemsPerPage: number;
                        Resources: {
                            [key: string]: unknown;
                        }[];
                    };
                    "application/json": {
                        schemas: string[];
                        totalResults: number;
                        startIndex: number;
                        itemsPerPage: number;
                        Resources: {
                            [key: string]: unknown;
                        }[];
                    };
                };
            };
            /** @description Invalid request (scimType says which rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description If-Match does not match meta.version, or the service is unprovisioned */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Unsupported request media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
        };
    };
    scimGetMe: {
        parameters: {
            query?: {
                /** @description Comma-separated attributes to return (and id, schemas, meta) */
                attributes?: string;
                /** @description Comma-separated attributes to leave out */
                excludedAttributes?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller as a SCIM User */
            200: {
                headers: {
                    /** @description meta.version */
                    ETag?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        [key: string]: unknown;
                    };
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description If-Match does not match meta.version, or the service is unprovisioned */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
        };
    };
    scimReplaceMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A SCIM resource (RFC 7643) */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description The caller as changed */
            200: {
                headers: {
                    /** @description meta.version */
                    ETag?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        [key: string]: unknown;
                    };
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Invalid request (scimType says which rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description If-Match does not match meta.version, or the service is unprovisioned */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Unsupported request media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
        };
    };
    scimPatchMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A SCIM resource (RFC 7643) */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description The caller as changed */
            200: {
                headers: {
                    /** @description meta.version */
                    ETag?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        [key: string]: unknown;
                    };
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Invalid request (scimType says which rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description If-Match does not match meta.version, or the service is unprovisioned */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Unsupported request media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
        };
    };
    scimGetUser: {
        parameters: {
            query?: {
                /** @description Comma-separated attributes to return (and id, schemas, meta) */
                attributes?: string;
                /** @description Comma-separated attributes to leave out */
                excludedAttributes?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user */
            200: {
                headers: {
                    /** @description meta.version */
                    ETag?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        [key: string]: unknown;
                    };
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description If-Match does not match meta.version, or the service is unprovisioned */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
        };
    };
    scimReplaceUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description A SCIM resource (RFC 7643) */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description The user as replaced */
            200: {
                headers: {
                    /** @description meta.version */
                    ETag?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        [key: string]: unknown;
                    };
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Invalid request (scimType says which rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Uniqueness: another user holds the userName, email or externalId */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description If-Match does not match meta.version, or the service is unprovisioned */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Unsupported request media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
        };
    };
    scimDeleteUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description If-Match does not match meta.version, or the service is unprovisioned */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
        };
    };
    scimPatchUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description A SCIM resource (RFC 7643) */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description The user as changed */
            200: {
                headers: {
                    /** @description meta.version */
                    ETag?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        [key: string]: unknown;
                    };
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Invalid request (scimType says which rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Uniqueness: another user holds the userName, email or externalId */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description If-Match does not match meta.version, or the service is unprovisioned */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Unsupported request media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
        };
    };
    scimListGroups: {
        parameters: {
            query?: {
                filter?: string;
                /** @description Values below 1 are read as 1 */
                startIndex?: number;
                /** @description Values below 0 are read as 0, above 1000 as 1000 */
                count?: number;
                /** @description Users: any filterable attribute (userName, name.familyName, meta.created, …) */
                sortBy?: string;
                sortOrder?: "ascending" | "descending";
                /** @description Comma-separated attributes to return (and id, schemas, meta) */
                attributes?: string;
                /** @description Comma-separated attributes to leave out */
                excludedAttributes?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A ListResponse */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        totalResults: number;
                        startIndex: number;
                        itemsPerPage: number;
                        Resources: {
                            [key: string]: unknown;
                        }[];
                    };
                    "application/json": {
                        schemas: string[];
                        totalResults: number;
                        startIndex: number;
                        itemsPerPage: number;
                        Resources: {
                            [key: string]: unknown;
                        }[];
                    };
                };
            };
            /** @description Invalid request (scimType says which rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description If-Match does not match meta.version, or the service is unprovisioned */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
        };
    };
    scimCreateGroup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A SCIM resource (RFC 7643) */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Created; Location names it */
            201: {
                headers: {
                    /** @description meta.location */
                    Location?: unknown;
                    /** @description Present on a replay of the first response to the same Idempotency-Key and body */
                    "Idempotency-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        [key: string]: unknown;
                    };
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Invalid request (scimType says which rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Uniqueness: another user holds the userName, email or externalId */
            409: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description If-Match does not match meta.version, or the service is unprovisioned */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Unsupported request media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
        };
    };
    scimSearchGroups: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    schemas: "urn:ietf:params:scim:api:messages:2.0:SearchRequest"[];
                    filter?: string;
                    startIndex?: number;
                    count?: number;
                    sortBy?: string;
                    /** @enum {unknown} */
                    sortOrder?: "ascending" | "descending";
                    attributes?: string[];
                    excludedAttributes?: string[];
                };
            };
        };
        responses: {
            /** @description A ListResponse */
            200: {
                headers: {
                    /** @description Present on a replay of the first response to the same Idempotency-Key and body */
                    "Idempotency-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        totalResults: number;
                        startIndex: number;
                        itemsPerPage: number;
                        Resources: {
                            [key: string]: unknown;
                        }[];
                    };
                    "application/json": {
                        schemas: string[];
                        totalResults: number;
                        startIndex: number;
                        itemsPerPage: number;
                        Resources: {
                            [key: string]: unknown;
                        }[];
                    };
                };
            };
            /** @description Invalid request (scimType says which rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description If-Match does not match meta.version, or the service is unprovisioned */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Unsupported request media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
        };
    };
    scimGetGroup: {
        parameters: {
            query?: {
                /** @description Comma-separated attributes to return (and id, schemas, meta) */
                attributes?: string;
                /** @description Comma-separated attributes to leave out */
                excludedAttributes?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The group */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        [key: string]: unknown;
                    };
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description If-Match does not match meta.version, or the service is unprovisioned */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
        };
    };
    scimReplaceGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description A SCIM resource (RFC 7643) */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description The group */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        [key: string]: unknown;
                    };
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Invalid request (scimType says which rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Uniqueness: another user holds the userName, email or externalId */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description If-Match does not match meta.version, or the service is unprovisioned */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Unsupported request media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
        };
    };
    scimDeleteGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Uniqueness: another user holds the userName, email or externalId */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description If-Match does not match meta.version, or the service is unprovisioned */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
        };
    };
    scimPatchGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description A SCIM resource (RFC 7643) */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description The group */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        [key: string]: unknown;
                    };
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Invalid request (scimType says which rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Uniqueness: another user holds the userName, email or externalId */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description If-Match does not match meta.version, or the service is unprovisioned */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Unsupported request media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
        };
    };
    scimServiceProviderConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 7643 §5 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        [key: string]: unknown;
                    };
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
        };
    };
    scimResourceTypes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A ListResponse */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        totalResults: number;
                        startIndex: number;
                        itemsPerPage: number;
                        Resources: {
                            [key: string]: unknown;
                        }[];
                    };
                    "application/json": {
                        schemas: string[];
                        totalResults: number;
                        startIndex: number;
                        itemsPerPage: number;
                        Resources: {
                            [key: string]: unknown;
                        }[];
                    };
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
        };
    };
    scimSchemas: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A ListResponse */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        totalResults: number;
                        startIndex: number;
                        itemsPerPage: number;
                        Resources: {
                            [key: string]: unknown;
                        }[];
                    };
                    "application/json": {
                        schemas: string[];
                        totalResults: number;
                        startIndex: number;
                        itemsPerPage: number;
                        Resources: {
                            [key: string]: unknown;
                        }[];
                    };
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
        };
    };
    scimSchema: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 7643 §7 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        [key: string]: unknown;
                    };
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No such resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
        };
    };
    scimBulk: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A SCIM resource (RFC 7643) */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description A BulkResponse: one result per operation run */
            200: {
                headers: {
                    /** @description Present on a replay of the first response to the same Idempotency-Key and body */
                    "Idempotency-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        [key: string]: unknown;
                    };
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Invalid request (scimType says which rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description If-Match does not match meta.version, or the service is unprovisioned */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Too large: more operations or bytes than /ServiceProviderConfig allows */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Unsupported request media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
        };
    };
    scimSearchAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    schemas: "urn:ietf:params:scim:api:messages:2.0:SearchRequest"[];
                    filter?: string;
                    startIndex?: number;
                    count?: number;
                    sortBy?: string;
                    /** @enum {unknown} */
                    sortOrder?: "ascending" | "descending";
                    attributes?: string[];
                    excludedAttributes?: string[];
                };
            };
        };
        responses: {
            /** @description A ListResponse of users and groups */
            200: {
                headers: {
                    /** @description Present on a replay of the first response to the same Idempotency-Key and body */
                    "Idempotency-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        totalResults: number;
                        startIndex: number;
                        itemsPerPage: number;
                        Resources: {
                            [key: string]: unknown;
                        }[];
                    };
                    "application/json": {
                        schemas: string[];
                        totalResults: number;
                        startIndex: number;
                        itemsPerPage: number;
                        Resources: {
                            [key: string]: unknown;
                        }[];
                    };
                };
            };
            /** @description Invalid request (scimType says which rule) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description If-Match does not match meta.version, or the service is unprovisioned */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Unsupported request media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                    "application/json": {
                        schemas: string[];
                        /** @description The HTTP status, as a string */
                        status: string;
                        /** @description invalidFilter, uniqueness, invalidValue, mutability, … */
                        scimType?: string;
                        detail: string;
                    };
                };
            };
        };
    };
    changeOwnPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    /** @description At least 10 characters and hard to guess (zxcvbn score 3 or more); otherwise 400 password.weak with the reasons */
                    password: string;
                };
            };
        };
        responses: {
            /** @description Changed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported request media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setUserPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description At least 10 characters and hard to guess (zxcvbn score 3 or more); otherwise 400 password.weak with the reasons */
                    password: string;
                };
            };
        };
        responses: {
            /** @description Set */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported request media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTokens: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description User id, or `me` */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            name: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            lastUsedAt: string | null;
                        }[];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description User id, or `me` */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @default 90 */
                    expiresInDays?: number;
                    /** @description The caller's password: proves a recent login for an older session */
                    currentPassword?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    /** @description Path of the resource this request created */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        expiresAt: string;
                        lastUsedAt: string | null;
                        /** @description Shown only now */
                        secret: string;
                    };
                };
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported request media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                tokenId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    enrollTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Proves a recent login when the session is older than 10 minutes */
                    currentPassword?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Base32 */
                        secret: string;
                        otpauthUrl: string;
                    };
                };
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description MFA is enabled */
            204: {
                headers: {
                    /** @description Present on a replay of the first response to the same Idempotency-Key and body */
                    "Idempotency-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported request media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    issueRecoveryCodes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Proves a recent login when the session is older than 10 minutes */
                    currentPassword?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        codes: string[];
                    };
                };
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resetMfa: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Reset */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resendInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    /** @description Present on a replay of the first response to the same Idempotency-Key and body */
                    "Idempotency-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "accepted";
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    activateUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The token from the mailed link */
                    token: string;
                    /** @description At least 10 characters and hard to guess (zxcvbn score 3 or more); otherwise 400 password.weak with the reasons */
                    password: string;
                };
            };
        };
        responses: {
            /** @description Every property is present unless `fields` or `X-Fields` names a subset */
            200: {
                headers: {
                    /** @description Strong validator of the representation; send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Error */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported request media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "accepted";
                    };
                };
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported request media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The token from the mailed link */
                    token: string;
                    /** @description At least 10 characters and hard to guess (zxcvbn score 3 or more); otherwise 400 password.weak with the reasons */
                    password: string;
                };
            };
        };
        responses: {
            /** @description Password set */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Error */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported request media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The token from the mailed link */
                    token: string;
                };
            };
        };
        responses: {
            /** @description Verified */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Error */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported request media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listGroups: {
        parameters: {
            query?: {
                filter?: string;
                q?: string;
                limit?: number;
                cursor?: string;
                /** @description Comma-separated subset of: id, name, parent, isSuperuser, attributes, memberCount, createdAt, updatedAt */
                fields?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupList"];
                };
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createGroup: {
        parameters: {
            query?: {
                /** @description Comma-separated subset of: id, name, parent, isSuperuser, attributes, memberCount, createdAt, updatedAt */
                fields?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Unique, case-insensitive */
                    name: string;
                    /** @description Parent group id; cycles are refused */
                    parent?: string | null;
                    isSuperuser?: boolean;
                    /** @description Free JSON, at most 64 KiB serialized */
                    attributes?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Created; Location names it */
            201: {
                headers: {
                    /** @description Path of the resource this request created */
                    Location?: string;
                    /** @description Strong validator of the representation; send it back as If-Match */
                    ETag?: string;
                    /** @description Present on a replay of the first response to the same Idempotency-Key and body */
                    "Idempotency-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Group"];
                };
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported request media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Idempotency-Key reused with a different body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getGroup: {
        parameters: {
            query?: {
                /** @description Comma-separated subset of: id, name, parent, isSuperuser, attributes, memberCount, createdAt, updatedAt */
                fields?: string;
            };
            header?: never;
            path: {
                /** @description Group id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every property is present unless `fields` or `X-Fields` names a subset */
            200: {
                headers: {
                    /** @description Strong validator of the representation; send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Group"];
                };
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replaceGroup: {
        parameters: {
            query?: {
                /** @description Comma-separated subset of: id, name, parent, isSuperuser, attributes, memberCount, createdAt, updatedAt */
                fields?: string;
            };
            header?: {
                /** @description ETag from a previous response; mismatch → 412 */
                "if-match"?: string;
                /** @description `return=minimal` → 204 without a body */
                prefer?: string;
            };
            path: {
                /** @description Group id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Unique, case-insensitive */
                    name: string;
                    /** @description Parent group id; cycles are refused */
                    parent?: string | null;
                    isSuperuser?: boolean;
                    /** @description Free JSON, at most 64 KiB serialized */
                    attributes?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Every property is present unless `fields` or `X-Fields` names a subset */
            200: {
                headers: {
                    /** @description Strong validator of the representation; send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Group"];
                };
            };
            /** @description Prefer: return=minimal */
            204: {
                headers: {
                    /** @description Strong validator of the representation; send it back as If-Match */
                    ETag?: string;
                    /** @description The Prefer preference honoured: return=minimal or respond-async (RFC 7240) */
                    "Preference-Applied"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported request media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteGroup: {
        parameters: {
            query?: never;
            header?: {
                "if-match"?: string;
            };
            path: {
                /** @description Group id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateGroup: {
        parameters: {
            query?: {
                /** @description Comma-separated subset of: id, name, parent, isSuperuser, attributes, memberCount, createdAt, updatedAt */
                fields?: string;
            };
            header?: {
                /** @description ETag from a previous response; mismatch → 412 */
                "if-match"?: string;
                /** @description `return=minimal` → 204 without a body */
                prefer?: string;
            };
            path: {
                /** @description Group id */
                id: string;
            };
            cookie?: never;
        };
        /** @description JSON Merge Patch (RFC 7396) */
        requestBody: {
            content: {
                "application/merge-patch+json": {
                    /** @description Unique, case-insensitive */
                    name?: string;
                    /** @description Parent group id; cycles are refused */
                    parent?: string | null;
                    isSuperuser?: boolean;
                    /** @description Free JSON, at most 64 KiB serialized */
                    attributes?: {
                        [key: string]: unknown;
                    } | null;
                };
                "application/json": {
                    /** @description Unique, case-insensitive */
                    name?: string;
                    /** @description Parent group id; cycles are refused */
                    parent?: string | null;
                    isSuperuser?: boolean;
                    /** @description Free JSON, at most 64 KiB serialized */
                    attributes?: {
                        [key: string]: unknown;
                    } | null;
                };
            };
        };
        responses: {
            /** @description Every property is present unless `fields` or `X-Fields` names a subset */
            200: {
                headers: {
                    /** @description Strong validator of the representation; send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Group"];
                };
            };
            /** @description Prefer: return=minimal */
            204: {
                headers: {
                    /** @description Strong validator of the representation; send it back as If-Match */
                    ETag?: string;
                    /** @description The Prefer preference honoured: return=minimal or respond-async (RFC 7240) */
                    "Preference-Applied"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported request media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listGroupMembers: {
        parameters: {
            query?: {
                /** @description Also members of groups below it */
                includeDescendants?: boolean;
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description `groups` adds groupsObj to each user */
                expand?: "groups";
                /** @description Comma-separated subset of: id, username, name, givenName, familyName, email, phone, locale, type, role, status, groups, attributes, path, externalId, isSuperuser, isCurrent, mfaEnabled, emailVerified, avatarUrl, lastLogin, createdAt, updatedAt */
                fields?: string;
            };
            header?: never;
            path: {
                /** @description Group id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserList"];
                };
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addGroupMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user is a member */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeGroupMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user is not a member */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** @description users.import, users.export, … or a queue job's kind */
                        type: string;
                        /** @enum {unknown} */
                        status: "queued" | "running" | "done" | "failed";
                        progress: {
                            total?: number;
                            processed: number;
                            created: number;
                            updated: number;
                            failed: number;
                        } | null;
                        /** @description The user who started it */
                        createdBy: string | null;
                        lastError: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        finishedAt: string | null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listJobErrors: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description NDJSON, one error a line */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listJobs: {
        parameters: {
            query?: {
                status?: "queued" | "running" | "done" | "failed";
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            kind: string;
                            /** @enum {unknown} */
                            status: "queued" | "running" | "done" | "failed";
                            attempts: number;
                            maxAttempts: number;
                            /**
                             * Format: date-time
                             * @description When it runs (next)
                             */
                            runAt: string;
                            lastError: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAuditEvents: {
        parameters: {
            query?: {
                filter?: string;
                since?: string;
                until?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AuditEvent"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Webhook"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description http(s); not loopback or private unless ROSTER_WEBHOOK_ALLOW_PRIVATE=true */
                    url: string;
                    events: string[];
                    active?: boolean;
                    description?: string | null;
                };
            };
        };
        responses: {
            /** @description Created; Location names it */
            201: {
                headers: {
                    /** @description Path of the resource this request created */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"] & {
                        /** @description whsec_ + base64: the signing key, shown only here */
                        secret: string;
                    };
                };
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported request media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        url: string;
                        events: string[];
                        active: boolean;
                        description: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description http(s); not loopback or private unless ROSTER_WEBHOOK_ALLOW_PRIVATE=true */
                    url?: string;
                    events?: string[];
                    active?: boolean;
                    description?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        url: string;
                        events: string[];
                        active: boolean;
                        description: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported request media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Sent as webhook-id; the same on every retry and redelivery */
                            id: string;
                            eventId: string;
                            type: string;
                            /** @enum {unknown} */
                            status: "pending" | "retrying" | "delivered" | "failed";
                            attempts: number;
                            responseStatus: number | null;
                            lastError: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    redeliverWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    /** @description Present on a replay of the first response to the same Idempotency-Key and body */
                    "Idempotency-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Sent as webhook-id; the same on every retry and redelivery */
                        id: string;
                        eventId: string;
                        type: string;
                        /** @enum {unknown} */
                        status: "pending" | "retrying" | "delivered" | "failed";
                        attempts: number;
                        responseStatus: number | null;
                        lastError: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    activatePage: {
        parameters: {
            query?: {
                token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The form again, saying what to change */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The form expired (its CSRF cookie is missing or differs) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    activateForm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    [key: string]: string;
                };
            };
        };
        responses: {
            /** @description The page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The form again, saying what to change */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The form expired (its CSRF cookie is missing or differs) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resetPasswordPage: {
        parameters: {
            query?: {
                token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The form again, saying what to change */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The form expired (its CSRF cookie is missing or differs) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resetPasswordForm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    [key: string]: string;
                };
            };
        };
        responses: {
            /** @description The page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The form again, saying what to change */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The form expired (its CSRF cookie is missing or differs) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    forgotPasswordPage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The form again, saying what to change */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The form expired (its CSRF cookie is missing or differs) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    forgotPasswordForm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    [key: string]: string;
                };
            };
        };
        responses: {
            /** @description The page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The form again, saying what to change */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The form expired (its CSRF cookie is missing or differs) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyEmailPage: {
        parameters: {
            query?: {
                token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The form again, saying what to change */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The form expired (its CSRF cookie is missing or differs) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyEmailForm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    [key: string]: string;
                };
            };
        };
        responses: {
            /** @description The page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The form again, saying what to change */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The form expired (its CSRF cookie is missing or differs) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    username: string;
                    password: string;
                    /** @description TOTP code or recovery code */
                    totp?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        /** @enum {string} */
                        tokenType: "Bearer";
                        /** @description Seconds until the access token expires */
                        expiresIn: number;
                        csrfToken: string;
                    };
                };
            };
            /** @description Invalid request (problem details list each offending field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition failed: If-Match mismatch, service unprovisioned or read-only */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported request media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteCurrentSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Logged out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The accepted schemes: Basic, Bearer and Token */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getJwks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keys: {
                            [key: string]: unknown;
                        }[];
                    };
                };
            };
            /** @description No acceptable representation (Accept) */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error (no details are disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
