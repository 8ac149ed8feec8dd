// Where `roster login` keeps what it needs to call Roster again: a personal access token per
// profile (never a password), in a file only its owner may read.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Profile {
  url: string;
  username: string;
  token: string;
  /** The token's id, so `roster logout` can revoke it. */
  tokenId: string;
}

interface ProfileFile {
  current?: string;
  profiles: Record<string, Profile>;
}

export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), 'roster');
}

export function profilesPath(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(configDir(env), 'profiles.json');
}

function read(): ProfileFile {
  try {
    return JSON.parse(fs.readFileSync(profilesPath(), 'utf8')) as ProfileFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { profiles: {} };
    throw new Error(`${profilesPath()} is not readable: ${(error as Error).message}`);
  }
}

function write(file: ProfileFile): void {
  fs.mkdirSync(configDir(), { recursive: true, mode: 0o700 });
  const target = profilesPath();
  const temporary = `${target}.${process.pid}`;
  // Written under another name and renamed: a crash never leaves half a file, and the token
  // is never readable by others, not even for a moment.
  fs.writeFileSync(temporary, JSON.stringify(file, null, 2) + '\n', { mode: 0o600 });
  fs.renameSync(temporary, target);
}

/** The named profile, else the current one, else "default". */
export function loadProfile(name: string | undefined): { name: string; profile: Profile | undefined } {
  const file = read();
  const chosen = name ?? file.current ?? 'default';
  return { name: chosen, profile: file.profiles[chosen] };
}

export function saveProfile(name: string, profile: Profile): void {
  const file = read();
  file.profiles[name] = profile;
  file.current = name;
  write(file);
}

export function removeProfile(name: string): void {
  const file = read();
  delete file.profiles[name];
  if (file.current === name) delete file.current;
  write(file);
}

export function listProfiles(): { current: string | undefined; names: string[] } {
  const file = read();
  return { current: file.current, names: Object.keys(file.profiles).sort() };
}
