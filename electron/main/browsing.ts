// The Electron browsing surface of an internet session: tabs as WebContentsViews below the kiosk's
// session bar, in an in-memory partition per session. Thin: each tab gets the core's browsing guard
// (core/internet/guard) through webContents.debugger, and every other decision (popups, downloads,
// permissions, WebSockets, wipe plan) is asked of the guard's rules or the internet service.
import { rmSync } from 'node:fs';
import { BrowserWindow, WebContentsView, session as electronSession, type Session, type WebContents } from 'electron';
import { BROWSER_TOP_PX, type BrowseRequest, type UrlDecisionDto } from '#contract/internet';
import type { Kiosk } from '../core/kiosk';
import { decideUrlFor, publishTabs } from '../core/internet/browse';
import { attachSurface, internetOf, type BrowsingSurface } from '../core/internet/context';
import { decideDownload, recordPrint } from '../core/internet/downloads';
import { noteInput } from '../core/internet/inactivity';
import { tabsAside, type TabsAside } from '../core/internet/tabs-aside';
import type { WipePlan } from '../core/internet/wipe';
import type { CdpChannel } from '../core/internet/guard/cdp';
import { attachTabGuard, type GuardEvent, type TabGuard } from '../core/internet/guard/tab-guard';
import { cachedResolver, systemResolver } from '../core/internet/guard/resolve';
import { decideRequest } from '../core/internet/guard/request-policy';
import { decideDownloadStart, exceedsCap, tooBig } from '../core/internet/guard/downloads';
import { permissionAllowed } from '../core/internet/guard/permissions';
import { effectiveConfig } from '../core/internet/register';
import { sessionUploads } from '../core/internet/file-picker';
import { PROXY_BYPASS, startEgressProxy } from '../core/internet/guard/egress-proxy';

interface Tab {
  id: number;
  view: WebContentsView;
  /** '' while the tab shows the kiosk's home links (drawn by the renderer, view hidden). */
  url: string;
  blocked: UrlDecisionDto | null;
  guard?: TabGuard;
}

/** webContents.debugger as the guard's CDP channel (Electron 45: sendCommand takes a sessionId for auto-attached targets). */
function debuggerChannel(contents: WebContents): CdpChannel {
  contents.debugger.attach('1.3');
  return {
    send: (method, params, sessionId) => contents.debugger.sendCommand(method, params ?? {}, sessionId),
    onEvent(listener) {
      const handler = (_event: unknown, method: string, params: Record<string, unknown>, sessionId: string) => listener(method, params, sessionId || undefined);
      contents.debugger.on('message', handler);
      return () => contents.debugger.off('message', handler);
    },
  };
}

const ZOOM_STEPS = [0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2];

/** Chromium's storage kinds for `clearStorageData`, matching the core's wipe steps. */
const STORAGES = ['cookies', 'filesystem', 'indexdb', 'localstorage', 'shadercache', 'serviceworkers', 'cachestorage'] as const;

/** Counts pages of a PDF rendering so printed pages can be reported without a printer driver's help. */
function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

export function attachBrowsing(window: BrowserWindow, kiosk: Kiosk): void {
  const internet = internetOf(kiosk.ctx);
  let tabs: Tab[] = [];
  let activeId = 0;
  let nextId = 1;
  let partition: Session | undefined;
  let zoomIndex = ZOOM_STEPS.indexOf(1);

  const active = () => tabs.find((t) => t.id === activeId);
  const resolver = cachedResolver(systemResolver, () => kiosk.ctx.clock.monotonic());
  // The partition's only way out (core/internet/guard/egress-proxy.ts): WebSockets judged before their
  // handshake and every connection made to the address the guard judged (no DNS rebinding).
  const egress = startEgressProxy({ policy: internet.policy, resolve: resolver }, (refusal) =>
    kiosk.ctx.log.log('info', 'internet.egress_refused', { rule: refusal.decision?.rule ?? 'unresolved' }),
  );
  /** Settles once the current partition uses the egress proxy; tabs load nothing before. */
  let proxied: Promise<unknown> = Promise.resolve();

  function onGuardEvent(tab: Tab, event: GuardEvent): void {
    if (event.kind === 'blocked' && event.where === 'page') {
      tab.blocked = event.decision;
      publish();
    } else if (event.kind === 'print') {
      printSilently(tab.view.webContents);
    } else if (event.kind === 'blocked' || event.kind === 'dialog' || event.kind === 'upload') {
      kiosk.ctx.log.log('info', `internet.guard_${event.kind}`, event.kind === 'blocked' ? { rule: event.decision.rule, where: event.where } : {});
    }
  }

  /** The kiosk's own print path: no system dialog (finding 5), pages counted for the statistics. */
  function printSilently(contents: WebContents): void {
    const printer = kiosk.ctx.config.printer;
    void contents.printToPDF({}).then((pdf) => {
      const pages = pdfPageCount(pdf);
      contents.print({ silent: true, printBackground: true, ...(printer.name ? { deviceName: printer.name } : {}) }, (printed) => {
        if (printed) recordPrint(internet, pages);
      });
    });
  }

  // While the kiosk's file picker is open the tab steps aside so the renderer's picker screen shows.
  let picking = false;
  kiosk.ctx.bus.on('internet.filePicker', (picker) => {
    picking = picker.open;
    layout();
  });

  // While "Bạn còn dùng máy không?" shows (core/internet/inactivity.ts) the tab steps aside too, so the
  // question and its button are never under the page. While the resident has stepped away
  // (core/internet/step-away.ts) or staff locked the session (core/internet/session-lock.ts), every tab
  // steps aside and falls silent: whoever is at the screen sees the kiosk's own screen, and hears
  // nothing of the pages. The rule is core/internet/tabs-aside.ts.
  let aside: TabsAside = { asking: false, withheld: false };
  kiosk.ctx.bus.on('internet.state', (state) => {
    const now = tabsAside(state);
    if (now.asking === aside.asking && now.withheld === aside.withheld) return;
    aside = now;
    layout();
  });

  function layout(): void {
    const { width, height } = window.getContentBounds();
    for (const tab of tabs) {
      const visible = tab.id === activeId && tab.url !== '' && !tab.blocked && !picking && !aside.asking && !aside.withheld;
      tab.view.webContents.setAudioMuted(aside.withheld);
      tab.view.setVisible(visible);
      tab.view.setBounds({ x: 0, y: BROWSER_TOP_PX, width, height: Math.max(0, height - BROWSER_TOP_PX) });
    }
  }

  function publish(): void {
    const current = active();
    const history = current?.view.webContents.navigationHistory;
    publishTabs(internet, {
      tabs: tabs.map((t) => ({
        id: t.id,
        title: t.url ? t.view.webContents.getTitle() : '',
        url: t.url,
        active: t.id === activeId,
        loading: t.view.webContents.isLoading(),
      })),
      canGoBack: Boolean(history?.canGoBack()),
      canGoForward: Boolean(history?.canGoForward()),
      zoomPercent: Math.round(ZOOM_STEPS[zoomIndex]! * 100),
      blocked: current?.blocked ?? null,
    });
    layout();
  }

  function openTab(url: string, plan: { partition: string }): Tab {
    const view = new WebContentsView({
      webPreferences: { partition: plan.partition, sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false, spellcheck: false },
    });
    const tab: Tab = { id: nextId++, view, url: '', blocked: null };
    const contents = view.webContents;
    // Popups become tabs only when the guard admits them (policy, rate and tab limits); never a window.
    contents.setWindowOpenHandler(({ url: target }) => {
      void tab.guard?.admitPopup(target, tabs.length).then((ok) => {
        if (ok) select(openTab(target, plan).id);
      });
      return { action: 'deny' };
    });
    // The guard takes every request of every frame and worker; top-level navigations are also
    // checked here so non-network schemes (file:, chrome:) never start.
    const guard = (event: { preventDefault(): void }, target: string, isMainFrame = true) => {
      const decision = decideUrlFor(internet, target);
      if (decision.decision === 'block' && (isMainFrame || !/^https?:/i.test(target))) {
        event.preventDefault();
        if (isMainFrame) {
          tab.blocked = decision;
          publish();
        }
      }
    };
    contents.on('will-navigate', (event) => guard(event, event.url, event.isMainFrame));
    contents.on('will-redirect', (event) => guard(event, event.url, event.isMainFrame));
    contents.on('did-navigate', (_event, target) => {
      tab.url = target;
      tab.blocked = null;
      publish();
    });
    // Input reaches the web page's own view, not the kiosk window: it is seen here and told to the
    // core's inactivity rule (core/internet/inactivity.ts), so a resident reading and scrolling stays.
    contents.on('input-event', (_event, input) => {
      if (input.type !== 'mouseMove') noteInput(internet);
    });
    contents.on('page-title-updated', () => publish());
    contents.on('did-stop-loading', () => publish());
    const config = effectiveConfig(kiosk.ctx);
    void attachTabGuard(debuggerChannel(contents), {
      rules: { policy: internet.policy, resolve: resolver },
      monotonic: () => kiosk.ctx.clock.monotonic(),
      allowedPermissions: config.allowedPermissions,
      // "Session downloads only": the core's picker screen, never the system dialog (same path as tests).
      uploads: sessionUploads(internet),
      downloads: null, // Electron's DownloadItem, below, with the same gate
      onEvent: (event) => onGuardEvent(tab, event),
    })
      .then((attached) => (tab.guard = attached))
      .catch((error: unknown) => {
        // Without its guard a tab must not browse.
        kiosk.ctx.log.log('error', 'internet.guard_failed', { error: String(error).slice(0, 300) });
        contents.close();
      });
    window.contentView.addChildView(view);
    tabs.push(tab);
    activeId = tab.id;
    if (url) void proxied.then(() => contents.loadURL(url));
    publish();
    return tab;
  }

  function select(id: number): void {
    if (tabs.some((t) => t.id === id)) activeId = id;
    publish();
  }

  function closeTab(id: number | undefined): void {
    const tab = tabs.find((t) => t.id === id);
    if (!tab) return;
    window.contentView.removeChildView(tab.view);
    tab.view.webContents.close();
    tabs = tabs.filter((t) => t !== tab);
    if (activeId === tab.id) activeId = tabs.at(-1)?.id ?? 0;
    if (tabs.length === 0 && partition) openTab('', { partition: currentPartition });
    publish();
  }

  let currentPartition = '';

  const surface: BrowsingSurface = {
    sessionStarted(plan: WipePlan) {
      currentPartition = plan.partition;
      partition = electronSession.fromPartition(plan.partition, { cache: true });
      const ses = partition;
      proxied = egress.then((proxy) => ses.setProxy({ proxyRules: proxy.address, proxyBypassRules: PROXY_BYPASS }));
      const config = effectiveConfig(kiosk.ctx);
      // Finding 6: Electron asks for "media" with mediaTypes; permissionAllowed maps it to camera/microphone.
      partition.setPermissionRequestHandler((_contents, permission, callback, details) =>
        callback(permissionAllowed(config.allowedPermissions, permission, 'mediaTypes' in details ? (details.mediaTypes ?? []) : [])),
      );
      partition.setPermissionCheckHandler((_contents, permission, _origin, details) =>
        permissionAllowed(config.allowedPermissions, permission, details.mediaType ? [details.mediaType] : []),
      );
      partition.setDevicePermissionHandler(() => false);
      // Fetch does not see WebSocket handshakes: cancelled here too, before the egress proxy, by the same rule.
      partition.webRequest.onBeforeRequest({ urls: ['ws://*/*', 'wss://*/*'] }, (details, callback) => {
        void decideRequest({ policy: internet.policy, resolve: resolver }, details.url).then(
          (d) => callback({ cancel: d.decision === 'block' }),
          () => callback({ cancel: true }),
        );
      });
      const rules = { allowedExtensions: config.downloads.allowedExtensions, maxBytes: config.downloads.maxMegabytes * 1024 * 1024 };
      partition.on('will-download', (_event, item) => {
        const start = decideDownloadStart(rules, item.getFilename(), item.getTotalBytes());
        const decision = start.ok ? decideDownload(internet, start.name, 0) : start;
        if (!decision.ok) return item.cancel();
        item.setSavePath(decision.path);
        // Finding 4: the cap holds on bytes received, whatever Content-Length said (or if it said nothing).
        item.on('updated', () => {
          if (exceedsCap(rules, item.getReceivedBytes(), item.getTotalBytes())) {
            item.cancel();
            kiosk.ctx.log.log('info', 'internet.download_cancelled', { message: tooBig(rules) });
          }
        });
        item.once('done', (_e, state) => {
          if (state !== 'completed') rmSync(decision.path, { force: true });
        });
      });
      zoomIndex = ZOOM_STEPS.indexOf(1);
      if (tabs.length === 0) openTab('', plan);
    },

    async wipe(plan: WipePlan) {
      for (const tab of tabs) {
        tab.guard?.detach();
        window.contentView.removeChildView(tab.view);
        tab.view.webContents.close();
      }
      tabs = [];
      activeId = 0;
      const ses = electronSession.fromPartition(plan.partition);
      await ses.clearStorageData({ storages: [...STORAGES] });
      await ses.clearCache();
      await ses.clearAuthCache();
      await ses.clearHostResolverCache();
      ses.setPermissionRequestHandler(null);
      ses.setPermissionCheckHandler(null);
      partition = undefined;
      currentPartition = '';
      publish();
    },

    command(request: BrowseRequest) {
      const tab = active();
      const contents = tab?.view.webContents;
      switch (request.action) {
        case 'navigate':
          if (tab && request.url) {
            tab.blocked = null;
            const url = request.url;
            void proxied.then(() => contents!.loadURL(url));
          }
          break;
        case 'back':
          if (contents?.navigationHistory.canGoBack()) contents.navigationHistory.goBack();
          break;
        case 'forward':
          if (contents?.navigationHistory.canGoForward()) contents.navigationHistory.goForward();
          break;
        case 'reload':
          contents?.reload();
          break;
        case 'home':
          if (tab) {
            tab.url = '';
            tab.blocked = null;
          }
          break;
        case 'zoomIn':
        case 'zoomOut':
        case 'zoomReset':
          zoomIndex =
            request.action === 'zoomReset'
              ? ZOOM_STEPS.indexOf(1)
              : Math.min(ZOOM_STEPS.length - 1, Math.max(0, zoomIndex + (request.action === 'zoomIn' ? 1 : -1)));
          for (const t of tabs) t.view.webContents.setZoomFactor(ZOOM_STEPS[zoomIndex]!);
          break;
        case 'newTab':
          if (currentPartition) openTab('', { partition: currentPartition });
          break;
        case 'closeTab':
          closeTab(request.tabId);
          break;
        case 'selectTab':
          if (request.tabId !== undefined) select(request.tabId);
          break;
        case 'print':
          if (contents && tab?.url) printSilently(contents);
          break;
      }
      publish();
    },
  };

  window.on('resize', layout);
  attachSurface(internet, surface);
}
