// A webhook (API.md, "Audit log and webhooks"): a URL told of the events its patterns match, and
// each delivery of one event to it.
export interface Webhook {
  id: string;
  url: string;
  /** Event types or patterns: "user.created", "user.*", "*". */
  events: string[];
  active: boolean;
  description: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface Delivery {
  id: string;
  webhookId: string;
  eventId: string;
  type: string;
  /** The body as signed and sent. */
  body: string;
  status: 'pending' | 'retrying' | 'delivered' | 'failed';
  attempts: number;
  responseStatus: number | null;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Whether an event type matches a webhook's pattern: exact, "prefix.*", or "*". */
export function patternMatches(pattern: string, type: string): boolean {
  if (pattern === '*' || pattern === type) return true;
  return pattern.endsWith('.*') && type.startsWith(pattern.slice(0, -1));
}
