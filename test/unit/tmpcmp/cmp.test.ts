import { it } from 'vitest';
import { createServer, createConnection } from 'node:net';
import { spawnSync } from 'node:child_process';
import { searchRequest, OID } from '../../../electron/core/catalogue/copy/z3950-pdu';
import { unionCatalogue } from '../../../test/fixtures/catalogue/union-catalogue';
import { startZebra } from '../../../test/support/zebra';
it('cmp', async () => {
  const zebra = await startZebra(unionCatalogue(5));
  const chunks: Buffer[] = [];
  const server = createServer((c) => { const u = createConnection({ port: zebra.port, host: '127.0.0.1' }); c.on('data', (d) => { chunks.push(d); u.write(d); }); u.on('data', (d) => c.write(d)); u.on('error', () => {}); c.on('error', () => {}); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => setTimeout(r, 10));
  const run = spawnSync('yaz-client', [], { input: `open tcp:127.0.0.1:${port}/Default\nfind @or @attr 1=7 1111 @attr 1=7 2222\nquit\n`, encoding: 'utf8' });
  console.log(run.stdout.split('\n').filter((l) => /hits|rror/.test(l)).join('\n'));
  console.log('yaz  ', chunks[1]?.toString('hex'));
  console.log('mine ', Buffer.from(searchRequest('Default', 7, ['1111', '2222'], OID.usmarc)).toString('hex'));
  server.close(); await zebra.stop();
}, 60000);
