// The collector's HTTP service (node:http): terminal enrolment, authenticated idempotent uploads,
// the dashboard and its exports. Every refusal is a JSON body { ok: false, error } with a status
// that says what kind of problem it is; a refused request stores nothing.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { parsePeriod, PERIOD_HELP } from '../electron/contract/statistics';
import { enrolRequest, MAX_UPLOAD_BYTES } from '../electron/contract/upload';
import { hashSecret, newSecret, normaliseCode, parseBearer, secretMatches } from './credentials';
import { renderDashboard } from './dashboard';
import { communesCsv, communesXlsx } from './export';
import type { CollectorStore } from './store/types';
import { toStoredDays, validateUpload } from './validate';

/** Decompressed bodies are bounded too, so a small gzip bomb cannot fill memory. */
export const MAX_INFLATED_BYTES = 2 * 1024 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'content-length': String(Buffer.byteLength(body)), 'cache-control': 'no-store', ...headers });
  res.end(body);
}
const json = (res: ServerResponse, status: number, value: unknown) => send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');

async function readBody(req: IncomingMessage): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_UPLOAD_BYTES) throw new HttpError(413, 'too_large', `Gói số liệu quá lớn (tối đa ${MAX_UPLOAD_BYTES} byte). Hãy gửi ít ngày hơn mỗi lần.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_UPLOAD_BYTES) throw new HttpError(413, 'too_large', `Gói số liệu quá lớn (tối đa ${MAX_UPLOAD_BYTES} byte). Hãy gửi ít ngày hơn mỗi lần.`);
    chunks.push(chunk as Buffer);
  }
  let raw = Buffer.concat(chunks);
  if (req.headers['content-encoding'] === 'gzip') {
    try {
      raw = gunzipSync(raw, { maxOutputLength: MAX_INFLATED_BYTES });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new HttpError(413, 'too_large', 'Gói số liệu giải nén quá lớn.');
      throw new HttpError(400, 'bad_gzip', 'Gói số liệu nén gzip bị hỏng hoặc không đầy đủ. Kiosk sẽ gửi lại.');
    }
  } else if (req.headers['content-encoding'] && req.headers['content-encoding'] !== 'identity') {
    throw new HttpError(415, 'bad_encoding', 'Chỉ nhận gói số liệu nén gzip hoặc không nén.');
  }
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new HttpError(400, 'bad_json', 'Gói số liệu không phải JSON hợp lệ.');
  }
}

export interface CollectorOptions {
  store: CollectorStore;
  now?: () => number;
  /** Shown on the dashboard. */
  title?: string;
}

export function createCollector(options: CollectorOptions) {
  const { store } = options;
  const now = options.now ?? Date.now;

  async function enrol(req: IncomingMessage, res: ServerResponse) {
    const parsed = enrolRequest.safeParse(await readBody(req));
    if (!parsed.success) throw new HttpError(400, 'bad_request', 'Yêu cầu đăng ký thiếu mã đăng ký.');
    const secret = newSecret();
    const result = await store.redeemCode(hashSecret(normaliseCode(parsed.data.code)), hashSecret(secret), parsed.data.kioskId ?? null, new Date(now()).toISOString());
    if (!result.ok) {
      const messages = {
        unknown: 'Mã đăng ký không đúng hoặc đã được dùng. Hãy xin thư viện tỉnh cấp mã mới.',
        used: 'Mã đăng ký đã được dùng. Hãy xin thư viện tỉnh cấp mã mới.',
        expired: 'Mã đăng ký đã hết hạn. Hãy xin thư viện tỉnh cấp mã mới.',
        revoked: 'Máy trạm này đã bị thu hồi. Hãy liên hệ thư viện tỉnh.',
      } as const;
      throw new HttpError(result.reason === 'revoked' ? 403 : result.reason === 'expired' ? 410 : 404, `enrol_${result.reason}`, messages[result.reason]);
    }
    const t = result.terminal;
    json(res, 200, { ok: true, terminalId: t.id, secret, communeCode: t.communeCode, communeName: t.communeName, terminalName: t.name });
  }

  async function upload(req: IncomingMessage, res: ServerResponse) {
    // Authenticate before reading the body: an unknown terminal costs us nothing.
    const bearer = parseBearer(req.headers.authorization);
    if (!bearer) throw new HttpError(401, 'no_credentials', 'Thiếu thông tin xác thực máy trạm. Hãy đăng ký kiosk bằng "kiosk enrol".');
    const auth = await store.authRow(bearer.terminalId);
    if (!auth) throw new HttpError(401, 'unknown_terminal', 'Máy trạm chưa được đăng ký với thư viện tỉnh.');
    if (auth.revokedAt) throw new HttpError(403, 'revoked', 'Máy trạm này đã bị thu hồi. Hãy liên hệ thư viện tỉnh để đăng ký lại.');
    if (!secretMatches(bearer.secret, auth.secretHash)) throw new HttpError(401, 'bad_credentials', 'Thông tin xác thực máy trạm không đúng. Hãy đăng ký lại kiosk.');
    const validation = validateUpload(await readBody(req), now());
    if (!validation.ok) throw new HttpError(422, 'invalid_payload', validation.message);
    if (validation.batch.terminalId !== auth.id) throw new HttpError(403, 'terminal_mismatch', 'Gói số liệu ghi mã máy trạm khác với thông tin xác thực.');
    const result = await store.applyUpload(auth.id, auth.communeCode, validation.batch.software, toStoredDays(validation.batch), new Date(now()).toISOString());
    if (!result.ok) {
      throw new HttpError(409, 'stale_revision', 'Máy chủ đã có số liệu mới hơn (hoặc khác) cho một số ngày; không lưu gì. Kiosk sẽ gửi lại với phiên bản mới.', { stale: result.stale });
    }
    json(res, 200, { ok: true, days: result.days });
  }

  function periodOf(url: URL) {
    const text = url.searchParams.get('period') ?? String(new Date(now()).getUTCFullYear());
    const period = parsePeriod(text);
    if (!period) throw new HttpError(400, 'bad_period', PERIOD_HELP);
    return period;
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://collector');
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'POST /api/enrol':
        return enrol(req, res);
      case 'POST /api/upload':
        return upload(req, res);
      case 'GET /healthz':
        return json(res, 200, { ok: true, store: store.kind });
      case 'GET /': {
        const period = periodOf(url);
        const [communes, terminals] = await Promise.all([store.communeTotals(period.from, period.to), store.terminals()]);
        return send(res, 200, renderDashboard({ title: options.title ?? 'Thống kê thư viện cơ sở', period, communes, terminals, now: now() }), 'text/html; charset=utf-8');
      }
      case 'GET /export.csv':
      case 'GET /export.xlsx': {
        const period = periodOf(url);
        const communes = await store.communeTotals(period.from, period.to);
        const xlsx = url.pathname.endsWith('.xlsx');
        const body = xlsx ? await communesXlsx(period, communes) : communesCsv(period, communes);
        return send(res, 200, body, xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8', {
          'content-disposition': `attachment; filename="thong-ke-${period.label.replace('..', '_')}.${xlsx ? 'xlsx' : 'csv'}"`,
        });
      }
      default:
        throw new HttpError(404, 'not_found', 'Không có trang này.');
    }
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // The client went away mid-request (a cut connection): nothing was stored, nobody to answer.
      if (res.headersSent || (error as { code?: string }).code === 'ECONNRESET' || (error as Error)?.message === 'aborted') return res.destroy();
      if (error instanceof HttpError) {
        // Stop reading an oversized or refused body, and tell the client not to reuse the socket.
        res.setHeader('connection', 'close');
        return json(res, error.status, { ok: false, error: { code: error.code, message: error.message }, ...error.extra });
      }
      console.error(JSON.stringify({ level: 'error', event: 'collector.internal', error: String((error as Error)?.message ?? error).slice(0, 500) }));
      json(res, 500, { ok: false, error: { code: 'internal', message: 'Lỗi máy chủ thống kê; kiosk sẽ gửi lại sau.' } });
    });
  });

  return {
    server,
    async listen(port = 0, host = '127.0.0.1'): Promise<string> {
      await new Promise<void>((resolve) => server.listen(port, host, resolve));
      const address = server.address() as AddressInfo;
      return `http://${host}:${address.port}/`;
    },
    async close(): Promise<void> {
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
