// A strength-pool thread: receives { password, context } and answers with zxcvbn's verdict.
import { parentPort, threadId } from 'node:worker_threads';
import { judgeStrength, type StrengthInput } from './strength.ts';

parentPort!.on('message', (input: StrengthInput) => {
  parentPort!.postMessage(judgeStrength(input, threadId));
});
