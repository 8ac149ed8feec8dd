// `roster users …`, `roster groups …`, `roster tokens …`: the directory's everyday calls.
import type { Command } from 'commander';
import { CliError, connect, wholeNumber, type Api } from './api.ts';
import { findUserId } from '../client/index.ts';
import { render } from './output.ts';
import type { Globals } from './output.ts';

type Row = Record<string, unknown>;
const USER_COLUMNS = ['id', 'username', 'email', 'name', 'role', 'status', 'type'];
const GROUP_COLUMNS = ['id', 'name', 'parent', 'memberCount', 'isSuperuser'];
const TOKEN_COLUMNS = ['id', 'name', 'createdAt', 'expiresAt', 'lastUsedAt'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `key=value` pairs as a JSON object: values that parse as JSON are taken as such, else as text. */
function fieldsOf(pairs: string[]): Row {
  const out: Row = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at < 1) throw new CliError(`"${pair}" is not field=value`, 2);
    const raw = pair.slice(at + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // plain text
    }
    out[pair.slice(0, at)] = value;
  }
  return out;
}

export function directoryCommands(program: Command, globals: () => Globals): void {
  const print = (rows: Row[], columns: string[], single = false) => process.stdout.write(render(globals().output, rows, columns, single));
  const api = () => connect(globals().profile);

  /** A user's id from an id or a username. */
  async function userId(a: Api, idOrName: string): Promise<string> {
    const id = await findUserId(a.client, idOrName);
    if (!id) throw new CliError(`No user named "${idOrName}".`);
    return id;
  }

  async function groupId(a: Api, idOrName: string): Promise<string> {
    if (UUID.test(idOrName)) return idOrName;
    const { data } = await a.client.GET('/api/v1/groups', { params: { query: { filter: `name eq ${JSON.stringify(idOrName)}`, limit: 1 } } });
    const found = data!.items[0] as Row | undefined;
    if (!found) throw new CliError(`No group named "${idOrName}".`);
    return String(found.id);
  }

  const users = program.command('users').description('list, read, create, change and delete users');
  users
    .command('list')
    .description('list users (all pages with --all)')
    .option('--filter <scim>', 'a SCIM filter, e.g. \'email ew "@example.com"\'')
    .option('-q, --query <text>', 'free-text search')
    .option('--limit <n>', 'users per page (1–1000)', '100')
    .option('--all', 'every page')
    .action(async (options: { filter?: string; query?: string; limit: string; all?: boolean }) => {
      const a = api();
      const rows: Row[] = [];
      let cursor: string | undefined;
      do {
        const { data } = await a.client.GET('/api/v1/users', {
          params: { query: { limit: wholeNumber('--limit', options.limit, 1, 1000), ...(options.filter ? { filter: options.filter } : {}), ...(options.query ? { q: options.query } : {}), ...(cursor ? { cursor } : {}) } },
        });
        rows.push(...(data!.items as Row[]));
        cursor = data!.nextCursor ?? undefined;
      } while (options.all && cursor);
      print(rows, USER_COLUMNS);
    });
  users
    .command('get')
    .argument('<user>', 'id or username')
    .action(async (user: string) => {
      const a = api();
      const { data } = await a.client.GET('/api/v1/users/{id}', { params: { path: { id: await userId(a, user) } } });
      print([data as Row], USER_COLUMNS, true);
    });
  users
    .command('create')
    .description('create a user; without a password it is invited (with an email)')
    .requiredOption('--username <name>')
    .option('--email <address>')
    .option('--name <name>')
    .option('--role <role>', 'admin, manager, auditor, metrics, backup or user')
    .option('--type <type>', 'user or service_account')
    .option('--set <field=value...>', 'other fields of POST /api/v1/users', [])
    .option('--password-stdin', 'read a password from standard input')
    .action(async (options: { username: string; email?: string; name?: string; role?: string; type?: string; set: string[]; passwordStdin?: boolean }) => {
      const a = api();
      const body: Row = { ...fieldsOf(options.set), username: options.username };
      for (const key of ['email', 'name', 'role', 'type'] as const) if (options[key] !== undefined) body[key] = options[key];
      if (options.passwordStdin) {
        let text = '';
        for await (const chunk of process.stdin) text += chunk;
        body.password = text.replace(/\r?\n$/, '');
      }
      const { data } = await a.client.POST('/api/v1/users', { body: body as never });
      print([data as Row], USER_COLUMNS, true);
    });
  users
    .command('update')
    .description('change fields of a user (JSON Merge Patch): roster users update alice --set locale=de --set attributes=\'{"team":"red"}\'')
    .argument('<user>', 'id or username')
    .requiredOption('--set <field=value...>', 'a field and its new value (JSON where it parses, else text; null clears)')
    .action(async (user: string, options: { set: string[] }) => {
      const a = api();
      const { data } = await a.client.PATCH('/api/v1/users/{id}', { params: { path: { id: await userId(a, user) } }, body: fieldsOf(options.set) as never });
      print([data as Row], USER_COLUMNS, true);
    });
  for (const [verb, status] of [['disable', 'disabled'], ['enable', 'active']] as const) {
    users
      .command(verb)
      .argument('<user>', 'id or username')
      .action(async (user: string) => {
        const a = api();
        const { data } = await a.client.PATCH('/api/v1/users/{id}', { params: { path: { id: await userId(a, user) } }, body: { status } as never });
        print([data as Row], USER_COLUMNS, true);
      });
  }
  users
    .command('delete')
    .argument('<user>', 'id or username')
    .action(async (user: string) => {
      const a = api();
      const id = await userId(a, user);
      await a.client.DELETE('/api/v1/users/{id}', { params: { path: { id } } });
      process.stderr.write(`Deleted user ${id}.\n`);
    });

  const groups = program.command('groups').description('list, read, create and delete groups; add and remove members');
  groups
    .command('list')
    .option('--filter <scim>')
    .option('--limit <n>', 'groups per page', '100')
    .action(async (options: { filter?: string; limit: string }) => {
      const { data } = await api().client.GET('/api/v1/groups', { params: { query: { limit: wholeNumber('--limit', options.limit, 1, 1000), ...(options.filter ? { filter: options.filter } : {}) } } });
      print(data!.items as Row[], GROUP_COLUMNS);
    });
  groups
    .command('get')
    .argument('<group>', 'id or name')
    .action(async (group: string) => {
      const a = api();
      const { data } = await a.client.GET('/api/v1/groups/{id}', { params: { path: { id: await groupId(a, group) } } });
      print([data as Row], GROUP_COLUMNS, true);
    });
  groups
    .command('create')
    .requiredOption('--name <name>')
    .option('--parent <group>', 'id or name of the parent group')
    .action(async (options: { name: string; parent?: string }) => {
      const a = api();
      const parent = options.parent ? await groupId(a, options.parent) : undefined;
      const { data } = await a.client.POST('/api/v1/groups', { body: { name: options.name, ...(parent ? { parent } : {}) } as never });
      print([data as Row], GROUP_COLUMNS, true);
    });
  groups
    .command('delete')
    .argument('<group>', 'id or name')
    .action(async (group: string) => {
      const a = api();
      const id = await groupId(a, group);
      await a.client.DELETE('/api/v1/groups/{id}', { params: { path: { id } } });
      process.stderr.write(`Deleted group ${id}.\n`);
    });
  for (const [verb, add] of [['add-member', true], ['remove-member', false]] as const) {
    groups
      .command(verb)
      .argument('<group>', 'id or name')
      .argument('<user>', 'id or username')
      .action(async (group: string, user: string) => {
        const a = api();
        const params = { path: { id: await groupId(a, group), userId: await userId(a, user) } };
        if (add) await a.client.PUT('/api/v1/groups/{id}/members/{userId}', { params });
        else await a.client.DELETE('/api/v1/groups/{id}/members/{userId}', { params });
        process.stderr.write(`${add ? 'Added' : 'Removed'} ${user} ${add ? 'to' : 'from'} ${group}.\n`);
      });
  }

  const tokens = program.command('tokens').description('personal access tokens: yours, or a user\'s with --user');
  const owner = (a: Api, user: string | undefined) => (user ? userId(a, user) : Promise.resolve('me'));
  tokens
    .command('list')
    .option('--user <user>', 'id or username (default: you)')
    .action(async (options: { user?: string }) => {
      const a = api();
      const { data } = await a.client.GET('/api/v1/users/{id}/tokens', { params: { path: { id: await owner(a, options.user) } } });
      print((data as { items: Row[] }).items, TOKEN_COLUMNS);
    });
  tokens
    .command('create')
    .requiredOption('--name <name>')
    .option('--user <user>', 'id or username (default: you)')
    .option('--expires-in-days <days>', '1–365', '90')
    .action(async (options: { name: string; user?: string; expiresInDays: string }) => {
      const a = api();
      const { data } = await a.client.POST('/api/v1/users/{id}/tokens', {
        params: { path: { id: await owner(a, options.user) } },
        body: { name: options.name, expiresInDays: wholeNumber('--expires-in-days', options.expiresInDays, 1, 365) },
      });
      print([data as Row], [...TOKEN_COLUMNS, 'secret'], true);
      process.stderr.write('The secret is shown only now.\n');
    });
  tokens
    .command('revoke')
    .argument('<tokenId>')
    .option('--user <user>', 'id or username (default: you)')
    .action(async (tokenId: string, options: { user?: string }) => {
      const a = api();
      await a.client.DELETE('/api/v1/users/{id}/tokens/{tokenId}', { params: { path: { id: await owner(a, options.user), tokenId } } });
      process.stderr.write(`Revoked token ${tokenId}.\n`);
    });
}
