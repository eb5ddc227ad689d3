"""Demo course: Kỹ năng số cơ bản (programme "digital").

Pure data, no Django imports. Imported by lms.demo.course_content.
"""

from typing import Any

COURSE: dict[str, Any] = {
    "slug": "ky-nang-so-co-ban",
    "title": "Kỹ năng số cơ bản",
    "title_en": "Basic Digital Skills",
    "programme": "digital",
    "audience": "Học sinh THCS, THPT và người học tại trung tâm học tập cộng đồng",
    "level": "beginner",
    "estimated_hours": 3,
    "intro": (
        "Điện thoại và máy tính mở ra kho tri thức khổng lồ, nhưng cũng có nhiều rủi ro như lừa đảo, "
        "tin giả hay lộ thông tin cá nhân. Khóa học hướng dẫn em sử dụng thiết bị an toàn, đặt mật khẩu "
        "mạnh, tìm kiếm và kiểm chứng thông tin, giao tiếp lịch sự trên mạng và bảo vệ dữ liệu của mình."
    ),
    "lessons": [
        # ------------------------------------------------------------------
        {
            "slug": "su-dung-thiet-bi-an-toan",
            "title": "Sử dụng điện thoại và máy tính an toàn",
            "estimated_minutes": 25,
            "required": True,
            "body": [
                ("paragraph",
                 "<p>Chiếc điện thoại của em chứa ảnh, tin nhắn, tài khoản học tập và đôi khi cả tài khoản "
                 "ngân hàng của gia đình. Giữ thiết bị an toàn cũng giống như khóa cửa nhà: chỉ cần vài "
                 "thói quen đơn giản là đã tránh được phần lớn rủi ro.</p>"),
                ("heading", "Năm thói quen bảo vệ thiết bị"),
                ("paragraph",
                 "<ul>"
                 "<li><strong>Khóa màn hình</strong> bằng mã PIN ít nhất 6 số, hình vẽ khó đoán hoặc vân tay. "
                 "Không dùng 123456 hay ngày sinh.</li>"
                 "<li><strong>Cập nhật hệ điều hành và ứng dụng</strong> khi có thông báo. Bản cập nhật vá các "
                 "lỗ hổng mà kẻ xấu có thể lợi dụng.</li>"
                 "<li><strong>Chỉ cài ứng dụng từ kho chính thức</strong> (CH Play, App Store). Không cài tệp "
                 "<em>.apk</em> được gửi qua tin nhắn hay đường link lạ, kể cả khi người gửi tự xưng là cán "
                 "bộ, nhân viên điện lực hay ngân hàng.</li>"
                 "<li><strong>Xem kỹ quyền truy cập</strong>: một ứng dụng đèn pin không cần đọc danh bạ "
                 "hay tin nhắn của em.</li>"
                 "<li><strong>Sao lưu</strong> ảnh và tài liệu quan trọng lên dịch vụ lưu trữ đám mây hoặc "
                 "máy tính ở nhà.</li>"
                 "</ul>"),
                ("heading", "Dùng máy tính chung và Wi-Fi công cộng"),
                ("paragraph",
                 "<p>Ở phòng máy của trường, điểm truy cập Internet hay nhà văn hóa, em nhớ <strong>đăng "
                 "xuất</strong> mọi tài khoản sau khi dùng và không chọn “Ghi nhớ mật khẩu”. Khi kết nối "
                 "Wi-Fi miễn phí ở quán cà phê, bến xe, hãy tránh đăng nhập ngân hàng hay nhập thông tin "
                 "quan trọng. Nếu cần, dùng dữ liệu di động của chính mình sẽ an toàn hơn.</p>"),
                ("callout", {
                    "kind": "warning",
                    "text": "Nếu điện thoại bị mất, hãy báo ngay cho cha mẹ, đổi mật khẩu các tài khoản quan "
                            "trọng từ một thiết bị khác và liên hệ nhà mạng để khóa SIM, tránh kẻ xấu nhận "
                            "mã OTP thay em.",
                }),
                ("paragraph",
                 "<p><strong>An toàn cho cả sức khỏe.</strong> An toàn số còn là giữ gìn sức khỏe. Hãy áp dụng quy tắc <em>20-20-20</em>: cứ sau 20 "
                 "phút nhìn màn hình, nhìn ra xa khoảng 6 mét trong 20 giây. Tắt thông báo không cần thiết "
                 "khi học bài và cất điện thoại ra khỏi phòng ngủ ít nhất 30 phút trước khi ngủ.</p>"),
                ("callout", {
                    "kind": "tip",
                    "text": "Thực hành: mở phần Cài đặt trên điện thoại, kiểm tra xem máy đã có bản cập nhật "
                            "mới chưa và xem lại quyền truy cập của ba ứng dụng em ít dùng nhất.",
                }),
            ],
        },
        # ------------------------------------------------------------------
        {
            "slug": "mat-khau-va-xac-thuc-hai-lop",
            "title": "Mật khẩu mạnh và xác thực hai lớp",
            "estimated_minutes": 25,
            "required": True,
            "body": [
                ("paragraph",
                 "<p>Mật khẩu là chìa khóa của tài khoản. Kẻ gian không cần “hack” phức tạp nếu em đặt "
                 "mật khẩu dễ đoán, dùng chung một mật khẩu cho mọi nơi hoặc tự tay đọc mã xác nhận cho "
                 "người lạ.</p>"),
                ("heading", "Thế nào là mật khẩu mạnh?"),
                ("paragraph",
                 "<ul>"
                 "<li><strong>Dài</strong>: ít nhất 12 ký tự. Độ dài quan trọng hơn ký tự lạ.</li>"
                 "<li><strong>Khó đoán</strong>: không chứa tên, ngày sinh, số điện thoại, tên trường, "
                 "tên thú cưng.</li>"
                 "<li><strong>Riêng biệt</strong>: mỗi tài khoản quan trọng một mật khẩu khác nhau. Nếu một "
                 "trang web bị lộ dữ liệu, các tài khoản khác vẫn an toàn.</li>"
                 "</ul>"
                 "<p>Một cách dễ nhớ là dùng <em>cụm từ mật khẩu</em>: ghép 4–5 từ ngẫu nhiên, thêm số và ký "
                 "hiệu, ví dụ <em>Trau-Leo-Doi-May-2009!</em> Đừng dùng đúng ví dụ này, hãy tự nghĩ cụm từ "
                 "của riêng em.</p>"),
                ("callout", {
                    "kind": "tip",
                    "text": "Có thể dùng trình quản lý mật khẩu có sẵn trong điện thoại hoặc trình duyệt để "
                            "tạo và ghi nhớ mật khẩu dài. Khi đó em chỉ cần nhớ thật kỹ một mật khẩu chính.",
                }),
                ("heading", "Xác thực hai lớp (2FA)"),
                ("paragraph",
                 "<p>Xác thực hai lớp yêu cầu thêm một bằng chứng ngoài mật khẩu, thường là <strong>mã một "
                 "lần (OTP)</strong> gửi qua tin nhắn, mã trong ứng dụng xác thực, hoặc xác nhận trên điện "
                 "thoại đã đăng ký. Nhờ vậy, dù kẻ gian biết mật khẩu, chúng vẫn không đăng nhập được.</p>"
                 "<p>Hãy bật xác thực hai lớp cho <strong>email</strong> (vì email dùng để lấy lại mọi mật "
                 "khẩu khác), <strong>mạng xã hội</strong>, <strong>Zalo</strong> và tài khoản học tập. Tìm "
                 "mục “Bảo mật” hoặc “Xác minh 2 bước” trong phần cài đặt tài khoản.</p>"),
                ("callout", {
                    "kind": "warning",
                    "text": "Không bao giờ đọc hay gửi mã OTP cho bất kỳ ai, kể cả người tự xưng là bạn bè, "
                            "thầy cô, nhân viên ngân hàng hay công an. Cơ quan và tổ chức chính thống không "
                            "bao giờ hỏi mã OTP của em.",
                }),
                ("paragraph",
                 "<p>Khi nghi ngờ tài khoản bị lộ (có thông báo đăng nhập lạ, bạn bè nhận tin nhắn vay tiền "
                 "từ tài khoản của em), hãy đổi mật khẩu ngay, đăng xuất khỏi tất cả thiết bị và báo cho "
                 "người thân, bạn bè biết để họ không bị lừa.</p>"),
            ],
        },
        # ------------------------------------------------------------------
        {
            "slug": "tim-kiem-va-kiem-chung-thong-tin",
            "title": "Tìm kiếm và kiểm chứng thông tin",
            "estimated_minutes": 30,
            "required": True,
            "body": [
                ("paragraph",
                 "<p>Mỗi ngày em đọc hàng trăm tin trên mạng xã hội. Có tin đúng, có tin sai do nhầm lẫn và "
                 "có cả <strong>tin giả</strong> được bịa ra để câu lượt xem, bán hàng hay lừa đảo. Biết tìm "
                 "kiếm và kiểm chứng giúp em không bị lừa và không vô tình lan truyền tin sai.</p>"),
                ("heading", "Tìm kiếm hiệu quả"),
                ("paragraph",
                 "<ul>"
                 "<li>Dùng <strong>từ khóa ngắn, cụ thể</strong>: “lịch thi tốt nghiệp THPT” thay vì "
                 "“cho em hỏi năm nay bao giờ thi tốt nghiệp”.</li>"
                 "<li>Đặt cụm từ trong <strong>dấu ngoặc kép</strong> để tìm đúng cụm: "
                 "“kỹ năng khởi nghiệp”.</li>"
                 "<li>Thêm <strong>site:gov.vn</strong> hoặc <strong>site:edu.vn</strong> để chỉ tìm trên trang "
                 "của cơ quan nhà nước hoặc cơ sở giáo dục.</li>"
                 "<li>Đọc kỹ địa chỉ trang web trước khi bấm: trang giả mạo thường có tên gần giống trang thật.</li>"
                 "</ul>"),
                ("heading", "Năm câu hỏi kiểm chứng"),
                ("paragraph",
                 "<ul>"
                 "<li><strong>Ai đăng?</strong> Một cơ quan báo chí, cơ quan nhà nước hay một tài khoản vô danh?</li>"
                 "<li><strong>Đăng khi nào?</strong> Tin cũ nhiều năm thường bị đăng lại như tin mới.</li>"
                 "<li><strong>Có nguồn nào khác xác nhận không?</strong> Tin quan trọng thật sẽ được nhiều "
                 "báo chính thống đưa tin.</li>"
                 "<li><strong>Hình ảnh có đúng không?</strong> Dùng tính năng tìm kiếm bằng hình ảnh để xem "
                 "bức ảnh đã xuất hiện trước đó ở đâu.</li>"
                 "<li><strong>Tin có đánh vào cảm xúc không?</strong> Tiêu đề gây sốc, giận dữ, kêu gọi "
                 "“chia sẻ ngay kẻo muộn” là dấu hiệu cần cảnh giác.</li>"
                 "</ul>"),
                ("callout", {
                    "kind": "tip",
                    "text": "Quy tắc “Dừng – Nghĩ – Kiểm tra”: trước khi bấm chia sẻ, dừng lại vài giây, "
                            "tự hỏi ai được lợi nếu mình chia sẻ, rồi kiểm tra ít nhất một nguồn chính thống.",
                }),
                ("callout", {
                    "kind": "warning",
                    "text": "Đăng tải, chia sẻ thông tin sai sự thật trên mạng có thể bị xử phạt hành chính, "
                            "nghiêm trọng hơn có thể bị truy cứu trách nhiệm hình sự. Không chắc chắn thì "
                            "không chia sẻ.",
                }),
                ("paragraph",
                 "<p>Các công cụ trí tuệ nhân tạo (AI) trò chuyện có thể giúp em gợi ý ý tưởng, nhưng đôi khi "
                 "đưa ra thông tin sai rất tự tin. Hãy coi câu trả lời của AI như một người bạn hay đoán: "
                 "hữu ích, nhưng luôn cần kiểm tra lại bằng sách giáo khoa, tài liệu chính thống hoặc hỏi "
                 "thầy cô.</p>"),
            ],
        },
        # ------------------------------------------------------------------
        {
            "slug": "thu-dien-tu-va-giao-tiep-truc-tuyen",
            "title": "Thư điện tử và giao tiếp trực tuyến",
            "estimated_minutes": 25,
            "required": True,
            "body": [
                ("paragraph",
                 "<p>Khi lên THPT, đi học nghề hay đi làm, em sẽ cần gửi thư điện tử (email) cho thầy cô, "
                 "nhà trường, nhà tuyển dụng. Một email rõ ràng, lịch sự cho người nhận thấy em là người "
                 "nghiêm túc và đáng tin cậy.</p>"),
                ("heading", "Cấu trúc một email"),
                ("paragraph",
                 "<ul>"
                 "<li><strong>Địa chỉ email</strong> nghiêm túc, nên có họ tên, ví dụ "
                 "<em>nguyen.thu.ha2009@…</em>, tránh những tên như <em>congchua_buonba@…</em>.</li>"
                 "<li><strong>Tiêu đề</strong> ngắn gọn, nói rõ nội dung: “Nộp bài dự án khởi nghiệp – "
                 "Nhóm 3 – Lớp 10A2”.</li>"
                 "<li><strong>Lời chào</strong>: “Kính gửi cô Lan,” hoặc “Em chào thầy Hùng ạ,”.</li>"
                 "<li><strong>Nội dung</strong>: giới thiệu em là ai, việc cần trao đổi, đề nghị cụ thể.</li>"
                 "<li><strong>Lời cảm ơn và chữ ký</strong>: họ tên, lớp, trường, số điện thoại nếu cần.</li>"
                 "</ul>"
                 "<p>Trước khi gửi, đọc lại để sửa lỗi chính tả, kiểm tra đã <strong>đính kèm tệp</strong> chưa "
                 "và đặt tên tệp dễ hiểu, ví dụ <em>Nhom3_10A2_KeHoachKinhDoanh.pdf</em>.</p>"),
                ("callout", {
                    "kind": "tip",
                    "text": "Khi gửi cho nhiều người không quen biết nhau, hãy đưa địa chỉ của họ vào ô BCC "
                            "(gửi ẩn) để không làm lộ email của mọi người.",
                }),
                ("heading", "Ứng xử trong nhóm lớp và mạng xã hội"),
                ("paragraph",
                 "<ul>"
                 "<li>Viết có dấu, đủ câu, tránh viết tắt khó hiểu khi nhắn cho thầy cô và người lớn.</li>"
                 "<li>Không nhắn tin vào đêm khuya hay sáng sớm, trừ việc thật sự khẩn cấp.</li>"
                 "<li>Trong nhóm Zalo của lớp, chỉ trao đổi việc chung; chuyện riêng thì nhắn riêng.</li>"
                 "<li>Không đăng ảnh, video của người khác khi chưa được họ đồng ý.</li>"
                 "<li>Tranh luận bằng lý lẽ, không xúc phạm, không dùng từ ngữ thô tục.</li>"
                 "</ul>"),
                ("callout", {
                    "kind": "warning",
                    "text": "Nếu em hoặc bạn bè bị bắt nạt, đe dọa, bêu riếu trên mạng: đừng đáp trả, hãy "
                            "chụp màn hình làm bằng chứng, chặn tài khoản đó và báo ngay cho cha mẹ, giáo viên "
                            "chủ nhiệm hoặc thầy cô tư vấn tâm lý.",
                }),
                ("quote", {
                    "text": "Lời nói chẳng mất tiền mua, lựa lời mà nói cho vừa lòng nhau.",
                    "attribution": "Ca dao Việt Nam",
                }),
            ],
        },
        # ------------------------------------------------------------------
        {
            "slug": "bao-ve-du-lieu-ca-nhan",
            "title": "Bảo vệ dữ liệu cá nhân",
            "estimated_minutes": 30,
            "required": True,
            "body": [
                ("paragraph",
                 "<p><strong>Dữ liệu cá nhân</strong> là mọi thông tin giúp nhận ra một người cụ thể: họ tên, "
                 "ngày sinh, số căn cước, số điện thoại, địa chỉ nhà, ảnh chân dung, giọng nói, vị trí, "
                 "trường lớp… Một số dữ liệu <em>nhạy cảm</em> hơn như tình trạng sức khỏe, thông tin tài "
                 "khoản ngân hàng, hoàn cảnh gia đình, cần được giữ kín cẩn thận hơn.</p>"),
                ("heading", "Vì sao phải bảo vệ?"),
                ("paragraph",
                 "<p>Kẻ gian ghép những mẩu thông tin nhỏ mà em đăng công khai, như tên trường, ảnh cổng nhà, "
                 "giờ tan học, tên bố mẹ, để tạo ra câu chuyện đáng tin nhằm lừa gia đình em. Một thủ đoạn "
                 "phổ biến là gọi điện báo “con đang cấp cứu ở bệnh viện, cần chuyển tiền gấp”. Càng ít "
                 "thông tin bị lộ, kẻ gian càng khó lừa.</p>"),
                ("heading", "Việc em có thể làm ngay"),
                ("paragraph",
                 "<ul>"
                 "<li>Đặt chế độ <strong>riêng tư</strong> (chỉ bạn bè) cho trang cá nhân; xóa số điện thoại, "
                 "ngày sinh đầy đủ khỏi phần giới thiệu công khai.</li>"
                 "<li>Không đăng ảnh căn cước, vé máy bay, giấy báo điểm có mã số, hay ảnh có địa chỉ nhà.</li>"
                 "<li>Tắt chia sẻ vị trí với ứng dụng không cần thiết; không “check-in” khi cả nhà vắng.</li>"
                 "<li>Cẩn thận với các trò chơi, khảo sát “xem bạn giống nhân vật nào” đòi đăng nhập bằng "
                 "tài khoản mạng xã hội.</li>"
                 "<li>Không bấm vào đường link trong tin nhắn báo trúng thưởng, nhận quà, khóa tài khoản.</li>"
                 "</ul>"),
                ("callout", {
                    "kind": "note",
                    "text": "Việt Nam đã có Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân và Luật Bảo vệ "
                            "dữ liệu cá nhân năm 2025. Theo đó, việc thu thập, xử lý dữ liệu của em nói chung "
                            "phải có sự đồng ý của em; với trẻ em, cần có sự đồng ý của cha mẹ hoặc người "
                            "giám hộ. Em có quyền được biết dữ liệu của mình được dùng vào việc gì.",
                }),
                ("callout", {
                    "kind": "tip",
                    "text": "Gặp tin nhắn rác, cuộc gọi lừa đảo, em có thể báo cáo về đầu số 5656 và kể lại "
                            "cho người lớn trong gia đình. Khi đã lỡ chuyển tiền, hãy báo ngay ngân hàng và "
                            "cơ quan công an gần nhất.",
                }),
                ("paragraph",
                 "<p>Bảo vệ dữ liệu cũng là tôn trọng dữ liệu của người khác: không chia sẻ danh sách lớp, "
                 "số điện thoại của bạn bè, ảnh chụp tin nhắn riêng khi chưa được phép.</p>"),
            ],
        },
    ],
}
