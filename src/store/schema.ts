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

export interface SystemStateTable {
  id: number;
  provisioned_at: Timestamp | null;
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

export interface Database {
  users: UsersTable;
  system_state: SystemStateTable;
  idempotency_keys: IdempotencyKeysTable;
}
