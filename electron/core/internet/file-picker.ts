// "Session downloads only": when a web page opens its file chooser, the resident sees the kiosk's own
// picker screen listing the files downloaded in THIS session, never the system dialog (which would
// show the kiosk's data folder). The browsing guard asks through sessionUploads(); the screen hears
// `internet.filePicker` and answers with `internet.chooseFiles`. One picker at a time on the whole
// kiosk; after the resident cancels, a page that reopens its chooser at once gets nothing for a
// moment, so a loop cannot trap the resident in the picker.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { refused } from '../errors';
import type { InternetContext } from './context';
import type { ChooserRequest, UploadRules } from './guard/uploads';
import * as store from './sessions-store';

/** After a cancel, choosers opened within this long are answered with nothing, without a picker. */
export const CANCEL_QUIET_MS = 3000;

interface OpenPicker {
  pickId: number;
  files: string[];
  multiple: boolean;
  resolve(files: string[]): void;
}

interface PickerState {
  open: OpenPicker | undefined;
  nextId: number;
  cancelledAt: number | undefined;
}

const states = new WeakMap<InternetContext, PickerState>();

function stateOf(ic: InternetContext): PickerState {
  let state = states.get(ic);
  if (!state) states.set(ic, (state = { open: undefined, nextId: 1, cancelledAt: undefined }));
  return state;
}

/** The active session's own download folder, or null when no session runs. */
export function activeDownloadsDir(ic: InternetContext): string | null {
  const open = store.openSession(ic.db);
  return open && open.status === 'active' ? open.downloadsDir : null;
}

/** The upload rules a tab's guard gets: configured mode, this session's folder, the kiosk's picker. */
export function sessionUploads(ic: InternetContext): UploadRules {
  return { mode: ic.config.uploads, folder: () => activeDownloadsDir(ic), choose: (files, request) => askResident(ic, files, request) };
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** Shows the picker with `files` (already confined by the guard); resolves with what the resident chose. */
export function askResident(ic: InternetContext, files: string[], request: ChooserRequest): Promise<string[]> {
  const state = stateOf(ic);
  const now = ic.kiosk.clock.monotonic();
  if (state.open || (state.cancelledAt !== undefined && now - state.cancelledAt < CANCEL_QUIET_MS)) return Promise.resolve([]);
  return new Promise((resolve) => {
    const pickId = state.nextId++;
    state.open = { pickId, files, multiple: request.multiple, resolve };
    ic.kiosk.bus.emit('internet.filePicker', {
      pickId,
      open: true,
      multiple: request.multiple,
      files: files.map((path) => ({ name: basename(path), bytes: sizeOf(path) })),
    });
  });
}

/** The resident's answer from the picker screen: file names from the list shown; [] is a cancel. */
export function answerPicker(ic: InternetContext, pickId: number, names: readonly string[]): { given: number } {
  const state = stateOf(ic);
  const open = state.open;
  if (!open || open.pickId !== pickId) throw refused('picker_closed', 'Màn hình chọn tệp này đã đóng. Hãy bấm lại nút chọn tệp trên trang web.');
  const byName = new Map(open.files.map((path) => [basename(path), path]));
  const chosen = [...new Set(names)].flatMap((name) => byName.get(name) ?? []).slice(0, open.multiple ? undefined : 1);
  if (names.length > 0 && chosen.length === 0)
    throw refused('picker_unknown_file', 'Tệp này không có trong danh sách. Hãy chọn một tệp trong danh sách, hoặc bấm Hủy.');
  close(ic, chosen);
  if (chosen.length === 0) state.cancelledAt = ic.kiosk.clock.monotonic();
  return { given: chosen.length };
}

/** Closes an open picker with nothing given (the session ended). */
export function closePicker(ic: InternetContext): void {
  close(ic, []);
}

function close(ic: InternetContext, files: string[]): void {
  const state = stateOf(ic);
  const open = state.open;
  if (!open) return;
  state.open = undefined;
  open.resolve(files);
  ic.kiosk.bus.emit('internet.filePicker', { pickId: open.pickId, open: false, multiple: open.multiple, files: [] });
}
