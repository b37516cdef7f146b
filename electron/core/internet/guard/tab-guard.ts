// The browsing guard: every decision about one tab of the internet session, taken over the Chrome
// DevTools Protocol (see cdp.ts). Requests of every frame and worker (Fetch, with auto-attach to
// iframes, workers and service workers), WebSockets, the file chooser, downloads, permissions,
// JavaScript dialogs and window.print(). Electron attaches it through webContents.debugger
// (electron/main/browsing.ts); tests attach it to Debian's Chromium over a CDP pipe.
import { renameSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { UrlDecision } from '../url-policy';
import type { CdpChannel, CdpSessionId } from './cdp';
import { blockedPageHtml, type BlockedKind } from './blocked-page';
import { decideDownloadStart, exceedsCap, tooBig, type DownloadRules } from './downloads';
import { DialogGate, PopupGate, type DialogLimits, type PopupLimits } from './gates';
import { CDP_PERMISSION_NAMES, CONFIGURABLE_PERMISSIONS } from './permissions';
import { decideRequest, type RequestPolicy } from './request-policy';
import { decideUploads, type UploadRules } from './uploads';

export type GuardEvent =
  | { kind: 'blocked'; url: string; decision: UrlDecision; where: 'page' | 'frame' | 'resource' | 'websocket' | 'popup' }
  | { kind: 'dialog'; type: string; stopped: boolean }
  | { kind: 'upload'; offered: number; given: number }
  | { kind: 'download'; name: string; state: 'saved' | 'refused' | 'cancelled'; message?: string }
  | { kind: 'print' };

export interface TabGuardOptions {
  rules: RequestPolicy;
  monotonic: () => number;
  allowedPermissions: readonly string[];
  uploads: UploadRules;
  /** CDP downloads (Chromium): saved into `stagingDir` then moved to `folder`. Electron passes null and uses DownloadItem with the same gate. */
  downloads: (DownloadRules & { folder: string; stagingDir: string }) | null;
  dialogs?: DialogLimits;
  popups?: PopupLimits;
  onEvent?: (event: GuardEvent) => void;
}

export interface TabGuard {
  /** Whether a popup (window.open, target=_blank) may become a tab now. */
  admitPopup(url: string, openTabs: number): Promise<boolean>;
  /** Origins this tab loaded something from: what the wipe clears storage for. */
  origins(): string[];
  detach(): void;
}

const PRINT_BINDING = '__kioskPrint';
// Runs first in every document of every frame: print() goes to the kiosk, which prints without a
// system dialog (finding 5). The binding is hidden from the page after it is captured.
const PRINT_SCRIPT = `(() => { const send = globalThis.${PRINT_BINDING}; if (typeof send !== 'function') return;
  try { delete globalThis.${PRINT_BINDING}; } catch {}
  const print = function print() { send(''); };
  try { Object.defineProperty(window, 'print', { value: print, writable: false, configurable: false }); } catch {} })();`;

// The fields of the CDP events the guard reads (protocol names).
interface RequestPaused {
  requestId: string;
  request?: { url?: string };
  resourceType?: string;
  frameId?: string;
}
interface FileChooserOpened {
  backendNodeId: number;
  mode?: string;
}
interface DownloadEvent {
  guid: string;
  suggestedFilename?: string;
  receivedBytes?: number;
  totalBytes?: number;
  state?: string;
}
interface CdpEvent {
  sessionId?: string;
  targetInfo?: { type?: string };
  frame?: { id: string; url: string; parentId?: string };
  type?: string;
  url?: string;
  name?: string;
}

const HTML_HEADERS = [
  { name: 'Content-Type', value: 'text/html; charset=utf-8' },
  { name: 'Cache-Control', value: 'no-store' },
];

export async function attachTabGuard(cdp: CdpChannel, options: TabGuardOptions): Promise<TabGuard> {
  const emit = (event: GuardEvent) => options.onEvent?.(event);
  const dialogs = new DialogGate(options.dialogs);
  const popups = new PopupGate(options.popups);
  const sessions = new Set<CdpSessionId>([undefined]);
  let mainFrameId = '';
  let mainUrl = '';
  /** Set when the page must be replaced by an explanation: served to its next main-frame load. */
  let trap: BlockedKind | null = null;
  const downloads = new Map<string, { name: string }>();
  let context: { browserContextId?: string } = {};
  const seenOrigins = new Set<string>();
  const rememberOrigin = (url: string) => {
    try {
      const origin = new URL(url).origin;
      if (origin !== 'null' && seenOrigins.size < 2000) seenOrigins.add(origin);
    } catch {
      // not an origin
    }
  };
  const quiet = (promise: Promise<unknown>) => promise.catch(() => undefined);

  async function guardSession(session: CdpSessionId, type: string): Promise<void> {
    const pageLike = type === 'page' || type === 'iframe';
    if (pageLike || type === 'service_worker' || type === 'shared_worker') {
      await quiet(cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*', requestStage: 'Request' }] }, session));
    }
    if (pageLike) {
      await quiet(cdp.send('Page.enable', {}, session));
      await quiet(cdp.send('Inspector.enable', {}, session));
      await quiet(cdp.send('Network.enable', {}, session));
      await quiet(cdp.send('Page.setInterceptFileChooserDialog', { enabled: true }, session));
      await quiet(cdp.send('Runtime.enable', {}, session)); // bindings exist only where Runtime is enabled
      await quiet(cdp.send('Runtime.addBinding', { name: PRINT_BINDING }, session));
      await quiet(cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: PRINT_SCRIPT, runImmediately: true }, session));
    }
    await quiet(cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }, session));
  }

  let crashing = false;
  function crashAndExplain(kind: BlockedKind): void {
    if (crashing) return;
    crashing = true;
    trap = kind;
    // Page.crash never answers (its renderer is gone): the navigation follows the crash event.
    void quiet(cdp.send('Page.crash'));
    const off = cdp.onEvent((method, _p, session) => {
      if (method !== 'Inspector.targetCrashed' || session !== undefined) return;
      off();
      crashing = false;
      void quiet(cdp.send('Page.navigate', { url: mainUrl || 'about:blank' }));
    });
  }

  function stopPage(kind: BlockedKind): void {
    trap = kind;
    void quiet(cdp.send('Runtime.terminateExecution'));
    void quiet(cdp.send('Page.navigate', { url: mainUrl || 'about:blank' }));
  }

  async function onRequestPaused(p: RequestPaused, session: CdpSessionId): Promise<void> {
    const requestId = p.requestId as string;
    const url = String(p.request?.url ?? '');
    const isDocument = p.resourceType === 'Document';
    const isMain = isDocument && session === undefined && (p.frameId === mainFrameId || !mainFrameId);
    if (isMain && trap) {
      const kind = trap;
      trap = null;
      await fulfill(requestId, session, blockedPageHtml(kind, null, url));
      return;
    }
    const decision = await decideRequest(options.rules, url);
    if (decision.decision === 'allow') {
      rememberOrigin(url);
      await quiet(cdp.send('Fetch.continueRequest', { requestId }, session));
      return;
    }
    emit({ kind: 'blocked', url, decision, where: isMain ? 'page' : isDocument ? 'frame' : 'resource' });
    if (isDocument) await fulfill(requestId, session, blockedPageHtml('address', decision, url));
    else await quiet(cdp.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' }, session));
  }

  function fulfill(requestId: string, session: CdpSessionId, html: string): Promise<unknown> {
    return quiet(
      cdp.send('Fetch.fulfillRequest', { requestId, responseCode: 200, responseHeaders: HTML_HEADERS, body: Buffer.from(html).toString('base64') }, session),
    );
  }

  let choosing = false;
  async function onFileChooser(p: FileChooserOpened, session: CdpSessionId): Promise<void> {
    // One picker at a time: a page that reopens its chooser in a loop gets nothing while the resident decides.
    if (choosing) {
      await quiet(cdp.send('DOM.setFileInputFiles', { files: [], backendNodeId: p.backendNodeId }, session));
      return emit({ kind: 'upload', offered: 0, given: 0 });
    }
    choosing = true;
    try {
      const described = (await quiet(cdp.send('DOM.describeNode', { backendNodeId: p.backendNodeId }, session))) as
        { node?: { attributes?: string[] } } | undefined;
      const attributes = described?.node?.attributes ?? [];
      let accept = ''; // attributes come as [name, value, name, value, …]
      for (let i = 0; i + 1 < attributes.length; i += 2) if (attributes[i]!.toLowerCase() === 'accept') accept = attributes[i + 1]!;
      const { offered, files } = await decideUploads(options.uploads, { multiple: p.mode === 'selectMultiple', accept });
      await quiet(cdp.send('DOM.setFileInputFiles', { files, backendNodeId: p.backendNodeId }, session));
      emit({ kind: 'upload', offered, given: files.length });
    } finally {
      choosing = false;
    }
  }

  function onDownload(method: string, p: DownloadEvent): void {
    const rules = options.downloads;
    if (!rules) return;
    const guid = String(p.guid);
    const staged = join(rules.stagingDir, guid);
    const cancel = (message: string, state: 'refused' | 'cancelled') => {
      downloads.delete(guid);
      void quiet(cdp.send('Browser.cancelDownload', { guid, ...context })).then(() => rmSync(staged, { force: true }));
      emit({ kind: 'download', name: String(p.suggestedFilename ?? ''), state, message });
    };
    if (method === 'Browser.downloadWillBegin') {
      const start = decideDownloadStart(rules, String(p.suggestedFilename ?? ''), 0);
      if (start.ok) downloads.set(guid, { name: start.name });
      else cancel(start.message, 'refused');
      return;
    }
    const known = downloads.get(guid);
    if (!known) return;
    if (p.state === 'inProgress' && exceedsCap(rules, Number(p.receivedBytes ?? 0), Number(p.totalBytes ?? 0))) {
      cancel(tooBig(rules), 'cancelled');
    } else if (p.state === 'completed') {
      downloads.delete(guid);
      if (exceedsCap(rules, Number(p.receivedBytes ?? 0), Number(p.totalBytes ?? 0))) return cancel(tooBig(rules), 'cancelled');
      const target = uniquePath(rules.folder, known.name);
      renameSync(staged, target);
      emit({ kind: 'download', name: target.slice(rules.folder.length + 1), state: 'saved' });
    } else if (p.state === 'canceled') {
      downloads.delete(guid);
      rmSync(staged, { force: true });
    }
  }

  const unsubscribe = cdp.onEvent((method, params, session) => {
    const p = params as CdpEvent;
    if (method === 'Target.attachedToTarget') {
      if (!sessions.has(session)) return; // a child of another tab
      const child = String(p.sessionId);
      sessions.add(child);
      void guardSession(child, String(p.targetInfo?.type ?? '')).then(() => quiet(cdp.send('Runtime.runIfWaitingForDebugger', {}, child)));
      return;
    }
    if (method === 'Target.detachedFromTarget') return void sessions.delete(String(p.sessionId));
    if (!sessions.has(session)) return;
    switch (method) {
      case 'Fetch.requestPaused':
        void onRequestPaused(params as unknown as RequestPaused, session);
        break;
      case 'Page.frameNavigated':
        if (session === undefined && p.frame && !p.frame.parentId) {
          mainFrameId = p.frame.id;
          mainUrl = p.frame.url;
        }
        break;
      case 'Page.javascriptDialogOpening': {
        const answer = dialogs.answer(String(p.type), options.monotonic());
        emit({ kind: 'dialog', type: String(p.type), stopped: answer.stopPage });
        // A loop is stopped before its dialog is answered, so the script ends instead of opening the next one.
        // A script that loops on dialogs never yields, so neither terminateExecution nor a navigation
        // gets in: its renderer is ended (the dialog stays unanswered) and the tab reloads the explanation.
        if (answer.stopPage) return void crashAndExplain('dialog-loop');
        void quiet(cdp.send('Page.handleJavaScriptDialog', { accept: answer.accept }, session));
        break;
      }
      case 'Page.fileChooserOpened':
        void onFileChooser(params as unknown as FileChooserOpened, session);
        break;
      case 'Network.webSocketCreated':
        // Fetch does not see WebSocket handshakes: a page that opens one to a blocked or local
        // address is stopped and explained (Electron also cancels it in webRequest, before connecting).
        void decideRequest(options.rules, String(p.url)).then((decision) => {
          if (decision.decision === 'allow') return;
          emit({ kind: 'blocked', url: String(p.url), decision, where: 'websocket' });
          stopPage('hostile-page');
        });
        break;
      case 'Runtime.bindingCalled':
        if (p.name === PRINT_BINDING) emit({ kind: 'print' });
        break;
      case 'Browser.downloadWillBegin':
      case 'Browser.downloadProgress':
        if (session === undefined) onDownload(method, params as unknown as DownloadEvent);
        break;
    }
  });

  await guardSession(undefined, 'page');
  // Browser.* settings apply per browser context: the tab's own (Electron's partition).
  const info = (await quiet(cdp.send('Target.getTargetInfo'))) as { targetInfo?: { browserContextId?: string } } | undefined;
  context = info?.targetInfo?.browserContextId ? { browserContextId: info.targetInfo.browserContextId } : {};
  const tree = (await quiet(cdp.send('Page.getFrameTree'))) as { frameTree?: { frame?: { id: string; url: string } } } | undefined;
  mainFrameId = tree?.frameTree?.frame?.id ?? '';
  mainUrl = tree?.frameTree?.frame?.url ?? '';
  for (const permission of CONFIGURABLE_PERMISSIONS.filter((p) => ['camera', 'microphone', 'geolocation', 'notifications'].includes(p))) {
    const setting = options.allowedPermissions.includes(permission) ? 'granted' : 'denied';
    await quiet(cdp.send('Browser.setPermission', { permission: { name: CDP_PERMISSION_NAMES[permission] }, setting, ...context }));
  }
  if (options.downloads) {
    await quiet(
      cdp.send('Browser.setDownloadBehavior', { behavior: 'allowAndName', downloadPath: options.downloads.stagingDir, eventsEnabled: true, ...context }),
    );
  }

  return {
    async admitPopup(url, openTabs) {
      const decision = await decideRequest(options.rules, url);
      if (decision.decision === 'block') {
        emit({ kind: 'blocked', url, decision, where: 'popup' });
        return false;
      }
      return popups.admit(options.monotonic(), openTabs);
    },
    origins: () => [...seenOrigins],
    detach: unsubscribe,
  };
}

function uniquePath(folder: string, name: string): string {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  let candidate = join(folder, name);
  for (let i = 2; existsSync(candidate) && i < 1000; i++) candidate = join(folder, `${stem} (${i})${ext}`);
  return candidate;
}
