// The PHC string format (https://github.com/P-H-C/phc-string-format): $id$param=value,…$salt$hash,
// salt and hash in standard base64 without padding.
export interface Phc {
  id: string;
  params: Record<string, string>;
  salt: Buffer;
  hash: Buffer;
}

const B64 = /^[A-Za-z0-9+/]+$/;

export function parsePhc(value: string): Phc | undefined {
  const parts = value.split('$');
  if (parts.length !== 5 || parts[0] !== '') return undefined;
  const [, id, paramText, salt, hash] = parts;
  if (!B64.test(salt) || !B64.test(hash)) return undefined;
  const params: Record<string, string> = {};
  for (const pair of paramText.split(',')) {
    const match = /^([a-z0-9-]+)=([0-9]+)$/.exec(pair);
    if (!match || match[1] in params) return undefined;
    params[match[1]] = match[2];
  }
  return { id, params, salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') };
}

/** A whole-number parameter within [min, max], or undefined. */
export function intParam(params: Record<string, string>, name: string, min: number, max: number): number | undefined {
  const raw = params[name];
  if (raw === undefined || raw.length > 10) return undefined;
  const value = Number(raw);
  return Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}
