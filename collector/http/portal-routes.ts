// The portal's pages and exports.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parsePeriod, PERIOD_HELP } from '../../electron/contract/statistics';
import { renderDashboard } from '../dashboard';
import { communesCsv, communesXlsx } from '../export';
import type { CollectorStore } from '../store/types';
import { HttpError } from './errors';

export interface PortalRouteOptions {
  store: CollectorStore;
  now: () => number;
  title: string;
  signInRateLimit: { max: number; timeWindow: number };
}

const periodQuery = z.object({ period: z.string().max(40).optional() }).passthrough();

export function portalRoutes(app: FastifyInstance, { store, now, title }: PortalRouteOptions): void {
  const periodOf = (text: string | undefined) => {
    const period = parsePeriod(text ?? String(new Date(now()).getUTCFullYear()));
    if (!period) throw new HttpError(400, 'bad_period', PERIOD_HELP);
    return period;
  };

  app.get('/', { schema: { querystring: periodQuery } }, async (req, reply) => {
    const period = periodOf((req.query as { period?: string }).period);
    const [communes, terminals] = await Promise.all([store.communeTotals(period.from, period.to), store.terminals()]);
    return reply.type('text/html; charset=utf-8').send(renderDashboard({ title, period, communes, terminals, now: now() }));
  });

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/export.${format}`, { schema: { querystring: periodQuery } }, async (req, reply) => {
      const period = periodOf((req.query as { period?: string }).period);
      const communes = await store.communeTotals(period.from, period.to);
      const body = format === 'xlsx' ? await communesXlsx(period, communes) : communesCsv(period, communes);
      return reply
        .type(format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="thong-ke-${period.label.replace('..', '_')}.${format}"`)
        .send(body);
    });
  }
}
