// Channel names of the Electron transport, shared by the main process and the preload.
export const CALL_CHANNEL = 'kiosk:call';
export const EVENT_CHANNEL = 'kiosk:event';
