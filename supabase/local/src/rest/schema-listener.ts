// PostgREST's schema-cache reload signal: `NOTIFY pgrst, 'reload schema'` (or an empty payload) makes
// the stand-in re-read the catalog, e.g. after a migration was applied while the stack was running.
import pg from 'pg';

export interface SchemaListener {
  close(): Promise<void>;
}

export async function listenForSchemaReload(
  pool: pg.Pool,
  reload: () => Promise<unknown>,
  onError: (err: unknown) => void,
): Promise<SchemaListener> {
  const client = new pg.Client(pool.options);
  let closed = false;
  client.on('error', (err) => {
    if (!closed) onError(err); // the database went away; requests report it, the cache stays as it was
  });
  client.on('notification', (msg) => {
    if (msg.channel !== 'pgrst') return;
    const payload = (msg.payload ?? '').trim();
    if (payload === '' || payload === 'reload schema') reload().catch(onError);
  });
  await client.connect();
  await client.query('listen pgrst');
  return {
    async close() {
      if (closed) return;
      closed = true;
      await client.end().catch(() => undefined);
    },
  };
}
