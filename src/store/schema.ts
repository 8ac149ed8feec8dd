// Row types of the tables in migrations/, as Kysely sees them.
import type { ColumnType, Generated } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type Json<T = unknown> = ColumnType<T, string, string>;

export interface UsersTable {
  id: string;
  username: string;
  username_key: string;
  name: string | null;
  given_name: string | null;
  family_name: string | null;
  email: string | null;
  email_key: string | null;
  phone: string | null;
  locale: string | null;
  type: string;
  role: string;
  status: string;
  password_hash: string | null;
  attributes: Json<Record<string, unknown>>;
  path: string;
  external_id: string | null;
  email_verified: boolean;
  mfa_enabled: boolean;
  last_login: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface LoginFailuresTable {
  username_key: string;
  failures: Generated<number>;
  lock_level: Generated<number>;
  locked_until: Timestamp | null;
  updated_at: Timestamp;
}

export interface SystemStateTable {
  id: number;
  provisioned_at: Timestamp | null;
  installation_id: Generated<string>;
}

export interface IdempotencyKeysTable {
  principal_id: string;
  key: string;
  request_hash: string;
  status_code: number | null;
  response_headers: Json<Record<string, string>> | null;
  response_body: string | null;
  created_at: Timestamp;
}

export interface SigningKeysTable {
  kid: string;
  alg: string;
  public_jwk: Json<Record<string, unknown>>;
  private_jwk_sealed: string;
  created_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface AccessTokensTable {
  id: string;
  user_id: string;
  name: string;
  secret_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_used_at: Timestamp | null;
}

export interface TotpFactorsTable {
  user_id: string;
  secret_sealed: string;
  verified_at: Timestamp | null;
  last_step: ColumnType<string, number | string, number | string>;
  created_at: Timestamp;
}

export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
}

export interface RateLimitsTable {
  bucket: string;
  window_start: Timestamp;
  hits: number;
}

export interface JobsTable {
  id: string;
  kind: string;
  payload: Json<Record<string, unknown>>;
  status: string;
  attempts: Generated<number>;
  max_attempts: number;
  run_at: Timestamp;
  locked_until: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  progress: Json<JobProgress> | null;
  finished_at: Timestamp | null;
}

/** How far a job people started got (API.md: GET /api/v1/system/jobs/{id}). */
export interface JobProgress {
  total?: number;
  processed: number;
  created: number;
  updated: number;
  failed: number;
}

export interface ImportClaimsTable {
  job_id: string;
  key: string;
}

export interface JobErrorsTable {
  seq: Generated<string>;
  job_id: string;
  line: number;
  pointer: string;
  code: string;
  detail: string;
}

export interface UserTokensTable {
  id: string;
  user_id: string;
  purpose: string;
  token_hash: string;
  email: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface GroupsTable {
  id: string;
  name: string;
  name_key: string;
  parent_id: string | null;
  is_superuser: boolean;
  /** Maintained by the group repository: is_superuser here or on an ancestor. */
  grants_superuser: Generated<boolean>;
  attributes: Json<Record<string, unknown>>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface GroupMembersTable {
  group_id: string;
  user_id: string;
}

export interface AuditEventsTable {
  id: string;
  time: Timestamp;
  action: string;
  outcome: string;
  actor_type: string;
  actor_id: string | null;
  actor_username: string | null;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  changes: string[];
}

export interface WebhooksTable {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  description: string | null;
  secret_sealed: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  event_id: string;
  type: string;
  body: string;
  status: string;
  attempts: Generated<number>;
  response_status: number | null;
  last_error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface Database {
  audit_events: AuditEventsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  users: UsersTable;
  login_failures: LoginFailuresTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  jobs: JobsTable;
  job_errors: JobErrorsTable;
  import_claims: ImportClaimsTable;
  user_tokens: UserTokensTable;
  signing_keys: SigningKeysTable;
  sessions: SessionsTable;
  access_tokens: AccessTokensTable;
  totp_factors: TotpFactorsTable;
  recovery_codes: RecoveryCodesTable;
  rate_limits: RateLimitsTable;
  system_state: SystemStateTable;
  idempotency_keys: IdempotencyKeysTable;
}
