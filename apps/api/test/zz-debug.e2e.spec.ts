import { createTestDatabase } from './support/test-database';
it('dbg', async () => {
  const db = await createTestDatabase();
  const c = await db.superuser();
  c.on('error', (e) => console.log('ERR', e));
  c.on('end', () => console.log('END'));
  console.log((c as any)._ending, (c as any)._connected, (c as any)._queryable);
  try { console.log((await c.query('SELECT 1 AS x')).rows); } catch (e) { console.log('Q', e); }
  await c.end(); await db.drop();
});
