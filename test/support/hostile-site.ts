// The hostile web, served from loopback by the tests (issue #15): every trick a page can play on a
// public internet PC, one page each. It records every request it receives (with the Host the
// browser used), so a test can prove a blocked destination was never reached, and it listens on a
// second loopback address (127.0.0.2) that stands for "another machine of the room's network".
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

export interface HostileSite {
  port: number;
  /** http://127.0.0.1:PORT — the one origin the test's URL policy allows on loopback. */
  origin: string;
  /** Requests received: `host path` (host as the browser sent it). */
  hits: string[];
  /** WebSocket connections accepted, by Host. */
  socketHits: string[];
  /** Every request and WebSocket by the loopback address it reached (127.0.0.1, or 127.0.0.2 = "another machine"). */
  arrivals: { local: string; host: string; path: string }[];
  /** Files pages sent back (/upload-back posts what its file input got): name and bytes. */
  received: { name: string; body: Buffer }[];
  close(): Promise<void>;
}

const html = (body: string, head = '') =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Trang thử</title>${head}</head><body>${body}</body></html>`;

/** Destinations a page must never reach: a blocked host (mapped to loopback by the test's Chromium) and private addresses. */
export function forbiddenTargets(port: number): Record<string, string> {
  return {
    blockedHost: `http://blocked.example:${port}`,
    betHost: `http://bet365.com..:${port}`,
    localhostName: `http://localhost:${port}`,
    otherLoopback: `http://127.0.0.2:${port}`,
    mappedV6: `http://[::ffff:127.0.0.1]:${port}`,
    router: 'http://192.168.1.1',
    rebinding: `http://nas.hostile.test:${port}`,
  };
}

function pages(port: number): Record<string, string> {
  const t = forbiddenTargets(port);
  const targets = JSON.stringify(t);
  return {
    '/': html(`<h1>Trang thử nghiệm thù địch</h1><p>Máy chủ thử nghiệm của kiosk.</p>`),
    '/hello': html('<h1>Xin chào</h1>'),
    '/upload': html(`<h1>Tải tệp lên</h1><input id="file" type="file" multiple style="width:400px;height:60px">`),
    // Sends whatever its file input gets straight back to the site: what a page could take from the PC.
    '/upload-back': html(
      `<h1>Gửi tệp</h1><input id="file" type="file" style="width:400px;height:60px">`,
      `<script>
      addEventListener('change', async (e) => { for (const f of e.target.files) await fetch('/received', { method: 'POST', headers: { 'X-File-Name': encodeURIComponent(f.name) }, body: f });
        document.title = 'sent-' + e.target.files.length; });</script>`,
    ),
    // Reopens its chooser as soon as it is answered, again and again.
    '/upload-loop': html(
      `<h1>Hộp chọn tệp lặp</h1><input id="file" type="file" style="width:400px;height:60px">`,
      `<script>
      window.opened = 0; const input = () => document.querySelector('#file');
      const again = () => { window.opened++; for (let i = 0; i < 20; i++) input().click(); };
      addEventListener('DOMContentLoaded', () => { input().addEventListener('click', () => setTimeout(again, 0), { once: true }); input().addEventListener('cancel', again); input().addEventListener('change', again); });</script>`,
    ),
    '/frames': html(`<h1>Khung nhúng</h1>
      <iframe id="f-blocked" src="${t.blockedHost}/hit/frame-blocked" width="600" height="260"></iframe>
      <iframe id="f-router" src="${t.router}/hit/frame-router" width="600" height="260"></iframe>
      <iframe id="f-loop" src="${t.otherLoopback}/hit/frame-loopback" width="300" height="120"></iframe>
      <iframe id="f-ok" src="/hello" width="300" height="120"></iframe>`),
    '/requests': html(
      `<h1>Yêu cầu ngầm</h1><pre id="out"></pre>`,
      `<script>
      const targets = ${targets}; const results = {}; window.results = results;
      const done = (k, v) => { results[k] = v; };
      (async () => {
        const jobs = [];
        for (const [name, base] of Object.entries(targets)) {
          jobs.push(fetch(base + '/hit/fetch-' + name, { mode: 'no-cors' }).then(() => done('fetch-' + name, 'reached'), () => done('fetch-' + name, 'failed')));
          jobs.push(new Promise((r) => { const x = new XMLHttpRequest(); x.open('GET', base + '/hit/xhr-' + name); x.onload = () => r(done('xhr-' + name, 'reached')); x.onerror = () => r(done('xhr-' + name, 'failed')); x.send(); }));
          jobs.push(new Promise((r) => { const i = new Image(); i.onload = () => r(done('img-' + name, 'reached')); i.onerror = () => r(done('img-' + name, 'failed')); i.src = base + '/hit/img-' + name; }));
        }
        jobs.push(new Promise((r) => { const w = new Worker('/worker.js'); w.onmessage = (e) => r(Object.assign(results, e.data)); }));
        jobs.push(fetch('/hello').then(() => done('fetch-same-site', 'reached'), () => done('fetch-same-site', 'failed')));
        await Promise.all(jobs);
        window.finished = true;
      })();
    </script>`,
    ),
    '/service-worker': html(
      `<h1>Service worker</h1>`,
      `<script>
      window.swState = 'starting';
      navigator.serviceWorker.register('/sw.js').then(() => navigator.serviceWorker.ready).then(() => { window.swState = 'ready'; }, (e) => { window.swState = 'error ' + e; });
      localStorage.setItem('resident-secret', 'so-dien-thoai-0912345678');
      document.cookie = 'visitor=resident-1; max-age=86400';
      caches.open('kiosk-test').then((c) => c.put('/hello', new Response('cached')));
    </script>`,
    ),
    '/websocket': html(
      `<h1>WebSocket</h1>`,
      `<script>
      for (const to of ['ws://localhost:${port}/socket', 'ws://blocked.example:${port}/socket', 'ws://127.0.0.2:${port}/socket', 'ws://nas.hostile.test:${port}/socket']) {
        const ws = new WebSocket(to); ws.onopen = () => { document.title = 'socket-open'; }; }
    </script>`,
    ),
    // A name whose DNS answer changes between the guard's check and the browser's connection (rebinding).
    '/rebinding': html(
      `<h1>Đổi địa chỉ DNS</h1>`,
      `<script>
      window.results = {};
      Promise.all([
        fetch('http://rebind.hostile.test:${port}/hit/rebind-fetch', { mode: 'no-cors' }).then(() => { results.fetch = 'reached'; }, () => { results.fetch = 'failed'; }),
        new Promise((done) => { const ws = new WebSocket('ws://rebind.hostile.test:${port}/socket'); ws.onopen = () => { results.socket = 'open'; done(); }; ws.onerror = () => { results.socket = 'failed'; done(); }; }),
      ]).then(() => { window.finished = true; });
    </script>`,
    ),
    '/websocket-ok': html(
      `<h1>WebSocket cùng trang</h1>`,
      `<script>
      const ws = new WebSocket('ws://127.0.0.1:${port}/socket'); ws.onopen = () => { document.title = 'socket-open'; };
    </script>`,
    ),
    '/popups': html(
      `<h1>Cửa sổ bật lên</h1><button id="storm" style="width:300px;height:80px">Mở</button>`,
      `<script>
      addEventListener('DOMContentLoaded', () => document.getElementById('storm').onclick = () => { for (let i = 0; i < 30; i++) window.open('/hello?popup=' + i, '_blank'); });
    </script>`,
    ),
    '/popup-blocked': html(
      `<button id="go" style="width:300px;height:80px">Mở</button>`,
      `<script>
      addEventListener('DOMContentLoaded', () => document.getElementById('go').onclick = () => window.open('${t.blockedHost}/hit/popup', '_blank'));
    </script>`,
    ),
    '/beforeunload': html(
      `<h1>Bẫy rời trang</h1><button id="b" style="width:300px;height:80px">Bấm</button>`,
      `<script>
      addEventListener('beforeunload', (e) => { e.preventDefault(); e.returnValue = 'Ở lại!'; return 'Ở lại!'; });
    </script>`,
    ),
    '/alert-loop': html(
      `<h1>Hộp thoại liên tục</h1>`,
      `<script>
      addEventListener('load', () => { for (let i = 0; i < 1000; i++) { alert('Bạn đã trúng thưởng ' + i); confirm('Tiếp tục?'); prompt('Nhập số thẻ'); } });
    </script>`,
    ),
    '/download': html(`<a id="big" href="/big.pdf">tải</a> <a id="small" href="/small.pdf">nhỏ</a> <a id="exe" href="/setup.exe">exe</a>`),
    '/print': html(
      `<h1>In trang</h1>`,
      `<script>addEventListener('load', () => { window.print(); setTimeout(() => document.createElement('iframe').contentWindow?.print?.(), 0); });</script>`,
    ),
    '/permissions': html(
      `<h1>Quyền</h1>`,
      `<script>
      window.results = {};
      (async () => {
        for (const name of ['camera', 'microphone', 'geolocation']) {
          try { results[name] = (await navigator.permissions.query({ name })).state; } catch (e) { results[name] = 'error'; }
        }
        try { await navigator.mediaDevices.getUserMedia({ video: true }); results.getCamera = 'granted'; } catch (e) { results.getCamera = e.name; }
        window.finished = true;
      })();
    </script>`,
    ),
    '/schemes': html(
      [
        'file:///etc/passwd',
        'chrome://settings',
        'devtools://devtools/bundled/inspector.html',
        'view-source:http://127.0.0.1:' + port + '/',
        'data:text/html,<h1>data</h1>',
      ]
        .map((href, i) => `<p><a id="s${i}" href="${href}">${href}</a></p>`)
        .join(''),
    ),
  };
}

export async function startHostileSite(): Promise<HostileSite> {
  const hits: string[] = [];
  const socketHits: string[] = [];
  const received: { name: string; body: Buffer }[] = [];
  const arrivals: { local: string; host: string; path: string }[] = [];
  let port = 0;
  const handler = (request: IncomingMessage, response: import('node:http').ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0]!;
    hits.push(`${request.headers.host ?? ''} ${request.url ?? ''}`);
    arrivals.push({ local: String(request.socket.localAddress ?? '').replace(/^::ffff:/, ''), host: String(request.headers.host ?? ''), path });
    const page = pages(port)[path];
    if (path === '/received' && request.method === 'POST') {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ name: decodeURIComponent(String(request.headers['x-file-name'] ?? '')), body: Buffer.concat(chunks) });
        response.writeHead(204).end();
      });
    } else if (page) {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(page);
    } else if (path === '/worker.js') {
      const t = forbiddenTargets(port);
      response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(`
        const targets = ${JSON.stringify(t)}; const out = {};
        Promise.all(Object.entries(targets).map(([n, b]) => fetch(b + '/hit/worker-' + n, { mode: 'no-cors' }).then(() => { out['worker-' + n] = 'reached'; }, () => { out['worker-' + n] = 'failed'; })))
          .then(() => postMessage(out));`);
    } else if (path === '/sw.js') {
      const t = forbiddenTargets(port);
      response.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' }).end(`
        self.addEventListener('install', (e) => { e.waitUntil(Promise.all(Object.entries(${JSON.stringify(t)}).map(([n, b]) => fetch(b + '/hit/sw-' + n, { mode: 'no-cors' }).catch(() => null)))); self.skipWaiting(); });
        self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));`);
    } else if (path.startsWith('/redirect')) {
      const to = new URL(request.url ?? '/', 'http://x').searchParams.get('to') ?? '/';
      response.writeHead(302, { Location: to }).end();
    } else if (path === '/chain-1') {
      response.writeHead(302, { Location: '/chain-2' }).end();
    } else if (path === '/chain-2') {
      response.writeHead(302, { Location: `${forbiddenTargets(port).blockedHost}/hit/chain-end` }).end();
    } else if (path === '/big.pdf') {
      // No Content-Length: the size is only known by counting bytes as they arrive.
      response.writeHead(200, { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="tai-lieu-lon.pdf"' });
      let sent = 0;
      const chunk = Buffer.alloc(256 * 1024, 0x25);
      const pump = () => {
        if (response.destroyed || sent >= 40) return response.end();
        sent++;
        if (response.write(chunk)) setTimeout(pump, 5);
        else response.once('drain', pump);
      };
      pump();
    } else if (path === '/small.pdf') {
      response
        .writeHead(200, { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="don-xin-viec.pdf"' })
        .end('%PDF-1.4\n% kiosk test\n%%EOF\n');
    } else if (path === '/setup.exe') {
      response.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Disposition': 'attachment; filename="setup.exe"' }).end('MZ');
    } else {
      response.writeHead(path.startsWith('/hit/') ? 200 : 404, { 'Content-Type': 'text/plain' }).end('reached');
    }
  };
  const servers: Server[] = [createServer(handler), createServer(handler)];
  const sockets = new WebSocketServer({ noServer: true });
  for (const server of servers) {
    server.on('upgrade', (request, socket, head) => {
      socketHits.push(String(request.headers.host ?? ''));
      arrivals.push({ local: String(request.socket.localAddress ?? '').replace(/^::ffff:/, ''), host: String(request.headers.host ?? ''), path: 'websocket' });
      sockets.handleUpgrade(request, socket, head, (ws) => ws.send('hello'));
    });
  }
  await new Promise<void>((resolve) => servers[0]!.listen(0, '127.0.0.1', () => resolve()));
  port = (servers[0]!.address() as AddressInfo).port;
  // The same port on 127.0.0.2: "another machine of the room" that a page must not reach.
  await new Promise<void>((resolve) => servers[1]!.listen(port, '127.0.0.2', () => resolve())).catch(() => undefined);
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    hits,
    socketHits,
    received,
    arrivals,
    close: async () => {
      sockets.close();
      await Promise.all(
        servers.map(
          (s) =>
            new Promise((resolve) => {
              s.closeAllConnections();
              s.close(() => resolve(undefined));
            }),
        ),
      );
    },
  };
}
