"""Demo course: Khởi nghiệp cho học sinh (programme "startup").

Pure data, no Django imports. Imported by lms.demo.course_content.
"""

from typing import Any

COURSE: dict[str, Any] = {
    "slug": "khoi-nghiep-cho-hoc-sinh",
    "title": "Khởi nghiệp cho học sinh",
    "title_en": "Start-up Basics for Students",
    "programme": "startup",
    "audience": "Học sinh THCS, THPT và học viên GDNN-GDTX",
    "level": "beginner",
    "estimated_hours": 4,
    "intro": (
        "Khóa học giúp em hiểu khởi nghiệp là gì, biết tìm ý tưởng từ chính những vấn đề "
        "ở quê hương mình và sắp xếp ý tưởng thành một mô hình kinh doanh đơn giản. "
        "Em sẽ tập làm sản phẩm mẫu, hỏi ý kiến khách hàng và chuẩn bị bài thuyết trình "
        "để tham gia cuộc thi “Học sinh, sinh viên với ý tưởng khởi nghiệp”."
    ),
    "lessons": [
        # ------------------------------------------------------------------
        {
            "slug": "khoi-nghiep-la-gi",
            "title": "Khởi nghiệp là gì?",
            "estimated_minutes": 25,
            "required": True,
            "body": [
                ("heading", "Khởi nghiệp không chỉ là mở công ty"),
                ("paragraph",
                 "<p><strong>Khởi nghiệp</strong> là quá trình bắt đầu một hoạt động mới nhằm tạo ra "
                 "giá trị cho người khác, có thể là một sản phẩm, một dịch vụ hay một cách làm mới, "
                 "và tìm được cách để hoạt động ấy tự duy trì, phát triển. Một nhóm học sinh trồng rau "
                 "mầm bán cho bếp ăn của trường, một bạn nhận sửa xe đạp cho hàng xóm, một câu lạc bộ "
                 "biến chai nhựa thành chậu trồng cây để bán trong hội chợ xuân đều đang tập khởi nghiệp.</p>"
                 "<p>Người ta thường phân biệt hai kiểu: <em>khởi sự kinh doanh</em> (mở quán, mở cửa hàng, "
                 "làm dịch vụ quen thuộc) và <em>khởi nghiệp đổi mới sáng tạo</em> (startup), tức là dùng "
                 "công nghệ hoặc một mô hình mới để giải quyết vấn đề theo cách chưa ai làm và có thể "
                 "mở rộng nhanh. Cả hai đều cần chung một tinh thần.</p>"),
                ("paragraph",
                 "<p>Tinh thần khởi nghiệp gồm những phẩm chất mà em có thể rèn luyện ngay từ bây giờ:</p>"
                 "<ul>"
                 "<li><strong>Chủ động</strong>: thấy một điều bất tiện thì tự hỏi “mình có thể làm gì?” "
                 "thay vì chỉ phàn nàn.</li>"
                 "<li><strong>Dám thử</strong>: làm thử ở quy mô nhỏ, chấp nhận sai và sửa.</li>"
                 "<li><strong>Hợp tác</strong>: biết chia việc, lắng nghe và tận dụng điểm mạnh của bạn bè.</li>"
                 "<li><strong>Trách nhiệm</strong>: giữ lời hứa với khách hàng, trung thực về sản phẩm, "
                 "không làm hại môi trường và cộng đồng.</li>"
                 "</ul>"),
                ("callout", {
                    "kind": "note",
                    "text": "Theo Đề án “Hỗ trợ học sinh, sinh viên khởi nghiệp đến năm 2025” "
                            "(Quyết định 1665/QĐ-TTg ngày 30/10/2017 của Thủ tướng Chính phủ), học sinh "
                            "được trang bị kiến thức, kỹ năng khởi nghiệp ngay khi còn ngồi trên ghế nhà "
                            "trường. Khóa học này là một phần của hoạt động đó.",
                }),
                ("heading", "Những hiểu lầm thường gặp"),
                ("paragraph",
                 "<ul>"
                 "<li><em>“Phải có nhiều vốn mới khởi nghiệp được.”</em> Nhiều dự án học sinh bắt đầu với "
                 "vài trăm nghìn đồng, thậm chí chỉ bằng công sức và đồ tái chế.</li>"
                 "<li><em>“Phải có ý tưởng chưa ai nghĩ ra.”</em> Làm tốt hơn, rẻ hơn hoặc gần người dùng "
                 "hơn một sản phẩm đã có cũng là đổi mới.</li>"
                 "<li><em>“Thất bại là đáng xấu hổ.”</em> Một thử nghiệm không thành công cho em biết điều "
                 "gì không hiệu quả, và đó là kiến thức quý.</li>"
                 "<li><em>“Khởi nghiệp là bỏ học đi làm.”</em> Ngược lại, kiến thức Toán, Ngữ văn, Công nghệ, "
                 "Tin học giúp em tính chi phí, viết giới thiệu sản phẩm và làm ra sản phẩm tốt hơn.</li>"
                 "</ul>"),
                ("quote", {
                    "text": "Có công mài sắt, có ngày nên kim.",
                    "attribution": "Tục ngữ Việt Nam",
                }),
                ("callout", {
                    "kind": "tip",
                    "text": "Bài tập: hãy kể tên ba người ở địa phương em đã tự mở một cơ sở sản xuất, "
                            "cửa hàng hay dịch vụ. Hỏi một người trong số đó: vì sao họ bắt đầu, khó khăn "
                            "lớn nhất lúc đầu là gì? Ghi lại câu trả lời vào sổ tay khởi nghiệp.",
                }),
            ],
        },
        # ------------------------------------------------------------------
        {
            "slug": "tim-y-tuong-tu-van-de-dia-phuong",
            "title": "Tìm ý tưởng từ vấn đề ở địa phương",
            "estimated_minutes": 30,
            "required": True,
            "body": [
                ("paragraph",
                 "<p>Một ý tưởng khởi nghiệp tốt hiếm khi bắt đầu bằng câu “mình muốn bán cái gì?”. "
                 "Nó thường bắt đầu bằng câu <strong>“ai đang gặp khó khăn, và khó khăn đó là gì?”</strong>. "
                 "Khi giải quyết được một vấn đề có thật, em sẽ có khách hàng thật.</p>"),
                ("heading", "Quan sát: ai đang gặp khó khăn?"),
                ("paragraph",
                 "<p>Trong một tuần, em hãy ghi một <em>nhật ký vấn đề</em>. Mỗi khi nghe ai đó than phiền "
                 "hoặc thấy một việc làm mất nhiều thời gian, tiền bạc, hãy ghi lại. Một số nơi nên quan sát:</p>"
                 "<ul>"
                 "<li>Chợ phiên, cánh đồng, ao cá, vườn cây của gia đình và hàng xóm;</li>"
                 "<li>Trường học, nhà văn hóa thôn, trạm y tế xã;</li>"
                 "<li>Những câu chuyện của ông bà, cha mẹ về mùa vụ, giá cả, việc làm.</li>"
                 "</ul>"
                 "<p>Ví dụ những vấn đề học sinh đã phát hiện: nông sản bị ép giá vào chính vụ; rác thải nhựa "
                 "sau mỗi phiên chợ; người cao tuổi không biết đặt lịch khám bệnh trên điện thoại; du khách "
                 "muốn mua đặc sản nhưng không biết mua ở đâu cho đảm bảo.</p>"),
                ("heading", "Chọn vấn đề đáng giải quyết"),
                ("paragraph",
                 "<p>Từ danh sách, nhóm em chọn một vấn đề bằng ba câu hỏi:</p>"
                 "<ul>"
                 "<li><strong>Có nhiều người gặp không?</strong> Một vấn đề chỉ riêng một nhà gặp thì khó "
                 "thành dự án.</li>"
                 "<li><strong>Họ có thực sự khổ vì nó không?</strong> Dấu hiệu tốt là họ đang tự xoay xở "
                 "bằng một cách tạm thời, tốn công hoặc tốn tiền.</li>"
                 "<li><strong>Nhóm mình làm được gì?</strong> Hãy chọn vấn đề phù hợp với thời gian, kỹ năng "
                 "và số vốn nhỏ của học sinh.</li>"
                 "</ul>"),
                ("callout", {
                    "kind": "tip",
                    "text": "Viết câu vấn đề theo mẫu: [Ai] gặp khó khăn khi [làm việc gì] vì [lý do]; "
                            "hiện nay họ đang [cách xoay xở tạm thời]. Nếu không điền được chỗ trống nào, "
                            "em cần quan sát và hỏi thêm.",
                }),
                ("paragraph",
                 "<p><strong>Ví dụ:</strong> Nhóm học sinh lớp 11 ở một xã miền núi nhận thấy: <em>các hộ trồng "
                 "chuối gặp khó khăn khi bán chuối chín vào mùa thu hoạch vì thương lái ép giá và chuối nhanh "
                 "hỏng; hiện nay họ đang bán rẻ hoặc cho lợn ăn.</em> Từ câu vấn đề này, nhóm nghĩ ra nhiều "
                 "hướng: chuối sấy dẻo, bột chuối, bán trực tuyến cho người quê đang làm ăn xa. Nhóm chưa vội "
                 "chọn ngay mà sẽ kiểm tra từng hướng ở các bài sau.</p>"),
                ("callout", {
                    "kind": "warning",
                    "text": "Đừng sao chép nguyên ý tưởng của người khác để dự thi. Nếu em học hỏi từ một mô "
                            "hình đã có, hãy ghi rõ nguồn và nói điểm khác biệt của nhóm mình.",
                }),
            ],
        },
        # ------------------------------------------------------------------
        {
            "slug": "mo-hinh-kinh-doanh-canvas",
            "title": "Mô hình kinh doanh Canvas",
            "estimated_minutes": 35,
            "required": True,
            "body": [
                ("paragraph",
                 "<p>Khi đã có vấn đề và một hướng giải quyết, em cần trả lời: sản phẩm dành cho ai, đến tay "
                 "họ bằng cách nào, tiền từ đâu mà có và tốn những gì? <strong>Mô hình kinh doanh Canvas</strong> "
                 "(Business Model Canvas) giúp trả lời các câu hỏi đó trên <em>một trang giấy</em>, gồm 9 ô.</p>"),
                ("heading", "Chín ô của Canvas"),
                ("paragraph",
                 "<ul>"
                 "<li><strong>Phân khúc khách hàng</strong>: nhóm người cụ thể em phục vụ, ví dụ “học sinh "
                 "nội trú cần đồ ăn vặt lành mạnh”.</li>"
                 "<li><strong>Giá trị đề xuất</strong>: vì sao họ chọn sản phẩm của em: ngon hơn, rẻ hơn, "
                 "tiện hơn hay an toàn hơn?</li>"
                 "<li><strong>Kênh phân phối</strong>: sản phẩm đến tay khách qua đâu: căng-tin, chợ, "
                 "nhóm Zalo, trang bán hàng trực tuyến.</li>"
                 "<li><strong>Quan hệ khách hàng</strong>: em giữ liên lạc, chăm sóc khách thế nào.</li>"
                 "<li><strong>Dòng doanh thu</strong>: khách trả tiền cho cái gì, bao nhiêu, trả một lần hay "
                 "định kỳ.</li>"
                 "<li><strong>Nguồn lực chính</strong>: nguyên liệu, dụng cụ, kỹ năng, con người cần có.</li>"
                 "<li><strong>Hoạt động chính</strong>: những việc phải làm đều đặn: sản xuất, đóng gói, "
                 "giao hàng, quảng bá.</li>"
                 "<li><strong>Đối tác chính</strong>: ai giúp em: hợp tác xã, nhà vườn, thầy cô, Đoàn "
                 "Thanh niên, doanh nghiệp địa phương.</li>"
                 "<li><strong>Cơ cấu chi phí</strong>: các khoản phải chi và khoản nào lớn nhất.</li>"
                 "</ul>"),
                ("callout", {
                    "kind": "tip",
                    "text": "Vẽ Canvas lên tờ giấy A0 hoặc bảng lớp, mỗi ý viết trên một tờ giấy nhớ. "
                            "Như vậy nhóm dễ dàng dán, bóc, sửa khi có thông tin mới.",
                }),
                ("heading", "Ví dụ: chuối sấy dẻo của nhóm lớp 11"),
                ("paragraph",
                 "<p>Khách hàng: người quê làm ăn xa muốn mua quà quê, và các cửa hàng đặc sản ở thị trấn. "
                 "Giá trị đề xuất: chuối sấy không đường, không chất bảo quản, có câu chuyện về bà con trồng "
                 "chuối trong xã. Kênh: trang bán hàng của nhóm và hai cửa hàng đặc sản. Doanh thu: bán theo "
                 "túi 200 g. Nguồn lực: máy sấy của hợp tác xã, chuối mua trực tiếp của bà con. Chi phí lớn "
                 "nhất: chuối tươi, điện sấy và bao bì.</p>"),
                ("paragraph",
                 "<p>Lưu ý ba ô quan trọng nhất với người mới bắt đầu là <strong>khách hàng</strong>, "
                 "<strong>giá trị đề xuất</strong> và <strong>dòng doanh thu</strong>. Nếu ba ô này chưa "
                 "rõ, các ô còn lại chưa có nhiều ý nghĩa. Canvas không phải bài làm một lần: sau mỗi lần "
                 "nói chuyện với khách hàng, em hãy cập nhật lại.</p>"),
                ("callout", {
                    "kind": "note",
                    "text": "Nhiều ô trong Canvas lúc đầu chỉ là giả định. Hãy đánh dấu những ý nhóm chưa "
                            "chắc chắn để kiểm tra ở bài học tiếp theo.",
                }),
            ],
        },
        # ------------------------------------------------------------------
        {
            "slug": "lam-san-pham-mau-va-hoi-khach-hang",
            "title": "Làm sản phẩm mẫu và hỏi ý kiến khách hàng",
            "estimated_minutes": 35,
            "required": True,
            "body": [
                ("paragraph",
                 "<p>Trước khi bỏ nhiều tiền và công sức, hãy làm một <strong>sản phẩm mẫu</strong> "
                 "(prototype): một phiên bản đơn giản, rẻ, đủ để người dùng nhìn, cầm, thử và cho ý kiến. "
                 "Mục tiêu không phải là sản phẩm hoàn hảo mà là <em>học nhanh nhất với chi phí thấp nhất</em>.</p>"),
                ("heading", "Những cách làm sản phẩm mẫu"),
                ("paragraph",
                 "<ul>"
                 "<li><strong>Bản vẽ, áp phích</strong> mô tả sản phẩm và giá dự kiến;</li>"
                 "<li><strong>Mô hình</strong> bằng bìa các-tông, gỗ vụn, đất nặn cho sản phẩm cơ khí, đồ dùng;</li>"
                 "<li><strong>Lô thử nhỏ</strong>, ví dụ 20 túi chuối sấy với hai kiểu bao bì khác nhau;</li>"
                 "<li><strong>Trang giới thiệu</strong> trên mạng xã hội để xem có bao nhiêu người hỏi mua;</li>"
                 "<li><strong>Làm thủ công thay máy móc</strong>: tự giao hàng, tự nhắn tin trả lời trước "
                 "khi nghĩ đến ứng dụng hay phần mềm.</li>"
                 "</ul>"),
                ("heading", "Hỏi khách hàng đúng cách"),
                ("paragraph",
                 "<p>Câu hỏi “Bạn có mua sản phẩm này không?” thường nhận được câu trả lời lịch sự “Có”, nhưng "
                 "điều đó chưa chắc đúng. Hãy hỏi về <strong>việc họ đã làm</strong> thay vì điều họ "
                 "<em>có thể</em> làm:</p>"
                 "<ul>"
                 "<li>“Lần gần nhất cô mua quà quê gửi cho con là khi nào? Cô mua ở đâu, giá bao nhiêu?”</li>"
                 "<li>“Điều gì làm cô không hài lòng với lần mua đó?”</li>"
                 "<li>“Nếu có sản phẩm giải quyết được chuyện đó, cô sẽ dùng thử thế nào?”</li>"
                 "</ul>"
                 "<p>Hãy nói chuyện với ít nhất 10 người thuộc đúng nhóm khách hàng, ghi chép trung thực, kể cả "
                 "những ý kiến chê. Dấu hiệu mạnh nhất là khách <strong>đặt trước, trả tiền hoặc giới thiệu "
                 "người khác</strong>, chứ không phải lời khen.</p>"),
                ("callout", {
                    "kind": "tip",
                    "text": "Áp dụng vòng lặp Làm – Đo – Học: làm một thay đổi nhỏ, đo phản ứng của khách "
                            "(bao nhiêu người mua, họ nói gì), rồi quyết định giữ, sửa hay bỏ. Ghi mỗi vòng "
                            "vào sổ tay dự án.",
                }),
                ("callout", {
                    "kind": "warning",
                    "text": "Với sản phẩm thực phẩm, mỹ phẩm hay đồ dùng cho trẻ nhỏ, em phải hỏi ý kiến "
                            "thầy cô và cha mẹ, giữ vệ sinh an toàn và không bán rộng rãi khi chưa đáp ứng "
                            "các quy định của pháp luật.",
                }),
            ],
        },
        # ------------------------------------------------------------------
        {
            "slug": "thuyet-trinh-y-tuong-va-du-thi",
            "title": "Thuyết trình ý tưởng và dự thi",
            "estimated_minutes": 40,
            "required": True,
            "body": [
                ("paragraph",
                 "<p>Thuyết trình ý tưởng khởi nghiệp (pitch) là trình bày ngắn gọn để thuyết phục ban giám "
                 "khảo, nhà đầu tư hoặc đối tác tin vào dự án. Cuộc thi <strong>“Học sinh, sinh viên với ý "
                 "tưởng khởi nghiệp”</strong> do Bộ Giáo dục và Đào tạo phát động thường được tổ chức từ cấp "
                 "trường, lên cấp tỉnh, thành phố rồi đến vòng chung kết toàn quốc. Một bài pitch tốt là tấm "
                 "vé để ý tưởng của em đi tiếp.</p>"),
                ("heading", "Cấu trúc bài pitch 5 phút"),
                ("paragraph",
                 "<ul>"
                 "<li><strong>Vấn đề</strong> (khoảng 45 giây): kể một câu chuyện thật, có con số cụ thể.</li>"
                 "<li><strong>Giải pháp</strong> (1 phút): sản phẩm của nhóm là gì, cho xem sản phẩm mẫu.</li>"
                 "<li><strong>Khách hàng và thị trường</strong>: ai sẽ mua, có bao nhiêu người như vậy.</li>"
                 "<li><strong>Mô hình doanh thu và chi phí</strong>: giá bán, giá thành, bán bao nhiêu thì "
                 "hòa vốn.</li>"
                 "<li><strong>Kết quả đã thử nghiệm</strong>: số người đã phỏng vấn, số sản phẩm đã bán.</li>"
                 "<li><strong>Đội ngũ</strong>: mỗi thành viên làm gì, vì sao nhóm làm được.</li>"
                 "<li><strong>Kế hoạch và đề nghị hỗ trợ</strong>: nhóm cần gì tiếp theo (thiết bị, cố vấn, "
                 "kết nối doanh nghiệp).</li>"
                 "</ul>"),
                ("callout", {
                    "kind": "tip",
                    "text": "Mỗi trang trình chiếu chỉ nên có một ý chính, chữ to, nhiều hình ảnh thật. "
                            "Tập nói trước gia đình hoặc cả lớp ít nhất ba lần và bấm giờ.",
                }),
                ("heading", "Trả lời câu hỏi của ban giám khảo"),
                ("paragraph",
                 "<p>Ban giám khảo thường hỏi: <em>“Đối thủ cạnh tranh của các em là ai?”</em>, <em>“Nếu "
                 "không có tiền hỗ trợ, nhóm làm tiếp thế nào?”</em>, <em>“Sản phẩm có ảnh hưởng đến môi "
                 "trường không?”</em>. Hãy chuẩn bị trước danh sách câu hỏi khó. Nếu chưa biết câu trả lời, "
                 "em hãy thành thật: “Nhóm em chưa kiểm tra điều này và sẽ tìm hiểu thêm.” Sự trung thực "
                 "được đánh giá cao hơn một câu trả lời bịa.</p>"),
                ("callout", {
                    "kind": "note",
                    "text": "Thể lệ, mẫu hồ sơ và thời hạn nộp bài thay đổi theo từng năm. Em hãy theo dõi "
                            "thông báo của nhà trường và Sở Giáo dục và Đào tạo, và nhờ thầy cô phụ trách "
                            "câu lạc bộ khởi nghiệp xem lại hồ sơ trước khi nộp.",
                }),
                ("quote", {
                    "text": "Ban giám khảo không tìm một ý tưởng hoàn hảo. Chúng tôi tìm những bạn trẻ "
                            "hiểu rõ vấn đề mình giải quyết và biết học từ khách hàng.",
                    "attribution": "Chia sẻ của một thành viên ban giám khảo vòng thi cấp tỉnh",
                }),
            ],
        },
        # ------------------------------------------------------------------
        {
            "slug": "tinh-chi-phi-va-dat-gia-ban",
            "title": "Tính chi phí và đặt giá bán",
            "estimated_minutes": 25,
            "required": False,
            "body": [
                ("paragraph",
                 "<p>Nhiều dự án học sinh bán rất chạy nhưng cuối cùng vẫn lỗ vì không tính đủ chi phí. "
                 "Bài học tự chọn này giúp em dùng phép tính lớp 7, lớp 8 để trả lời câu hỏi: "
                 "<strong>bán giá bao nhiêu thì có lãi?</strong></p>"),
                ("heading", "Hai loại chi phí"),
                ("paragraph",
                 "<ul>"
                 "<li><strong>Chi phí biến đổi</strong>: tăng theo số sản phẩm làm ra, như nguyên liệu, bao bì, "
                 "tiền giao hàng. Ví dụ mỗi túi chuối sấy tốn 14.000 đồng chuối tươi, 3.000 đồng điện sấy và "
                 "3.000 đồng bao bì, tổng 20.000 đồng.</li>"
                 "<li><strong>Chi phí cố định</strong>: phải trả dù bán nhiều hay ít, như thuê dụng cụ, in "
                 "nhãn mác, làm trang giới thiệu. Ví dụ 600.000 đồng mỗi tháng.</li>"
                 "</ul>"),
                ("heading", "Điểm hòa vốn"),
                ("paragraph",
                 "<p>Nếu bán mỗi túi 35.000 đồng, mỗi túi mang về 35.000 − 20.000 = 15.000 đồng để bù chi phí "
                 "cố định. Số túi cần bán để hòa vốn là 600.000 : 15.000 = <strong>40 túi mỗi tháng</strong>. "
                 "Bán từ túi thứ 41 trở đi nhóm mới bắt đầu có lãi.</p>"
                 "<p>Khi đặt giá, hãy xem thêm giá của các sản phẩm tương tự ngoài chợ và khả năng chi trả "
                 "của khách hàng. Giá quá thấp khiến nhóm không đủ tiền làm tiếp; giá quá cao thì khách không "
                 "mua.</p>"),
                ("callout", {
                    "kind": "tip",
                    "text": "Lập một bảng tính đơn giản (trên giấy hoặc bảng tính điện tử) gồm các cột: "
                            "khoản chi, số tiền, loại chi phí. Cập nhật sau mỗi lần mua nguyên liệu.",
                }),
                ("callout", {
                    "kind": "warning",
                    "text": "Đừng quên tính công sức của các thành viên. Nếu chỉ có lãi khi mọi người "
                            "làm không công, mô hình đó khó bền vững.",
                }),
            ],
        },
    ],
}
