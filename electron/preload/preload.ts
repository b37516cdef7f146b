// The preload exposes exactly window.kiosk = { invoke, subscribe } and nothing else of Node or Electron.
import { contextBridge, ipcRenderer } from 'electron';
import { CALL_CHANNEL, EVENT_CHANNEL } from '#contract/ipc';

contextBridge.exposeInMainWorld('kiosk', {
  invoke: (method: string, params: unknown): Promise<unknown> => ipcRenderer.invoke(CALL_CHANNEL, String(method), params),
  subscribe: (listener: (name: string, payload: unknown) => void): (() => void) => {
    const handler = (_event: unknown, name: string, payload: unknown) => listener(name, payload);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  },
});
