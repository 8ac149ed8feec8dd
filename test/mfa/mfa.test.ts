// TOTP MFA: enrolment, verification, login with a code computed here from the secret, replay,
// recovery codes and the admin reset. The clock is injected, so each code's time step is exact.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { Secret, TOTP } from 'otpauth';
import { backends } from '../support/backends.ts';
import { storedText } from '../support/at-rest.ts';
import { withServer } from '../support/server.ts';
import { Clock } from '../support/clock.ts';
import { basic, expectProblem } from '../support/client.ts';
import { createLogin, uniqueName, STRONG_PASSWORD } from '../support/factories.ts';

const STEP_MS = 30_000;

function codeAt(secret: string, at: Date): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });
}

/** A six-digit code that matches none of the steps the server accepts around `at`. */
function wrongCodeAt(secret: string, at: Date): string {
  const valid = new Set([-1, 0, 1].map((d) => codeAt(secret, new Date(at.getTime() + d * STEP_MS))));
  let n = Number(codeAt(secret, at));
  let code: string;
  do {
    n = (n + 1) % 1_000_000;
    code = String(n).padStart(6, '0');
  } while (valid.has(code));
  return code;
}

for (const backend of backends()) {
  describe(`TOTP MFA (${backend})`, () => {
    const clock = new Clock('2031-05-01T08:00:10.000Z');
    /** Moves to the next 30-second step, so the next code is a new one. */
    const nextStep = () => {
      clock.advanceMs(STEP_MS);
    };
    const server = withServer(backend, { now: clock.now });
    before(async () => {
    });

    const login = (username: string, extra: Record<string, unknown> = {}) =>
      server.anon.post('/api/v1/sessions', { username, password: STRONG_PASSWORD, ...extra });

    /** A user with TOTP enabled; answers its secret and a Bearer client from an MFA login. */
    async function mfaUser() {
      const { user, auth } = await createLogin(server.admin, 'user');
      const enrol = await server.client(auth).post('/api/v1/users/me/mfa/totp');
      assert.equal(enrol.status, 201, enrol.text);
      const secret: string = enrol.body.secret;
      const verify = await server.client(auth).post('/api/v1/users/me/mfa/totp/verify', { code: codeAt(secret, clock.now()) });
      assert.equal(verify.status, 204, verify.text);
      nextStep();
      const session = await login(user.username, { totp: codeAt(secret, clock.now()) });
      assert.equal(session.status, 200, session.text);
      return { user, auth, secret, client: server.client(`Bearer ${session.body.accessToken}`) };
    }

    it('enrolment answers a secret and an otpauth URL, and stays pending until verified', async () => {
      const { user, auth } = await createLogin(server.admin, 'user');
      const res = await server.client(auth).post('/api/v1/users/me/mfa/totp');
      assert.equal(res.status, 201, res.text);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.deepEqual(Object.keys(res.body).sort(), ['otpauthUrl', 'secret']);
      assert.match(res.body.secret, /^[A-Z2-7]{32}$/, '160 bits of base32');
      const url = new URL(res.body.otpauthUrl);
      assert.equal(url.protocol, 'otpauth:');
      assert.ok(res.body.otpauthUrl.startsWith('otpauth://totp/'), res.body.otpauthUrl);
      assert.ok(decodeURIComponent(url.pathname).includes(user.username));
      assert.equal(url.searchParams.get('secret'), res.body.secret);
      assert.equal(url.searchParams.get('issuer'), 'Roster');
      assert.equal(url.searchParams.get('digits'), '6');
      assert.equal(url.searchParams.get('period'), '30');

      const again = await server.client(auth).post('/api/v1/users/me/mfa/totp');
      assert.equal(again.status, 201, 'a pending enrolment can restart');
      assert.notEqual(again.body.secret, res.body.secret);

      // Pending: nothing changes for logging in.
      assert.equal((await login(user.username)).status, 200);
      assert.equal((await server.client(auth).get('/api/v1/users/me')).body.mfaEnabled, false);
      const stale = await server.client(auth).post('/api/v1/users/me/mfa/totp/verify', { code: codeAt(res.body.secret, clock.now()) });
      expectProblem(stale, 400, 'mfa.invalid_code');
    });

    it('verify refuses a wrong code, then a right one enables MFA and refuses Basic', async () => {
      const { user, auth } = await createLogin(server.admin, 'user');
      const noPending = await server.client(auth).post('/api/v1/users/me/mfa/totp/verify', { code: '123456' });
      expectProblem(noPending, 409, 'mfa.no_pending_totp');
      const { secret } = (await server.client(auth).post('/api/v1/users/me/mfa/totp')).body;

      const wrong = await server.client(auth).post('/api/v1/users/me/mfa/totp/verify', { code: wrongCodeAt(secret, clock.now()) });
      const problem = expectProblem(wrong, 400, 'mfa.invalid_code');
      assert.deepEqual(problem.errors.map((e: any) => e.pointer), ['/code']);
      const malformed = await server.client(auth).post('/api/v1/users/me/mfa/totp/verify', { code: '12ab56' });
      expectProblem(malformed, 400, 'request.invalid');
      assert.equal((await server.admin.get(`/api/v1/users/${user.id}`)).body.mfaEnabled, false);

      const right = await server.client(auth).post('/api/v1/users/me/mfa/totp/verify', { code: codeAt(secret, clock.now()) });
      assert.equal(right.status, 204, right.text);
      assert.equal(right.text, '');
      const fetched = await server.admin.get(`/api/v1/users/${user.id}`);
      assert.equal(fetched.body.mfaEnabled, true);

      const basicRes = await server.client(basic(user.username, STRONG_PASSWORD)).get('/api/v1/users/me');
      expectProblem(basicRes, 401, 'auth.unauthenticated');
      assert.match(basicRes.headers.get('www-authenticate') ?? '', /Bearer/);
    });

    it('an MFA login needs a current code, and the same code never works twice', async () => {
      const { user, secret, client } = await mfaUser();
      const me = await client.get('/api/v1/users/me');
      assert.equal(me.status, 200, me.text);
      assert.equal(me.body.mfaEnabled, true);

      nextStep();
      const missing = await login(user.username);
      const problem = expectProblem(missing, 401, 'auth.mfa_required');
      assert.match(problem.type, /mfa-required$/);
      assert.equal(missing.headers.get('set-cookie'), null);
      const badPassword = await server.anon.post('/api/v1/sessions', { username: user.username, password: 'not-the-password-1', totp: codeAt(secret, clock.now()) });
      expectProblem(badPassword, 401, 'auth.invalid_credentials');
      expectProblem(await login(user.username, { totp: wrongCodeAt(secret, clock.now()) }), 401, 'auth.mfa_invalid');

      const code = codeAt(secret, clock.now());
      const ok = await login(user.username, { totp: code });
      assert.equal(ok.status, 200, ok.text);
      assert.equal(ok.body.tokenType, 'Bearer');
      assert.equal((await server.client(`Bearer ${ok.body.accessToken}`).get('/api/v1/users/me')).body.id, user.id);

      const replay = await login(user.username, { totp: code });
      const replayProblem = expectProblem(replay, 401, 'auth.mfa_invalid');
      assert.match(replayProblem.type, /mfa-invalid$/);
      const previous = codeAt(secret, new Date(clock.now().getTime() - STEP_MS));
      expectProblem(await login(user.username, { totp: previous }), 401, 'auth.mfa_invalid');
      nextStep();
      assert.equal((await login(user.username, { totp: codeAt(secret, clock.now()) })).status, 200, 'the next step works');
    });

    it('wrong second-factor codes count towards the account lock', async () => {
      const { user, secret } = await mfaUser();
      nextStep();
      for (let i = 0; i < 5; i++) {
        expectProblem(await login(user.username, { totp: wrongCodeAt(secret, clock.now()) }), 401, 'auth.mfa_invalid');
      }
      const locked = await login(user.username, { totp: codeAt(secret, clock.now()) });
      expectProblem(locked, 429, 'auth.too_many_attempts');
      assert.equal(locked.headers.get('retry-after'), '30');
      clock.advanceMs(31_000);
      assert.equal((await login(user.username, { totp: codeAt(secret, clock.now()) })).status, 200);
    });

    it('enrolling again while enabled answers 409', async () => {
      const { client } = await mfaUser();
      expectProblem(await client.post('/api/v1/users/me/mfa/totp'), 409, 'mfa.already_enabled');
    });

    it('recovery codes: 10 distinct, each good once, a new set replaces the old', async () => {
      const { auth } = await createLogin(server.admin, 'user');
      expectProblem(await server.client(auth).post('/api/v1/users/me/mfa/recovery-codes'), 409, 'mfa.not_enabled');

      const { user, client } = await mfaUser();
      const res = await client.post('/api/v1/users/me/mfa/recovery-codes');
      assert.equal(res.status, 201, res.text);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.deepEqual(Object.keys(res.body), ['codes']);
      const codes: string[] = res.body.codes;
      assert.equal(codes.length, 10);
      assert.equal(new Set(codes).size, 10);
      for (const code of codes) assert.ok(code.length >= 8, code);

      const first = await login(user.username, { totp: codes[0] });
      assert.equal(first.status, 200, first.text);
      expectProblem(await login(user.username, { totp: codes[0] }), 401, 'auth.mfa_invalid');
      assert.equal((await login(user.username, { totp: codes[1].toUpperCase() })).status, 200, 'the others still work, in any case');

      const renewed = await client.post('/api/v1/users/me/mfa/recovery-codes');
      assert.equal(renewed.status, 201, renewed.text);
      const fresh: string[] = renewed.body.codes;
      assert.equal(fresh.filter((c) => codes.includes(c)).length, 0);
      expectProblem(await login(user.username, { totp: codes[2] }), 401, 'auth.mfa_invalid');
      assert.equal((await login(user.username, { totp: fresh[0] })).status, 200);
    });

    it('an admin reset removes every factor; logging in needs no code again', async () => {
      const { user, secret, client } = await mfaUser();
      const codes: string[] = (await client.post('/api/v1/users/me/mfa/recovery-codes')).body.codes;
      const res = await server.admin.delete(`/api/v1/users/${user.id}/mfa`);
      assert.equal(res.status, 204, res.text);
      assert.equal((await server.admin.get(`/api/v1/users/${user.id}`)).body.mfaEnabled, false);
      assert.equal((await login(user.username)).status, 200);
      const basicRes = await server.client(basic(user.username, STRONG_PASSWORD)).get('/api/v1/users/me');
      assert.equal(basicRes.status, 200, basicRes.text);
      assert.equal(basicRes.body.mfaEnabled, false);

      // The old factors are gone: enrolling again starts over with a new secret.
      const enrol = await server.client(basic(user.username, STRONG_PASSWORD)).post('/api/v1/users/me/mfa/totp');
      assert.equal(enrol.status, 201, enrol.text);
      assert.notEqual(enrol.body.secret, secret);
      const recovery = await server.client(basic(user.username, STRONG_PASSWORD)).post('/api/v1/users/me/mfa/recovery-codes');
      expectProblem(recovery, 409, 'mfa.not_enabled');
      assert.equal((await login(user.username, { totp: codes[0] })).status, 200, 'a totp sent to a non-MFA user is ignored');
    });

    it('who may reset MFA: not a user, not a manager for an admin; unknown ids answer 404', async () => {
      const target = await mfaUser();
      const plain = await createLogin(server.admin, 'user');
      const auditor = await createLogin(server.admin, 'auditor');
      for (const auth of [plain.auth, auditor.auth]) {
        expectProblem(await server.client(auth).delete(`/api/v1/users/${target.user.id}/mfa`), 403, 'auth.forbidden');
      }
      expectProblem(await target.client.delete(`/api/v1/users/${target.user.id}/mfa`), 403, 'auth.forbidden');
      assert.equal((await server.admin.get(`/api/v1/users/${target.user.id}`)).body.mfaEnabled, true);

      const manager = await createLogin(server.admin, 'manager');
      const admin = await createLogin(server.admin, 'admin');
      expectProblem(await server.client(manager.auth).delete(`/api/v1/users/${admin.user.id}/mfa`), 403, 'user.admin_protected');
      const byManager = await server.client(manager.auth).delete(`/api/v1/users/${target.user.id}/mfa`);
      assert.equal(byManager.status, 204, byManager.text);
      assert.equal((await server.admin.get(`/api/v1/users/${target.user.id}`)).body.mfaEnabled, false);

      const missing = '0190a5c4-0000-7000-8000-000000000000';
      expectProblem(await server.admin.delete(`/api/v1/users/${missing}/mfa`), 404, 'user.not_found');
    });

    it('a service account cannot enrol', async () => {
      const account = await server.admin.post('/api/v1/users', { username: uniqueName('svc'), type: 'service_account' });
      assert.equal(account.status, 201, account.text);
      const token = await server.admin.post(`/api/v1/users/${account.body.id}/tokens`, { name: 't' });
      const res = await server.client(`Token ${token.body.secret}`).post('/api/v1/users/me/mfa/totp');
      expectProblem(res, 409, 'mfa.service_account');
    });

    it('the TOTP secret is stored sealed and recovery codes hashed', async () => {
      const { user, secret, client } = await mfaUser();
      const codes: string[] = (await client.post('/api/v1/users/me/mfa/recovery-codes')).body.codes;
      const stored = await storedText(server, 'totp_factors');
      assert.ok(stored.includes(user.id), 'the scan sees the user');
      for (const text of [secret, ...codes]) assert.equal(stored.includes(text), false, `${text} in the database`);
    });

    it('POSTs with an Idempotency-Key do not store MFA secrets in the clear', async () => {
      const { user, auth } = await createLogin(server.admin, 'user');
      const enrolHeaders = { headers: { 'idempotency-key': `totp-${user.id}` } };
      const enrol = await server.client(auth).post('/api/v1/users/me/mfa/totp', undefined, enrolHeaders);
      assert.equal(enrol.status, 201, enrol.text);
      const secret: string = enrol.body.secret;
      const verify = await server.client(auth).post('/api/v1/users/me/mfa/totp/verify', { code: codeAt(secret, clock.now()) });
      assert.equal(verify.status, 204, verify.text);
      nextStep();
      const session = await login(user.username, { totp: codeAt(secret, clock.now()) });
      const client = server.client(`Bearer ${session.body.accessToken}`);
      const codesHeaders = { headers: { 'idempotency-key': `codes-${user.id}` } };
      const first = await client.post('/api/v1/users/me/mfa/recovery-codes', undefined, codesHeaders);
      assert.equal(first.status, 201, first.text);
      const codes: string[] = first.body.codes;

      await client.post('/api/v1/users/me/mfa/recovery-codes', undefined, codesHeaders);
      const stored = await storedText(server, 'totp_factors');
      for (const text of [secret, ...codes]) assert.equal(stored.includes(text), false, `${text} in the database`);
    });

    it('no TOTP secret, recovery code or password appears in the log', async () => {
      const { user, secret, client } = await mfaUser();
      const codes: string[] = (await client.post('/api/v1/users/me/mfa/recovery-codes')).body.codes;
      await login(user.username, { totp: codes[0] });
      await login(user.username, { totp: codes[0] });
      const log = server.logs.join('');
      assert.ok(log.includes('/api/v1/sessions'), 'the log records these requests');
      for (const text of [secret, STRONG_PASSWORD, ...codes]) assert.equal(log.includes(text), false, `${text} in the log`);
    });
  });
}
