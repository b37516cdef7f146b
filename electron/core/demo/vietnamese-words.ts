// Vietnamese vocabulary for generated demo records: written for this project, with full diacritics.
export const FAMILY_NAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Đoàn', 'Lương', 'Hà'] as const;
export const MIDDLE_NAMES = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Ngọc', 'Quang', 'Xuân', 'Thu', 'Kim', 'Bảo', 'Gia', 'Nhật', 'Phương'] as const;
export const GIVEN_NAMES = ['An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiền', 'Hòa', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Ngân', 'Nhung', 'Phúc', 'Phượng', 'Quân', 'Quỳnh', 'Sơn', 'Tâm', 'Thảo', 'Thắng', 'Thủy', 'Trang', 'Trung', 'Tuấn', 'Việt', 'Yến', 'Ánh', 'Đông', 'Ước', 'Ơn'] as const;

export const SUBJECTS = [
  'Nông nghiệp', 'Chăn nuôi', 'Trồng trọt', 'Thủy sản', 'Pháp luật', 'Sức khỏe', 'Y học cổ truyền', 'Thiếu nhi',
  'Truyện cổ tích', 'Văn học Việt Nam', 'Thơ', 'Lịch sử Việt Nam', 'Văn hóa dân gian', 'Kỹ năng sống', 'Giáo dục',
  'Khoa học phổ thông', 'Môi trường', 'Địa lý', 'Tin học', 'Kinh tế hộ gia đình', 'Du lịch', 'Ẩm thực', 'Tôn giáo tín ngưỡng',
  'Dân tộc thiểu số', 'Biển đảo', 'Phòng chống thiên tai', 'An toàn giao thông', 'Bình đẳng giới',
] as const;

export const PUBLISHERS = [
  'Nhà xuất bản Kim Đồng', 'Nhà xuất bản Trẻ', 'Nhà xuất bản Giáo dục Việt Nam', 'Nhà xuất bản Nông nghiệp',
  'Nhà xuất bản Tư pháp', 'Nhà xuất bản Y học', 'Nhà xuất bản Văn học', 'Nhà xuất bản Hội Nhà văn',
  'Nhà xuất bản Chính trị quốc gia Sự thật', 'Nhà xuất bản Phụ nữ Việt Nam', 'Nhà xuất bản Khoa học và Kỹ thuật',
  'Nhà xuất bản Văn hóa dân tộc', 'Nhà xuất bản Thanh niên', 'Nhà xuất bản Lao động',
] as const;

/** Title shapes: {topic} slots filled from TOPICS_BY_SUBJECT-independent noun phrases. */
export const TITLE_PATTERNS = [
  'Kỹ thuật {a}', 'Hướng dẫn {a} cho hộ gia đình', 'Sổ tay {a}', 'Hỏi đáp về {a}', '{b} và {c}', 'Những câu chuyện về {b}',
  'Em yêu {b}', 'Cẩm nang {a}', 'Tìm hiểu {a}', '{b} quê hương', 'Chuyện kể {b}', 'Bí quyết {a}', 'Giáo trình {a}',
  'Truyện {b}', '{b} trong đời sống', 'Bảo vệ {c}', 'Phòng bệnh {d}', 'Luật {e} và văn bản hướng dẫn', 'Tuổi thơ {b}',
  'Địa chí {f}', 'Lịch sử {f}', 'Văn hóa {g}', 'Lễ hội của {g}', 'Truyện cổ {g}', 'Dân ca {g}', 'Du lịch {f}', 'Ẩm thực {f}',
  'Tuyển tập truyện ngắn về {b}', 'Thơ viết về {b}', '{a}: hỏi và đáp', 'Kinh nghiệm {a} ở {f}', 'Người {f} kể chuyện {b}',
  'Làng nghề {h} ở {f}', 'Nghề {h} truyền thống', 'Sổ tay {h} cho thanh niên', 'Những tấm gương {i}', 'Học tập và làm theo {i}',
] as const;

export const TOPIC_A = [
  'trồng lúa nước', 'nuôi gà thả vườn', 'trồng cà phê', 'nuôi cá nước ngọt', 'chăm sóc cây ăn quả', 'làm vườn sinh thái',
  'sử dụng máy tính', 'nuôi ong lấy mật', 'trồng rau an toàn', 'ủ phân hữu cơ', 'chăm sóc trẻ nhỏ', 'sơ cứu ban đầu',
  'tiết kiệm điện', 'làm nước mắm', 'trồng hồ tiêu', 'dệt thổ cẩm', 'làm bánh chưng', 'bảo quản nông sản',
] as const;
export const TOPIC_B = [
  'đất nước', 'làng quê', 'biển đảo', 'núi rừng Tây Nguyên', 'dòng sông', 'mùa xuân', 'Hà Nội', 'Huế', 'Đồng bằng sông Cửu Long',
  'ông bà', 'mẹ hiền', 'thầy cô', 'bạn bè', 'người lính', 'cánh đồng', 'lễ hội', 'đêm trăng', 'con trâu', 'cây tre', 'chợ phiên',
] as const;
export const TOPIC_C = ['môi trường', 'rừng đầu nguồn', 'nguồn nước', 'di sản văn hóa', 'sức khỏe cộng đồng', 'quyền trẻ em', 'đa dạng sinh học'] as const;
export const TOPIC_D = ['sốt xuất huyết', 'tiểu đường', 'cao huyết áp', 'tay chân miệng', 'cúm mùa', 'suy dinh dưỡng'] as const;
export const TOPIC_E = ['đất đai', 'hôn nhân và gia đình', 'giao thông đường bộ', 'bảo vệ môi trường', 'trẻ em', 'lao động', 'hòa giải ở cơ sở'] as const;

export const TOPIC_F = [
  'Hà Giang', 'Cao Bằng', 'Lào Cai', 'Điện Biên', 'Lai Châu', 'Sơn La', 'Yên Bái', 'Tuyên Quang', 'Lạng Sơn', 'Thái Nguyên',
  'Phú Thọ', 'Bắc Giang', 'Quảng Ninh', 'Hải Dương', 'Hưng Yên', 'Thái Bình', 'Nam Định', 'Ninh Bình', 'Thanh Hóa', 'Nghệ An',
  'Hà Tĩnh', 'Quảng Bình', 'Quảng Trị', 'Thừa Thiên Huế', 'Quảng Nam', 'Quảng Ngãi', 'Bình Định', 'Phú Yên', 'Khánh Hòa',
  'Kon Tum', 'Gia Lai', 'Đắk Lắk', 'Đắk Nông', 'Lâm Đồng', 'Bình Phước', 'Tây Ninh', 'Đồng Nai', 'Long An', 'Tiền Giang',
  'Bến Tre', 'Trà Vinh', 'Vĩnh Long', 'Đồng Tháp', 'An Giang', 'Kiên Giang', 'Hậu Giang', 'Sóc Trăng', 'Bạc Liêu', 'Cà Mau',
] as const;
export const TOPIC_G = [
  'người Tày', 'người Thái', 'người Mường', 'người Khmer', 'người Hmông', 'người Nùng', 'người Dao', 'người Ê Đê', 'người Ba Na',
  'người Gia Rai', 'người Chăm', 'người Xơ Đăng', 'người Sán Dìu', 'người Cơ Ho', 'người Hà Nhì', 'người Lô Lô', 'người Kinh',
] as const;
export const TOPIC_H = ['gốm', 'dệt lụa', 'đan lát', 'mộc', 'rèn', 'làm nón', 'làm giấy dó', 'chạm bạc', 'làm hương', 'làm muối', 'đúc đồng', 'thêu ren'] as const;
export const TOPIC_I = ['người tốt việc tốt', 'thanh niên lập nghiệp', 'nông dân sản xuất giỏi', 'phụ nữ vượt khó', 'học sinh nghèo vượt khó', 'đạo đức Hồ Chí Minh'] as const;

export const VILLAGES = ['Thôn Đông', 'Thôn Tây', 'Thôn Thượng', 'Thôn Hạ', 'Tổ dân phố 1', 'Tổ dân phố 2', 'Bản Nà Khoang', 'Buôn Ea Sol'] as const;
