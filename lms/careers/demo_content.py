"""Demo occupation profiles, chosen for the seeds' priorities (high-tech agriculture, digital
skills, automation, logistics around Long Thành airport, community tourism, garment work).
Wages are indicative demo figures, not official statistics."""

# slug, title, RIASEC, wage min, wage max (VND/month), summary, description, skills,
# training paths, local employers, course slugs, library item slugs
OCCUPATIONS = [
    ("ky-thuat-vien-nong-nghiep-cong-nghe-cao", "Kỹ thuật viên nông nghiệp công nghệ cao", "RIC",
     7_000_000, 12_000_000,
     "Vận hành nhà màng, tưới nhỏ giọt, thủy canh và cảm biến để trồng rau, hoa, trái cây sạch.",
     "<p>Theo dõi cây trồng bằng cảm biến độ ẩm, nhiệt độ; pha dinh dưỡng; vận hành hệ thống "
     "tưới tự động; ghi nhật ký sản xuất để truy xuất nguồn gốc.</p>",
     "<ul><li>Hiểu biết về cây trồng, đất và dinh dưỡng</li><li>Sử dụng điện thoại, bảng tính "
     "để ghi chép số liệu</li><li>Cẩn thận, chịu khó làm việc ngoài trời</li></ul>",
     "<ul><li>Trung cấp, cao đẳng ngành trồng trọt, bảo vệ thực vật</li><li>Khóa ngắn hạn tại "
     "trung tâm GDNN-GDTX và hợp tác xã</li></ul>",
     "<p>Hợp tác xã và trang trại công nghệ cao ở Thủy Nguyên (Hải Phòng), các vùng rau, cây ăn "
     "quả ở Đồng Nai.</p>",
     ["huong-nghiep", "stem-robot-don-gian"], ["huong-nghiep-nghe-nong-nghiep-cong-nghe-cao"]),
    ("lap-trinh-vien", "Lập trình viên", "ICR", 10_000_000, 25_000_000,
     "Viết phần mềm, ứng dụng di động và trang web cho doanh nghiệp và cơ quan nhà nước.",
     "<p>Phân tích yêu cầu, viết và kiểm thử mã nguồn, sửa lỗi, làm việc nhóm theo quy trình; "
     "nhiều vị trí tập sự nhận người đã có sản phẩm nhỏ của riêng mình.</p>",
     "<ul><li>Tư duy logic, giải quyết vấn đề</li><li>Tiếng Anh đọc tài liệu</li><li>Kiên nhẫn "
     "tìm lỗi, làm việc nhóm</li></ul>",
     "<ul><li>Cao đẳng, đại học công nghệ thông tin</li><li>Khóa lập trình ngắn hạn kèm dự án "
     "thực tế</li></ul>",
     "<p>Doanh nghiệp phần mềm, doanh nghiệp FDI trong khu công nghiệp, cơ quan chuyển đổi số "
     "của tỉnh.</p>",
     ["ky-nang-so-co-ban", "stem-robot-don-gian"], ["an-toan-thong-tin-khi-hoc-truc-tuyen"]),
    ("tho-dien-cong-nghiep", "Thợ điện công nghiệp", "RCI", 8_000_000, 14_000_000,
     "Lắp đặt, vận hành và bảo trì hệ thống điện trong nhà xưởng, khu công nghiệp.",
     "<p>Đọc bản vẽ điện, đi dây, lắp tủ điện, kiểm tra và sửa chữa động cơ, bảo đảm an toàn "
     "điện cho dây chuyền sản xuất.</p>",
     "<ul><li>Khéo tay, cẩn thận, tuân thủ quy trình an toàn</li><li>Đọc bản vẽ kỹ thuật</li>"
     "<li>Sức khỏe tốt</li></ul>",
     "<ul><li>Trung cấp, cao đẳng điện công nghiệp</li><li>Học nghề tại doanh nghiệp (vừa học "
     "vừa làm có lương)</li></ul>",
     "<p>Các khu công nghiệp Đình Vũ, Tràng Duệ (Hải Phòng) và Amata, Nhơn Trạch (Đồng Nai).</p>",
     ["stem-robot-don-gian"], []),
    ("nhan-vien-thuong-mai-dien-tu", "Nhân viên thương mại điện tử", "ECA", 7_000_000, 15_000_000,
     "Bán hàng trên sàn thương mại điện tử và mạng xã hội, chăm sóc khách hàng trực tuyến.",
     "<p>Chụp ảnh, viết mô tả sản phẩm, quản lý gian hàng, đơn hàng và phản hồi của khách; "
     "phù hợp cả với việc tự kinh doanh nông sản, đặc sản địa phương.</p>",
     "<ul><li>Giao tiếp, thuyết phục</li><li>Kỹ năng số: ảnh, video ngắn, bảng tính</li>"
     "<li>Trung thực, đúng hẹn với khách</li></ul>",
     "<ul><li>Khóa kỹ năng số và khởi nghiệp</li><li>Trung cấp, cao đẳng thương mại, "
     "marketing</li></ul>",
     "<p>Doanh nghiệp bán lẻ, hợp tác xã nông sản, hộ kinh doanh tại Hải Phòng và Đồng Nai.</p>",
     ["ky-nang-so-co-ban", "khoi-nghiep-cho-hoc-sinh"], ["so-tay-khoi-nghiep-cho-hoc-sinh-thpt"]),
    ("huong-dan-vien-du-lich-cong-dong", "Hướng dẫn viên du lịch cộng đồng", "SEA",
     6_000_000, 12_000_000,
     "Đưa khách trải nghiệm làng nghề, homestay và di tích ở địa phương.",
     "<p>Thiết kế hành trình, thuyết minh về lịch sử, văn hóa, ẩm thực; phối hợp với hộ dân làm "
     "dịch vụ; giữ an toàn cho đoàn khách.</p>",
     "<ul><li>Giao tiếp, kể chuyện hấp dẫn</li><li>Ngoại ngữ giao tiếp</li><li>Hiểu biết văn "
     "hóa địa phương</li></ul>",
     "<ul><li>Trung cấp, cao đẳng du lịch</li><li>Bồi dưỡng ngắn hạn có thẻ hướng dẫn viên "
     "tại điểm</li></ul>",
     "<p>Khu du lịch Cát Bà, Đồ Sơn (Hải Phòng), các điểm du lịch sinh thái ở Đồng Nai.</p>",
     ["khoi-nghiep-cho-hoc-sinh", "huong-nghiep"], ["tieng-anh-giao-tiep-hang-ngay"]),
    ("tho-may-cong-nghiep", "Thợ may công nghiệp", "RCA", 6_000_000, 10_000_000,
     "Vận hành máy may công nghiệp trong dây chuyền may mặc, giày da.",
     "<p>Cắt, may, hoàn thiện sản phẩm theo mẫu; kiểm tra chất lượng đường may; đổi mẫu nhanh "
     "khi dây chuyền chuyển đơn hàng.</p>",
     "<ul><li>Khéo tay, tỉ mỉ</li><li>Làm việc theo nhóm, đúng giờ</li><li>Chịu được áp lực "
     "năng suất</li></ul>",
     "<ul><li>Học nghề sơ cấp 3 tháng tại doanh nghiệp hoặc trung tâm GDNN-GDTX</li>"
     "<li>Trung cấp công nghệ may, thiết kế thời trang</li></ul>",
     "<p>Các doanh nghiệp may mặc, giày da trong khu công nghiệp ở Đồng Nai và Hải Phòng.</p>",
     ["huong-nghiep"], []),
    ("nhan-vien-kho-van-logistics", "Nhân viên kho vận – logistics", "CER",
     8_000_000, 13_000_000,
     "Quản lý hàng hóa ra vào kho, lập chứng từ, điều phối giao nhận.",
     "<p>Nhập số liệu trên phần mềm quản lý kho, kiểm đếm, sắp xếp hàng, phối hợp vận chuyển "
     "tới cảng biển và Cảng hàng không quốc tế Long Thành.</p>",
     "<ul><li>Cẩn thận với số liệu</li><li>Sử dụng bảng tính, phần mềm quản lý</li><li>Tiếng "
     "Anh chuyên ngành cơ bản</li></ul>",
     "<ul><li>Trung cấp, cao đẳng logistics, quản trị kinh doanh</li><li>Khóa ngắn hạn nghiệp vụ "
     "kho, xuất nhập khẩu</li></ul>",
     "<p>Cảng Hải Phòng, khu công nghiệp Đình Vũ; các trung tâm logistics quanh Long Thành.</p>",
     ["ky-nang-so-co-ban"], []),
    ("ky-thuat-vien-tu-dong-hoa", "Kỹ thuật viên tự động hóa – robot", "RIE",
     10_000_000, 18_000_000,
     "Lắp đặt, lập trình và bảo trì robot, dây chuyền tự động trong nhà máy.",
     "<p>Cài đặt cảm biến, bộ điều khiển PLC, lập trình robot gắp thả; tìm và sửa lỗi để dây "
     "chuyền chạy liên tục.</p>",
     "<ul><li>Nền tảng toán, vật lý</li><li>Tư duy hệ thống, tìm lỗi</li><li>Đọc tài liệu "
     "tiếng Anh</li></ul>",
     "<ul><li>Cao đẳng, đại học cơ điện tử, tự động hóa</li><li>Chương trình kỹ sư thực hành "
     "chất lượng cao</li></ul>",
     "<p>Nhà máy điện tử, ô tô, cơ khí chính xác ở Hải Phòng và Đồng Nai.</p>",
     ["stem-robot-don-gian"], ["bai-giang-robot-don-gian-tu-vat-lieu-tai-che"]),
    ("dieu-duong-vien", "Điều dưỡng viên", "SIR", 8_000_000, 14_000_000,
     "Chăm sóc người bệnh tại bệnh viện, trạm y tế và tại nhà.",
     "<p>Theo dõi dấu hiệu sinh tồn, thực hiện y lệnh, hướng dẫn người bệnh và gia đình chăm "
     "sóc sức khỏe.</p>",
     "<ul><li>Tận tâm, kiên nhẫn</li><li>Giao tiếp, lắng nghe</li><li>Kiến thức sinh học</li>"
     "</ul>",
     "<ul><li>Cao đẳng, đại học điều dưỡng</li></ul>",
     "<p>Bệnh viện, trung tâm y tế, trạm y tế xã/phường.</p>",
     ["huong-nghiep"], ["ky-nang-song-quan-ly-cam-xuc"]),
    ("nha-thiet-ke-do-hoa", "Nhà thiết kế đồ họa", "AEI", 8_000_000, 18_000_000,
     "Thiết kế hình ảnh, bao bì, ấn phẩm và nội dung số cho doanh nghiệp.",
     "<p>Lên ý tưởng, dựng hình bằng phần mềm đồ họa, làm việc với khách hàng để hoàn thiện "
     "logo, bao bì sản phẩm OCOP, bài đăng mạng xã hội.</p>",
     "<ul><li>Óc thẩm mỹ, sáng tạo</li><li>Sử dụng phần mềm đồ họa</li><li>Lắng nghe khách "
     "hàng</li></ul>",
     "<ul><li>Cao đẳng, đại học thiết kế đồ họa, mỹ thuật ứng dụng</li><li>Khóa ngắn hạn kèm "
     "hồ sơ sản phẩm</li></ul>",
     "<p>Công ty quảng cáo, in ấn, doanh nghiệp thương mại điện tử; làm tự do.</p>",
     ["ky-nang-so-co-ban", "khoi-nghiep-cho-hoc-sinh"], []),
]

# key, name, fictitious tax code, unit key, address, contact, phone, account username, approved
EMPLOYERS = [
    ("dien", "Công ty TNHH Kỹ thuật Điện Cát Hải (dữ liệu mẫu)", "0299000001", "so_hp",
     "KCN Đình Vũ, Hải Phòng", "Phạm Văn Long", "0225 3800 001", "ntd.dien", True),
    ("htx", "HTX Nông nghiệp công nghệ cao Thủy Nguyên (dữ liệu mẫu)", "0299000002", "phong_tn",
     "Thủy Nguyên, Hải Phòng", "Nguyễn Thị Hoa", "0225 3800 002", "ntd.htx", True),
    ("logistics", "Công ty CP Logistics Long Thành Xanh (dữ liệu mẫu)", "3699000003", "so_dn",
     "Long Thành, Đồng Nai", "Trần Minh Đức", "0251 3800 003", "ntd.dongnai", True),
    ("may", "Xưởng may Minh Khai (dữ liệu mẫu, chờ duyệt)", "0299000004", "so_hp",
     "Hồng Bàng, Hải Phòng", "Lê Thị Thu", "0225 3800 004", "ntd.choduyet", False),
]

# employer key, title, kind, occupation slug, location, wage min, wage max, days to deadline,
# description, requirements, required course slugs
POSTINGS = [
    ("dien", "Thợ điện công nghiệp (học nghề có lương)", "apprenticeship", "tho-dien-cong-nghiep",
     "KCN Đình Vũ, Hải Phòng", 5_500_000, 7_000_000, 45,
     "Học nghề 6 tháng cùng thợ bậc cao: đi dây, lắp tủ điện, bảo trì động cơ. Có lương học "
     "việc, hết khóa được xét ký hợp đồng.",
     "Tốt nghiệp THCS trở lên, từ đủ 18 tuổi, sức khỏe tốt.", []),
    ("dien", "Kỹ thuật viên bảo trì điện", "job", "tho-dien-cong-nghiep", "KCN Đình Vũ, Hải Phòng",
     9_000_000, 12_000_000, 30, "Bảo trì hệ thống điện nhà xưởng theo ca.",
     "Có chứng chỉ nghề điện hoặc đã hoàn thành học nghề.", []),
    ("htx", "Kỹ thuật viên nhà màng thủy canh", "job", "ky-thuat-vien-nong-nghiep-cong-nghe-cao",
     "Thủy Nguyên, Hải Phòng", 7_000_000, 10_000_000, 40,
     "Vận hành hệ thống tưới, pha dinh dưỡng, ghi nhật ký sản xuất rau thủy canh.",
     "Chăm chỉ, thích làm nông nghiệp; được đào tạo thêm tại HTX.", []),
    ("htx", "Thực tập bán nông sản trực tuyến", "apprenticeship", "nhan-vien-thuong-mai-dien-tu",
     "Thủy Nguyên, Hải Phòng", 3_000_000, 4_000_000, 35,
     "Chụp ảnh sản phẩm, quản lý gian hàng trên sàn thương mại điện tử của HTX.",
     "Đã hoàn thành khóa Kỹ năng số cơ bản trên HọcMở.", ["ky-nang-so-co-ban"]),
    ("logistics", "Nhân viên kho vận", "job", "nhan-vien-kho-van-logistics", "Long Thành, Đồng Nai",
     8_000_000, 11_000_000, 50, "Nhập xuất hàng, kiểm đếm, lập chứng từ giao nhận.",
     "Tốt nghiệp THPT, dùng được bảng tính.", []),
    ("logistics", "Lập trình viên tập sự", "apprenticeship", "lap-trinh-vien", "Biên Hòa, Đồng Nai",
     6_000_000, 8_000_000, 60, "Tham gia phát triển phần mềm quản lý kho cùng nhóm kỹ sư.",
     "Có sản phẩm lập trình nhỏ (trang web, ứng dụng, robot).", []),
]
