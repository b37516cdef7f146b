// Regenerates the spoken prompts in resources/audio/ with espeak-ng's Vietnamese voice (`-v vi`,
// 135 words a minute; apt-get install espeak-ng). `node scripts/generate-audio.mjs stillHere` makes only the
// prompts named. The .wav files are committed, so building the kiosk never needs
// espeak-ng; a technician replaces any of them with a recording in <dataDir>/audio/<id>.wav.
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('../resources/audio/', import.meta.url));

/** Prompt id (electron/contract/residents.ts) → what the kiosk says. */
export const PROMPTS = {
  welcome: 'Xin chào, mời bạn chọn dịch vụ.',
  scanCard: 'Mời quét thẻ.',
  scanBook: 'Mời quét mã vạch trên sách.',
  checkoutDone: 'Đã mượn thành công.',
  returnDone: 'Đã trả sách thành công.',
  fiveMinutesLeft: 'Còn năm phút.',
  oneMinuteLeft: 'Còn một phút.',
  sessionEnded: 'Phiên sử dụng đã kết thúc.',
  askStaff: 'Chưa thực hiện được, mời hỏi cán bộ thư viện.',
  reservedReturn: 'Sách này có người đặt. Mời đưa sách cho cán bộ thư viện, đừng để lên giá.',
  goodbye: 'Cảm ơn bạn, hẹn gặp lại.',
  stillHere: 'Bạn còn dùng máy không? Mời chạm vào màn hình để tiếp tục.',
};

mkdirSync(out, { recursive: true });
const only = process.argv.slice(2);
for (const [id, text] of Object.entries(PROMPTS).filter(([id]) => only.length === 0 || only.includes(id))) {
  const file = join(out, `${id}.wav`);
  // -s 135 is a little slower than default for elderly listeners.
  const run = spawnSync('espeak-ng', ['-v', 'vi', '-s', '135', '-w', file, text], { stdio: 'inherit' });
  if (run.error || run.status !== 0) {
    process.stderr.write(`Không tạo được ${file}. Hãy cài espeak-ng (apt-get install espeak-ng) rồi chạy lại.\n`);
    process.exit(1);
  }
  process.stdout.write(`${id}.wav  ${statSync(file).size} byte\n`);
}
