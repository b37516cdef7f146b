// Which key presses the kiosk window swallows outside admin mode: DevTools, reload, print,
// open/save, zoom reset, view source, new window, quit. Plain function: tests call it.

export interface KeyInput {
  type: string;
  key: string;
  code?: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

const CTRL_KEYS = new Set(['r', 'p', 'o', 's', '0', 'u', 'n', 't', 'w', 'q', 'j', 'h', 'f', 'g', 'l', 'e', 'k', 'd']);
const ALWAYS = new Set(['F5', 'F7', 'F11', 'F12', 'BrowserBack', 'BrowserForward', 'BrowserRefresh', 'BrowserHome', 'BrowserSearch', 'Print', 'PrintScreen']);

export function shouldSwallowKey(input: KeyInput, adminMode: boolean): boolean {
  if (adminMode || input.type !== 'keyDown') return false;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  if (ALWAYS.has(key)) return true;
  const command = input.control || input.meta;
  if (command && input.shift && ['i', 'j', 'c', 'r', 'delete', 'n'].includes(key.toLowerCase())) return true; // DevTools, hard reload, incognito
  if (command && CTRL_KEYS.has(key)) return true;
  if (command && (key === '+' || key === '=' || key === '-')) return false; // zoom in/out help residents with poor sight
  if (input.alt && (key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home' || key === 'F4')) return true; // history, home page, close
  return false;
}

/** Admin mode (shortcuts allowed, DevTools possible) only when a technician starts the app with --admin. */
export function adminModeFrom(argv: readonly string[]): boolean {
  return argv.includes('--admin');
}
