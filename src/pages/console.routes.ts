// The admin console (API.md, "Pages for people"): one HTML shell and its two assets, all served
// by Roster (no CDN). The console itself talks to /api/v1 with the session cookie and CSRF header.
import type { FastifyInstance } from 'fastify';
import { consoleAssets } from './console-assets.ts';

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const SHELL = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Roster console</title>
<link rel="stylesheet" href="/console/assets/console.css">
<script type="module" src="/console/assets/console.js"></script>
</head>
<body>
<div id="app"><noscript>The console needs JavaScript. The API is at <a href="/docs">/docs</a>.</noscript></div>
</body>
</html>
`;

export async function consoleRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', CSP).header('x-frame-options', 'DENY');
  });
  const hidden = { hide: true };
  app.get('/console', {
    config: { access: 'public', produces: ['text/html'] },
    schema: hidden,
    handler: async (_request, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(SHELL),
  });
  app.get('/console/assets/console.js', {
    config: { access: 'public', produces: ['text/javascript', 'application/javascript', '*/*'] },
    schema: hidden,
    handler: async (_request, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(consoleAssets().script),
  });
  app.get('/console/assets/console.css', {
    config: { access: 'public', produces: ['text/css', '*/*'] },
    schema: hidden,
    handler: async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'no-cache').send(consoleAssets().style),
  });
}
