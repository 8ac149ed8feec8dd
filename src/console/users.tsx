// Users: the list (search as you type, a SCIM filter, keyset paging), create or invite, and one
// user's page (edit, disable or enable, MFA reset, invitation, password, tokens).
import { useEffect, useState } from 'preact/hooks';
import type { components } from '../client/api-types.ts';
import { api, type Me } from './api.ts';
import { Status, useCursors, useNotice } from './ui.tsx';

type User = components['schemas']['User'];
const PAGE = 50;
const ROLES = ['user', 'admin', 'manager', 'auditor', 'metrics', 'backup'];

export function UsersView(props: { me: Me }) {
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState('');
  const [appliedFilter, setAppliedFilter] = useState('');
  const [users, setUsers] = useState<User[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const cursors = useCursors();
  const { notice, run } = useNotice();

  // Searching waits for a pause in typing: one request per pause, not per key.
  useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(q.trim());
      cursors.reset();
    }, 250);
    return () => clearTimeout(timer);
  }, [q]);

  useEffect(() => {
    void run(async () => {
      const { data } = await api.GET('/api/v1/users', {
        params: { query: { limit: PAGE, ...(query ? { q: query } : {}), ...(appliedFilter ? { filter: appliedFilter } : {}), ...(cursors.current ? { cursor: cursors.current } : {}) } },
      });
      setUsers(data!.items);
      setNextCursor(data!.nextCursor);
    });
  }, [query, appliedFilter, cursors.current]);

  return (
    <>
      <h1>Users</h1>
      {props.me.canWrite && <CreateUser />}
      <section class="panel" aria-label="Find users">
        <div class="row">
          <div>
            <label for="search">Search</label>
            <input id="search" type="search" placeholder="name, username or email" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
          </div>
          <form
            class="row"
            onSubmit={(e) => {
              e.preventDefault();
              setAppliedFilter(filter.trim());
              cursors.reset();
            }}
          >
            <div>
              <label for="filter">Filter (SCIM)</label>
              <input id="filter" placeholder='status eq "disabled"' value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
            </div>
            <button type="submit" class="secondary">
              Apply
            </button>
          </form>
        </div>
      </section>
      <Status notice={notice} />
      <section class="panel">
        <table aria-label="Users">
          <thead>
            <tr>
              <th scope="col">Username</th>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td>
                  <a href={`#/users/${user.id}`}>{user.username}</a>
                </td>
                <td>{user.name}</td>
                <td>{user.email}</td>
                <td>{user.role}</td>
                <td>{user.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {users.length === 0 && <p class="muted">No users match.</p>}
        <div class="actions">
          <button class="secondary" disabled={cursors.page === 1} onClick={cursors.previous}>
            Previous page
          </button>
          <span class="muted">Page {cursors.page}</span>
          <button class="secondary" disabled={!nextCursor} onClick={() => nextCursor && cursors.next(nextCursor)}>
            Next page
          </button>
        </div>
      </section>
    </>
  );
}

function CreateUser() {
  const [open, setOpen] = useState(false);
  const [fields, setFields] = useState({ username: '', email: '', name: '', role: 'user', password: '' });
  const { notice, run } = useNotice();
  const set = (key: keyof typeof fields) => (e: Event) => setFields({ ...fields, [key]: (e.currentTarget as HTMLInputElement).value });

  async function submit(event: Event) {
    event.preventDefault();
    const body = { username: fields.username, role: fields.role as User['role'], ...(fields.email ? { email: fields.email } : {}), ...(fields.name ? { name: fields.name } : {}), ...(fields.password ? { password: fields.password } : {}) };
    const created = await run(async () => (await api.POST('/api/v1/users', { body: body as never })).data);
    if (created && 'id' in created) location.hash = `#/users/${created.id}`;
  }

  if (!open) {
    return (
      <div class="actions" style="margin-bottom:1rem">
        <button onClick={() => setOpen(true)}>Create or invite a user</button>
      </div>
    );
  }
  return (
    <section class="panel" aria-label="Create or invite a user">
      <h2>Create or invite a user</h2>
      <p class="muted">Without a password, a user with an email address is invited: the mail carries the activation link.</p>
      <Status notice={notice} />
      <form onSubmit={submit} class="row">
        <div>
          <label for="new-username">Username</label>
          <input id="new-username" required value={fields.username} onInput={set('username')} />
        </div>
        <div>
          <label for="new-email">Email</label>
          <input id="new-email" type="email" value={fields.email} onInput={set('email')} />
        </div>
        <div>
          <label for="new-name">Name</label>
          <input id="new-name" value={fields.name} onInput={set('name')} />
        </div>
        <div>
          <label for="new-role">Role</label>
          <select id="new-role" value={fields.role} onChange={set('role')}>
            {ROLES.map((role) => (
              <option value={role}>{role}</option>
            ))}
          </select>
        </div>
        <div>
          <label for="new-password">Password (optional)</label>
          <input id="new-password" type="password" autocomplete="new-password" value={fields.password} onInput={set('password')} />
        </div>
        <button type="submit">{fields.password ? 'Create' : 'Invite'}</button>
        <button type="button" class="secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </form>
    </section>
  );
}

export function UserDetail(props: { id: string; me: Me }) {
  const [user, setUser] = useState<User | null>(null);
  const [edit, setEdit] = useState({ name: '', email: '', locale: '', role: 'user' });
  const [password, setPassword] = useState('');
  const { notice, run } = useNotice();
  const path = { params: { path: { id: props.id } } };

  function show(next: User) {
    setUser(next);
    setEdit({ name: next.name ?? '', email: next.email ?? '', locale: next.locale ?? '', role: next.role ?? 'user' });
  }
  useEffect(() => void run(async () => show((await api.GET('/api/v1/users/{id}', path)).data!)), [props.id]);

  const patch = (body: Record<string, unknown>, done: string) =>
    run(async () => show((await api.PATCH('/api/v1/users/{id}', { ...path, body: body as never })).data!), done);

  if (!user) return <Status notice={notice} />;
  const write = props.me.canWrite;
  return (
    <>
      <p>
        <a href="#/users">← All users</a>
      </p>
      <h1>{user.username}</h1>
      <Status notice={notice} />
      <section class="panel" aria-label="Details">
        <h2>Details</h2>
        <p class="muted">
          {user.type} · status <strong>{user.status}</strong> · MFA {user.mfaEnabled ? 'on' : 'off'} · email {user.emailVerified ? 'verified' : 'not verified'} · created{' '}
          {user.createdAt && new Date(user.createdAt).toLocaleString()}
        </p>
        <form
          class="row"
          onSubmit={(e) => {
            e.preventDefault();
            void patch({ name: edit.name || null, email: edit.email || null, locale: edit.locale || null, role: edit.role }, 'Saved.');
          }}
        >
          {(['name', 'email', 'locale'] as const).map((key) => (
            <div>
              <label for={`edit-${key}`}>{key[0].toUpperCase() + key.slice(1)}</label>
              <input id={`edit-${key}`} disabled={!write} value={edit[key]} onInput={(e) => setEdit({ ...edit, [key]: e.currentTarget.value })} />
            </div>
          ))}
          <div>
            <label for="edit-role">Role</label>
            <select id="edit-role" disabled={!write} value={edit.role} onChange={(e) => setEdit({ ...edit, role: e.currentTarget.value })}>
              {ROLES.map((role) => (
                <option value={role}>{role}</option>
              ))}
            </select>
          </div>
          {write && <button type="submit">Save</button>}
        </form>
        {write && (
          <div class="actions">
            {user.status === 'active' && (
              <button class="danger" onClick={() => patch({ status: 'disabled' }, 'Disabled: the user\'s sessions and tokens have ended.')}>
                Disable
              </button>
            )}
            {user.status === 'disabled' && <button onClick={() => patch({ status: 'active' }, 'Enabled.')}>Enable</button>}
            {user.mfaEnabled && (
              <button class="secondary" onClick={() => run(async () => { await api.DELETE('/api/v1/users/{id}/mfa', path); show((await api.GET('/api/v1/users/{id}', path)).data!); }, 'MFA reset: the user enrols again at the next sign-in.')}>
                Reset MFA
              </button>
            )}
            {user.status === 'invited' && (
              <button class="secondary" onClick={() => run(() => api.POST('/api/v1/users/{id}/invitation', path), 'Invitation sent again.')}>
                Resend invitation
              </button>
            )}
          </div>
        )}
      </section>
      {write && user.type !== 'service_account' && (
        <section class="panel" aria-label="Set a password">
          <h2>Set a password</h2>
          <form
            class="row"
            onSubmit={(e) => {
              e.preventDefault();
              void run(async () => {
                await api.PUT('/api/v1/users/{id}/password', { ...path, body: { password } });
                setPassword('');
              }, 'Password set: the user\'s other sessions and tokens have ended.');
            }}
          >
            <div>
              <label for="set-password">New password</label>
              <input id="set-password" type="password" autocomplete="new-password" minLength={10} required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
            </div>
            <button type="submit">Set password</button>
          </form>
        </section>
      )}
      <Tokens userId={user.id!} write={write} />
    </>
  );
}

type Token = { id: string; name: string; createdAt: string; expiresAt: string; lastUsedAt: string | null };

function Tokens(props: { userId: string; write: boolean }) {
  const [tokens, setTokens] = useState<Token[]>([]);
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');
  const { notice, run } = useNotice();
  const path = { params: { path: { id: props.userId } } };
  const load = () => run(async () => setTokens(((await api.GET('/api/v1/users/{id}/tokens', path)).data as unknown as { items: Token[] }).items));
  useEffect(() => void load(), [props.userId]);

  return (
    <section class="panel" aria-label="Personal access tokens">
      <h2>Personal access tokens</h2>
      <Status notice={notice} />
      {secret && (
        <div role="status">
          <p>The new token — copy it now, it is not shown again:</p>
          <output class="secret" aria-label="New token secret">
            {secret}
          </output>
        </div>
      )}
      <table aria-label="Tokens">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Created</th>
            <th scope="col">Expires</th>
            <th scope="col">Last used</th>
            {props.write && <th scope="col">Revoke</th>}
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id}>
              <td>{token.name}</td>
              <td>{new Date(token.createdAt).toLocaleDateString()}</td>
              <td>{new Date(token.expiresAt).toLocaleDateString()}</td>
              <td>{token.lastUsedAt ? new Date(token.lastUsedAt).toLocaleString() : 'never'}</td>
              {props.write && (
                <td>
                  <button class="secondary" aria-label={`Revoke ${token.name}`} onClick={() => run(async () => { await api.DELETE('/api/v1/users/{id}/tokens/{tokenId}', { params: { path: { id: props.userId, tokenId: token.id } } }); await load(); })}>
                    Revoke
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {props.write && (
        <form
          class="row"
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              const { data } = await api.POST('/api/v1/users/{id}/tokens', { ...path, body: { name } });
              setSecret(data!.secret);
              setName('');
              await load();
            });
          }}
        >
          <div>
            <label for="token-name">New token's name</label>
            <input id="token-name" required maxLength={100} value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </div>
          <button type="submit">Create token</button>
        </form>
      )}
    </section>
  );
}
