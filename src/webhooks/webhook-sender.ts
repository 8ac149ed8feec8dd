// Sending one webhook request (Standard Webhooks, API.md): signed, bounded in time, never
// following a redirect, and never to a loopback or private address unless allowed — checked on the
// address actually connected to, so a name that resolves to one is refused too (SSRF).
import { createHmac } from 'node:crypto';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

export const SECRET_PREFIX = 'whsec_';
export const TIMEOUT_MS = 10_000;

/** Only ordinary public unicast addresses; IPv4-mapped IPv6 is judged as the IPv4 it maps. */
const GLOBAL_IPV6 = ipaddr.parseCIDR('2000::/3');

export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  if (parsed.range() !== 'unicast') return false;
  // IPv6 outside global unicast (IPv4-compatible ::/96 among them) may route somewhere private.
  return parsed.kind() === 'ipv4' || parsed.match(GLOBAL_IPV6);
}

/** `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`, keyed with the decoded secret. */
export function signatureOf(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

export class RefusedTarget extends Error {}

/** dns.lookup, refusing names that resolve to an address that is not public. */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 4);
    const list = addresses as dns.LookupAddress[];
    const refused = list.find((a) => !isPublicAddress(a.address));
    if (refused || list.length === 0) {
      return callback(new RefusedTarget(`${hostname} resolves to ${refused?.address ?? 'nothing'}, a loopback or private address`), '', 4);
    }
    if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
    callback(null, list[0].address, list[0].family);
  });
};

/** POSTs `body`; resolves with the response status, rejects on a refused target, a network error or the timeout. */
export function post(url: URL, headers: Record<string, string>, body: string, options: { allowPrivate: boolean; timeoutMs?: number }): Promise<number> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!options.allowPrivate && ipaddr.isValid(host) && !isPublicAddress(host)) {
    return Promise.reject(new RefusedTarget(`${host} is a loopback or private address`));
  }
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      ...(options.allowPrivate ? {} : { lookup: publicOnlyLookup }),
    });
    const timer = setTimeout(() => request.destroy(new Error(`no answer within ${(options.timeoutMs ?? TIMEOUT_MS) / 1000} s`)), options.timeoutMs ?? TIMEOUT_MS);
    request.on('response', (response) => {
      clearTimeout(timer);
      // Only the status counts: the body is not read, and a receiver cannot hold the socket.
      response.destroy();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end(body);
  });
}
