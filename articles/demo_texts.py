"""The demo articles' texts: an opening of its own for each title, and per category a pool of
paragraphs on that category's subjects, combined deterministically (articles.demo).

Written for the try-out in the manner of the provincial commissions' news pages; the people,
figures and events are invented, the places are Nghệ An's.
"""

OPENINGS = {
    # Tin trong tỉnh
    "Hội nghị tổng kết công tác dân vận năm 2025 của Ban Dân vận Tỉnh ủy": (
        "Sáng 28/11, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết công tác dân vận năm 2025 và "
        "triển khai nhiệm vụ năm 2026. Năm qua, toàn tỉnh có hơn 1.900 mô hình “Dân vận khéo” được "
        "đăng ký, trong đó 640 mô hình được công nhận và biểu dương."
    ),
    "Đoàn công tác Ban Dân vận Tỉnh ủy thăm, tặng quà đồng bào vùng lũ": (
        "Sau đợt mưa lũ kéo dài, đoàn công tác của Ban Dân vận Tỉnh ủy đã đến thăm, động viên và trao "
        "120 suất quà cho các hộ bị thiệt hại tại xã Tam Quang và Tam Thái. Mỗi suất quà gồm gạo, "
        "nhu yếu phẩm và 1 triệu đồng tiền mặt."
    ),
    "Triển khai nhiệm vụ công tác dân vận 6 tháng cuối năm": (
        "Hội nghị sơ kết 6 tháng đầu năm đã thống nhất 5 nhóm nhiệm vụ trọng tâm cho những tháng cuối "
        "năm, trong đó ưu tiên nắm bắt tình hình Nhân dân sau khi sắp xếp đơn vị hành chính cấp xã và "
        "vận động người dân tham gia chuyển đổi số."
    ),
    "Tập huấn nghiệp vụ công tác dân vận cho cán bộ cơ sở": (
        "Trong hai ngày, gần 300 cán bộ làm công tác dân vận của các xã, phường đã được bồi dưỡng kỹ "
        "năng tiếp xúc, đối thoại với Nhân dân, cách nắm và tổng hợp tình hình dư luận xã hội, cách viết "
        "báo cáo mô hình “Dân vận khéo”."
    ),
    "Ký kết chương trình phối hợp giữa Ban Dân vận và Ủy ban MTTQ tỉnh": (
        "Chương trình phối hợp giai đoạn 2026–2030 xác định rõ trách nhiệm của mỗi bên trong việc "
        "giám sát, phản biện xã hội, tiếp nhận và giải quyết kiến nghị của cử tri, và trong các cuộc "
        "vận động lớn như “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”."
    ),
    "Đối thoại giữa người đứng đầu cấp ủy với Nhân dân về cải cách hành chính": (
        "Tại buổi đối thoại, hơn 40 ý kiến của người dân và doanh nghiệp đã được nêu, tập trung vào "
        "thời gian cấp giấy chứng nhận quyền sử dụng đất, thủ tục đăng ký kinh doanh và việc nộp hồ sơ "
        "trực tuyến. Nhiều ý kiến được trả lời ngay tại chỗ."
    ),
    # Tin huyện, thị, thành
    "Đổi mới công tác dân vận ở Đảng bộ huyện Mường Nhé": (
        "Đảng bộ huyện đã phân công mỗi đảng viên phụ trách từ 10 đến 15 hộ gia đình, hằng tháng đến "
        "từng nhà nắm tình hình sản xuất, đời sống. Cách làm này giúp cấp ủy sớm biết và giải quyết "
        "những vướng mắc ngay từ thôn, bản."
    ),
    "Con Cuông: phát huy vai trò người có uy tín trong đồng bào dân tộc thiểu số": (
        "Con Cuông hiện có 86 người có uy tín là già làng, trưởng bản, trưởng dòng họ. Họ là những người "
        "đi đầu vận động bà con bỏ tục tảo hôn, giữ rừng đầu nguồn và đưa con em đến trường."
    ),
    "Kỳ Sơn tổng kết 5 năm phong trào thi đua Dân vận khéo": (
        "Sau 5 năm, Kỳ Sơn có 101 mô hình được khen thưởng cấp huyện, 53 tập thể và 48 cá nhân, nhiều "
        "mô hình gắn với giảm nghèo như nuôi bò sinh sản, trồng gừng dưới tán rừng và giữ nghề dệt "
        "thổ cẩm của đồng bào Mông, Khơ Mú."
    ),
    "Thị xã Hoàng Mai ra quân xây dựng đô thị văn minh": (
        "Hơn 2.000 đoàn viên, hội viên và người dân các phường đã ra quân dọn vệ sinh, trồng cây xanh, "
        "chỉnh trang vỉa hè dọc quốc lộ 1A. Các khối phố đăng ký “tuyến phố văn minh, không rác thải”."
    ),
    "Huyện Quỳ Châu đối thoại với thanh niên về khởi nghiệp": (
        "Tại buổi đối thoại, thanh niên Quỳ Châu đề xuất được vay vốn ưu đãi để trồng dược liệu, phát "
        "triển du lịch cộng đồng ở bản Bua và bán nông sản qua sàn thương mại điện tử."
    ),
    "Nghi Lộc: nhân dân hiến đất làm đường giao thông nông thôn": (
        "Năm nay, người dân Nghi Lộc đã hiến hơn 18.000 m² đất, tháo dỡ tường rào, cổng ngõ để mở rộng "
        "12 km đường liên thôn. Không có trường hợp nào phải cưỡng chế."
    ),
    # Dân vận khéo
    "Mô hình Dân vận khéo giúp đồng bào Thái thoát nghèo bền vững": (
        "Từ mô hình “Tổ hợp tác nuôi lợn đen bản địa”, 35 hộ đồng bào Thái ở bản Xiềng đã có thu nhập "
        "ổn định. Cán bộ xã không làm thay mà “cầm tay chỉ việc”, để bà con tự quản lý đàn lợn và quỹ "
        "xoay vòng."
    ),
    "Những cách làm hay trong phong trào thi đua Dân vận khéo": (
        "Mỗi địa phương một cách làm: nơi thành lập “Tổ hòa giải ở ngõ xóm”, nơi mở “Phiên chợ 0 đồng” "
        "cho hộ nghèo, nơi tổ chức “Ngày thứ Bảy cùng dân” để cán bộ xuống thôn làm việc cùng bà con."
    ),
    "Dân vận khéo trong giải phóng mặt bằng đường ven biển": (
        "Để bàn giao mặt bằng đúng tiến độ, tổ công tác đã đến từng hộ giải thích chính sách bồi thường, "
        "hỗ trợ tái định cư. Nhờ đó, 412 hộ dân đã đồng thuận nhận tiền và bàn giao đất trước thời hạn."
    ),
    "Tuyên dương 50 điển hình Dân vận khéo giai đoạn 2021–2025": (
        "50 tập thể và cá nhân tiêu biểu được tuyên dương là những điển hình trên các lĩnh vực kinh tế, "
        "văn hóa – xã hội, quốc phòng – an ninh và xây dựng hệ thống chính trị, trong đó có 14 điển hình "
        "là người dân tộc thiểu số."
    ),
    "Đảng viên trẻ với mô hình “Chợ phiên nông sản sạch”": (
        "Mỗi sáng Chủ nhật, chợ phiên do chi đoàn thanh niên tổ chức bán rau, trứng, mật ong của các hộ "
        "sản xuất theo hướng an toàn. Người mua biết rõ sản phẩm của nhà nào nhờ mã QR trên từng gói hàng."
    ),
    "Dân vận khéo góp phần xây dựng nông thôn mới kiểu mẫu": (
        "Để đạt chuẩn nông thôn mới kiểu mẫu, xã đã vận động Nhân dân đóng góp hơn 6 tỷ đồng và hàng "
        "nghìn ngày công làm đường, thắp sáng đường quê, xây nhà văn hóa và trồng hàng rào xanh."
    ),
    # Dân vận chính quyền
    "Nâng cao chất lượng công tác dân vận của cơ quan nhà nước": (
        "Các sở, ngành đã ban hành quy tắc ứng xử, công khai đường dây nóng và định kỳ lấy ý kiến người "
        "dân về mức độ hài lòng. Tỷ lệ hồ sơ giải quyết đúng hạn năm nay đạt hơn 98%."
    ),
    "Cải cách thủ tục hành chính gắn với dân vận chính quyền": (
        "Trung tâm phục vụ hành chính công cấp xã đã rút ngắn thời gian giải quyết nhiều thủ tục; người "
        "dân được hướng dẫn nộp hồ sơ trực tuyến ngay tại quầy và nhận kết quả qua bưu điện."
    ),
    "Chính quyền thân thiện, vì Nhân dân phục vụ": (
        "Tại bộ phận một cửa, cán bộ mặc đồng phục, đeo thẻ tên và niềm nở chào hỏi. Mỗi quầy có hòm "
        "thư góp ý và mã QR để người dân đánh giá thái độ phục vụ ngay sau khi làm xong thủ tục."
    ),
    "Tiếp công dân định kỳ: lắng nghe để hành động": (
        "Mỗi tháng, Chủ tịch UBND xã trực tiếp tiếp công dân ít nhất hai buổi. Các kiến nghị về đất đai, "
        "chính sách người có công được ghi sổ theo dõi, giao người giải quyết và trả lời bằng văn bản."
    ),
    "Số hóa dịch vụ công: người dân được gì?": (
        "Nhờ ứng dụng định danh điện tử, người dân có thể đăng ký khai sinh, thường trú, cấp phiếu lý "
        "lịch tư pháp mà không phải đến trụ sở. Tổ công nghệ số cộng đồng ở các thôn hướng dẫn cách "
        "dùng cho người cao tuổi."
    ),
    "Ứng xử văn hóa nơi công sở ở cấp xã": (
        "Quy tắc ứng xử được niêm yết tại trụ sở: đúng giờ, không hút thuốc, nói năng lịch sự, không "
        "gây phiền hà cho dân. Việc thực hiện quy tắc là một tiêu chí đánh giá cán bộ cuối năm."
    ),
    # Quy chế dân chủ ở cơ sở
    "Thực hiện Luật Thực hiện dân chủ ở cơ sở: kết quả bước đầu": (
        "Sau hơn hai năm thi hành luật, các xã, phường đều công khai những nội dung người dân được biết, "
        "được bàn và quyết định, như mức đóng góp xây dựng công trình công cộng và kết quả bình xét hộ "
        "nghèo."
    ),
    "Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng": (
        "Ở thôn Yên Lạc, việc làm 800 m kênh mương nội đồng do chính người dân bàn và quyết định: "
        "từ phương án, mức đóng góp đến việc cử người giám sát thi công và nghiệm thu."
    ),
    "Phát huy vai trò Ban Thanh tra nhân dân ở xã": (
        "Năm qua, Ban Thanh tra nhân dân xã đã giám sát 9 công trình xây dựng và việc chi trả chính sách "
        "an sinh, phát hiện và kiến nghị khắc phục 3 sai sót về khối lượng thi công."
    ),
    "Hội nghị đối thoại dân chủ tại doanh nghiệp": (
        "Tại hội nghị người lao động, công nhân được nghe công khai về tiền lương, thưởng, bữa ăn ca và "
        "đóng bảo hiểm xã hội; ban giám đốc trả lời trực tiếp 27 câu hỏi của người lao động."
    ),
    "Công khai tài chính thôn bản: người dân đồng thuận": (
        "Các khoản thu, chi của thôn được niêm yết tại nhà văn hóa và đọc trên loa truyền thanh mỗi quý. "
        "Từ khi công khai, việc đóng góp quỹ thôn không còn ý kiến thắc mắc."
    ),
    "Hương ước, quy ước trong thời kỳ mới": (
        "Nhiều thôn, bản đã sửa đổi hương ước theo hướng bỏ các quy định phạt không phù hợp, bổ sung "
        "nội dung giữ vệ sinh môi trường, tổ chức việc cưới, việc tang văn minh, tiết kiệm."
    ),
    # Công tác dân tộc – tôn giáo
    "Đồng bào Công giáo chung tay xây dựng nông thôn mới": (
        "Tại giáo xứ Yên Lý, linh mục quản xứ cùng ban hành giáo vận động giáo dân góp tiền, góp công "
        "làm đường và trường học, sống “tốt đời, đẹp đạo”."
    ),
    "Chăm lo đời sống đồng bào dân tộc Mông vùng biên": (
        "Ở các bản vùng biên, bộ đội biên phòng và cán bộ xã hướng dẫn đồng bào Mông trồng cây ăn quả, "
        "nuôi dê, đưa trẻ đến lớp; nhiều hộ đã có nhà vững chắc nhờ chương trình xóa nhà tạm."
    ),
    "Gặp mặt chức sắc tôn giáo nhân dịp Đại lễ Phật đản": (
        "Nhân dịp Đại lễ Phật đản, lãnh đạo tỉnh đã thăm, chúc mừng Ban Trị sự Giáo hội Phật giáo Việt Nam "
        "tỉnh, ghi nhận đóng góp của tăng ni, phật tử trong các hoạt động từ thiện, an sinh xã hội."
    ),
    "Người có uy tín: cầu nối giữa Đảng với đồng bào": (
        "Già làng Vi Văn Pấu ở bản Cướm đã nhiều lần đứng ra hòa giải tranh chấp đất rẫy, vận động con "
        "cháu không nghe theo kẻ xấu xuất cảnh trái phép."
    ),
    "Giữ gìn bản sắc văn hóa dân tộc Thái ở miền Tây xứ Nghệ": (
        "Các câu lạc bộ dân ca, khắp Thái, lớp học chữ Thái cổ được duy trì ở nhiều bản; lễ hội Xăng "
        "khan và nghề dệt thổ cẩm trở thành sản phẩm du lịch cộng đồng."
    ),
    "Phòng chống tà đạo trong vùng đồng bào dân tộc thiểu số": (
        "Cán bộ dân vận phối hợp với người có uy tín đến từng hộ tuyên truyền, giúp bà con nhận rõ các "
        "hoạt động mê tín, lôi kéo trái pháp luật; nhiều hộ đã tự nguyện từ bỏ sinh hoạt tà đạo."
    ),
    # Nghiên cứu – Trao đổi
    "Một số giải pháp nâng cao hiệu quả công tác dân vận trong tình hình mới": (
        "Bài viết đề xuất ba nhóm giải pháp: nâng cao nhận thức của cấp ủy về vị trí công tác dân vận, "
        "đổi mới phương thức vận động phù hợp từng đối tượng, và bảo đảm điều kiện cho đội ngũ cán bộ "
        "dân vận ở cơ sở."
    ),
    "Tư tưởng Hồ Chí Minh về công tác dân vận: giá trị lý luận và thực tiễn": (
        "Bài báo “Dân vận” của Chủ tịch Hồ Chí Minh đăng năm 1949 đến nay vẫn nguyên giá trị: “Dân vận "
        "là vận động tất cả lực lượng của mỗi một người dân không để sót một người dân nào”."
    ),
    "Dân vận trên không gian mạng: thách thức và cơ hội": (
        "Mạng xã hội giúp cán bộ dân vận nắm dư luận nhanh hơn, nhưng thông tin sai lệch cũng lan truyền "
        "nhanh hơn. Các nhóm Zalo thôn, xóm là kênh để giải thích chính sách kịp thời."
    ),
    "Vai trò của cán bộ dân vận trong chuyển đổi số": (
        "Cán bộ dân vận là người đến với dân đầu tiên: hướng dẫn cài ứng dụng, thanh toán không dùng tiền "
        "mặt, nhận biết lừa đảo qua mạng, để không ai bị bỏ lại phía sau."
    ),
    "Bài học từ các điểm nóng khiếu kiện đông người": (
        "Phân tích một số vụ việc khiếu kiện đông người cho thấy nguyên nhân sâu xa thường là thông tin "
        "không được công khai từ đầu và người dân không được lắng nghe đúng lúc."
    ),
    "Đổi mới phương thức lãnh đạo công tác dân vận của cấp ủy": (
        "Cấp ủy cần đưa nhiệm vụ dân vận vào nghị quyết chuyên đề, phân công cụ thể từng đồng chí cấp ủy "
        "phụ trách địa bàn và coi kết quả dân vận là tiêu chí đánh giá tổ chức đảng."
    ),
    # Gương người tốt, việc tốt
    "Ông Lữ Văn Đức: người hiến đất mở đường ở bản Đôn": (
        "Ông Lữ Văn Đức, 68 tuổi, đã hiến 600 m² đất vườn để mở con đường vào bản Đôn. Thấy ông làm "
        "trước, 20 hộ khác cũng tự nguyện hiến đất, con đường bê tông hoàn thành chỉ sau bốn tháng."
    ),
    "Cô giáo cắm bản 20 năm gieo chữ vùng cao": (
        "Hai mươi năm bám bản, cô giáo Lương Thị Hạnh đã đưa hàng trăm em nhỏ người Khơ Mú đến lớp, "
        "nhiều buổi tối cô còn mở lớp xóa mù chữ cho phụ nữ trong bản."
    ),
    "Cựu chiến binh làm kinh tế giỏi, giúp đỡ hội viên nghèo": (
        "Với trang trại cam và đàn bò 40 con, cựu chiến binh Nguyễn Văn Sơn có thu nhập gần 1 tỷ đồng "
        "mỗi năm; ông tạo việc làm cho 12 lao động và cho hội viên nghèo mượn giống không lấy lãi."
    ),
    "Nữ bí thư chi bộ trẻ và con đường bê tông mơ ước": (
        "Ba mươi tuổi, chị Lô Thị Thu được bầu làm Bí thư chi bộ bản. Việc đầu tiên chị làm là cùng bà con "
        "bàn cách làm con đường bê tông 2 km mà cả bản mong đợi từ lâu."
    ),
}

# Per category: paragraphs on its subjects, from which each article takes 0 to 3 after its opening.
POOLS = {
    "Tin trong tỉnh": [
        "Đồng chí Trưởng Ban Dân vận Tỉnh ủy đề nghị các cấp ủy tiếp tục quán triệt quan điểm “dân là "
        "gốc”, đổi mới nội dung, phương thức vận động theo hướng thiết thực, hướng về cơ sở, và chủ động "
        "nắm tình hình để giải quyết từ sớm, từ xa những vấn đề phát sinh.",
        "Các đại biểu cũng chỉ ra những hạn chế: nơi còn lúng túng trong việc phối hợp giữa chính quyền "
        "với Mặt trận Tổ quốc và các đoàn thể, việc nhân rộng mô hình hay chưa đều giữa các địa bàn.",
        "Dịp này, nhiều tập thể và cá nhân có thành tích xuất sắc đã được tặng Bằng khen, Giấy khen.",
    ],
    "Tin huyện, thị, thành": [
        "Lãnh đạo địa phương cho biết sẽ tiếp tục phân công cán bộ, đảng viên bám địa bàn, gần dân, nhất "
        "là ở những thôn, bản còn khó khăn, để kịp thời tháo gỡ vướng mắc cho người dân.",
        "Kết quả này có sự đóng góp lớn của Mặt trận Tổ quốc và các đoàn thể, những người trực tiếp đến "
        "từng hộ gia đình vận động, giải thích.",
        "Thời gian tới, địa phương sẽ sơ kết, rút kinh nghiệm để nhân rộng cách làm ra các xã lân cận.",
    ],
    "Dân vận khéo": [
        "Theo Ban Dân vận, điểm chung của các mô hình “Dân vận khéo” là xuất phát từ nhu cầu thật của "
        "người dân, cán bộ làm gương trước, và lợi ích được chia sẻ công khai, minh bạch.",
        "Phong trào được triển khai trên các lĩnh vực kinh tế, văn hóa – xã hội, quốc phòng – an ninh, "
        "xây dựng hệ thống chính trị; mỗi năm đều có mô hình mới được đăng ký, công nhận.",
        "Nhiều mô hình đã được nhân rộng, mang lại hiệu quả thiết thực, góp phần nâng cao đời sống vật "
        "chất và tinh thần của Nhân dân.",
    ],
    "Dân vận chính quyền": [
        "Theo đánh giá, thái độ phục vụ của cán bộ, công chức đã có chuyển biến rõ: việc gây phiền hà, "
        "sách nhiễu giảm hẳn, nhiều hồ sơ được giải quyết trước hạn.",
        "Dân vận chính quyền được xác định là nhiệm vụ của cả hệ thống, trong đó người đứng đầu cơ quan "
        "phải trực tiếp lắng nghe, đối thoại và chịu trách nhiệm trước Nhân dân.",
        "Thời gian tới, các cơ quan sẽ tiếp tục cắt giảm thủ tục, đẩy mạnh dịch vụ công trực tuyến toàn "
        "trình và công khai kết quả đánh giá sự hài lòng của người dân.",
    ],
    "Quy chế dân chủ ở cơ sở": [
        "Việc thực hiện dân chủ ở cơ sở giúp người dân tin tưởng hơn vào cấp ủy, chính quyền; nhiều công "
        "trình được triển khai nhanh vì chính người dân bàn và quyết định.",
        "Tuy vậy, ở một số nơi việc công khai còn hình thức, chỉ niêm yết mà chưa giải thích để người dân "
        "hiểu; vai trò giám sát của cộng đồng có lúc chưa được phát huy.",
        "Mặt trận Tổ quốc cấp xã được giao chủ trì giám sát việc thực hiện, kịp thời phản ánh những nơi "
        "làm chưa đúng quy định.",
    ],
    "Công tác dân tộc – tôn giáo": [
        "Các chính sách đối với đồng bào dân tộc thiểu số và đồng bào có đạo được triển khai kịp thời; "
        "các chức sắc, chức việc và người có uy tín tích cực vận động bà con chấp hành pháp luật.",
        "Tình hình an ninh trật tự ở vùng đồng bào ổn định; khối đại đoàn kết các dân tộc, tôn giáo tiếp "
        "tục được củng cố.",
        "Cán bộ dân vận được đề nghị học tiếng dân tộc, hiểu phong tục, tập quán để gần gũi, nói cho bà "
        "con hiểu và làm theo.",
    ],
    "Nghiên cứu – Trao đổi": [
        "Thực tiễn cho thấy, ở đâu cấp ủy quan tâm đúng mức đến công tác dân vận, ở đó lòng tin của Nhân "
        "dân được củng cố, các chủ trương đi vào cuộc sống thuận lợi.",
        "Cần tiếp tục nghiên cứu, tổng kết thực tiễn để có cơ sở khoa học cho việc xây dựng chính sách, "
        "nhất là sau khi sắp xếp lại đơn vị hành chính và tổ chức bộ máy.",
        "Bài học lớn nhất vẫn là lời dạy của Bác: “Dễ trăm lần không dân cũng chịu, khó vạn lần dân liệu "
        "cũng xong”.",
    ],
    "Gương người tốt, việc tốt": [
        "Nói về việc làm của mình, người được biểu dương chỉ giản dị: “Mình làm được gì cho bà con thì "
        "làm, có gì đâu mà khen”.",
        "Câu chuyện ấy lan tỏa trong cộng đồng, khích lệ nhiều người cùng chung tay vì cái chung.",
        "Chính quyền địa phương đã đề nghị khen thưởng để biểu dương, nhân rộng tấm gương này.",
    ],
}

# Per category: the bold opening ("sapo") of its articles, in turn.
LEADS = {
    "Tin trong tỉnh": [
        "Công tác dân vận của tỉnh tiếp tục hướng về cơ sở, lấy sự hài lòng của Nhân dân làm thước đo.",
        "Ban Dân vận Tỉnh ủy cùng các sở, ngành và đoàn thể bàn giải pháp cho những việc người dân quan tâm.",
    ],
    "Tin huyện, thị, thành": [
        "Từ những việc cụ thể ở thôn, bản, khối phố, cấp ủy địa phương đã tạo được sự đồng thuận của người dân.",
        "Cách làm sát dân, hiểu dân của địa phương đang mang lại những kết quả rõ rệt.",
    ],
    "Dân vận khéo": [
        "Phong trào thi đua “Dân vận khéo” tiếp tục xuất hiện nhiều mô hình hay, cách làm hiệu quả.",
        "Khéo vận động, biết lắng nghe: những điển hình “Dân vận khéo” được Nhân dân đồng tình hưởng ứng.",
    ],
    "Dân vận chính quyền": [
        "Xây dựng chính quyền gần dân, trọng dân, phục vụ Nhân dân là trọng tâm của dân vận chính quyền.",
        "Người dân và doanh nghiệp được phục vụ tốt hơn nhờ những thay đổi trong cách làm việc của cơ quan nhà nước.",
    ],
    "Quy chế dân chủ ở cơ sở": [
        "Quyền làm chủ của Nhân dân ở cơ sở ngày càng được bảo đảm bằng những việc làm cụ thể.",
        "Khi người dân được biết, được bàn và được kiểm tra, mọi việc chung của thôn, xã đều thuận lợi hơn.",
    ],
    "Công tác dân tộc – tôn giáo": [
        "Đồng bào các dân tộc, các tôn giáo một lòng đoàn kết, chung tay xây dựng quê hương.",
        "Chăm lo đời sống đồng bào vùng cao, vùng có đạo là nhiệm vụ thường xuyên của các cấp ủy.",
    ],
    "Nghiên cứu – Trao đổi": [
        "Bài viết trao đổi một số vấn đề lý luận và thực tiễn của công tác dân vận hiện nay.",
        "Từ thực tiễn ở cơ sở, tác giả nêu một số kiến nghị nhằm nâng cao hiệu quả công tác dân vận.",
    ],
    "Gương người tốt, việc tốt": [
        "Giữa đời thường, có những con người lặng lẽ làm việc tốt, được bà con quý mến.",
        "Câu chuyện giản dị mà cảm động về một tấm gương “người tốt, việc tốt” ở cơ sở.",
    ],
}
