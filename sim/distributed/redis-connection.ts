// Connections to the Redis server behind the worker pool. The URL is checked, and the server is
// reached once with no retries before anything else, so a wrong URL or a server that is down is a
// clear message (exit 2) instead of a process that waits forever.
import { Redis } from 'ioredis';
import { DistributedInputError } from './errors.js';

/** Only the URL's form: redis://[user:password@]host[:port][/db] or rediss:// (TLS). */
export function checkRedisUrl(url: string): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') || parsed.hostname === '') {
    throw new DistributedInputError([`sim: --redis must be a Redis URL such as redis://host:6379 (or rediss:// for TLS), got ${JSON.stringify(url)}`]);
  }
}

/** Hides the password of a URL for messages. */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

/** Connects once (5 s at most), pings, disconnects; any failure is the user's to fix. */
export async function probeRedis(url: string): Promise<void> {
  checkRedisUrl(url);
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 5000, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  let last: unknown;
  client.on('error', (error) => (last = error));
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    const reason = (last as Error | undefined)?.message || (error as Error)?.message || String(error);
    throw new DistributedInputError([`sim: cannot reach Redis at ${shownUrl(url)}: ${reason}`, 'sim: check the URL and that the server is running and reachable from here']);
  } finally {
    client.disconnect();
  }
}

/** A long-lived connection for BullMQ (which needs maxRetriesPerRequest null); reconnects by itself. */
export function redisConnection(url: string, onError: (error: Error) => void): Redis {
  const client = new Redis(url, { maxRetriesPerRequest: null });
  client.on('error', onError);
  return client;
}
