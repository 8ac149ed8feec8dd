// PostgreSQL text and jsonb cannot hold U+0000. Rather than let such input fail deep inside a
// query (a 500), it is refused up front with the place it was found.
import type { FastifyRequest } from 'fastify';
import { problems } from './problem.ts';

function findNul(value: unknown): string | undefined {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [item, pointer] = stack.pop()!;
    if (typeof item === 'string') {
      if (item.includes('\0')) return pointer;
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        const at = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        if (key.includes('\0')) return at;
        stack.push([child, at]);
      }
    }
  }
  return undefined;
}

export function refuseNul(request: FastifyRequest): void {
  const inBody = request.routeOptions.config?.streamsBody ? undefined : findNul(request.body);
  if (inBody !== undefined) {
    throw problems.invalid([{ pointer: inBody, code: 'invalid_character', detail: 'must not contain the NUL character (U+0000)' }]);
  }
  for (const part of [request.query, request.params]) {
    const at = findNul(part);
    if (at !== undefined) {
      throw problems.invalid([{ parameter: at.slice(1), code: 'invalid_character', detail: 'must not contain the NUL character (U+0000)' }]);
    }
  }
}
