// Reading a secret (a password, a backup passphrase) without echoing it or taking it from argv,
// where other users could read it in the process list.
import readline from 'node:readline';
import { CliError } from './api.ts';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk;
  return text;
}

export async function readSecret(prompt: string, options: { stdin?: boolean; env: string }): Promise<string> {
  if (options.stdin) return (await readAll(process.stdin)).replace(/\r?\n$/, '');
  const fromEnv = process.env[options.env];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new CliError(`No secret given: pass --${options.env === 'ROSTER_PASSWORD' ? 'password' : 'passphrase'}-stdin or set ${options.env}.`, 2);
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  // Keep what is typed off the screen.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
    if (s.startsWith(prompt)) process.stderr.write(prompt);
  };
  const answer = await new Promise<string>((resolve) => rl.question(prompt, resolve));
  rl.close();
  process.stderr.write('\n');
  return answer;
}
