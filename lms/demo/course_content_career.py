"""Demo course: Hướng nghiệp (programme "career").

Pure data, no Django imports. Imported by lms.demo.course_content.
"""

from typing import Any

COURSE: dict[str, Any] = {
    "slug": "huong-nghiep",
    "title": "Hướng nghiệp",
    "title_en": "Career Guidance",
    "programme": "career",
    "audience": "Học sinh lớp 9 và THPT",
    "level": "beginner",
    "estimated_hours": 4,
    "intro": (
        "Chọn nghề là một trong những quyết định quan trọng nhất của tuổi trẻ, nhưng em không cần "
        "quyết định một mình hay vội vàng. Khóa học giúp em hiểu bản thân, tìm hiểu thế giới nghề "
        "nghiệp và nhu cầu lao động ở địa phương, so sánh các con đường sau THCS và THPT, rồi tự lập "
        "một kế hoạch nghề nghiệp cụ thể."
    ),
    "lessons": [
        # ------------------------------------------------------------------
        {
            "slug": "hieu-ban-than",
            "title": "Hiểu bản thân: sở thích, năng lực, giá trị",
            "estimated_minutes": 30,
            "required": True,
            "body": [
                ("paragraph",
                 "<p>Người ta thường khuyên “hãy chọn nghề mình thích”. Nhưng thích thôi chưa đủ. Một lựa "
                 "chọn nghề vững vàng nằm ở chỗ giao nhau của ba vòng tròn: <strong>điều em thích</strong>, "
                 "<strong>điều em làm tốt</strong> và <strong>điều xã hội cần</strong>. Bài học này giúp em "
                 "nhìn rõ hai vòng tròn đầu tiên.</p>"),
                ("heading", "Bốn câu hỏi về bản thân"),
                ("paragraph",
                 "<ul>"
                 "<li><strong>Sở thích</strong>: em hay làm gì khi rảnh rỗi mà quên cả thời gian? Sửa đồ, "
                 "vẽ, chăm cây, nấu ăn, đọc sách, chơi thể thao, trò chuyện với mọi người?</li>"
                 "<li><strong>Năng lực</strong>: môn học nào em học tốt? Việc gì bạn bè hay nhờ em giúp?</li>"
                 "<li><strong>Tính cách</strong>: em thích làm việc một mình hay theo nhóm, trong nhà hay "
                 "ngoài trời, theo quy trình rõ ràng hay luôn thay đổi?</li>"
                 "<li><strong>Giá trị</strong>: điều gì quan trọng với em: thu nhập ổn định, được giúp đỡ "
                 "người khác, được sáng tạo, được ở gần gia đình?</li>"
                 "</ul>"),
                ("heading", "Sáu nhóm sở thích nghề nghiệp"),
                ("paragraph",
                 "<p>Nhà tâm lý học John Holland chia sở thích nghề nghiệp thành sáu nhóm. Phần lớn chúng ta "
                 "mạnh ở hai, ba nhóm:</p>"
                 "<ul>"
                 "<li><strong>Kỹ thuật</strong> (R): thích làm việc với máy móc, dụng cụ, cây trồng, vật nuôi.</li>"
                 "<li><strong>Nghiên cứu</strong> (I): thích tìm hiểu, quan sát, giải bài toán khó.</li>"
                 "<li><strong>Nghệ thuật</strong> (A): thích sáng tạo, tự do thể hiện.</li>"
                 "<li><strong>Xã hội</strong> (S): thích dạy học, chăm sóc, giúp đỡ người khác.</li>"
                 "<li><strong>Quản lý</strong> (E): thích thuyết phục, lãnh đạo, kinh doanh.</li>"
                 "<li><strong>Nghiệp vụ</strong> (C): thích công việc có trật tự, sổ sách, số liệu.</li>"
                 "</ul>"),
                ("callout", {
                    "kind": "tip",
                    "text": "Hãy làm một bài trắc nghiệm sở thích nghề nghiệp do thầy cô hướng nghiệp giới "
                            "thiệu, sau đó hỏi thêm ý kiến của ít nhất hai người hiểu em (cha mẹ, bạn thân, "
                            "giáo viên chủ nhiệm). Kết quả trắc nghiệm chỉ là gợi ý, không phải lời phán quyết.",
                }),
                ("callout", {
                    "kind": "note",
                    "text": "Sở thích và năng lực thay đổi theo thời gian và qua trải nghiệm. Em nên tự đánh "
                            "giá lại vào đầu mỗi năm học.",
                }),
                ("quote", {
                    "text": "Biết người biết ta, trăm trận trăm thắng.",
                    "attribution": "Binh pháp Tôn Tử",
                }),
            ],
        },
        # ------------------------------------------------------------------
        {
            "slug": "the-gioi-nghe-nghiep-va-thi-truong-lao-dong",
            "title": "Thế giới nghề nghiệp và thị trường lao động địa phương",
            "estimated_minutes": 35,
            "required": True,
            "body": [
                ("paragraph",
                 "<p>Có hàng nghìn nghề khác nhau, nhiều nghề em chưa từng nghe tên: kỹ thuật viên bảo trì "
                 "robot, chuyên viên logistics, kỹ thuật viên nông nghiệp công nghệ cao, điều phối viên du "
                 "lịch cộng đồng… Tìm hiểu nghề là trả lời được: <em>người làm nghề này làm gì mỗi ngày, cần "
                 "học gì, làm ở đâu, thu nhập thế nào và cơ hội trong tương lai ra sao?</em></p>"),
                ("heading", "Những xu hướng đang thay đổi nghề nghiệp"),
                ("paragraph",
                 "<ul>"
                 "<li><strong>Chuyển đổi số</strong>: hầu hết mọi nghề, từ bán hàng đến trồng trọt, đều cần kỹ "
                 "năng dùng công nghệ.</li>"
                 "<li><strong>Tự động hóa</strong>: những việc lặp lại dần do máy làm; người lao động cần biết "
                 "vận hành, bảo trì máy.</li>"
                 "<li><strong>Kinh tế xanh</strong>: năng lượng tái tạo, xử lý rác thải, nông nghiệp hữu cơ tạo "
                 "thêm việc làm mới.</li>"
                 "<li><strong>Công nghiệp và dịch vụ</strong> tại các khu công nghiệp, cảng, sân bay cần nhiều "
                 "thợ kỹ thuật, nhân viên có tay nghề và ngoại ngữ.</li>"
                 "</ul>"),
                ("heading", "Tìm hiểu thị trường lao động ở quê em"),
                ("paragraph",
                 "<p>Thị trường lao động là nơi gặp nhau giữa người cần tuyển người và người cần việc. Để biết "
                 "địa phương đang cần nghề gì, em có thể:</p>"
                 "<ul>"
                 "<li>Xem thông tin tuyển dụng của trung tâm dịch vụ việc làm của tỉnh và các sàn giao dịch "
                 "việc làm;</li>"
                 "<li>Tham gia hội chợ việc làm, ngày hội tư vấn tuyển sinh, chuyến tham quan doanh nghiệp do "
                 "nhà trường tổ chức;</li>"
                 "<li>Hỏi cán bộ xã, hợp tác xã về những ngành đang phát triển như du lịch, chế biến nông sản;</li>"
                 "<li>Hỏi người thân đang làm việc ở khu công nghiệp về vị trí nào luôn thiếu người.</li>"
                 "</ul>"),
                ("callout", {
                    "kind": "tip",
                    "text": "Phỏng vấn nghề: chọn một người đang làm nghề em quan tâm và hỏi năm câu: Một ngày "
                            "làm việc của anh/chị thế nào? Điều gì vui nhất, vất vả nhất? Cần học gì, học ở "
                            "đâu? Thu nhập khởi điểm khoảng bao nhiêu? Lời khuyên cho người mới?",
                }),
                ("callout", {
                    "kind": "warning",
                    "text": "Cẩn thận với quảng cáo tuyển dụng “việc nhẹ lương cao”, yêu cầu đóng tiền trước "
                            "hay giữ giấy tờ tùy thân. Đó thường là dấu hiệu lừa đảo hoặc mua bán người. "
                            "Hãy hỏi ý kiến cha mẹ, thầy cô trước khi nhận bất kỳ lời mời nào.",
                }),
            ],
        },
        # ------------------------------------------------------------------
        {
            "slug": "con-duong-sau-thcs",
            "title": "Các con đường sau khi tốt nghiệp THCS",
            "estimated_minutes": 30,
            "required": True,
            "body": [
                ("paragraph",
                 "<p>Tốt nghiệp lớp 9 là lần đầu tiên em đứng trước ngã rẽ lớn. Vào lớp 10 THPT là một lựa "
                 "chọn tốt, nhưng <strong>không phải con đường duy nhất</strong>. Chọn đúng hướng phù hợp "
                 "với năng lực và hoàn cảnh sẽ giúp em tiết kiệm thời gian, tiền bạc và tự tin hơn.</p>"),
                ("heading", "Bốn hướng chính"),
                ("paragraph",
                 "<ul>"
                 "<li><strong>Trường THPT</strong>: học văn hóa 3 năm, thi tốt nghiệp, sau đó học tiếp đại "
                 "học, cao đẳng hoặc học nghề. Phù hợp với em thích học lý thuyết và có định hướng học lên cao.</li>"
                 "<li><strong>Trung tâm GDNN-GDTX</strong>: học chương trình giáo dục thường xuyên cấp THPT, "
                 "nhiều nơi cho học thêm một nghề ngắn hạn cùng lúc.</li>"
                 "<li><strong>Trường trung cấp, cao đẳng</strong>: học trình độ trung cấp khoảng 2–3 năm, vừa "
                 "học nghề vừa học các môn văn hóa. Ra trường có thể đi làm ngay hoặc học liên thông lên cao "
                 "đẳng, đại học.</li>"
                 "<li><strong>Đào tạo sơ cấp, học nghề tại doanh nghiệp</strong>: khóa học vài tháng, phù hợp "
                 "với em cần đi làm sớm để phụ giúp gia đình.</li>"
                 "</ul>"),
                ("callout", {
                    "kind": "note",
                    "text": "Nhà nước có nhiều chính sách hỗ trợ học nghề sau THCS, như miễn hoặc giảm học phí, "
                            "hỗ trợ cho học sinh dân tộc thiểu số, học sinh thuộc hộ nghèo, cận nghèo. Chính "
                            "sách cụ thể thay đổi theo thời gian; hãy hỏi giáo viên chủ nhiệm hoặc phòng "
                            "tuyển sinh của trường để biết thông tin mới nhất.",
                }),
                ("heading", "Câu chuyện của Hoa"),
                ("paragraph",
                 "<p>Hoa học lớp 9 ở một xã vùng cao, giỏi Công nghệ, thích nấu ăn nhưng ngại các môn lý "
                 "thuyết. Sau buổi tham quan một trường cao đẳng du lịch, Hoa chọn học trung cấp nấu ăn, vừa "
                 "học nghề vừa học văn hóa. Hai năm sau, Hoa thực tập ở một khu du lịch cộng đồng trong tỉnh "
                 "và được giữ lại làm việc. Hoa dự định vừa làm vừa học liên thông lên cao đẳng quản trị "
                 "nhà hàng. Con đường của Hoa không “thấp” hơn ai, chỉ là <em>phù hợp</em> với Hoa.</p>"),
                ("callout", {
                    "kind": "tip",
                    "text": "Lập bảng so sánh ít nhất hai lựa chọn theo các tiêu chí: thời gian học, chi phí, "
                            "khoảng cách từ nhà, cơ hội việc làm, khả năng học tiếp. Cùng cha mẹ xem bảng "
                            "này trước khi nộp hồ sơ tuyển sinh lớp 10.",
                }),
            ],
        },
        # ------------------------------------------------------------------
        {
            "slug": "con-duong-sau-thpt",
            "title": "Các con đường sau khi tốt nghiệp THPT",
            "estimated_minutes": 30,
            "required": True,
            "body": [
                ("paragraph",
                 "<p>Sau lớp 12, các lựa chọn còn đa dạng hơn. Điều quan trọng là chọn dựa trên thông tin và "
                 "kế hoạch của chính mình, không chỉ vì “bạn bè đều thi đại học” hay vì một ngành đang được "
                 "nhiều người nhắc tới.</p>"),
                ("heading", "Các hướng đi phổ biến"),
                ("paragraph",
                 "<ul>"
                 "<li><strong>Đại học</strong> (thường 4–5 năm, có ngành lâu hơn): phù hợp với nghề cần nền tảng "
                 "lý thuyết sâu như y khoa, sư phạm, kỹ sư, luật.</li>"
                 "<li><strong>Cao đẳng</strong> (khoảng 2–3 năm): chú trọng thực hành, nhiều ngành kỹ thuật, "
                 "công nghệ, điều dưỡng, du lịch được doanh nghiệp tuyển dụng nhiều; có thể học liên thông.</li>"
                 "<li><strong>Trung cấp, sơ cấp</strong>: thời gian ngắn, sớm có tay nghề để đi làm.</li>"
                 "<li><strong>Đi làm kết hợp học tập</strong>: vừa làm vừa học văn bằng hai, học trực tuyến, "
                 "học các chứng chỉ kỹ năng.</li>"
                 "<li><strong>Thực hiện nghĩa vụ quân sự</strong>, thi vào các trường quân đội, công an.</li>"
                 "<li><strong>Tự khởi nghiệp</strong> hoặc tham gia phát triển kinh tế gia đình, hợp tác xã.</li>"
                 "</ul>"),
                ("heading", "Chọn ngành, chọn trường thế nào?"),
                ("paragraph",
                 "<p>Hãy đi theo thứ tự <strong>nghề → ngành → trường</strong>: trước hết xác định nghề muốn "
                 "làm, sau đó tìm ngành học dẫn tới nghề đó, cuối cùng mới so sánh các trường. Khi so sánh "
                 "trường, hãy xem chương trình đào tạo, cơ hội thực tập, tỷ lệ sinh viên có việc làm sau tốt "
                 "nghiệp, học phí, học bổng và chi phí sinh hoạt.</p>"),
                ("callout", {
                    "kind": "tip",
                    "text": "Chỉ tin thông tin tuyển sinh trên trang web chính thức của trường và của Bộ Giáo "
                            "dục và Đào tạo. Nên đăng ký nhiều nguyện vọng, xếp theo thứ tự ưu tiên thật của em.",
                }),
                ("callout", {
                    "kind": "note",
                    "text": "Nhiều doanh nghiệp hiện nay đánh giá cao kỹ năng thực tế, ngoại ngữ và thái độ "
                            "làm việc không kém bằng cấp. Dù chọn con đường nào, em cũng cần học tập suốt đời.",
                }),
                ("quote", {
                    "text": "Không có nghề nào thấp kém, chỉ có người làm nghề chưa hết lòng.",
                    "attribution": "Lời khuyên của một giáo viên hướng nghiệp",
                }),
            ],
        },
        # ------------------------------------------------------------------
        {
            "slug": "lap-ke-hoach-nghe-nghiep",
            "title": "Lập kế hoạch nghề nghiệp cá nhân",
            "estimated_minutes": 35,
            "required": True,
            "body": [
                ("paragraph",
                 "<p>Bây giờ em đã hiểu bản thân hơn, biết thêm về các nghề và các con đường học tập. Bước "
                 "cuối cùng là viết ra một <strong>kế hoạch nghề nghiệp</strong>: bản đồ đi từ hôm nay đến "
                 "công việc em mong muốn. Kế hoạch viết ra giấy giúp em nhớ mục tiêu và biết bắt đầu từ đâu.</p>"),
                ("heading", "Năm phần của kế hoạch"),
                ("paragraph",
                 "<ul>"
                 "<li><strong>Mục tiêu nghề nghiệp</strong>: nghề em muốn làm trong khoảng 5–10 năm tới.</li>"
                 "<li><strong>Lý do</strong>: nghề đó phù hợp với sở thích, năng lực, giá trị của em ra sao; "
                 "địa phương và xã hội có cần không.</li>"
                 "<li><strong>Con đường học tập</strong>: học gì, ở đâu, trong bao lâu, chi phí khoảng bao nhiêu.</li>"
                 "<li><strong>Việc cần làm ngay</strong> trong năm học này: môn học cần cố gắng, kỹ năng cần rèn, "
                 "câu lạc bộ nên tham gia, người nên hỏi chuyện.</li>"
                 "<li><strong>Kế hoạch dự phòng</strong>: nếu không đạt được lựa chọn thứ nhất thì em sẽ làm gì.</li>"
                 "</ul>"),
                ("heading", "Đặt mục tiêu SMART"),
                ("paragraph",
                 "<p>Mỗi việc cần làm nên là một mục tiêu <strong>SMART</strong>: <em>cụ thể</em>, <em>đo lường "
                 "được</em>, <em>khả thi</em>, <em>liên quan</em> đến mục tiêu nghề nghiệp và <em>có thời hạn</em>. "
                 "Ví dụ, thay vì “học giỏi tiếng Anh”, hãy viết: “Mỗi tối học 15 từ vựng về du lịch, đến hết "
                 "học kỳ I đạt điểm kiểm tra tiếng Anh từ 7 trở lên.”</p>"),
                ("callout", {
                    "kind": "tip",
                    "text": "Chia sẻ kế hoạch với cha mẹ và giáo viên chủ nhiệm. Khi mọi người hiểu mục tiêu "
                            "của em, họ sẽ biết cách hỗ trợ, ví dụ giới thiệu người quen làm nghề đó hoặc "
                            "cùng em đi tham quan trường.",
                }),
                ("callout", {
                    "kind": "note",
                    "text": "Kế hoạch nghề nghiệp không phải bản hợp đồng. Hãy xem lại vào cuối mỗi học kỳ và "
                            "điều chỉnh khi em phát hiện điều mới về bản thân hoặc về thị trường lao động.",
                }),
                ("quote", {
                    "text": "Đường đi khó, không khó vì ngăn sông cách núi, mà khó vì lòng người ngại núi "
                            "e sông.",
                    "attribution": "Nguyễn Bá Học",
                }),
            ],
        },
    ],
}
