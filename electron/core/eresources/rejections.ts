// The reasons a content pack is refused, each with the full Vietnamese sentence staff read on the
// import page and the CLI prints. Nothing is installed when any of these is thrown.
import { refused, KioskError } from '../errors';

const MB = 1024 * 1024;
const mb = (bytes: number) => (bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0);

export const reject = {
  notFound: (file: string) =>
    new KioskError('not_found', `Không tìm thấy tệp gói "${file}". Hãy kiểm tra USB đã cắm và chọn lại tệp .zip.`, { reason: 'pack_not_found' }),
  corruptZip: (detail: string) =>
    refused(
      'corrupt_zip',
      `Tệp gói bị hỏng hoặc không phải tệp .zip (${detail.slice(0, 120)}). Không có gì được cài. Hãy chép lại gói từ nguồn gốc rồi thử lại.`,
    ),
  manifestMissing: () =>
    refused('manifest_invalid', 'Gói không có tệp manifest.json ở thư mục gốc. Không có gì được cài. Hãy xin đơn vị phát hành một gói đúng định dạng.'),
  manifestInvalid: (problems: string[]) =>
    refused(
      'manifest_invalid',
      `Tệp manifest.json của gói không hợp lệ: ${problems.slice(0, 5).join('; ')}. Không có gì được cài. Hãy báo đơn vị phát hành gói.`,
      { problems: problems.slice(0, 5).join('; ') },
    ),
  pathEscape: (path: string) =>
    refused(
      'path_escape',
      `Gói chứa đường dẫn không an toàn "${path.slice(0, 120)}" (ra ngoài thư mục gói, đường dẫn tuyệt đối hoặc liên kết tượng trưng). Không có gì được cài. Không dùng gói này và báo đơn vị phát hành.`,
      { path: path.slice(0, 200) },
    ),
  missingFile: (path: string) =>
    refused('missing_file', `Gói thiếu tệp "${path}" mà manifest.json khai báo. Không có gì được cài. Hãy chép lại gói đầy đủ rồi thử lại.`, { path }),
  undeclaredFile: (path: string) =>
    refused(
      'undeclared_file',
      `Gói có tệp "${path.slice(0, 120)}" không được khai báo trong manifest.json nên không kiểm tra được. Không có gì được cài. Hãy báo đơn vị phát hành gói.`,
      { path: path.slice(0, 200) },
    ),
  checksumMismatch: (path: string) =>
    refused(
      'checksum_mismatch',
      `Tệp "${path}" trong gói không khớp mã kiểm tra SHA-256 (tệp bị hỏng hoặc bị sửa). Không có gì được cài. Hãy chép lại gói rồi thử lại.`,
      { path },
    ),
  sizeMismatch: (path: string) =>
    refused(
      'checksum_mismatch',
      `Tệp "${path}" trong gói có kích thước khác với manifest.json (tệp bị hỏng hoặc bị sửa). Không có gì được cài. Hãy chép lại gói rồi thử lại.`,
      { path },
    ),
  typeMismatch: (path: string, declared: string, found: string | undefined) =>
    refused(
      'type_mismatch',
      `Tệp "${path}" khai báo là ${declared} nhưng thực chất là ${found ?? 'loại không nhận ra'}. Không có gì được cài. Hãy báo đơn vị phát hành gói.`,
      { path, declared, found: found ?? null },
    ),
  overQuota: (needBytes: number, freeBytes: number, quotaBytes: number) =>
    refused(
      'over_quota',
      `Gói cần ${mb(needBytes)} MB nhưng chỉ còn ${mb(Math.max(0, freeBytes))} MB trong hạn mức ${mb(quotaBytes)} MB dành cho thư viện số. Không có gì được cài. Hãy gỡ bớt gói cũ hoặc nhờ kỹ thuật viên tăng hạn mức (eresources.quotaMegabytes).`,
      {
        needMegabytes: Number(mb(needBytes)),
        quotaMegabytes: Number(mb(quotaBytes)),
      },
    ),
  diskFull: () => refused('disk_full', 'Ổ đĩa của kiosk không còn đủ chỗ trống để cài gói này. Không có gì được cài. Hãy báo kỹ thuật viên dọn ổ đĩa.'),
  notNewer: (id: string, installed: string, offered: string) =>
    refused('not_newer', `Gói "${id}" phiên bản ${installed} đã được cài; tệp này là phiên bản ${offered}, không mới hơn. Không có gì thay đổi.`, {
      installed,
      offered,
    }),
  busy: () => refused('install_busy', 'Kiosk đang cài một gói khác. Hãy đợi gói đó cài xong rồi thử lại.'),
  downloadFailed: (detail: string) =>
    refused(
      'download_failed',
      `Không tải được gói từ địa chỉ đã nhập (${detail.slice(0, 120)}). Hãy kiểm tra kết nối Internet và địa chỉ, hoặc chép gói vào USB rồi cài từ USB.`,
    ),
};
