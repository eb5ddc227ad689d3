"""Vietnamese demo content for contests: the rubric and the teams' ideas, drawn from the seed
plans (Đề án 1665 in Hải Phòng and Đồng Nai; seed 003's talent contests)."""

CONTEST_TITLE = "Học sinh, sinh viên với ý tưởng khởi nghiệp"
CONTEST_DESCRIPTION = (
    "Cuộc thi thuộc Đề án “Hỗ trợ học sinh, sinh viên khởi nghiệp đến năm 2025” (Đề án 1665), "
    "tổ chức theo các cấp: vòng trường → vòng Phòng GD&ĐT → vòng Sở GD&ĐT → chung kết toàn quốc "
    "trong Ngày hội khởi nghiệp quốc gia của học sinh, sinh viên. Mỗi nhóm từ 1 đến 5 học sinh "
    "có giáo viên hướng dẫn gửi ý tưởng bằng tiếng Việt: vấn đề, giải pháp, thị trường, đội ngũ "
    "và dự toán kinh phí.")

# (order, name, level code, days after load to the submission deadline, promote count)
ROUNDS = [
    (1, "Vòng trường", "school", 21, 2),
    (2, "Vòng Phòng GD&ĐT", "district_office", 49, 2),
    (3, "Vòng Sở GD&ĐT", "province_department", 77, 3),
    (4, "Chung kết toàn quốc", "ministry", 112, 3),
]

RUBRIC = [
    ("Tính mới, sáng tạo", "Ý tưởng mới hoặc cách làm mới so với sản phẩm, dịch vụ đang có.", 3),
    ("Tính khả thi", "Nguồn lực, kinh phí, kế hoạch thực hiện phù hợp với nhóm học sinh.", 3),
    ("Tác động xã hội", "Giải quyết vấn đề của cộng đồng, môi trường, người yếu thế.", 2),
    ("Trình bày", "Hồ sơ rõ ràng, thuyết trình mạch lạc, trả lời câu hỏi thuyết phục.", 2),
]

# key, school code, class code suffixes and learner numbers, mentor, submitted?, content
TEAMS = [
    {
        "key": "tuoi-nho-giot", "school": "HP-THPT-NQ", "mentor": "giaovien", "submit": True,
        "members": ["hocsinh", ("HP-THPT-NQ-12A1-2025-2026", 2),
                    ("HP-THPT-NQ-12A1-2025-2026", 3)],
        "title": "Hệ thống tưới nhỏ giọt thông minh cho vườn rau gia đình",
        "summary": "Bộ tưới nhỏ giọt dùng cảm biến độ ẩm đất và vi điều khiển giá rẻ, điều "
                   "khiển qua điện thoại, tiết kiệm 40% nước cho vườn rau hộ gia đình ven đô.",
        "problem": "Nhiều hộ trồng rau ở Thủy Nguyên tưới thủ công, tốn công và nước; mùa khô "
                   "rau dễ héo khi người lớn đi làm xa.",
        "solution": "Cảm biến độ ẩm + van điện từ + mạch ESP32; ứng dụng web nhắc lịch và báo "
                    "khi bể nước cạn. Bộ lắp đặt được trong 30 phút.",
        "market": "Hộ trồng rau sạch, vườn trường, hợp tác xã rau an toàn trên địa bàn.",
        "team_info": "Ba học sinh lớp 12A1 trong Câu lạc bộ STEM của trường.",
        "budget": [("Cảm biến độ ẩm đất", 10, 35000), ("Mạch ESP32", 5, 120000),
                   ("Van điện từ và ống nhỏ giọt", 5, 180000)],
    },
    {
        "key": "nong-san-bep-truong", "school": "HP-THPT-NQ", "mentor": "giaovien",
        "submit": True,
        "members": [("HP-THPT-NQ-12A2-2025-2026", 1), ("HP-THPT-NQ-12A2-2025-2026", 2)],
        "title": "Chợ nông sản sạch kết nối nông hộ với bếp ăn trường học",
        "summary": "Nền tảng đặt hàng rau, trứng, cá từ nông hộ có chứng nhận VietGAP cho bếp "
                   "ăn bán trú, truy xuất nguồn gốc bằng mã QR.",
        "problem": "Bếp ăn trường học khó tìm nguồn thực phẩm sạch ổn định, nông hộ nhỏ lại "
                   "bán qua nhiều khâu trung gian.",
        "solution": "Trang đặt hàng theo tuần, nông hộ xác nhận qua Zalo, mỗi lô hàng có mã QR.",
        "market": "Các trường mầm non, tiểu học có bán trú và nông hộ tại Hải Phòng.",
        "team_info": "Hai học sinh lớp 12A2, con em gia đình làm nông.",
        "budget": [("Tên miền và máy chủ 1 năm", 1, 1500000), ("In tem QR", 2000, 300)],
    },
    {
        "key": "tui-be-chuoi", "school": "HP-THCS-TN", "mentor": "giaovien.thcs", "submit": True,
        "members": [("HP-THCS-TN-9A-2025-2026", 3), ("HP-THCS-TN-9A-2025-2026", 4),
                    ("HP-THCS-TN-9A-2025-2026", 5)],
        "title": "Túi và hộp đựng thực phẩm từ bẹ chuối",
        "summary": "Ép bẹ chuối phế phẩm thành hộp, khay dùng một lần tự phân hủy, thay hộp "
                   "xốp ở căng tin và chợ quê.",
        "problem": "Hộp xốp, túi ni lông dùng một lần gây ô nhiễm; bẹ chuối bị bỏ đi sau thu "
                   "hoạch.",
        "solution": "Quy trình phơi, ép nhiệt bằng khuôn thủ công; sản phẩm phân hủy trong 2 "
                    "tháng.",
        "market": "Căng tin trường học, quán ăn, chợ truyền thống.",
        "team_info": "Ba học sinh lớp 9A, Câu lạc bộ khởi nghiệp của trường.",
        "budget": [("Khuôn ép nhôm", 2, 850000), ("Bẹ chuối thu mua", 200, 2000)],
    },
    {
        "key": "so-tay-huong-nghiep", "school": "HP-THCS-TN", "mentor": "giaovien.thcs",
        "submit": False,
        "members": [("HP-THCS-TN-8A-2025-2026", 1)],
        "title": "Sổ tay số hướng nghiệp cho học sinh nông thôn",
        "summary": "Bản nháp: video ngắn giới thiệu nghề do chính người lao động địa phương kể.",
        "problem": "", "solution": "", "market": "", "team_info": "", "budget": [],
    },
    {
        "key": "du-lich-cong-dong", "school": "DN-THCS-BH", "mentor": "giaovien.bienhoa",
        "submit": True,
        "members": [("DN-THCS-BH-9A1-2025-2026", 1), ("DN-THCS-BH-9A1-2025-2026", 2)],
        "title": "Tour trải nghiệm làng gốm Biên Hòa do học sinh dẫn",
        "summary": "Học sinh làm hướng dẫn viên nhí, giới thiệu nghề gốm truyền thống cho du "
                   "khách và học sinh các trường bạn.",
        "problem": "Nghề gốm truyền thống ít người trẻ biết đến, làng nghề thiếu khách.",
        "solution": "Tour nửa ngày: tham quan lò gốm, tự nặn sản phẩm, bán vé qua mạng xã hội.",
        "market": "Trường học trong tỉnh, gia đình có con nhỏ, khách du lịch cuối tuần.",
        "team_info": "Hai học sinh lớp 9A1 trường THCS Biên Hòa.",
        "budget": [("Đất sét và men", 1, 2000000), ("Áo đồng phục hướng dẫn viên", 6, 120000)],
    },
]

# Judges: (username, full name, unit key)
JUDGES = [
    ("giamkhao.truong", "Phan Thị Thu Hà", "HP-THPT-NQ"),
    ("giamkhao.thcs", "Đặng Quang Huy", "HP-THCS-TN"),
    ("giamkhao.phong", "Vũ Thị Ngọc Anh", "phong_tn"),
    ("giamkhao.so", "Trịnh Minh Đức", "so_hp"),
]
# round order → [(unit key, judge usernames)]
ASSIGNMENTS = {
    1: [("HP-THPT-NQ", ["giamkhao.truong"]), ("HP-THCS-TN", ["giamkhao.thcs"])],
    2: [("phong_tn", ["giamkhao.phong"])],
    3: [("so_hp", ["giamkhao.so", "giamkhao.phong"])],
}

TALENT_TITLE = "Tài năng số và sáng tạo khoa học công nghệ"
TALENT_DESCRIPTION = (
    "Cuộc thi tài năng số dành cho người học mọi lứa tuổi (lập trình, thiết kế đồ họa, "
    "robot), theo kế hoạch xây dựng xã hội học tập. Vòng trường và vòng Sở (chung kết).")
# The talent contest's final (Chung kết cấp Sở) is open for judging whenever the demo is loaded:
# (days before the load that entries closed, days after the load that judging closes).
TALENT_FINAL_JUDGING = (3, 45)

TALENT_ENTRIES = [
    ("HP-GDTX", ("HP-GDTX-12B-2025-2026", 1), "giaovien.gdtx",
     "Ứng dụng học chữ cho người lớn tuổi bằng giọng nói", [9, 8, 9, 8]),
    ("HP-GDTX", ("HP-GDTX-11B-2025-2026", 1), "giaovien.gdtx",
     "Robot phân loại rác từ vật liệu tái chế", [8, 9, 7, 7]),
    ("HP-GDTX", ("HP-GDTX-12B-2025-2026", 2), "giaovien.gdtx",
     "Bản đồ số di tích Hải Phòng cho học sinh", [7, 7, 8, 9]),
]
