// Generates the demo content pack (resources/packs/demo-pack.zip) from the project's own texts:
// two PDFs, an EPUB, a spoken MP3 clip (espeak-ng when installed), a short WebM film (recorded by
// Chromium), a self-contained HTML page, a poster image and an online link. Run: npx tsx resources/packs/make-demo-pack.ts
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodeMp3, speak, tones } from './generator/audio';
import { makeEpub } from './generator/epub';
import { buildPack } from './generator/pack';
import { makePdf } from './generator/pdf';
import { makeCover } from './generator/png';
import { recordWebm } from './generator/video';
import { frogStory, handWashingScript, lawQuestions, localHistoryHtml, riceGuide } from './demo/content';

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const BOLD = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';
if (!existsSync(FONT)) throw new Error(`Cần phông chữ ${FONT} (gói fonts-dejavu-core) để tạo PDF có dấu tiếng Việt.`);

const target = fileURLToPath(new URL('./demo-pack.zip', import.meta.url));
const green = [46, 125, 50] as const;
const blue = [21, 87, 140] as const;
const orange = [196, 98, 24] as const;
const teal = [23, 110, 112] as const;
const brown = [122, 59, 29] as const;
const purple = [96, 56, 140] as const;

const speech = speak(handWashingScript);
const audio = encodeMp3(speech ?? tones(12));
const historyImage = makeCover(brown, 'house');
const harvestVideo = await recordWebm({ captions: ['Mùa lúa chín', 'Gặt lúa đúng lúc', 'Phơi khô trước khi cất', 'Bảo quản nơi thoáng mát'], background: [135, 190, 230] });

await buildPack(target, {
  id: 'vn.demo.phong-doc-xa',
  version: '1.0.0',
  title: 'Tủ sách số mẫu của phòng đọc xã',
  publisher: 'Dự án kiosk phòng đọc xã (nội dung mẫu)',
  description: 'Nội dung mẫu do dự án tự biên soạn để thử kiosk: không chứa tài liệu có bản quyền.',
  resources: [
    {
      id: 'so-tay-lua',
      title: 'Sổ tay trồng lúa tiết kiệm nước',
      description: 'Hướng dẫn từng bước cách tưới "ướt – khô xen kẽ" cho ruộng lúa: làm đất, theo dõi mực nước, bón phân.',
      topic: 'Nông nghiệp',
      audience: 'adult',
      format: 'pdf',
      source: 'Khuyến nông xã (mẫu)',
      featured: true,
      file: { path: 'tai-lieu/so-tay-lua.pdf', data: await makePdf({ title: 'Sổ tay trồng lúa tiết kiệm nước', pages: riceGuide, fontFile: FONT, boldFontFile: BOLD }) },
      cover: { path: 'bia/so-tay-lua.png', data: makeCover(green, 'leaf') },
    },
    {
      id: 'hoi-dap-phap-luat',
      title: 'Hỏi đáp pháp luật thường gặp ở xã',
      description: 'Khai sinh, tách thửa đất, hòa giải ở cơ sở: những câu hỏi bà con hay hỏi, trả lời ngắn gọn.',
      topic: 'Pháp luật',
      audience: 'adult',
      format: 'pdf',
      source: 'Tủ sách pháp luật xã (mẫu)',
      featured: true,
      file: { path: 'tai-lieu/hoi-dap-phap-luat.pdf', data: await makePdf({ title: 'Hỏi đáp pháp luật thường gặp', pages: lawQuestions, fontFile: FONT, boldFontFile: BOLD }) },
      cover: { path: 'bia/hoi-dap-phap-luat.png', data: makeCover(blue, 'book') },
    },
    {
      id: 'chu-ech-hoc-boi',
      title: 'Chú ếch nhỏ đi học bơi',
      description: 'Truyện ngắn cho thiếu nhi về lòng can đảm và bài học an toàn khi bơi.',
      topic: 'Thiếu nhi',
      audience: 'child',
      format: 'epub',
      source: 'Phòng đọc xã (mẫu)',
      featured: true,
      file: { path: 'sach/chu-ech-hoc-boi.epub', data: await makeEpub({ id: 'urn:demo:chu-ech-hoc-boi', title: 'Chú ếch nhỏ đi học bơi', author: 'Phòng đọc xã', chapters: frogStory, cover: makeCover(teal, 'waves') }) },
      cover: { path: 'bia/chu-ech-hoc-boi.png', data: makeCover(teal, 'waves') },
    },
    {
      id: 'rua-tay-dung-cach',
      title: 'Rửa tay đúng cách để phòng bệnh',
      description: 'Bài nghe ngắn: năm bước rửa tay với xà phòng và những lúc cần rửa tay.',
      topic: 'Sức khỏe',
      audience: 'all',
      format: 'audio',
      source: 'Trạm y tế xã (mẫu)',
      featured: true,
      file: { path: 'am-thanh/rua-tay.mp3', data: audio },
      cover: { path: 'bia/rua-tay.png', data: makeCover(orange, 'note') },
    },
    {
      id: 'thu-hoach-lua',
      title: 'Thu hoạch và bảo quản lúa',
      description: 'Đoạn phim ngắn: gặt lúa đúng lúc, phơi khô và cất giữ nơi thoáng mát.',
      topic: 'Nông nghiệp',
      audience: 'adult',
      format: 'video',
      source: 'Khuyến nông xã (mẫu)',
      file: { path: 'phim/thu-hoach-lua.webm', data: harvestVideo },
      cover: { path: 'bia/thu-hoach-lua.png', data: makeCover(green, 'sun') },
    },
    {
      id: 'lang-que-minh-hoa',
      title: 'Làng quê Minh Hòa xưa và nay',
      description: 'Đình làng, ngày hội, nghề đan lát và quê hương hôm nay: tài liệu giới thiệu địa phương.',
      topic: 'Văn hóa – lịch sử địa phương',
      audience: 'all',
      format: 'html',
      source: 'Phòng đọc xã (mẫu)',
      file: { path: 'trang/lang-que.html', data: localHistoryHtml(`data:image/png;base64,${historyImage.toString('base64')}`) },
      cover: { path: 'bia/lang-que.png', data: historyImage },
    },
    {
      id: 'ap-phich-duoi-nuoc',
      title: 'Áp phích: Phòng chống đuối nước cho trẻ',
      description: 'Áp phích nhắc cha mẹ và các em: không bơi một mình, không chơi gần ao hồ khi không có người lớn.',
      topic: 'Kỹ năng sống',
      audience: 'all',
      format: 'image',
      source: 'Phòng đọc xã (mẫu)',
      file: { path: 'anh/ap-phich-duoi-nuoc.png', data: makeCover(purple, 'waves') },
    },
    {
      id: 'dich-vu-cong',
      title: 'Cổng Dịch vụ công quốc gia',
      description: 'Nộp hồ sơ thủ tục hành chính trực tuyến (cần kết nối Internet).',
      topic: 'Kỹ năng sống',
      audience: 'adult',
      format: 'link',
      source: 'Cổng Dịch vụ công quốc gia',
      url: 'https://dichvucong.gov.vn/',
    },
  ],
});
process.stderr.write(`Đã tạo ${target}${speech ? '' : ' (không có espeak-ng: âm thanh là chuỗi nốt nhạc)'}.\n`);
