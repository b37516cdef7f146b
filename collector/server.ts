// The collector's HTTP service on Fastify: the kiosks' enrolment and upload endpoints (wire format
// unchanged), the portal's pages and exports. Each route validates its input with zod through
// Fastify's validator compiler; every answer carries the security headers; every request writes
// one access-log line without personal data (no address, no account, no query string).
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { ZodType } from 'zod';
import { readKioskBody } from './http/body';
import { HttpError } from './http/errors';
import { uploadRoutes } from './http/upload-routes';
import { portalRoutes } from './http/portal-routes';
import type { CollectorStore } from './store/types';

export { MAX_INFLATED_BYTES } from './http/body';

export interface AccessLogLine {
  at: string;
  method: string;
  /** The route's pattern (/communes/:code), never the URL as typed. */
  route: string;
  status: number;
  ms: number;
  role: string | null;
}

export interface CollectorOptions {
  store: CollectorStore;
  now?: () => number;
  /** Shown on the dashboard. */
  title?: string;
  /** Where access-log lines go (default: stdout, one JSON line each). */
  accessLog?: (line: AccessLogLine) => void;
  /** Sign-in attempts and enrolments allowed per client address and minute. */
  rateLimits?: { signIn?: number; enrol?: number };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the session check for the access log: the role, never the account. */
    roleForLog?: string;
  }
}

export function buildCollectorApp(options: CollectorOptions): FastifyInstance {
  const now = options.now ?? Date.now;
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024, trustProxy: false, routerOptions: { ignoreTrailingSlash: true } });

  // zod schemas per route, through Fastify's own validation step.
  app.setValidatorCompiler(({ schema }) => (data) => {
    const parsed = (schema as ZodType).safeParse(data);
    if (parsed.success) return { value: parsed.data };
    const issue = parsed.error.issues[0]!;
    return { error: new HttpError(400, 'bad_request', `Dữ liệu gửi lên không hợp lệ tại "${issue.path.join('.') || '(gốc)'}": ${issue.message}`) };
  });
  // Kiosks' JSON (possibly gzip) is read with its own bounds; see http/body.ts.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', (req, _payload, done) => {
    readKioskBody(req.raw).then(
      (body) => done(null, body),
      (error: Error) => done(error, undefined),
    );
  });

  void app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: false, // the HTTPS reverse proxy in front sets it
  });
  void app.register(rateLimit, { global: false, keyGenerator: (req) => req.ip });
  void app.register(cookie);
  void app.register(formbody, { bodyLimit: 64 * 1024 });

  const log = options.accessLog ?? ((line: AccessLogLine) => process.stdout.write(`${JSON.stringify({ event: 'collector.access', ...line })}\n`));
  app.addHook('onResponse', async (req, reply) => {
    log({
      at: new Date(now()).toISOString(),
      method: req.method,
      route: req.routeOptions.url ?? '(unknown)',
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      role: req.roleForLog ?? null,
    });
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('cache-control', 'no-store');
    return payload;
  });

  app.setErrorHandler((error: FastifyError | HttpError, req: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof HttpError) {
      // Stop reading an oversized or refused body, and tell the client not to reuse the socket.
      reply.header('connection', 'close');
      return reply.status(error.status).send({ ok: false, error: { code: error.code, message: error.message }, ...error.extra });
    }
    if ((error as { code?: string }).code === 'ECONNRESET' || error.message === 'aborted') return reply.raw.destroy();
    const status = (error as FastifyError).statusCode;
    if (status === 429)
      return reply
        .status(429)
        .send({ ok: false, error: { code: 'rate_limited', message: 'Quá nhiều lần thử trong thời gian ngắn. Hãy đợi một phút rồi thử lại.' } });
    if (status && status >= 400 && status < 500) {
      return reply.status(status).send({ ok: false, error: { code: 'bad_request', message: 'Yêu cầu không hợp lệ. Hãy tải lại trang và thử lại.' } });
    }
    console.error(
      JSON.stringify({
        level: 'error',
        event: 'collector.internal',
        route: req.routeOptions.url ?? null,
        error: String(error?.message ?? error).slice(0, 500),
      }),
    );
    return reply.status(500).send({ ok: false, error: { code: 'internal', message: 'Lỗi máy chủ thống kê; kiosk sẽ gửi lại sau.' } });
  });
  app.setNotFoundHandler((_req, reply) => reply.status(404).send({ ok: false, error: { code: 'not_found', message: 'Không có trang này.' } }));

  const rate = (max: number) => ({ max, timeWindow: 60_000 });
  // Two scopes: the kiosks' endpoints (terminal credentials), and the portal (sessions and roles).
  void app.register(async (scope) => {
    uploadRoutes(scope, { store: options.store, now, enrolRateLimit: rate(options.rateLimits?.enrol ?? 20) });
    scope.get('/healthz', async () => ({ ok: true, store: options.store.kind }));
  });
  void app.register(async (scope) => {
    portalRoutes(scope, {
      store: options.store,
      now,
      title: options.title ?? 'Thống kê thư viện cơ sở',
      signInRateLimit: rate(options.rateLimits?.signIn ?? 20),
    });
  });
  return app;
}

export function createCollector(options: CollectorOptions) {
  const app = buildCollectorApp(options);
  return {
    app,
    get server() {
      return app.server;
    },
    async listen(port = 0, host = '127.0.0.1'): Promise<string> {
      await app.listen({ port, host });
      const address = app.server.address() as { port: number };
      return `http://${host}:${address.port}/`;
    },
    async close(): Promise<void> {
      app.server.closeAllConnections?.();
      await app.close();
    },
  };
}
