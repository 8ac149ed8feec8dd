// The admin console (API.md, "Pages for people"): sign in, then users, groups, audit events and
// import, one view at a time, chosen by the URL's hash. Admins and managers change things;
// auditors read; other roles are turned away.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf, RosterError, session, type Me } from './api.ts';
import { UsersView, UserDetail } from './users.tsx';
import { GroupsView } from './groups.tsx';
import { AuditView } from './audit.tsx';
import { ImportView } from './import.tsx';

function useHash(): string {
  const [hash, setHash] = useState(location.hash || '#/users');
  useEffect(() => {
    const onChange = () => setHash(location.hash || '#/users');
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return hash;
}

function SignIn(props: { onSignedIn: () => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      const { data } = await api.POST('/api/v1/sessions', { body: { username, password, ...(needsTotp ? { totp } : {}) } });
      session.start(data!.csrfToken);
      props.onSignedIn();
    } catch (caught) {
      if (caught instanceof RosterError && caught.problem.code === 'auth.mfa_required') {
        setNeedsTotp(true);
        setError('');
      } else setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="signin">
      <section class="panel">
        <h1>Sign in to Roster</h1>
        {error && (
          <p class="status error" role="alert">
            {error}
          </p>
        )}
        <form onSubmit={submit}>
          <label for="username">Username</label>
          <input id="username" autocomplete="username" required value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
          <label for="password">Password</label>
          <input id="password" type="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
          {needsTotp && (
            <>
              <label for="totp">Code from your authenticator app (or a recovery code)</label>
              <input id="totp" autocomplete="one-time-code" inputMode="numeric" required value={totp} onInput={(e) => setTotp(e.currentTarget.value)} autoFocus />
            </>
          )}
          <div class="actions">
            <button type="submit" disabled={busy}>
              {needsTotp ? 'Verify' : 'Sign in'}
            </button>
          </div>
        </form>
        <p class="muted">
          <a href="/forgot-password">Forgot your password?</a>
        </p>
      </section>
    </main>
  );
}

const SECTIONS = [
  ['#/users', 'Users'],
  ['#/groups', 'Groups'],
  ['#/audit', 'Audit events'],
  ['#/import', 'Import'],
] as const;

function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const hash = useHash();

  async function load() {
    try {
      const { data } = await api.GET('/api/v1/users/me');
      const role = data!.role!;
      setMe({ id: data!.id!, username: data!.username!, role, canWrite: role === 'admin' || role === 'manager' || data!.isSuperuser === true });
    } catch {
      setMe(null);
    }
  }
  useEffect(() => void load(), []);

  async function signOut() {
    await api.DELETE('/api/v1/sessions/current').catch(() => undefined);
    session.end();
    setMe(null);
  }

  if (me === undefined) return <p class="muted">Loading…</p>;
  if (me === null) return <SignIn onSignedIn={load} />;
  if (!['admin', 'manager', 'auditor'].includes(me.role) && !me.canWrite) {
    return (
      <main class="signin">
        <section class="panel">
          <h1>Not for your role</h1>
          <p role="alert">The console is for administrators, managers and auditors; you are signed in as a {me.role}.</p>
          <button onClick={signOut}>Sign out</button>
        </section>
      </main>
    );
  }
  const [, section, id] = hash.split('/');
  let view;
  if (section === 'users' && id) view = <UserDetail id={decodeURIComponent(id)} me={me} />;
  else if (section === 'groups') view = <GroupsView me={me} />;
  else if (section === 'audit') view = <AuditView />;
  else if (section === 'import') view = <ImportView me={me} />;
  else view = <UsersView me={me} />;
  return (
    <>
      <header>
        <strong>Roster</strong>
        <nav aria-label="Sections">
          {SECTIONS.map(([href, label]) => (
            <a href={href} aria-current={hash.startsWith(href) ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
        <span class="who">
          {me.username} ({me.role}{me.canWrite ? '' : ', read-only'}){' '}
          <button class="secondary" onClick={signOut}>
            Sign out
          </button>
        </span>
      </header>
      <main>{view}</main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
