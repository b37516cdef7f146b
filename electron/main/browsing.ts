// The Electron browsing surface of an internet session: tabs as WebContentsViews below the kiosk's
// session bar, in an in-memory partition per session. Thin: every decision (URL, download,
// permission, wipe plan) is asked of the core's internet modules; this file only carries it out.
import { BrowserWindow, WebContentsView, session as electronSession, type Session } from 'electron';
import { BROWSER_TOP_PX, type BrowseRequest, type UrlDecisionDto } from '../contract/internet';
import type { Kiosk } from '../core/kiosk';
import { decideUrlFor, permissionAllowed, publishTabs } from '../core/internet/browse';
import { attachSurface, internetOf, type BrowsingSurface } from '../core/internet/context';
import { decideDownload, recordPrint } from '../core/internet/downloads';
import type { WipePlan } from '../core/internet/wipe';

interface Tab {
  id: number;
  view: WebContentsView;
  /** '' while the tab shows the kiosk's home links (drawn by the renderer, view hidden). */
  url: string;
  blocked: UrlDecisionDto | null;
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

  function layout(): void {
    const { width, height } = window.getContentBounds();
    for (const tab of tabs) {
      const visible = tab.id === activeId && tab.url !== '' && !tab.blocked;
      tab.view.setVisible(visible);
      tab.view.setBounds({ x: 0, y: BROWSER_TOP_PX, width, height: Math.max(0, height - BROWSER_TOP_PX) });
    }
  }

  function publish(): void {
    const current = active();
    const history = current?.view.webContents.navigationHistory;
    publishTabs(internet, {
      tabs: tabs.map((t) => ({ id: t.id, title: t.url ? t.view.webContents.getTitle() : '', url: t.url, active: t.id === activeId, loading: t.view.webContents.isLoading() })),
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
    // Popups become tabs, after the same URL check as any navigation.
    contents.setWindowOpenHandler(({ url: target }) => {
      const decision = decideUrlFor(internet, target);
      if (decision.decision === 'allow' && decision.url) select(openTab(decision.url, plan).id);
      return { action: 'deny' };
    });
    const guard = (event: { preventDefault(): void }, target: string, isMainFrame = true) => {
      if (!isMainFrame) return;
      const decision = decideUrlFor(internet, target);
      if (decision.decision === 'block') {
        event.preventDefault();
        tab.blocked = decision;
        publish();
      }
    };
    contents.on('will-navigate', (event) => guard(event, event.url, event.isMainFrame));
    contents.on('will-redirect', (event) => guard(event, event.url, event.isMainFrame));
    contents.on('did-navigate', (_event, target) => {
      tab.url = target;
      tab.blocked = null;
      publish();
    });
    contents.on('page-title-updated', () => publish());
    contents.on('did-stop-loading', () => publish());
    window.contentView.addChildView(view);
    tabs.push(tab);
    activeId = tab.id;
    if (url) void contents.loadURL(url);
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
      partition.setPermissionRequestHandler((_contents, permission, callback) => callback(permissionAllowed(internet, permission)));
      partition.setPermissionCheckHandler((_contents, permission) => permissionAllowed(internet, permission));
      partition.on('will-download', (_event, item) => {
        const decision = decideDownload(internet, item.getFilename(), item.getTotalBytes());
        if (decision.ok) item.setSavePath(decision.path);
        else item.cancel();
      });
      zoomIndex = ZOOM_STEPS.indexOf(1);
      if (tabs.length === 0) openTab('', plan);
    },

    async wipe(plan: WipePlan) {
      for (const tab of tabs) {
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
            void contents!.loadURL(request.url);
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
          zoomIndex = request.action === 'zoomReset' ? ZOOM_STEPS.indexOf(1) : Math.min(ZOOM_STEPS.length - 1, Math.max(0, zoomIndex + (request.action === 'zoomIn' ? 1 : -1)));
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
          if (contents && tab?.url) {
            void contents.printToPDF({}).then((pdf) => {
              const pages = pdfPageCount(pdf);
              contents.print({ silent: false }, (printed) => {
                if (printed) recordPrint(internet, pages);
              });
            });
          }
          break;
      }
      publish();
    },
  };

  window.on('resize', layout);
  attachSurface(internet, surface);
}
