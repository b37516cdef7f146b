// Silent receipt printing in Electron: the text from the core's receipt formatter is laid out in a
// hidden window as monospace lines at the paper's width and sent to the printer without a dialog.
import { BrowserWindow } from 'electron';
import type { ReceiptPrinter } from '../core/circulation/receipt';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export const printReceiptSilently: ReceiptPrinter = async (text, { printerName, paperWidthMm }) => {
  const window = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });
  try {
    const html = `<!doctype html><meta charset="utf-8"><style>@page{margin:2mm}body{margin:0;width:${paperWidthMm - 4}mm;font:10pt 'DejaVu Sans Mono',monospace;white-space:pre-wrap}</style><body>${escapeHtml(text)}</body>`;
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return await new Promise<boolean>((resolve) => {
      window.webContents.print(
        { silent: true, printBackground: false, ...(printerName ? { deviceName: printerName } : {}), margins: { marginType: 'none' } },
        (success) => resolve(success),
      );
    });
  } finally {
    window.destroy();
  }
};
