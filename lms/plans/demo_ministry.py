"""Seed 004 as demo data: the annex "Phân công nhiệm vụ triển khai thực hiện Kế hoạch năm 2023"
of Kế hoạch 237/KH-BGDĐT (22/02/2023), transcribed row by row. Lead units are departments of
the ministry (Vụ …, Báo GD&TĐ), which are not units of the demo tree: the task's unit is the
ministry and `lead_unit_name` keeps the department as the annex names it. Only obvious typing
slips of the scan are corrected (e.g. "Tiêu dự án" → "Tiểu dự án", "GDCTHSV" → "GDCTHSSV")."""

S1 = "I. Dự án 2: Đa dạng hóa sinh kế, phát triển các mô hình giảm nghèo"
S2 = "II. Tiểu dự án 1 - Dự án 6: Giảm nghèo về thông tin"
S3 = "III. Tiểu dự án 2 - Dự án 6: Truyền thông về giảm nghèo đa chiều"
S4 = ("IV. Tiểu dự án 1 - Dự án 7: Nâng cao năng lực cho đội ngũ cán bộ, giáo viên tại các "
      "cơ sở giáo dục phổ thông")
S5 = ("V. Tiểu dự án 1 - Dự án 7: Nâng cao năng lực cho sinh viên hộ nghèo, hộ cận nghèo mới "
      "thoát nghèo các kỹ năng khởi nghiệp, lập nghiệp tại địa phương")
S6 = "VI. Tiểu dự án 2 - Dự án 7: Giám sát đánh giá"
COOP = "Vụ GDCTHSSV, các đơn vị có liên quan"

# (section, number, task, lead (as written), cooperating (as written), timeframe, deadline,
#  deliverable)
TASKS = [
    (S1, "1", "Hướng dẫn các cơ sở đào tạo có các mô hình, dự án ý tưởng khởi nghiệp nhằm hỗ "
     "trợ đồng bào giải quyết sinh kế, việc làm giảm nghèo khả thi xây dựng dự án tham gia "
     "Chương trình", "Vụ GDCTHSSV", "Các đơn vị liên quan thuộc Bộ", "Tháng 02/2023",
     "2023-02-28", "Văn bản hướng dẫn"),
    (S1, "2", "Tổ chức xét duyệt dự án, kế hoạch của các cơ sở đào tạo", "Vụ GDCTHSSV",
     "Vụ KHTC; Các đơn vị liên quan thuộc Bộ", "Tháng 03/2023", "2023-03-31",
     "Các dự án được xét duyệt"),
    (S1, "3", "Phê duyệt giao nhiệm vụ cho các đơn vị triển khai thực hiện.", "Vụ GDCTHSSV",
     "Vụ KHTC; VP Bộ; Các đơn vị liên quan thuộc Bộ", "Tháng 03/2023", "2023-03-31",
     "Quyết định phê duyệt dự án"),
    (S1, "4", "Quản lý, theo dõi, giám sát quá trình tổ chức thực hiện", "Vụ GDCTHSSV",
     "Các cơ sở đào tạo", "Cả năm", "2023-12-31", "Báo cáo theo dõi, giám sát, đánh giá"),
    (S2, "1", "Xây dựng chuyên mục của Chương trình mục tiêu quốc gia giảm nghèo bền vững năm "
     "2023", "Báo GDĐTĐ", "Các Vụ GD MN; GD TH; GD TX", "01/2023-12/2023", "2023-12-31",
     "Các tin bài về Chương trình"),
    (S2, "2", "Tổ chức các Chương trình giao lưu trực tuyến với các nhóm đối tượng.",
     "Báo GDĐTĐ", "Các đơn vị có liên quan", "10/2023", "2023-10-31",
     "Các chương trình giao lưu được tổ chức"),
    (S2, "3", "Sản xuất, xuất bản ấn phẩm về thông tin và truyền thông trong CTMTQG Giảm nghèo "
     "bền vững năm 2023 nhằm nâng cao nhận thức năng lực về giảm nghèo cho các CBQL, GV, cha "
     "mẹ học sinh trong các cơ sở giáo dục Mầm non; Cơ sở giáo dục phổ thông, cơ sở giáo dục "
     "thường xuyên.", "Báo GDĐTĐ", "Các Vụ GD MN; GD TH; GD TX; GD TC", "11/2023",
     "2023-11-30", "Các ấn phẩm, bài viết"),
    (S2, "4", "Sản xuất mới các xuất bản phẩm cung cấp nội dung thiết yếu phục vụ việc xây "
     "dựng các mô hình giảm nghèo", "Vụ GDCTHSSV", "NXB Đại học Thái Nguyên", "10/2023",
     "2023-10-31", "Xuất bản phẩm điện tử; Xuất bản phẩm in."),
    (S3, "1", "Hoàn thiện tài liệu và tổ chức truyền thông nâng cao nhận thức về bữa ăn học "
     "đường, bảo đảm dinh dưỡng hợp lý, an toàn vệ sinh học đường cho học sinh thuộc các hộ "
     "nghèo, hộ cận nghèo, hộ mới thoát nghèo ở các xã, thôn vùng khó khăn, đặc biệt khó khăn",
     "Vụ GDTC", COOP, "8/2023", "2023-08-31", "- 02 Hoạt động truyền thông được tổ chức"),
    (S3, "2", "Hoàn thiện tài liệu và tổ chức truyền thông thay đổi nhận thức, hành vi về vệ "
     "sinh môi trường, vệ sinh cá nhân cho học sinh thuộc các hộ nghèo, hộ cận nghèo, hộ mới "
     "thoát nghèo ở các xã, thôn vùng khó khăn, đặc biệt khó khăn (dự kiến tại Lâm Đồng và "
     "Điện Biên)", "Vụ GDTC", "Các đơn vị có liên quan", "10/2023", "2023-10-31",
     "- 02 Hoạt động truyền thông được tổ chức"),
    (S3, "3", "Khảo sát xây dựng tài liệu truyền thông tuyên truyền về các tấm gương HSSV người "
     "dân tộc thiểu số có tinh thần vươn lên trong học tập để thoát nghèo.", "Vụ GDDT",
     "Các đơn vị có liên quan", "10/2023", "2023-10-31",
     "- Cuộc khảo sát được tổ chức\n- Hoàn thành tài liệu truyền thông"),
    (S3, "4", "Xây dựng tài liệu, ấn phẩm truyền thông tuyên truyền về các tấm gương sinh viên "
     "có tinh thần khởi nghiệp, lập nghiệp sau tốt nghiệp.", "Vụ GDCTHSSV",
     "Các đơn vị có liên quan", "10/2023", "2023-10-31",
     "- Các cuộc khảo sát được tổ chức;\n- Hoàn thành các tài liệu, ấn phẩm truyền thông."),
    (S3, "5", "Xây dựng tài liệu, ấn phẩm truyền thông truyền cảm hứng về khởi nghiệp, lập "
     "nghiệp cho sinh viên hộ nghèo, hộ cận nghèo và các tài liệu, ấn phẩm truyền thông về các "
     "chính sách cho học sinh, sinh viên hộ nghèo, cận nghèo, hộ mới thoát nghèo.",
     "Vụ GDCTHSSV", "Các đơn vị có liên quan", "05/2023 đến 11/2023", "2023-11-30",
     "Hoàn thành các ấn phẩm truyền thông về các chính sách cho HSSV"),
    (S3, "6", "Tổ chức xây dựng Clip tuyên truyền và tài liệu truyền thông nâng cao nhận thức "
     "cho cán bộ quản lý giáo viên, báo cáo viên, người dạy tại các Trung tâm học tập cộng "
     "đồng, Trung tâm giáo dục nghề nghiệp – giáo dục thường xuyên về kỹ năng khởi nghiệp, "
     "kinh doanh tạo việc làm cho các đối tượng nghèo, cận nghèo, hộ mới thoát nghèo",
     "Vụ GD TX", "Vụ GDCTHSSV và các đơn vị liên quan", "11/2023", "2023-11-30",
     "- 01 Clip tuyên truyền;\n- 01 tài liệu truyền thông."),
    (S4, "1", "Hội thảo, tập huấn hướng dẫn CBQL và GV MN tổ chức bữa ăn bảo đảm dinh dưỡng "
     "hợp lý và tăng cường hoạt động phát triển vận động cho trẻ tại các cơ sở giáo dục mầm "
     "non vùng khó khăn.", "Vụ GD MN", COOP, "10/2023", "2023-10-31",
     "- Tài liệu hướng dẫn được ban hành"),
    (S4, "2", "Hội thảo - tập huấn phát triển chương trình Giáo dục Mầm non để chuẩn bị cho trẻ "
     "sẵn sàng vào lớp 1 vùng khó khăn", "Vụ GD MN", COOP, "", None,
     "Các Hội thảo, tập huấn được tổ chức"),
    (S4, "3", "Xây dựng tài liệu, tổ chức tập huấn triển khai Chương trình Giáo dục phổ thông "
     "2018 cấp Tiểu học góp phần duy trì và nâng cao chất lượng phổ cập giáo dục tiểu học đối "
     "với đối tượng học sinh thuộc hộ nghèo, cận nghèo, hộ mới thoát nghèo thuộc vùng kinh tế "
     "- xã hội khó khăn, đặc biệt khó khăn", "Vụ GD TH", COOP, "10/2023", "2023-10-31",
     "- Tổ chức khảo sát;\n- Hoàn thành tài liệu tập huấn.\n- Tổ chức tập huấn"),
    (S4, "4", "Xây dựng tài liệu, tổ chức tập huấn nâng cao năng lực cho cán bộ quản lý và "
     "giáo viên về Chương trình Giáo dục phổ thông 2018 cấp tiểu học trong đổi mới công tác "
     "quản lý nhằm nâng cao chất lượng dạy học đối với đối tượng học sinh thuộc hộ nghèo, cận "
     "nghèo, hộ mới thoát nghèo thuộc vùng kinh tế - xã hội khó khăn, đặc biệt khó khăn",
     "Vụ GDTH", COOP, "11/2023", "2023-11-30",
     "- Hoàn thành tài liệu tập huấn.\n- Tổ chức tập huấn"),
    (S4, "5", "Xây dựng tài liệu và tổ chức tập huấn dành cho cán bộ quản lý giáo dục và giáo "
     "viên làm công tác giảm nghèo để tập huấn cho đối tượng hộ nghèo, hộ cận nghèo, hộ mới "
     "thoát nghèo về “đa dạng hóa các mô hình nâng cao nhận thức, di sản lịch sử, văn hóa gắn "
     "với phát triển kinh tế du lịch các địa phương”.", "Vụ GDTH", COOP, "8/2023",
     "2023-08-31", "- Khảo sát, biên soạn tài liệu.\n- Tổ chức tập huấn"),
    (S4, "6", "Hội thảo, tập huấn triển khai phát triển chương trình Giáo dục phổ thông cấp "
     "THCS các môn tích hợp (Lịch sử và Địa lý, Khoa học tự nhiên, Nghệ thuật) góp phần nâng "
     "cao chất lượng phổ cập giáo dục trung học cơ sở.", "Vụ GDTH", COOP, "11/2023",
     "2023-11-30", "- Biên soạn tài liệu.\n- Tổ chức tập huấn."),
    (S4, "7", "Nâng cao năng lực cho cán bộ quản lý và giáo viên về chương trình giáo dục phổ "
     "thông trong đổi mới công tác quản lý và tổ chức dạy học nâng cao trình độ nhận thức của "
     "đối tượng nghèo, hộ cận nghèo, hộ mới thoát nghèo trong sinh hoạt xã hội và phát triển "
     "kinh tế.", "Vụ GDTH", COOP, "8/2023", "2023-08-31",
     "- Hoàn thành tài liệu tập huấn.\n- Tổ chức tập huấn"),
    (S4, "8", "Tổ chức các lớp bồi dưỡng, tập huấn nâng cao năng lực về giảm nghèo cho cán bộ "
     "quản lý, báo cáo viên, người dạy tại các Trung tâm học tập cộng đồng nhằm nâng cao năng "
     "lực xây dựng chương trình đáp ứng nhu cầu của người học thuộc các nhóm đối tượng hộ "
     "nghèo, cận nghèo, hộ mới thoát nghèo", "Vụ GD TX", COOP, "10/2023", "2023-10-31",
     "- 02 lớp bồi dưỡng, tập huấn được tổ chức tại các địa phương."),
    (S5, "1", "Xây dựng công văn hướng dẫn các cơ sở đào tạo, tổng hợp số liệu sinh viên, tập "
     "hợp nhu cầu đào tạo bồi dưỡng", "Vụ GDCTHSSV", "Các cơ sở đào tạo", "01/2023",
     "2023-01-31", "Ban hành Công văn"),
    (S5, "2", "Tổng hợp báo cáo từ các cơ sở đào tạo xây dựng Kế hoạch tổ chức các lớp đào "
     "tạo, bồi dưỡng", "Vụ GDCTHSSV", "Các cơ sở đào tạo", "02/2023", "2023-02-28",
     "Kế hoạch được phê duyệt"),
    (S5, "3", "Tổ chức các lớp bồi dưỡng, tập huấn tại các cơ sở đào tạo", "Vụ GDCTHSSV",
     "Các cơ sở đào tạo", "02/2023-12/2023", "2023-12-31", "Các lớp tập huấn được tổ chức"),
    (S6, "1", "Xây dựng các báo cáo giám sát, đánh giá chương trình, báo cáo sơ kết, báo cáo "
     "định kỳ, báo cáo các hoạt động", "Vụ KH TC", "Các đơn vị liên quan", "12/2023",
     "2023-12-31", "- Các báo cáo được phê duyệt"),
    (S6, "2", "Tổ chức giám sát, đánh giá việc tổ chức thực hiện Chương trình tại các địa "
     "phương.", "Vụ GDCTHSSV", "Các đơn vị liên quan", "03/2023-12/2023", "2023-12-31",
     "- Hoàn thành các báo cáo"),
]

# Rows left unfinished in the demo (section number, task number) → status; the rest are done.
UNFINISHED = {("III", "3"): "in_progress", ("IV", "6"): "in_progress",
              ("IV", "2"): "not_started", ("VI", "1"): "not_started"}

PLAN = {
    "code": "kh-237-bgddt-2023", "symbol": "237/KH-BGDĐT", "unit": "bo", "issuer_name": "",
    "title": "Kế hoạch triển khai thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền "
             "vững của Bộ Giáo dục và Đào tạo năm 2023",
    "issued_on": "2023-02-22", "period": ("2023-01-01", "2023-12-31"),
    "summary": "Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 phê duyệt Chương trình mục "
               "tiêu quốc gia giảm nghèo bền vững giai đoạn 2021-2025; nhiệm vụ của Bộ thuộc "
               "Dự án 2, Tiểu dự án 1 và 2 (Dự án 6), Tiểu dự án 1 và 2 (Dự án 7). Duy trì tỉ "
               "lệ trẻ em hộ nghèo, cận nghèo đi học đúng độ tuổi 90%; 60% người lao động hộ "
               "nghèo, cận nghèo qua đào tạo, trong đó 25% có bằng cấp, chứng chỉ.",
    "document": "ke-hoach-giam-ngheo-ben-vung-bo-gddt-2023", "targets": ["GNBV-DT-60",
                                                                        "GNBV-CC-25"],
    "is_tracked": False,
}
