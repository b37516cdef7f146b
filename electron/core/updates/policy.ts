// When a downloaded update may be installed: never while someone is using the kiosk. The shell
// asks this before quitting to install; the answer is pure so it is tested without Electron.

export interface UpdateState {
  /** Internet sessions started and not ended. */
  activeInternetSessions: number;
  /** A resident or staff member is signed in right now. */
  someoneSignedIn: boolean;
  /** Milliseconds since the last touch, click, key or scan. */
  idleForMs: number;
  /** Is the library open now (updates wait for closing time when known). */
  libraryOpen: boolean | null;
  updateDownloaded: boolean;
}

export const MIN_IDLE_BEFORE_UPDATE_MS = 10 * 60 * 1000;

export function canApplyUpdateNow(state: UpdateState): { ok: boolean; reason: string } {
  if (!state.updateDownloaded) return { ok: false, reason: 'Chưa có bản cập nhật nào được tải về.' };
  if (state.activeInternetSessions > 0)
    return { ok: false, reason: `Đang có ${state.activeInternetSessions} phiên Internet: chờ phiên kết thúc rồi mới cập nhật.` };
  if (state.someoneSignedIn) return { ok: false, reason: 'Có người đang đăng nhập trên kiosk: chờ họ dùng xong.' };
  if (state.idleForMs < MIN_IDLE_BEFORE_UPDATE_MS) return { ok: false, reason: 'Kiosk vừa được sử dụng: chờ 10 phút không có thao tác.' };
  if (state.libraryOpen === true && state.idleForMs < 3 * MIN_IDLE_BEFORE_UPDATE_MS) {
    return { ok: false, reason: 'Thư viện đang mở cửa: chờ 30 phút không có ai dùng hoặc giờ đóng cửa.' };
  }
  return { ok: true, reason: 'Có thể cập nhật ngay: không có ai đang dùng kiosk.' };
}
