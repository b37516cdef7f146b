// Texts of the demo content pack, written for this project (no copyrighted material). They are
// short practical guides of the kind a provincial library sends to commune reading rooms.
import type { EpubChapter } from '../generator/epub';
import type { PdfPage } from '../generator/pdf';

export const riceGuide: PdfPage[] = [
  {
    heading: 'Vì sao nên tưới lúa tiết kiệm nước?',
    paragraphs: [
      'Cây lúa không cần ngập nước suốt cả vụ. Khi ruộng được để khô xen kẽ đúng lúc, rễ lúa ăn sâu hơn, cây cứng cây, ít đổ ngã và ít sâu bệnh.',
      'Cách tưới "ướt – khô xen kẽ" giúp giảm từ một phần năm đến một phần ba lượng nước so với giữ ruộng ngập liên tục, đồng thời giảm chi phí bơm nước.',
      'Sổ tay này hướng dẫn từng bước, từ làm đất đến thu hoạch, để bà con có thể tự áp dụng trên ruộng nhà mình.',
    ],
  },
  {
    heading: 'Bước 1: Làm đất và san phẳng mặt ruộng',
    paragraphs: [
      'Mặt ruộng phẳng thì nước phân bố đều, chỗ cao không bị khô quá, chỗ trũng không bị úng. Nên cày bừa kỹ và san phẳng trước khi gieo cấy.',
      'Đắp bờ chắc chắn, cao khoảng 20 đến 25 xăng-ti-mét, có cửa lấy nước và cửa thoát nước riêng để chủ động điều tiết.',
    ],
  },
  {
    heading: 'Bước 2: Cắm ống theo dõi mực nước',
    paragraphs: [
      'Dùng một đoạn ống nhựa dài khoảng 30 xăng-ti-mét, đục nhiều lỗ nhỏ quanh thân ống. Cắm ống xuống ruộng sao cho phần trên nhô lên khoảng 10 xăng-ti-mét.',
      'Moi hết đất trong lòng ống để nhìn thấy mực nước dưới mặt ruộng. Khi nước trong ống rút xuống sâu 15 xăng-ti-mét thì bơm nước vào ruộng khoảng 5 xăng-ti-mét.',
    ],
  },
  {
    heading: 'Bước 3: Những giai đoạn phải giữ nước',
    paragraphs: [
      'Giữ một lớp nước mỏng trong khoảng 10 ngày sau khi cấy để lúa bén rễ, và trong thời kỳ lúa trổ bông, vì đây là lúc cây cần nước nhất.',
      'Ngoài các giai đoạn này, có thể để ruộng khô xen kẽ. Trước khi thu hoạch khoảng 10 ngày, rút cạn nước để lúa chín đều và dễ gặt.',
    ],
  },
  {
    heading: 'Bước 4: Bón phân hợp lý',
    paragraphs: [
      'Bón phân khi ruộng còn ẩm, sau đó cho nước vào để phân tan đều và ít bị thất thoát. Không bón khi ruộng đang khô nứt nẻ.',
      'Nên chia phân đạm làm nhiều lần bón, theo dõi màu lá lúa để điều chỉnh, tránh bón thừa làm lúa lốp, dễ đổ và dễ nhiễm bệnh.',
    ],
  },
  {
    heading: 'Ghi nhớ',
    paragraphs: [
      'Ruộng phẳng – bờ chắc – theo dõi mực nước bằng ống – giữ nước khi lúa bén rễ và trổ bông – rút nước trước khi gặt.',
      'Mọi thắc mắc, bà con liên hệ cán bộ khuyến nông xã hoặc hỏi tại phòng đọc sách của xã.',
    ],
  },
];

export const lawQuestions: PdfPage[] = [
  {
    heading: 'Đăng ký khai sinh cho con ở đâu, cần giấy tờ gì?',
    paragraphs: [
      'Cha hoặc mẹ đến Ủy ban nhân dân xã nơi cư trú của cha hoặc mẹ để đăng ký khai sinh cho con trong thời hạn 60 ngày kể từ ngày sinh.',
      'Mang theo giấy chứng sinh do cơ sở y tế cấp (nếu không có thì giấy xác nhận của người làm chứng), giấy tờ tùy thân và giấy chứng nhận kết hôn nếu cha mẹ đã đăng ký kết hôn.',
      'Hiện nay nhiều thủ tục có thể nộp trực tuyến qua Cổng Dịch vụ công; cán bộ thư viện có thể hướng dẫn bà con cách truy cập.',
    ],
  },
  {
    heading: 'Muốn tách thửa đất để cho con thì làm thế nào?',
    paragraphs: [
      'Trước hết cần kiểm tra diện tích tối thiểu được phép tách thửa theo quy định của tỉnh. Thông tin này được niêm yết tại bộ phận một cửa của xã.',
      'Hồ sơ gồm đơn đề nghị tách thửa và giấy chứng nhận quyền sử dụng đất. Bà con nên hỏi cán bộ địa chính xã trước khi làm để tránh phải bổ sung nhiều lần.',
    ],
  },
  {
    heading: 'Hòa giải ở cơ sở giúp gì cho gia đình?',
    paragraphs: [
      'Khi có mâu thuẫn nhỏ giữa các gia đình trong thôn, tổ hòa giải ở cơ sở giúp các bên trao đổi, thấu hiểu và tự thỏa thuận với nhau.',
      'Hòa giải không mất phí, giữ được tình làng nghĩa xóm. Bà con có thể liên hệ trưởng thôn hoặc tổ trưởng tổ hòa giải.',
    ],
  },
];

export const frogStory: EpubChapter[] = [
  {
    title: 'Chương 1. Chú ếch không biết bơi',
    paragraphs: [
      'Bên bờ ao làng có một chú ếch nhỏ tên là Xanh. Các bạn ếch khác bơi lội tung tăng, còn Xanh chỉ dám ngồi trên lá sen nhìn theo.',
      'Mỗi lần gió thổi, lá sen rung rinh, Xanh lại ôm chặt lấy cuống lá. "Nước sâu lắm," Xanh thì thầm, "mình sợ lắm."',
    ],
  },
  {
    title: 'Chương 2. Bác Rùa già',
    paragraphs: [
      'Một buổi sáng, bác Rùa già chậm rãi bơi đến gần. Bác hỏi: "Sao cháu không xuống nước chơi với các bạn?"',
      'Xanh đỏ mặt: "Cháu không biết bơi ạ." Bác Rùa mỉm cười: "Ai cũng phải học mới biết. Ngày mai, cháu ra chỗ nước nông gần bờ, bác dạy cho."',
    ],
  },
  {
    title: 'Chương 3. Buổi học đầu tiên',
    paragraphs: [
      'Bác Rùa dặn: "Học bơi phải có người lớn ở bên, và chỉ bơi ở chỗ nước nông, nơi chân cháu chạm được đáy."',
      'Xanh tập đạp chân, tập thở, tập nổi. Lúc đầu Xanh sặc nước, nhưng bác Rùa luôn ở ngay bên cạnh. Đến chiều, Xanh đã bơi được một đoạn ngắn.',
    ],
  },
  {
    title: 'Chương 4. Bài học an toàn',
    paragraphs: [
      'Từ hôm đó, ngày nào Xanh cũng tập bơi cùng bác Rùa. Xanh nhớ mãi lời bác: không bơi một mình, không ra chỗ nước sâu, không đùa nghịch gần bờ ao khi không có người lớn.',
      'Cuối mùa hè, Xanh đã bơi giỏi. Xanh lại dạy các em ếch nhỏ hơn, và lần nào cũng nhắc lại bài học an toàn của bác Rùa.',
    ],
  },
];

export const handWashingScript =
  'Rửa tay đúng cách để phòng bệnh. Bước một, làm ướt tay bằng nước sạch. Bước hai, xoa xà phòng lên lòng bàn tay, mu bàn tay, các ngón tay và kẽ tay. Bước ba, chà kỹ ít nhất hai mươi giây. Bước bốn, rửa sạch dưới vòi nước. Bước năm, lau khô tay bằng khăn sạch. Hãy rửa tay trước khi ăn, sau khi đi vệ sinh và khi đi ngoài đường về nhà.';

export function localHistoryHtml(imageDataUrl: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Làng quê Minh Hòa xưa và nay</title>
<style>
  body { font-family: 'Noto Serif', 'DejaVu Serif', serif; max-width: 46em; margin: 0 auto; padding: 1.5em; line-height: 1.7; color: #1b262c; background: #fbf8f0; font-size: 1.2rem; }
  h1 { color: #7a3b1d; font-size: 2rem; margin-top: 0; }
  h2 { color: #17565e; }
  figure { margin: 1em 0; text-align: center; }
  figure img { max-width: 100%; border-radius: 8px; }
  figcaption { font-style: italic; color: #4a5560; }
  .note { background: #fff4d6; padding: .8em 1em; border-radius: 8px; }
</style>
</head>
<body>
<h1>Làng quê Minh Hòa xưa và nay</h1>
<p>Tài liệu giới thiệu do phòng đọc sách xã biên soạn để bà con và các em học sinh tìm hiểu về quê hương mình. Các địa danh trong tài liệu là ví dụ minh họa.</p>
<figure><img src="${imageDataUrl}" alt="Hình minh họa cánh đồng và mái đình làng"><figcaption>Cánh đồng trước cửa đình làng (hình minh họa)</figcaption></figure>
<h2>Đình làng và ngày hội</h2>
<p>Đình làng là nơi dân làng họp bàn việc chung và tổ chức lễ hội đầu xuân. Ngày hội có rước kiệu, thi nấu cơm, kéo co và hát đối đáp giữa các xóm.</p>
<h2>Nghề truyền thống</h2>
<p>Bên cạnh trồng lúa, nhiều gia đình giữ nghề đan lát tre nứa. Các sản phẩm rổ, rá, nong, nia từng được mang đi bán ở các chợ phiên trong vùng.</p>
<h2>Quê hương hôm nay</h2>
<p>Đường làng đã được bê tông hóa, trường học và trạm y tế được xây mới. Phòng đọc sách của xã mở cửa mỗi ngày, có máy tính để bà con tra cứu thông tin và học tập.</p>
<p class="note">Bà con có ảnh cũ, câu chuyện hay về làng xin gửi cho cán bộ văn hóa xã để bổ sung vào tài liệu này.</p>
</body>
</html>
`;
}
