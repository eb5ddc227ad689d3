"""Seeds 000–003 as demo plans. Hải Phòng 2020 (seed 001) lists its tasks in section III and
who does what in section V; Đồng Nai 2025 (seed 002) carries a "Bảng phân công nhiệm vụ";
seeds 000 and 003 are articles whose solutions are entered as tasks. Lead units that are
offices inside a department (Phòng GDTX-CN&ĐH, Phòng GDNN …) or bodies outside the demo tree
(Hội Khuyến học tỉnh Thái Bình) keep their name in `lead_unit_name`; the task's unit is the
department (or the ministry) that holds them. Schools named by the plan cooperate through
their demo units, so their heads can post their own updates."""

from typing import Any

HP_LEAD = "Phòng GDTX-CN&ĐH (Sở GD&ĐT)"
HP_SCHOOLS = "Các trường THCS, THPT và trung tâm GDNN-GDTX"
HP_I = "1. Công tác thông tin, truyền thông"
HP_II = "2. Hỗ trợ đào tạo khởi nghiệp"
HP_III = "3. Tạo môi trường hỗ trợ học sinh khởi nghiệp"
SCHOOL_UNITS = ["HP-THPT-NQ", "HP-GDTX", "phong_tn", "phong_ad"]

# (section, number, task, lead as written, cooperating as written, deliverable, coop unit keys)
HAI_PHONG_TASKS = [
    (HP_I, "1.1", "Tổ chức tiếp nhận và biên soạn (nếu có) các tài liệu, ấn phẩm phục vụ công "
     "tác truyền thông nâng cao nhận thức, trách nhiệm của các cấp, các ngành, nhà trường, doanh "
     "nghiệp đối với hoạt động khởi nghiệp của học sinh trên địa bàn thành phố Hải Phòng.",
     HP_LEAD, "Công đoàn ngành giáo dục, Phòng Chính trị tư tưởng, Văn phòng Sở",
     "Tài liệu, ấn phẩm truyền thông", []),
    (HP_I, "1.2", "Huy động sự tham gia của các cơ quan truyền thông, các doanh nghiệp trong "
     "việc xây dựng, triển khai các chuyên mục, chuyên đề tuyên truyền về hoạt động hỗ trợ học "
     "sinh khởi nghiệp; vận hành các kênh truyền thông trên mạng xã hội, báo chí, truyền hình.",
     HP_LEAD, "Công đoàn ngành giáo dục, Phòng Chính trị tư tưởng, Văn phòng Sở",
     "Chuyên mục, chuyên đề tuyên truyền", []),
    (HP_I, "1.3", "Tuyên truyền, phổ biến để giáo viên, học sinh biết, khai thác, cập nhật "
     "thông tin, kiến thức trên các cổng thông tin: http://www.congkhoinghiep.vn; "
     "http://deanl665.vn và Fanpage của Chương trình: "
     "https://www.facebook.com/khoinghiepquocgiaHSSV.", HP_LEAD,
     "Phòng GD&ĐT các quận/huyện; các trường THPT, trung tâm GDNN-GDTX", "", SCHOOL_UNITS),
    (HP_II, "2.1", "Xây dựng đội ngũ cán bộ làm công tác tư vấn, hỗ trợ học sinh khởi nghiệp "
     "tại các trường trung học cơ sở, trung học phổ thông và các trung tâm giáo dục nghề nghiệp "
     "- giáo dục thường xuyên và tổ chức các khóa đào tạo, bồi dưỡng, nâng cao trình độ đối "
     "với đội ngũ cán bộ này; khuyến khích các cá nhân có kiến thức, kinh nghiệm về khởi nghiệp "
     "tình nguyện tham gia công tác tư vấn, hỗ trợ học sinh tại các nhà trường.", HP_LEAD,
     HP_SCHOOLS, "Đội ngũ cán bộ tư vấn, hỗ trợ học sinh khởi nghiệp", SCHOOL_UNITS),
    (HP_II, "2.2", "Tổ chức đào tạo, tập huấn các kiến thức cơ bản về khởi nghiệp cho đội ngũ "
     "cán bộ, giáo viên hướng nghiệp tại các trường trung học cơ sở, trung học phổ thông và các "
     "trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên.", HP_LEAD, HP_SCHOOLS,
     "Các lớp tập huấn được tổ chức", SCHOOL_UNITS),
    (HP_II, "2.3", "Tham gia biên soạn, tổ chức biên soạn (nếu có) và tiếp nhận bộ tài liệu "
     "cung cấp kiến thức, kỹ năng khởi nghiệp cho học sinh, sinh viên, tài liệu đào tạo cán bộ "
     "tư vấn hỗ trợ học sinh, sinh viên khởi nghiệp, tài liệu đào tạo giáo viên hướng nghiệp.",
     HP_LEAD, "", "Bộ tài liệu khởi nghiệp", []),
    (HP_II, "2.4", "Tổ chức và phối hợp tổ chức các khóa đào tạo, học tập, giao lưu, tọa đàm "
     "trao đổi kinh nghiệm quốc tế cho học sinh và đội ngũ cán bộ tư vấn hỗ trợ học sinh, sinh "
     "viên khởi nghiệp trong các nhà trường.", HP_LEAD, HP_SCHOOLS,
     "Các chương trình tọa đàm chia sẻ kinh nghiệm về khởi nghiệp", SCHOOL_UNITS),
    (HP_II, "2.5", "Tăng cường tổ chức các hoạt động thăm quan, trải nghiệm, thực tập tại doanh "
     "nghiệp tạo điều kiện cho học sinh được tiếp xúc với các hoạt động sản xuất kinh doanh của "
     "doanh nghiệp.", HP_SCHOOLS, "Các doanh nghiệp trên địa bàn thành phố", "", SCHOOL_UNITS),
    (HP_III, "3.1", "Các trường trung học cơ sở, trung học phổ thông và các trung tâm giáo dục "
     "nghề nghiệp - giáo dục thường xuyên thành lập Câu lạc bộ khởi nghiệp theo các ngành nghề, "
     "lĩnh vực khác nhau như: Khởi sự kinh doanh, khởi sự doanh nghiệp, đổi mới sáng tạo; số "
     "hóa giáo dục; các câu lạc bộ khoa học kỹ thuật về vật liệu, tự động hóa, STEM… qua đó hỗ "
     "trợ các ý tưởng, đề án khởi nghiệp của học sinh trong nhà trường và kêu gọi đầu tư, hỗ "
     "trợ, giúp đỡ của các trường cao đẳng, đại học đặc biệt là các doanh nghiệp.", HP_SCHOOLS,
     "Các trường cao đẳng, đại học, doanh nghiệp", "Câu lạc bộ khởi nghiệp của mỗi trường",
     SCHOOL_UNITS),
    (HP_III, "3.2", "Kịp thời cung cấp dữ liệu, tài liệu, thông tin về các hoạt động hỗ trợ học "
     "sinh, sinh viên khởi nghiệp cho cổng thông tin của ngành và cổng thông tin khởi nghiệp "
     "đổi mới sáng tạo quốc gia.", HP_LEAD, HP_SCHOOLS, "", SCHOOL_UNITS),
    (HP_III, "3.3", "Chủ động liên kết hoạt động của tổ chức Đoàn Thanh niên Cộng sản Hồ Chí "
     "Minh, Hiệp hội Doanh nghiệp, cựu học sinh để thúc đẩy các hoạt động khởi nghiệp của học "
     "sinh trong các trường trung học cơ sở, trung học phổ thông và các trung tâm giáo dục nghề "
     "nghiệp - giáo dục thường xuyên.", HP_SCHOOLS,
     "Đoàn Thanh niên, Hiệp hội Doanh nghiệp, cựu học sinh", "", SCHOOL_UNITS),
    (HP_III, "3.4", "Phối hợp các doanh nghiệp chủ động đặt các vấn đề về đổi mới, sáng tạo để "
     "học sinh có định hướng xây dựng dự án, ý tưởng khởi nghiệp.", HP_SCHOOLS,
     "Các doanh nghiệp", "", SCHOOL_UNITS),
    (HP_III, "3.5", "Tổ chức cuộc thi “Học sinh với ý tưởng khởi nghiệp” theo các cấp tại Hải "
     "Phòng qua đó lựa chọn các ý tưởng, đề án khởi nghiệp xuất sắc tham dự vòng chung kết diễn "
     "ra tại Thành phố Hồ Chí Minh, trong sự kiện Ngày Hội khởi nghiệp quốc gia của HSSV năm "
     "2020.", HP_LEAD, HP_SCHOOLS, "Cuộc thi cấp thành phố; các ý tưởng xuất sắc dự vòng "
     "chung kết", SCHOOL_UNITS),
]

HAI_PHONG = {
    "code": "kh-de-an-1665-hai-phong-2020", "symbol": "", "unit": "so_hp",
    "issuer_name": "Sở Giáo dục và Đào tạo Hải Phòng",
    "title": "Kế hoạch triển khai Đề án “Hỗ trợ học sinh, sinh viên khởi nghiệp đến năm 2025” "
             "của ngành Giáo dục Hải Phòng năm 2020",
    "issued_on": None, "period": ("2020-04-16", "2020-12-31"),
    "summary": "Thực hiện Quyết định 1665/QĐ-TTg, Quyết định 1230/QĐ-BGDĐT, Kế hoạch "
               "270/KH-UBND và Kế hoạch 239/KH-BGDĐT. Mục tiêu: 100% trường THCS, THPT và "
               "trung tâm GDNN-GDTX có kế hoạch hỗ trợ học sinh khởi nghiệp; ít nhất 90% học "
               "sinh được tuyên truyền, trang bị kiến thức, kỹ năng khởi nghiệp; tổ chức cuộc "
               "thi “Học sinh với ý tưởng khởi nghiệp”. Văn bản không ghi số và thời hạn từng "
               "nhiệm vụ: thời hạn là hết năm 2020.",
    "document": "ke-hoach-de-an-1665-hai-phong-2020",
    "targets": ["HP-KN-THPT-100", "DA1665-KN-90"], "is_tracked": True,
}

DN_LEAD = {"GDPT": "Phòng GDPT-GDTX", "GDNN": "Phòng GDNN", "QLCL": "Phòng QLCL",
           "TCCB": "Phòng TCCB", "KHTC": "Phòng KH-TC", "VP": "Văn phòng Sở"}
DN_REPORT = "Báo cáo trước ngày 15/12/2025"
# (number, target/task, lead, cooperating as written, target code, coop unit keys)
DONG_NAI_TASKS = [
    ("1", "Tỷ lệ 25% HS tốt nghiệp THPT theo học các ngành STEM (trong đó 5% khoa học cơ bản, "
     "15% công nghệ số)", DN_LEAD["GDPT"],
     "Phòng GDNN; Phòng QLCL; các cơ sở giáo dục phổ thông.", None, ["DN-THCS-BH"]),
    ("2", "100% HS tốt nghiệp THPT, CĐ, TC được trang bị kiến thức nền tảng về công nghệ số, kỹ "
     "năng CNTT, sáng tạo, ngoại ngữ, khởi nghiệp", "Phòng GDPT-GDTX; Phòng GDNN",
     "Phòng TCCB; Phòng QLCL; các cơ sở giáo dục phổ thông, các trường CĐ, TC.",
     "DN-SO-TN-100", ["DN-THCS-BH"]),
    ("3", "100% cơ sở GDPT, CĐ, TC kết nối ứng dụng nền tảng số trong quản lý, dạy học, đánh "
     "giá.", DN_LEAD["QLCL"], "Văn phòng Sở; Phòng KH-TC; các cơ sở giáo dục phổ thông", None,
     ["DN-THCS-BH"]),
    ("4", "Đào tạo, bồi dưỡng tối thiểu 50 người/năm trong lĩnh vực công nghệ cao (CNTT, AI, "
     "công nghệ sinh học…)", DN_LEAD["GDNN"], "Phòng TCCB; các trường CĐ, TC", "DN-CNC-50", []),
    ("5", "Ít nhất 70% học viên sau đào tạo có việc làm phù hợp ngành nghề hoặc được DN tiếp "
     "nhận thực tập", DN_LEAD["GDNN"], "Phòng GDPT-GDTX; các trường CĐ, TC; doanh nghiệp", None,
     []),
    ("6", "Ít nhất 50% CT đào tạo nghề công nghệ cao được rà soát, cập nhật theo chuẩn quốc "
     "gia, tiếp cận chuẩn quốc tế", DN_LEAD["GDNN"], "Phòng QLCL; các trường CĐ, TC", None, []),
    ("7", "Bồi dưỡng 100 lượt GV, giảng viên, CBQL giáo dục về công nghệ số, chuyển đổi số, "
     "công nghệ cao", DN_LEAD["TCCB"],
     "Phòng GDNN; Phòng GDPT-GDTX; các cơ sở giáo dục phổ thông", None, ["DN-THCS-BH"]),
    ("8", "Triển khai chính sách học bổng, tín dụng học tập, hỗ trợ khởi nghiệp cho HS, SV "
     "theo học ngành công nghệ cao", DN_LEAD["KHTC"],
     "Phòng GDNN; Phòng GDPT-GDTX; các trường CĐ, TC", None, []),
    ("9", "Xây dựng hệ thống tư vấn hướng nghiệp, giới thiệu việc làm trực tuyến",
     DN_LEAD["VP"], "Phòng GDNN; Phòng GDPT-GDTX; Trung tâm DVVL tỉnh; doanh nghiệp", None, []),
]

DONG_NAI = {
    "code": "kh-nhan-luc-cong-nghe-cao-dong-nai-2025", "symbol": "…/KH-SGDĐT", "unit": "so_dn",
    "issuer_name": "Sở Giáo dục và Đào tạo tỉnh Đồng Nai",
    "title": "Kế hoạch triển khai thực hiện Đề án đào tạo nguồn nhân lực phục vụ phát triển "
             "công nghệ cao giai đoạn 2025-2035, định hướng đến năm 2045 trên địa bàn tỉnh "
             "Đồng Nai",
    "issued_on": None, "period": ("2025-09-01", "2035-12-31"),
    "summary": "Thực hiện Kế hoạch số 51/KH-UBND ngày 13/8/2025 của UBND tỉnh Đồng Nai. Ban "
               "hành tháng 9/2025 (văn bản mẫu không ghi số). Các cơ sở giáo dục phổ thông, "
               "trường cao đẳng, trung cấp báo cáo kết quả trước ngày 15 tháng 12 hằng năm "
               "(qua Phòng Giáo dục nghề nghiệp).",
    "document": "dao-tao-nhan-luc-cong-nghe-cao-dong-nai-2025",
    "targets": ["DN-SO-TN-100", "DN-CNC-50"], "is_tracked": True,
}

KN = "Sở Giáo dục và Đào tạo; các trường cao đẳng, trung cấp, THPT, trung tâm GDNN - GDTX"
# (task, lead as written, deliverable)
STARTUP_TASKS = [
    ("Tổ chức đào tạo và tập huấn, bồi dưỡng kiến thức về khởi nghiệp cho đội ngũ cán bộ, nhà "
     "giáo, người làm công tác tư vấn hướng nghiệp, hỗ trợ học sinh, sinh viên khởi nghiệp; tổ "
     "chức các hoạt động giao lưu, tọa đàm trao đổi kinh nghiệm.", KN,
     "20% giáo viên phổ thông được trang bị kiến thức về quản lý tài chính, hướng nghiệp và "
     "khởi nghiệp"),
    ("Cung cấp tài liệu về kiến thức, kỹ năng khởi nghiệp cho học sinh, sinh viên; tài liệu "
     "đào tạo cán bộ tư vấn, hỗ trợ học sinh, sinh viên khởi nghiệp, tài liệu đào tạo giáo viên "
     "hướng nghiệp.", KN, "Bộ tài liệu khởi nghiệp"),
    ("Các trường cao đẳng, trung cấp xây dựng các chuyên đề về khởi nghiệp và đưa vào chương "
     "trình đào tạo theo hướng bắt buộc hoặc tự chọn.", "Các trường cao đẳng, trung cấp",
     "100% trường cao đẳng, trung cấp có kế hoạch hỗ trợ học sinh, sinh viên khởi nghiệp"),
    ("Kết nối trường THPT với các doanh nghiệp trên địa bàn tỉnh để đưa học sinh đến trải "
     "nghiệm thực tế về hướng nghiệp - khởi nghiệp.", "Các trường THPT",
     "Ít nhất 30% trường THPT kết nối được với doanh nghiệp"),
    ("Tăng cường cơ sở vật chất cho các trung tâm (khoa, phòng, bộ phận) hỗ trợ học sinh, sinh "
     "viên khởi nghiệp trong các trường cao đẳng, trung cấp, các trung tâm GDNN - GDTX.", KN,
     ""),
    ("Huy động sự tham gia của các cơ quan truyền thông, báo chí Trung ương và địa phương vào "
     "việc xây dựng, triển khai các chuyên mục, chuyên đề tuyên truyền về hoạt động, các mô "
     "hình hỗ trợ học sinh, sinh viên khởi nghiệp.", KN, "Chuyên mục, chuyên đề tuyên truyền"),
    ("Biểu dương, khen thưởng, tôn vinh các tập thể, cá nhân có đóng góp tích cực cho hoạt "
     "động khởi nghiệp của học sinh, sinh viên.", KN, ""),
    ("Xây dựng hệ thống quản lý đào tạo khởi nghiệp online nhằm tuyên truyền, cập nhật các kiến "
     "thức, hình ảnh, kết quả học tập của học sinh tới phụ huynh học sinh.", KN,
     "Hệ thống quản lý đào tạo khởi nghiệp trực tuyến"),
]

STARTUP = {
    "code": "ho-tro-hssv-khoi-nghiep-den-2021", "symbol": "", "unit": "bo",
    "issuer_name": "Sở Giáo dục và Đào tạo (tỉnh không nêu tên trong văn bản)",
    "title": "Hỗ trợ học sinh, sinh viên khởi nghiệp: mục tiêu và giải pháp của tỉnh đến năm "
             "2021",
    "issued_on": None, "period": ("2019-01-01", "2021-12-31"),
    "summary": "Bài viết về mục tiêu đến năm 2021: 100% trường cao đẳng, trung cấp có kế hoạch "
               "hỗ trợ học sinh, sinh viên khởi nghiệp; 100% học sinh, sinh viên được tiếp cận "
               "kiến thức khởi nghiệp; ít nhất 30% trường THPT kết nối với doanh nghiệp. Văn "
               "bản không nêu tên tỉnh nên kế hoạch do Bộ theo dõi như tài liệu tham khảo.",
    "document": "ho-tro-hoc-sinh-sinh-vien-khoi-nghiep", "targets": ["DA1665-KN-90"],
    "is_tracked": False,
}

TB = "Hội Khuyến học tỉnh Thái Bình"
# (solution = section, tasks under it)
THAI_BINH_TASKS = [
    ("1. Phát triển đồng bộ hạ tầng công nghệ thông tin", [
        "Đầu tư mạng lưới internet tốc độ cao: Đảm bảo các khu vực nông thôn, vùng xa được kết "
        "nối internet, giúp người học, người dân và cộng đồng dễ dàng tiếp cận tài nguyên học "
        "tập trực tuyến.",
        "Trang bị thiết bị công nghệ cho trường học, trung tâm giáo dục thường xuyên, trung tâm "
        "học tập cộng đồng: Máy tính, bảng tương tác thông minh, phần mềm học tập ...",
        "Ứng dụng dữ liệu lớn (Big Data): Hỗ trợ quản lý hồ sơ người học theo dõi tiến trình học "
        "tập và đưa ra những giải pháp cá nhân hóa trong học tập."]),
    ("2. Xây dựng các nền tảng học trực tuyến", [
        "Phát triển hệ thống e-learning: xây dựng một nền tảng học trực tuyến, tích hợp kho bài "
        "giảng đa dạng và các công cụ hỗ trợ giảng dạy, học tập.",
        "Phổ biến các ứng dụng học tập: Hỗ trợ người học sử dụng các nền tảng AI, K12Online, "
        "Google Classroom, Microsoft Teams một cách hiệu quả.",
        "Xây dựng thư viện số miễn phí: Tập hợp sách, tài liệu, bài giảng số hóa, hướng dẫn tự "
        "học, tự làm, ... để người học, người dân có nhu cầu học tập dễ dàng tiếp cận."]),
    ("3. Nâng cao trình độ công nghệ thông tin, kĩ năng số và kỹ năng mềm cho cán bộ và nhân "
     "dân", [
        "Mở các khóa học, hội thảo về công nghệ thông tin, cách sử dụng phần mềm học tập để cán "
        "bộ, giáo viên, người dân tham gia áp dụng có hiệu quả trong tập huấn, truyền thông về "
        "giáo dục số.",
        "Sử dụng Zalo, SMS hoặc hệ thống quản lý học tập trực tuyến; đưa nội dung công nghệ và "
        "an toàn mạng vào chương trình học tập cộng đồng để rèn luyện kỹ năng số.",
        "Liên kết với các cơ sở giáo dục chất lượng cao và doanh nghiệp: Mời chuyên gia, giáo "
        "viên hỗ trợ, tập huấn, hướng nghề nghiệp, hướng dẫn lập nghiệp và ứng dụng công nghệ "
        "số cho người dân.",
        "Tổ chức hội thảo, tuyên truyền về lợi ích của chuyển đổi số và học tập suốt đời."]),
    ("4. Phát hiện và bồi dưỡng tài năng", [
        "Thành lập các câu lạc bộ khoa học kĩ thuật, các trung tâm chuyển giao công nghệ và "
        "chuyển đổi số sáng tạo ... trong trường học, trong cộng đồng.",
        "Tổ chức các cuộc thi tài năng số và sáng tạo khoa học công nghệ: lập trình, thiết kế "
        "đồ họa, Robocom ...",
        "Xây dựng quỹ học bổng và phần thưởng hỗ trợ người học, người lao động có thành tích "
        "xuất sắc trong nghiên cứu khoa học và sáng tạo công nghệ.",
        "Xây dựng các trung tâm hỗ trợ khởi nghiệp, đặc biệt trong lĩnh vực công nghệ thông "
        "tin, công nghệ số, công nghệ tuần hoàn."]),
    ("5. Đẩy mạnh phong trào học tập suốt đời và xây dựng xã hội học tập", [
        "Tổ chức các khóa học trực tuyến miễn phí hoặc chi phí thấp cho người dân ở mọi lứa "
        "tuổi để khuyến khích học tập suốt đời.",
        "Cung cấp các khóa học kỹ năng sống, kỹ năng số, ngoại ngữ, khởi nghiệp và phát triển "
        "các trung tâm học tập cộng đồng trên nền tảng số.",
        "Tận dụng mạng xã hội Facebook, YouTube và các kênh trực tuyến để tuyên truyền lợi ích "
        "của học tập suốt đời."]),
    ("6. Lan tỏa các mô hình học tập tiêu biểu", [
        "Lan toả các mô hình Công dân học tập, Gia đình học tập, Dòng họ học tập, Đơn vị học "
        "tập, Cộng đồng học tập; ghi nhận, tuyên dương các cá nhân và cộng đồng tiêu biểu."]),
    ("7. Phối hợp chặt chẽ giữa các cấp chính quyền, nhà trường, gia đình, doanh nghiệp và hệ "
     "thống tổ chức hội khuyến học các cấp trong chuyển đổi số", [
        "Phối hợp chặt chẽ giữa các cấp chính quyền, nhà trường, gia đình, doanh nghiệp và hệ "
        "thống tổ chức hội khuyến học các cấp trong chuyển đổi số."]),
]

THAI_BINH: dict[str, Any] = {
    "code": "xa-hoi-hoc-tap-so-thai-binh", "symbol": "", "unit": "bo", "issuer_name": TB,
    "title": "Giải pháp khuyến học, khuyến tài, xây dựng xã hội học tập trên nền tảng số ở "
             "tỉnh Thái Bình",
    "issued_on": None, "period": ("2024-01-01", None),
    "summary": "Bảy giải pháp xây dựng xã hội học tập trên nền tảng số — “nhiệm vụ cấp bách và "
               "chiến lược lâu dài”, văn bản không nêu thời hạn. Tỉnh Thái Bình không có trong "
               "cây đơn vị mẫu nên Bộ theo dõi; đơn vị chủ trì ghi theo văn bản.",
    "document": "xa-hoi-hoc-tap-tren-nen-tang-so-thai-binh", "targets": [], "is_tracked": False,
}
