# ruff: noqa: E501
"""Demo library content: the five plans from ../shared/seeds (as PDFs) and self-study items."""

from typing import Any

SEEDS: list[dict[str, Any]] = [
    {"seed": "000_77cb584c6d9ef826.txt", "slug": "ho-tro-hoc-sinh-sinh-vien-khoi-nghiep",
     "title": "Hỗ trợ học sinh, sinh viên khởi nghiệp: mục tiêu và giải pháp của tỉnh",
     "publisher": "Sở Giáo dục và Đào tạo", "year": 2019, "programme": "startup",
     "audience": "teacher", "topics": ["khởi nghiệp", "kế hoạch"],
     "summary": "Mục tiêu đến năm 2021 mọi trường cao đẳng, trung cấp và THPT có kế hoạch hỗ "
                "trợ học sinh, sinh viên khởi nghiệp; đào tạo giáo viên và kết nối doanh nghiệp."},
    {"seed": "001_77035adcc536677f.txt", "slug": "ke-hoach-de-an-1665-hai-phong-2020",
     "title": "Kế hoạch triển khai Đề án 1665 “Hỗ trợ học sinh, sinh viên khởi nghiệp” — Hải Phòng 2020",
     "publisher": "Sở GD&ĐT Hải Phòng", "year": 2020, "programme": "startup",
     "audience": "teacher", "topics": ["khởi nghiệp", "Đề án 1665", "kế hoạch"],
     "summary": "Kế hoạch năm 2020 của ngành Giáo dục Hải Phòng: câu lạc bộ khởi nghiệp, cuộc "
                "thi “Học sinh, sinh viên với ý tưởng khởi nghiệp”, báo cáo định kỳ."},
    {"seed": "002_e78188a71efe3e8e.txt", "slug": "dao-tao-nhan-luc-cong-nghe-cao-dong-nai-2025",
     "title": "Kế hoạch đào tạo nguồn nhân lực công nghệ cao ngành Giáo dục Đồng Nai 2025",
     "publisher": "Sở GD&ĐT Đồng Nai", "year": 2025, "programme": "stem",
     "audience": "teacher", "topics": ["STEM", "kỹ năng số", "công nghệ cao", "kế hoạch"],
     "summary": "Đào tạo STEM, kỹ năng số và ngoại ngữ; 100% trường dùng nền tảng số; báo cáo "
                "trước ngày 15 tháng 12 hằng năm."},
    {"seed": "003_889d2710ef6369e1.txt", "slug": "xa-hoi-hoc-tap-tren-nen-tang-so-thai-binh",
     "title": "Giải pháp khuyến học, khuyến tài, xây dựng xã hội học tập trên nền tảng số ở Thái Bình",
     "publisher": "Hội Khuyến học tỉnh Thái Bình", "year": 2024, "programme": "digital",
     "audience": "adult", "topics": ["xã hội học tập", "chuyển đổi số", "thư viện số"],
     "summary": "Bảy giải pháp: nền tảng học trực tuyến, thư viện số miễn phí, khóa học kỹ năng "
                "số, kỹ năng sống, ngoại ngữ và khởi nghiệp cho mọi lứa tuổi."},
    {"seed": "004_055986f6a838bdc9.txt", "slug": "ke-hoach-giam-ngheo-ben-vung-bo-gddt-2023",
     "title": "Kế hoạch thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2023",
     "publisher": "Bộ Giáo dục và Đào tạo", "year": 2023, "programme": "livelihood",
     "audience": "teacher", "topics": ["giảm nghèo", "sinh kế", "khởi nghiệp", "kế hoạch"],
     "summary": "Đào tạo khởi nghiệp và sinh kế cho học sinh, sinh viên hộ nghèo, cận nghèo; "
                "bồi dưỡng giáo viên; theo dõi, đánh giá."},
]

EXTRA = [
    ("so-tay-khoi-nghiep-cho-hoc-sinh-thpt", "Sổ tay khởi nghiệp cho học sinh THPT", "guide",
     "startup", "upper_secondary", 2022, "Nhóm tác giả HọcMở", ["khởi nghiệp", "ý tưởng"],
     "Từ ý tưởng đến mô hình kinh doanh: tìm vấn đề, khảo sát khách hàng, lập kế hoạch tài chính "
     "đơn giản và thuyết trình ý tưởng trước ban giám khảo."),
    ("phieu-hoc-tap-mo-hinh-kinh-doanh-canvas", "Phiếu học tập: Mô hình kinh doanh Canvas",
     "worksheet", "startup", "upper_secondary", 2023, "Trần Thị Hạnh", ["khởi nghiệp"],
     "Phiếu điền 9 ô của mô hình Canvas cho dự án khởi nghiệp của nhóm: khách hàng, giá trị, "
     "kênh phân phối, doanh thu và chi phí."),
    ("bai-giang-robot-don-gian-tu-vat-lieu-tai-che", "Bài giảng số hóa: Robot đơn giản từ vật liệu tái chế",
     "lecture", "stem", "lower_secondary", 2024, "Lê Văn Nam", ["STEM", "robot"],
     "Video bài giảng hướng dẫn lắp robot chạy bằng động cơ nhỏ, pin và vỏ hộp sữa; an toàn "
     "điện và thử nghiệm."),
    ("ky-nang-so-co-ban-cho-nguoi-lon", "Kỹ năng số cơ bản cho người lớn tuổi", "guide",
     "digital", "adult", 2024, "Trung tâm học tập cộng đồng xã Đông Hưng", ["kỹ năng số", "an toàn mạng"],
     "Dùng điện thoại thông minh: gọi video, nhận tin Zalo, nhận biết tin nhắn lừa đảo, thanh "
     "toán không dùng tiền mặt an toàn."),
    ("an-toan-thong-tin-khi-hoc-truc-tuyen", "An toàn thông tin khi học trực tuyến", "document",
     "digital", "lower_secondary", 2023, "Nguyễn Thu Trang", ["kỹ năng số", "an toàn mạng"],
     "Đặt mật khẩu mạnh, không chia sẻ mã OTP, nhận diện đường link giả mạo và bảo vệ dữ liệu cá nhân."),
    ("huong-nghiep-nghe-nong-nghiep-cong-nghe-cao", "Hướng nghiệp: nghề nông nghiệp công nghệ cao",
     "book", "career", "upper_secondary", 2021, "Phạm Quốc Việt", ["hướng nghiệp", "nông nghiệp"],
     "Giới thiệu các nghề trồng trọt trong nhà màng, tưới nhỏ giọt, cảm biến độ ẩm; con đường "
     "học nghề tại các trường cao đẳng ở Đồng Nai và Hưng Yên."),
    ("tieng-anh-giao-tiep-hang-ngay", "Tiếng Anh giao tiếp hằng ngày", "book", "language",
     "all", 2020, "Đỗ Minh Châu", ["ngoại ngữ", "tiếng Anh"],
     "Những mẫu câu chào hỏi, hỏi đường, mua bán và giới thiệu bản thân, có phiên âm."),
    ("ky-nang-song-quan-ly-cam-xuc", "Kỹ năng sống: quản lý cảm xúc tuổi học trò", "guide",
     "life", "lower_secondary", 2022, "Vũ Thị Lan", ["kỹ năng sống"],
     "Nhận biết cảm xúc, hít thở sâu, chia sẻ với bạn bè và thầy cô, xử lý mâu thuẫn không bạo lực."),
    ("nuoi-trong-thuy-san-quy-mo-ho-gia-dinh", "Nuôi trồng thủy sản quy mô hộ gia đình", "guide",
     "livelihood", "adult", 2023, "Khuyến nông tỉnh Thái Bình", ["sinh kế", "thủy sản"],
     "Chọn giống, chuẩn bị ao, cho ăn và phòng bệnh cho cá rô phi, tôm càng xanh; ghi chép thu chi."),
    ("de-an-1665-hoi-dap", "Đề án 1665: hỏi đáp cho giáo viên", "document", "startup",
     "teacher", 2021, "Bộ Giáo dục và Đào tạo", ["khởi nghiệp", "Đề án 1665"],
     "Các câu hỏi thường gặp về tổ chức câu lạc bộ khởi nghiệp, cuộc thi ý tưởng và báo cáo "
     "kết quả thực hiện Đề án 1665."),
]
