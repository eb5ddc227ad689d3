"""Demo course: STEM: Robot đơn giản (programme "stem").

Pure data, no Django imports. Imported by lms.demo.course_content.
"""

from typing import Any

COURSE: dict[str, Any] = {
    "slug": "stem-robot-don-gian",
    "title": "STEM: Robot đơn giản",
    "title_en": "STEM: Simple Robots",
    "programme": "stem",
    "audience": "Học sinh THCS (lớp 8–9) và THPT",
    "level": "intermediate",
    "estimated_hours": 5,
    "intro": (
        "Robot không chỉ có trong phim khoa học viễn tưởng: chúng đang làm việc trong các nhà máy ở "
        "khu công nghiệp, trên cánh đồng và ngay trong nhà em. Khóa học giải thích robot cảm nhận, "
        "suy nghĩ và hành động như thế nào, rồi hướng dẫn em hiểu nguyên lý một robot dò đường đơn "
        "giản dùng Arduino hoặc micro:bit, với các quy tắc an toàn khi thực hành."
    ),
    "lessons": [
        # ------------------------------------------------------------------
        {
            "slug": "robot-la-gi",
            "title": "Robot là gì?",
            "estimated_minutes": 25,
            "required": True,
            "body": [
                ("paragraph",
                 "<p><strong>Robot</strong> là một máy có thể tự <em>cảm nhận</em> môi trường xung quanh, "
                 "<em>xử lý</em> thông tin đó theo một chương trình và <em>hành động</em> để hoàn thành "
                 "nhiệm vụ mà không cần con người điều khiển từng bước. Ba chữ “cảm nhận – xử lý – hành "
                 "động” là chìa khóa để phân biệt robot với một chiếc quạt điện hay xe đồ chơi điều khiển "
                 "từ xa.</p>"),
                ("heading", "Robot quanh ta"),
                ("paragraph",
                 "<ul>"
                 "<li><strong>Cánh tay robot</strong> hàn, sơn, lắp ráp linh kiện điện tử trong các nhà máy "
                 "ở khu công nghiệp.</li>"
                 "<li><strong>Máy bay không người lái</strong> phun thuốc, gieo hạt trên ruộng lúa.</li>"
                 "<li><strong>Robot hút bụi</strong> tự tìm đường trong nhà và tự quay về sạc pin.</li>"
                 "<li><strong>Xe tự hành</strong> chở hàng trong kho của các trung tâm logistics.</li>"
                 "</ul>"),
                ("heading", "Năm bộ phận của một robot"),
                ("paragraph",
                 "<ul>"
                 "<li><strong>Khung, thân</strong>: giữ các bộ phận, có thể làm từ nhựa, mica, gỗ hoặc bìa cứng.</li>"
                 "<li><strong>Cảm biến</strong>: “giác quan” của robot, đo ánh sáng, khoảng cách, nhiệt độ…</li>"
                 "<li><strong>Bộ điều khiển</strong>: “bộ não”, thường là một vi điều khiển như Arduino hoặc "
                 "micro:bit, chạy chương trình do em viết.</li>"
                 "<li><strong>Cơ cấu chấp hành</strong>: “cơ bắp”, gồm động cơ, bánh xe, đèn, còi.</li>"
                 "<li><strong>Nguồn điện</strong>: pin hoặc bộ sạc cung cấp năng lượng cho tất cả.</li>"
                 "</ul>"),
                ("callout", {
                    "kind": "note",
                    "text": "Học robot là học STEM: Khoa học (ánh sáng, điện), Công nghệ (linh kiện, lập "
                            "trình), Kỹ thuật (thiết kế, lắp ráp) và Toán học (đo đạc, tính tốc độ, góc quay) "
                            "được dùng cùng lúc để giải quyết một vấn đề thật.",
                }),
                ("callout", {
                    "kind": "tip",
                    "text": "Bài tập: quan sát một máy móc ở nhà hoặc ngoài đồng (máy giặt, máy bơm tự động, "
                            "máy ấp trứng…). Máy đó có cảm biến không? Nó tự quyết định điều gì? Theo em, "
                            "nó đã là robot chưa? Giải thích bằng mô hình cảm nhận – xử lý – hành động.",
                }),
                ("quote", {
                    "text": "Học đi đôi với hành.",
                    "attribution": "Lời dạy của ông cha ta",
                }),
            ],
        },
        # ------------------------------------------------------------------
        {
            "slug": "an-toan-khi-lam-robot",
            "title": "An toàn khi làm robot",
            "estimated_minutes": 20,
            "required": True,
            "body": [
                ("paragraph",
                 "<p>Robot học đường chạy bằng điện áp thấp nên nhìn chung an toàn, nhưng pin, dụng cụ cắt và "
                 "mỏ hàn vẫn có thể gây bỏng, cháy hoặc chấn thương nếu dùng sai. Trước mỗi buổi thực hành, "
                 "cả nhóm hãy đọc lại các quy tắc dưới đây.</p>"),
                ("heading", "Điện và pin"),
                ("paragraph",
                 "<ul>"
                 "<li><strong>Không bao giờ</strong> dùng điện lưới 220 V trực tiếp cho robot; chỉ dùng pin "
                 "hoặc bộ nguồn điện áp thấp do thầy cô cung cấp.</li>"
                 "<li>Pin sạc lithium (như loại 18650) có thể phát nóng, phồng, cháy khi bị <em>đoản mạch</em>, "
                 "tức là hai cực nối thẳng với nhau. Luôn kiểm tra dây trước khi lắp pin.</li>"
                 "<li>Lắp pin đúng cực (+) và (−). Nếu thấy pin nóng bất thường, có mùi khét hay phồng, "
                 "hãy ngắt nguồn, báo thầy cô và không tự xử lý.</li>"
                 "<li>Tháo pin khi sửa mạch và khi cất robot.</li>"
                 "</ul>"),
                ("heading", "Dụng cụ và mỏ hàn"),
                ("paragraph",
                 "<ul>"
                 "<li>Đầu mỏ hàn nóng hàng trăm độ: luôn đặt mỏ hàn lên giá, không cầm vào phần kim loại, "
                 "rút điện khi rời bàn.</li>"
                 "<li>Hàn ở nơi thoáng khí, đeo kính bảo hộ, rửa tay sau khi hàn.</li>"
                 "<li>Dùng dao rọc giấy, kìm cắt theo hướng ra xa cơ thể.</li>"
                 "<li>Buộc gọn tóc dài, không đeo vòng tay, khăn dài gần bánh xe đang quay.</li>"
                 "</ul>"),
                ("callout", {
                    "kind": "warning",
                    "text": "Học sinh chỉ sử dụng mỏ hàn, súng bắn keo nóng và dụng cụ cắt khi có giáo viên "
                            "hướng dẫn. Nếu bị bỏng nhẹ, hãy xả vết bỏng dưới vòi nước mát khoảng 15–20 phút "
                            "và báo ngay cho thầy cô.",
                }),
                ("callout", {
                    "kind": "tip",
                    "text": "Phân công một bạn làm “người phụ trách an toàn” trong mỗi buổi: kiểm tra nguồn đã "
                            "ngắt, dụng cụ đã cất, bàn đã dọn trước khi cả nhóm ra về.",
                }),
                ("paragraph",
                 "<p>Linh kiện điện tử hỏng và pin cũ là <strong>rác thải nguy hại</strong>. Không vứt chung "
                 "với rác sinh hoạt; hãy gom vào hộp riêng để nhà trường chuyển đến điểm thu gom.</p>"),
            ],
        },
        # ------------------------------------------------------------------
        {
            "slug": "cam-bien-va-dong-co",
            "title": "Cảm biến và động cơ",
            "estimated_minutes": 35,
            "required": True,
            "body": [
                ("paragraph",
                 "<p>Để robot hiểu thế giới và di chuyển, em cần hai nhóm linh kiện: <strong>cảm biến</strong> "
                 "biến thông tin từ môi trường thành tín hiệu điện, và <strong>động cơ</strong> biến năng "
                 "lượng điện thành chuyển động.</p>"),
                ("heading", "Một số cảm biến thường dùng"),
                ("paragraph",
                 "<ul>"
                 "<li><strong>Cảm biến hồng ngoại phản xạ</strong>: một đèn phát tia hồng ngoại và một mắt "
                 "thu. Bề mặt sáng màu phản xạ nhiều, bề mặt đen hấp thụ nhiều. Dùng để dò vạch kẻ.</li>"
                 "<li><strong>Cảm biến siêu âm</strong>: phát sóng âm rồi đo thời gian tiếng vọng quay về để "
                 "tính khoảng cách đến vật cản, giống cách loài dơi định hướng.</li>"
                 "<li><strong>Cảm biến ánh sáng, nhiệt độ, độ ẩm đất</strong>: dùng trong vườn rau thông minh, "
                 "chuồng trại tự động.</li>"
                 "</ul>"
                 "<p>Cảm biến cho ra tín hiệu <em>số</em> (chỉ có 0 hoặc 1, ví dụ “thấy vạch” hoặc “không thấy”) "
                 "hoặc tín hiệu <em>tương tự</em> (một dãy giá trị, ví dụ độ sáng từ 0 đến 1023 trên Arduino).</p>"),
                ("heading", "Động cơ và mạch điều khiển"),
                ("paragraph",
                 "<ul>"
                 "<li><strong>Động cơ DC giảm tốc</strong> (động cơ vàng): rẻ, phổ biến cho xe robot; đảo chiều "
                 "điện thì đảo chiều quay.</li>"
                 "<li><strong>Động cơ servo</strong>: quay đến một góc chính xác, hợp với cánh tay gắp, cần gạt.</li>"
                 "<li><strong>Động cơ bước</strong>: quay từng bước nhỏ, dùng trong máy in 3D, máy CNC.</li>"
                 "</ul>"
                 "<p>Chân tín hiệu của vi điều khiển chỉ cho dòng điện rất nhỏ, <strong>không đủ</strong> để "
                 "quay động cơ. Vì vậy ta dùng một <em>mạch điều khiển động cơ</em> (mạch cầu H, ví dụ L298N "
                 "hoặc L9110S): vi điều khiển ra lệnh, mạch này lấy điện từ pin để cấp cho động cơ. Tốc độ "
                 "được điều chỉnh bằng kỹ thuật băm xung (PWM), tức là bật tắt điện rất nhanh.</p>"),
                ("callout", {
                    "kind": "warning",
                    "text": "Không nối động cơ trực tiếp vào chân của Arduino hay micro:bit: có thể làm hỏng "
                            "bo mạch. Nhớ nối chung dây GND (cực âm) giữa pin động cơ, mạch điều khiển và "
                            "vi điều khiển.",
                }),
                ("callout", {
                    "kind": "tip",
                    "text": "Thí nghiệm nhỏ: đưa cảm biến hồng ngoại lần lượt qua giấy trắng, băng dính đen, "
                            "mặt bàn gỗ và ghi lại đèn báo hoặc giá trị đọc được. Em sẽ dùng kết quả này để "
                            "chỉnh độ nhạy ở bài sau.",
                }),
            ],
        },
        # ------------------------------------------------------------------
        {
            "slug": "robot-do-line",
            "title": "Robot dò đường (dò line) với Arduino hoặc micro:bit",
            "estimated_minutes": 45,
            "required": True,
            "body": [
                ("paragraph",
                 "<p>Robot dò đường (line follower) đi theo một vạch đen trên nền trắng. Đây là bài toán kinh "
                 "điển vì nó có đủ ba phần cảm nhận – xử lý – hành động, và là nền tảng của xe tự hành chở "
                 "hàng trong nhà máy.</p>"),
                ("heading", "Chuẩn bị"),
                ("paragraph",
                 "<ul>"
                 "<li>Khung xe có 2 bánh dẫn động gắn động cơ DC giảm tốc và 1 bánh xe đa hướng phía trước.</li>"
                 "<li>Hai cảm biến hồng ngoại đặt ở đầu xe, cách mặt sàn khoảng 1 cm, nằm hai bên vạch.</li>"
                 "<li>Một bo Arduino Uno hoặc micro:bit (kèm bo mở rộng), một mạch điều khiển động cơ, hộp pin.</li>"
                 "<li>Đường chạy: băng dính đen rộng 2–3 cm dán trên tấm giấy bìa trắng.</li>"
                 "</ul>"),
                ("heading", "Nguyên lý hoạt động"),
                ("paragraph",
                 "<p>Khi xe đi đúng, vạch đen nằm <em>giữa</em> hai cảm biến nên cả hai đều “thấy trắng”. "
                 "Chương trình lặp đi lặp lại rất nhanh bốn trường hợp:</p>"
                 "<ul>"
                 "<li>Cả hai thấy trắng → hai bánh cùng quay: <strong>đi thẳng</strong>.</li>"
                 "<li>Cảm biến trái thấy đen → vạch đang lệch sang trái: giảm tốc hoặc dừng bánh trái, "
                 "<strong>rẽ trái</strong>.</li>"
                 "<li>Cảm biến phải thấy đen → <strong>rẽ phải</strong>.</li>"
                 "<li>Cả hai thấy đen → gặp vạch ngang hoặc ngã tư: <strong>dừng</strong> (hoặc xử lý theo "
                 "luật của đường đua).</li>"
                 "</ul>"),
                ("paragraph",
                 "<p>Với <strong>micro:bit</strong>, em lập trình bằng các khối kéo thả trong MakeCode: khối "
                 "“mãi mãi” chứa các khối “nếu… thì…” đọc chân tín hiệu của cảm biến và bật động cơ. Với "
                 "<strong>Arduino</strong>, em viết cùng logic đó bằng ngôn ngữ C/C++ trong hàm "
                 "<em>loop()</em>, dùng <em>digitalRead</em> để đọc cảm biến và <em>analogWrite</em> để đặt "
                 "tốc độ động cơ. Hai cách khác nhau về công cụ, nhưng <em>thuật toán</em> là một.</p>"),
                ("callout", {
                    "kind": "tip",
                    "text": "Khi robot chạy lệch khỏi vạch, hãy kiểm tra theo thứ tự: pin còn đủ không, đèn "
                            "báo cảm biến có đổi khi qua vạch không, hai động cơ có quay đúng chiều không, "
                            "rồi mới sửa chương trình. Giảm tốc độ thường giúp robot bám vạch tốt hơn ở khúc cua.",
                }),
                ("callout", {
                    "kind": "note",
                    "text": "Muốn robot chạy mượt hơn, có thể dùng 3–5 cảm biến và thuật toán điều khiển tỉ lệ "
                            "(P) hoặc PID: robot lệch càng nhiều thì bẻ lái càng mạnh. Đây là nội dung nâng "
                            "cao dành cho câu lạc bộ STEM.",
                }),
            ],
        },
        # ------------------------------------------------------------------
        {
            "slug": "thu-thach-robot-cho-que-huong",
            "title": "Thử thách mở rộng: robot cho quê hương",
            "estimated_minutes": 30,
            "required": False,
            "body": [
                ("paragraph",
                 "<p>Sau khi robot dò đường chạy được, em đã nắm trong tay những viên gạch đầu tiên: đọc cảm "
                 "biến, ra quyết định, điều khiển động cơ. Bài học tự chọn này gợi ý cách dùng chúng để giải "
                 "quyết một vấn đề nhỏ ở trường hoặc địa phương.</p>"),
                ("heading", "Một số ý tưởng"),
                ("paragraph",
                 "<ul>"
                 "<li><strong>Vườn rau tự tưới</strong>: cảm biến độ ẩm đất báo khô thì bật máy bơm nhỏ trong "
                 "vài giây.</li>"
                 "<li><strong>Xe chở khay mạ</strong> đi theo vạch kẻ trong nhà lưới, giảm công bê vác.</li>"
                 "<li><strong>Cảnh báo mực nước</strong> ở ao nuôi cá, cống thoát nước khi mưa lớn.</li>"
                 "<li><strong>Thùng rác tự mở nắp</strong> khi có người đến gần, dùng cảm biến siêu âm và servo.</li>"
                 "</ul>"),
                ("heading", "Các bước thực hiện"),
                ("paragraph",
                 "<ul>"
                 "<li>Mô tả vấn đề và người được hưởng lợi (xem lại bài “Tìm ý tưởng từ vấn đề ở địa phương” "
                 "trong khóa Khởi nghiệp cho học sinh).</li>"
                 "<li>Vẽ sơ đồ khối: cảm biến nào, bộ điều khiển nào, cơ cấu chấp hành nào.</li>"
                 "<li>Viết thuật toán bằng lời hoặc lưu đồ trước khi lập trình.</li>"
                 "<li>Làm mô hình nhỏ, thử nghiệm, ghi lại số liệu và cải tiến.</li>"
                 "<li>Chuẩn bị báo cáo, video ngắn để giới thiệu tại ngày hội STEM của trường.</li>"
                 "</ul>"),
                ("callout", {
                    "kind": "tip",
                    "text": "Hãy hỏi ý kiến người sẽ dùng sản phẩm, ví dụ bác nông dân, cô lao công, ngay từ "
                            "bản phác thảo đầu tiên. Họ thường chỉ ra những điều kỹ sư không nghĩ tới.",
                }),
                ("callout", {
                    "kind": "warning",
                    "text": "Mô hình có dùng nước phải đặt mạch điện và pin ở vị trí cao, trong hộp kín. "
                            "Không tự ý đấu nối máy bơm chạy điện lưới 220 V; việc này cần người lớn có "
                            "chuyên môn thực hiện.",
                }),
                ("quote", {
                    "text": "Sản phẩm STEM tốt nhất không phải là sản phẩm phức tạp nhất, mà là sản phẩm "
                            "giúp được một người thật.",
                    "attribution": "Lời khuyên của giáo viên phụ trách câu lạc bộ STEM",
                }),
            ],
        },
    ],
}
