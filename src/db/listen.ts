import pg from 'pg';

/** What a LISTEN hands on: each NOTIFY's payload, and a gap (reconnected: notifications in between are lost). */
export interface NotificationHandlers {
  onMessage(payload: string): void;
  onGap?(): void;
}
export type StopListening = () => Promise<void>;

const channelName = /^[a-z_][a-z0-9_]*$/;
export function assertChannel(channel: string): void {
  if (!channelName.test(channel)) throw new Error(`invalid LISTEN channel "${channel}"`);
}

/**
 * LISTEN on PostgreSQL over a connection of its own (a pooled one would be handed to queries).
 * When that connection breaks (server restart, network), it reconnects with a growing delay
 * (1 s doubling to 30 s) and calls `onGap` once listening again: what was notified meanwhile is
 * lost, so the listener drops what it cached. Resolves once the first LISTEN stands.
 */
export async function listenPostgres(url: string, channel: string, handlers: NotificationHandlers): Promise<StopListening> {
  assertChannel(channel);
  let current: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let delay = 1000;

  const connect = async (): Promise<pg.Client> => {
    const client = new pg.Client({ connectionString: url });
    client.on('notification', (n) => {
      if (n.channel === channel) handlers.onMessage(n.payload ?? '');
    });
    client.on('error', () => lost(client));
    client.on('end', () => lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
      return client;
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      throw error;
    }
  };
  const lost = (client: pg.Client) => {
    if (client !== current || stopped) return;
    current = undefined;
    void client.end().catch(() => undefined);
    console.error(`PostgreSQL: LISTEN ${channel} unterbrochen, verbinde neu`);
    reconnect();
  };
  const reconnect = () => {
    retry = setTimeout(() => {
      connect()
        .then((client) => {
          if (stopped) return void client.end().catch(() => undefined);
          current = client;
          delay = 1000;
          handlers.onGap?.();
        })
        .catch(() => {
          delay = Math.min(delay * 2, 30_000);
          if (!stopped) reconnect();
        });
    }, delay);
    retry.unref();
  };

  current = await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const client = current;
    current = undefined;
    await client?.end().catch(() => undefined);
  };
}
