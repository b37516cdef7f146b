// The official report: a page to choose the half-year or year, and its XLSX and PDF downloads.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Period } from '#contract/statistics';
import { assess } from '../assessment';
import { esc, page } from '../pages/html';
import { officialReport } from '../report';
import { reportPdf, reportXlsx } from '../report-files';
import type { CollectorStore } from '../store/types';

const VIEWERS = { access: ['admin', 'viewer'] as const };

export function reportRoutes(
  app: FastifyInstance,
  { store, now, periodOf }: { store: CollectorStore; now: () => number; periodOf: (text: string | undefined) => Period },
): void {
  app.get('/report', { config: VIEWERS }, async (req, reply) => {
    const t = req.t;
    const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(now()));
    const years = [year, year - 1, year - 2];
    const links = years
      .map(
        (y) =>
          `<tr><th class="l" scope="row">${y}</th>${[`${y}-H1`, `${y}-H2`, `${y}`]
            .map((p) => `<td class="l"><a href="/report.xlsx?period=${p}">XLSX</a> · <a href="/report.pdf?period=${p}">PDF</a></td>`)
            .join('')}</tr>`,
      )
      .join('\n');
    return reply.type('text/html; charset=utf-8').send(
      page({
        lang: req.lang,
        t,
        title: t.report.title,
        viewer: req.viewer,
        path: '/report',
        body: `<p>${esc(t.report.intro)}</p><div class="table-wrap"><table><thead><tr><th class="l" scope="col">${esc(t.report.yearLabel)}</th><th class="l" scope="col">${esc(t.report.half1)}</th><th class="l" scope="col">${esc(
          t.report.half2,
        )}</th><th class="l" scope="col">${esc(t.report.year)}</th></tr></thead><tbody>${links}</tbody></table></div>`,
      }),
    );
  });

  const query = z.object({ period: z.string().max(40) }).strict();
  for (const format of ['xlsx', 'pdf'] as const) {
    app.get(`/report.${format}`, { config: VIEWERS, schema: { querystring: query } }, async (req, reply) => {
      const period = periodOf((req.query as { period: string }).period);
      const report = officialReport(await assess(store, period), new Date(now()).toISOString());
      const body = format === 'xlsx' ? await reportXlsx(report) : await reportPdf(report);
      return reply
        .type(format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf')
        .header('content-disposition', `attachment; filename="bao-cao-${period.label.replace('..', '_')}.${format}"`)
        .send(body);
    });
  }
}
