// Block-list hosts the provincial portal pushed (issue #19): kept in the store, added to the URL
// policy's block list at start (url-rules.ts) and, when they arrive, to the running policies at once
// (the browsing surface's and the e-resource links').
import type { Clock } from '../clock';
import type { KioskContext } from '../context';
import type { Db } from '../store/open';
import { internetOf } from './context';
import { normalizePattern } from './url-policy';

export function pushedBlockHosts(db: Db): string[] {
  return (db.prepare('SELECT host FROM pushed_block_hosts ORDER BY host').all() as { host: string }[]).map((r) => r.host);
}

/** Hosts that are not host patterns (a URL with spaces, an empty line): the whole push is refused for them. */
export function invalidHosts(hosts: readonly string[]): string[] {
  return hosts.filter((h) => !normalizePattern(h) || /\s/.test(h.trim()));
}

/** Stores the hosts (each once) and blocks them in the running internet feature, if any; returns how many were new. */
export function addPushedBlockHosts(ctx: Pick<KioskContext, 'db'> & { clock: Clock }, pushId: number, hosts: readonly string[]): string[] {
  const at = new Date(ctx.clock.now()).toISOString();
  const stmt = ctx.db.prepare('INSERT INTO pushed_block_hosts (host, push_id, added_at) VALUES (?, ?, ?) ON CONFLICT (host) DO NOTHING');
  const added = hosts.map((h) => h.trim().toLowerCase()).filter((h) => stmt.run(h, pushId, at).changes === 1);
  return added;
}

/** Other running policies' block lists (the e-resource links' policy) that grow with the pushes too. */
const followers = new WeakMap<object, string[][]>();

/** Makes a running policy's block list take pushed hosts as they arrive, as the browsing surface's does. */
export function followPushedBlocks(ctx: KioskContext, block: string[]): void {
  followers.set(ctx, [...(followers.get(ctx) ?? []), block]);
}

/** The running policies' block lists grow in place: the guard and the links read them on every decision. */
export function blockInRunningPolicy(ctx: KioskContext, hosts: readonly string[]): void {
  const lists = [...(followers.get(ctx) ?? [])];
  try {
    lists.push(internetOf(ctx).policy.block as string[]);
  } catch {
    // no internet feature in this process (a CLI guest): the next start loads them
  }
  for (const block of lists) for (const h of hosts) if (!block.includes(h)) block.push(h);
}
