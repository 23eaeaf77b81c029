"""Seed Nghệ An's reporting units over time (SPEC "Units over time"); all stay editable.

- District-level units (huyện, thị xã, thành phố) end on 30/06/2025, when the district level
  was abolished. Their own earlier merge: Thị xã Cửa Lò was merged into Thành phố Vinh by
  Nghị quyết 1243/NQ-UBTVQH15 of the National Assembly Standing Committee (UBTVQH), in force
  from 01/12/2024 (Cửa Lò ends on 30/11/2024). The four Nghi Lộc communes moved to Vinh by the
  same resolution are not a predecessor link: Nghi Lộc went on.
- The 130 commune-level units (119 xã, 11 phường) from 01/07/2025, as the UBTVQH's 2025
  resolution on the arrangement of Nghệ An's commune-level units sets them out (Nghị quyết
  1678/NQ-UBTVQH15, 16/06/2025 — the number and date as reported; the text seen was the one
  published by the provincial press, "Nghệ An có 130 đơn vị hành chính cấp xã, gồm 119 xã và 11
  phường sau khi sắp xếp", June 2025). The list of which former communes make each new unit, and
  so its former district, comes from the open dataset of the `vietnamadminunits` package 1.0.4
  (MIT, "mapping from 63-province to 34-province dataset"), checked by hand against the
  resolution's first articles (Anh Sơn, Yên Xuân, Nhân Hòa). Each unit's `source_note` keeps
  the former communes it came from. Every new unit came from a single former district.
- Party committees directly under the Tỉnh ủy: Đảng bộ các cơ quan Đảng tỉnh (Quyết định
  3255-QĐ/TU) and Đảng bộ Ủy ban nhân dân tỉnh (Quyết định 3254-QĐ/TU), both of 12/02/2025 and
  working from 13/02/2025, as reported by Báo Nghệ An. That the two "khối" committees ended on
  12/02/2025 and which of them each new committee took over is inferred, so those links are
  marked unverified. Đảng ủy Quân sự tỉnh and Đảng ủy Công an tỉnh go on; whether the Đảng ủy
  Bộ đội Biên phòng tỉnh is still directly under the Tỉnh ủy after 2025 was not sourced and is
  marked unverified; the full list of committees under the Tỉnh ủy after the reorganisation
  could not be checked and is marked so.

Units an operator has renamed are left alone (matched by name); re-running adds nothing twice.
"""

import datetime

from django.db import migrations

from danvan_site.text import vn_slugify

DISTRICT_END = datetime.date(2025, 6, 30)
COMMUNE_START = datetime.date(2025, 7, 1)
CUA_LO_END = datetime.date(2024, 11, 30)
COMMITTEES_START = datetime.date(2025, 2, 13)

NQ_2025 = "Nghị quyết 1678/NQ-UBTVQH15 (16/06/2025) về sắp xếp đơn vị hành chính cấp xã tỉnh Nghệ An năm 2025"
NQ_2024 = "Nghị quyết 1243/NQ-UBTVQH15, hiệu lực từ 01/12/2024"

# (new unit, former district-level unit, the former communes it was formed from)
COMMUNE_LEVEL = [
    # Thành phố Vinh
    (
        "Phường Thành Vinh",
        "Thành phố Vinh",
        "Phường Đông Vĩnh, Phường Lê Lợi, Phường Hưng Bình, Phường Cửa Nam, Phường Quang Trung, Xã Hưng Chính",
    ),
    (
        "Phường Trường Vinh",
        "Thành phố Vinh",
        "Phường Hưng Phúc, Phường Hưng Dũng, Phường Trường Thi, Phường Bến Thủy, Phường Trung Đô, Xã Hưng Hòa, Phường Vinh Tân",
    ),
    ("Phường Vinh Phú", "Thành phố Vinh", "Phường Hà Huy Tập, Phường Nghi Phú, Xã Nghi Ân, Phường Nghi Đức"),
    (
        "Phường Vinh Lộc",
        "Thành phố Vinh",
        "Phường Hưng Lộc, Xã Nghi Phong, Xã Nghi Xuân, Xã Phúc Thọ, Xã Nghi Thái",
    ),
    (
        "Phường Cửa Lò",
        "Thành phố Vinh",
        "Phường Nghi Thủy, Phường Nghi Tân, Phường Thu Thủy, Phường Nghi Hòa, Phường Nghi Hải, Phường Nghi Hương, Phường Nghi Thu",
    ),
    ("Phường Vinh Hưng", "Thành phố Vinh", "Phường Quán Bàu, Phường Hưng Đông, Xã Nghi Liên, Xã Nghi Kim"),
    # Thị xã Thái Hòa
    ("Phường Thái Hòa", "Thị xã Thái Hòa", "Phường Hòa Hiếu, Phường Quang Phong, Phường Long Sơn"),
    ("Phường Tây Hiếu", "Thị xã Thái Hòa", "Phường Quang Tiến, Xã Nghĩa Tiến, Xã Tây Hiếu"),
    ("Xã Đông Hiếu", "Thị xã Thái Hòa", "Xã Nghĩa Mỹ, Xã Nghĩa Thuận, Xã Đông Hiếu"),
    # Thị xã Hoàng Mai
    ("Phường Hoàng Mai", "Thị xã Hoàng Mai", "Xã Quỳnh Vinh, Phường Quỳnh Thiện, Xã Quỳnh Trang"),
    (
        "Phường Quỳnh Mai",
        "Thị xã Hoàng Mai",
        "Phường Mai Hùng, Phường Quỳnh Xuân, Phường Quỳnh Phương, Xã Quỳnh Liên",
    ),
    ("Phường Tân Mai", "Thị xã Hoàng Mai", "Xã Quỳnh Lộc, Xã Quỳnh Lập, Phường Quỳnh Dị"),
    # Huyện Anh Sơn
    ("Xã Anh Sơn", "Huyện Anh Sơn", "Thị trấn Kim Nhan, Xã Đức Sơn, Xã Phúc Sơn"),
    ("Xã Thành Bình Thọ", "Huyện Anh Sơn", "Xã Thọ Sơn, Xã Thành Sơn, Xã Bình Sơn"),
    ("Xã Nhân Hòa", "Huyện Anh Sơn", "Xã Tam Đỉnh, Xã Hùng Sơn, Xã Cẩm Sơn"),
    ("Xã Vĩnh Tường", "Huyện Anh Sơn", "Xã Tường Sơn, Xã Hoa Sơn, Xã Hội Sơn"),
    ("Xã Anh Sơn Đông", "Huyện Anh Sơn", "Xã Tào Sơn, Xã Vĩnh Sơn, Xã Lạng Sơn"),
    ("Xã Yên Xuân", "Huyện Anh Sơn", "Xã Long Sơn, Xã Khai Sơn, Xã Lĩnh Sơn, Xã Cao Sơn"),
    # Huyện Con Cuông
    ("Xã Bình Chuẩn", "Huyện Con Cuông", "Xã Bình Chuẩn"),
    ("Xã Mậu Thạch", "Huyện Con Cuông", "Xã Thạch Ngàn, Xã Mậu Đức"),
    ("Xã Cam Phục", "Huyện Con Cuông", "Xã Cam Lâm, Xã Đôn Phục"),
    ("Xã Châu Khê", "Huyện Con Cuông", "Xã Lạng Khê, Xã Châu Khê"),
    ("Xã Con Cuông", "Huyện Con Cuông", "Xã Chi Khê, Thị trấn Trà Lân, Xã Yên Khê"),
    ("Xã Môn Sơn", "Huyện Con Cuông", "Xã Lục Dạ, Xã Môn Sơn"),
    # Huyện Diễn Châu
    ("Xã Hùng Châu", "Huyện Diễn Châu", "Xã Diễn Lâm, Xã Diễn Đoài, Xã Diễn Trường, Xã Diễn Yên"),
    ("Xã Đức Châu", "Huyện Diễn Châu", "Xã Diễn Hồng, Xã Diễn Phong, Xã Diễn Vạn, Xã Diễn Kỷ"),
    ("Xã Hải Châu", "Huyện Diễn Châu", "Xã Diễn Hoàng, Xã Diễn Mỹ, Xã Hùng Hải, Xã Diễn Kim"),
    ("Xã Quảng Châu", "Huyện Diễn Châu", "Xã Diễn Liên, Xã Xuân Tháp, Xã Diễn Thái, Xã Diễn Đồng"),
    ("Xã Diễn Châu", "Huyện Diễn Châu", "Xã Ngọc Bích, Xã Diễn Hoa, Thị trấn Diễn Thành, Xã Diễn Phúc"),
    ("Xã Minh Châu", "Huyện Diễn Châu", "Xã Hạnh Quảng, Xã Diễn Nguyên, Xã Diễn Cát, Xã Minh Châu"),
    ("Xã An Châu", "Huyện Diễn Châu", "Xã Diễn Thịnh, Xã Diễn Tân, Xã Diễn Trung, Xã Diễn An"),
    ("Xã Tân Châu", "Huyện Diễn Châu", "Xã Diễn Thọ, Xã Diễn Lợi, Xã Diễn Lộc, Xã Diễn Phú"),
    # Huyện Đô Lương
    ("Xã Bạch Ngọc", "Huyện Đô Lương", "Xã Giang Sơn Đông, Xã Giang Sơn Tây, Xã Bạch Ngọc, Xã Bồi Sơn"),
    ("Xã Lương Sơn", "Huyện Đô Lương", "Xã Hồng Sơn, Xã Bài Sơn, Xã Tràng Sơn, Xã Đông Sơn"),
    (
        "Xã Đô Lương",
        "Huyện Đô Lương",
        "Thị trấn Đô Lương, Xã Bắc Sơn, Xã Đặng Sơn, Xã Nam Sơn, Xã Lưu Sơn, Xã Yên Sơn, Xã Văn Sơn, Xã Đà Sơn, Xã Thịnh Sơn",
    ),
    ("Xã Văn Hiến", "Huyện Đô Lương", "Xã Thượng Sơn, Xã Hòa Sơn, Xã Tân Sơn, Xã Thái Sơn, Xã Quang Sơn"),
    (
        "Xã Thuần Trung",
        "Huyện Đô Lương",
        "Xã Lạc Sơn, Xã Trung Sơn, Xã Xuân Sơn, Xã Minh Sơn, Xã Thuận Sơn, Xã Nhân Sơn",
    ),
    ("Xã Bạch Hà", "Huyện Đô Lương", "Xã Hiến Sơn, Xã Mỹ Sơn, Xã Trù Sơn, Xã Đại Sơn"),
    # Huyện Hưng Nguyên
    ("Xã Hưng Nguyên", "Huyện Hưng Nguyên", "Thị trấn Hưng Nguyên, Xã Hưng Tây, Xã Hưng Đạo, Xã Thịnh Mỹ"),
    ("Xã Yên Trung", "Huyện Hưng Nguyên", "Xã Hưng Trung, Xã Hưng Yên Nam, Xã Hưng Yên Bắc"),
    ("Xã Hưng Nguyên Nam", "Huyện Hưng Nguyên", "Xã Hưng Lĩnh, Xã Thông Tân, Xã Long Xá, Xã Xuân Lam"),
    ("Xã Lam Thành", "Huyện Hưng Nguyên", "Xã Hưng Nghĩa, Xã Phúc Lợi, Xã Châu Nhân, Xã Hưng Thành"),
    # Huyện Kỳ Sơn
    ("Xã Mường Xén", "Huyện Kỳ Sơn", "Thị trấn Mường Xén, Xã Tà Cạ, Xã Tây Sơn"),
    ("Xã Mỹ Lý", "Huyện Kỳ Sơn", "Xã Mỹ Lý"),
    ("Xã Bắc Lý", "Huyện Kỳ Sơn", "Xã Bắc Lý"),
    ("Xã Keng Đu", "Huyện Kỳ Sơn", "Xã Keng Đu"),
    ("Xã Huồi Tụ", "Huyện Kỳ Sơn", "Xã Huồi Tụ"),
    ("Xã Mường Lống", "Huyện Kỳ Sơn", "Xã Mường Lống"),
    ("Xã Na Loi", "Huyện Kỳ Sơn", "Xã Đoọc Mạy, Xã Na Loi"),
    ("Xã Nậm Cắn", "Huyện Kỳ Sơn", "Xã Nậm Cắn, Xã Phà Đánh"),
    ("Xã Hữu Kiệm", "Huyện Kỳ Sơn", "Xã Bảo Nam, Xã Hữu Lập, Xã Hữu Kiệm"),
    ("Xã Chiêu Lưu", "Huyện Kỳ Sơn", "Xã Bảo Thắng, Xã Chiêu Lưu"),
    ("Xã Mường Típ", "Huyện Kỳ Sơn", "Xã Mường Típ, Xã Mường Ải"),
    ("Xã Na Ngoi", "Huyện Kỳ Sơn", "Xã Na Ngoi, Xã Nậm Càn"),
    # Huyện Nam Đàn
    ("Xã Nam Đàn", "Huyện Nam Đàn", "Xã Nam Hưng, Xã Nghĩa Thái, Xã Nam Thanh"),
    ("Xã Đại Huệ", "Huyện Nam Đàn", "Xã Nam Anh, Xã Nam Xuân, Xã Nam Lĩnh"),
    ("Xã Vạn An", "Huyện Nam Đàn", "Thị trấn Nam Đàn, Xã Xuân Hòa, Xã Thượng Tân Lộc"),
    ("Xã Kim Liên", "Huyện Nam Đàn", "Xã Nam Giang, Xã Hùng Tiến, Xã Kim Liên, Xã Xuân Hồng, Xã Nam Cát"),
    ("Xã Thiên Nhẫn", "Huyện Nam Đàn", "Xã Khánh Sơn, Xã Trung Phúc Cường, Xã Nam Kim"),
    # Huyện Nghi Lộc
    ("Xã Nghi Lộc", "Huyện Nghi Lộc", "Thị trấn Quán Hành, Xã Nghi Trung, Xã Diên Hoa, Xã Nghi Vạn"),
    ("Xã Hải Lộc", "Huyện Nghi Lộc", "Xã Nghi Yên, Xã Nghi Tiến, Xã Nghi Thiết"),
    ("Xã Thần Lĩnh", "Huyện Nghi Lộc", "Xã Nghi Hưng, Xã Nghi Đồng, Xã Nghi Phương"),
    ("Xã Văn Kiều", "Huyện Nghi Lộc", "Xã Nghi Văn, Xã Nghi Kiều"),
    ("Xã Phúc Lộc", "Huyện Nghi Lộc", "Xã Nghi Lâm, Xã Nghi Mỹ, Xã Nghi Công Bắc, Xã Nghi Công Nam"),
    ("Xã Trung Lộc", "Huyện Nghi Lộc", "Xã Nghi Quang, Xã Nghi Thuận, Xã Nghi Long, Xã Nghi Xá"),
    ("Xã Đông Lộc", "Huyện Nghi Lộc", "Xã Khánh Hợp, Xã Nghi Thạch, Xã Thịnh Trường"),
    # Huyện Nghĩa Đàn
    ("Xã Nghĩa Đàn", "Huyện Nghĩa Đàn", "Thị trấn Nghĩa Đàn, Xã Nghĩa Bình, Xã Nghĩa Trung"),
    ("Xã Nghĩa Lâm", "Huyện Nghĩa Đàn", "Xã Nghĩa Yên, Xã Nghĩa Lạc, Xã Nghĩa Lâm, Xã Nghĩa Sơn"),
    ("Xã Nghĩa Thọ", "Huyện Nghĩa Đàn", "Xã Nghĩa Lợi, Xã Nghĩa Thọ, Xã Nghĩa Hội"),
    ("Xã Nghĩa Hưng", "Huyện Nghĩa Đàn", "Xã Nghĩa Hưng, Xã Nghĩa Thành"),
    ("Xã Nghĩa Mai", "Huyện Nghĩa Đàn", "Xã Nghĩa Mai, Xã Nghĩa Minh, Xã Nghĩa Hồng"),
    ("Xã Nghĩa Lộc", "Huyện Nghĩa Đàn", "Xã Nghĩa Long, Xã Nghĩa Lộc"),
    ("Xã Nghĩa Khánh", "Huyện Nghĩa Đàn", "Xã Nghĩa Đức, Xã Nghĩa An, Xã Nghĩa Khánh"),
    # Huyện Quế Phong
    ("Xã Quế Phong", "Huyện Quế Phong", "Thị trấn Kim Sơn, Xã Nậm Giải, Xã Châu Kim, Xã Mường Nọc"),
    ("Xã Thông Thụ", "Huyện Quế Phong", "Xã Thông Thụ, Xã Đồng Văn"),
    ("Xã Tiền Phong", "Huyện Quế Phong", "Xã Hạnh Dịch, Xã Tiền Phong"),
    ("Xã Tri Lễ", "Huyện Quế Phong", "Xã Tri Lễ, Xã Nậm Nhoóng"),
    ("Xã Mường Quàng", "Huyện Quế Phong", "Xã Châu Thôn, Xã Quang Phong, Xã Cắm Muộn"),
    # Huyện Quỳ Châu
    ("Xã Quỳ Châu", "Huyện Quỳ Châu", "Thị trấn Tân Lạc, Xã Châu Hội, Xã Châu Nga, Xã Châu Hạnh"),
    ("Xã Châu Tiến", "Huyện Quỳ Châu", "Xã Châu Bính, Xã Châu Thuận, Xã Châu Tiến, Xã Châu Thắng"),
    ("Xã Hùng Chân", "Huyện Quỳ Châu", "Xã Châu Phong, Xã Châu Hoàn, Xã Diên Lãm"),
    ("Xã Châu Bình", "Huyện Quỳ Châu", "Xã Châu Bình"),
    # Huyện Quỳ Hợp
    ("Xã Quỳ Hợp", "Huyện Quỳ Hợp", "Thị trấn Quỳ Hợp, Xã Châu Quang, Xã Thọ Hợp, Xã Châu Đình"),
    ("Xã Châu Hồng", "Huyện Quỳ Hợp", "Xã Châu Tiến, Xã Châu Hồng, Xã Châu Thành"),
    ("Xã Châu Lộc", "Huyện Quỳ Hợp", "Xã Liên Hợp, Xã Châu Lộc"),
    ("Xã Tam Hợp", "Huyện Quỳ Hợp", "Xã Yên Hợp, Xã Đồng Hợp, Xã Tam Hợp, Xã Nghĩa Xuân"),
    ("Xã Minh Hợp", "Huyện Quỳ Hợp", "Xã Minh Hợp, Xã Văn Lợi, Xã Hạ Sơn"),
    ("Xã Mường Ham", "Huyện Quỳ Hợp", "Xã Châu Cường, Xã Châu Thái"),
    ("Xã Mường Chọng", "Huyện Quỳ Hợp", "Xã Nam Sơn, Xã Châu Lý, Xã Bắc Sơn"),
    # Huyện Quỳnh Lưu
    ("Xã Quỳnh Văn", "Huyện Quỳnh Lưu", "Xã Quỳnh Tân, Xã Quỳnh Văn, Xã Quỳnh Thạch"),
    ("Xã Quỳnh Tam", "Huyện Quỳnh Lưu", "Xã Quỳnh Châu, Xã Tân Sơn, Xã Quỳnh Tam"),
    ("Xã Quỳnh Sơn", "Huyện Quỳnh Lưu", "Xã Ngọc Sơn, Xã Quỳnh Sơn, Xã Quỳnh Lâm"),
    (
        "Xã Quỳnh Anh",
        "Huyện Quỳnh Lưu",
        "Xã Quỳnh Bảng, Xã Quỳnh Thanh, Xã Quỳnh Đôi, Xã Minh Lương, Xã Quỳnh Yên",
    ),
    (
        "Xã Quỳnh Lưu",
        "Huyện Quỳnh Lưu",
        "Xã Quỳnh Hậu, Thị trấn Cầu Giát, Xã Bình Sơn, Xã Quỳnh Diễn, Xã Quỳnh Giang",
    ),
    ("Xã Quỳnh Phú", "Huyện Quỳnh Lưu", "Xã An Hòa, Xã Phú Nghĩa, Xã Văn Hải, Xã Thuận Long"),
    ("Xã Quỳnh Thắng", "Huyện Quỳnh Lưu", "Xã Quỳnh Thắng, Xã Tân Thắng"),
    # Huyện Tân Kỳ
    ("Xã Tân Kỳ", "Huyện Tân Kỳ", "Thị trấn Tân Kỳ, Xã Nghĩa Dũng, Xã Kỳ Sơn, Xã Kỳ Tân"),
    ("Xã Tân Phú", "Huyện Tân Kỳ", "Xã Tân Phú, Xã Tân Xuân, Xã Nghĩa Thái, Xã Hoàn Long"),
    ("Xã Giai Xuân", "Huyện Tân Kỳ", "Xã Tân Hợp, Xã Giai Xuân"),
    ("Xã Nghĩa Đồng", "Huyện Tân Kỳ", "Xã Bình Hợp, Xã Nghĩa Đồng"),
    ("Xã Tiên Đồng", "Huyện Tân Kỳ", "Xã Đồng Văn, Xã Tiên Kỳ"),
    ("Xã Tân An", "Huyện Tân Kỳ", "Xã Nghĩa Phúc, Xã Tân An, Xã Hương Sơn"),
    ("Xã Nghĩa Hành", "Huyện Tân Kỳ", "Xã Phú Sơn, Xã Tân Hương, Xã Nghĩa Hành"),
    # Huyện Thanh Chương
    (
        "Xã Đại Đồng",
        "Huyện Thanh Chương",
        "Thị trấn Dùng, Xã Thanh Phong, Xã Đại Đồng, Xã Thanh Ngọc, Xã Đồng Văn",
    ),
    ("Xã Hạnh Lâm", "Huyện Thanh Chương", "Xã Hạnh Lâm, Xã Thanh Đức"),
    ("Xã Cát Ngạn", "Huyện Thanh Chương", "Xã Cát Văn, Xã Minh Sơn, Xã Phong Thịnh"),
    ("Xã Tam Đồng", "Huyện Thanh Chương", "Xã Thanh Mỹ, Xã Thanh Tiên, Xã Thanh Liên"),
    ("Xã Sơn Lâm", "Huyện Thanh Chương", "Xã Thanh Sơn, Xã Ngọc Lâm"),
    ("Xã Hoa Quân", "Huyện Thanh Chương", "Xã Thanh Hương, Xã Thanh Thịnh, Xã Thanh An, Xã Thanh Quả"),
    ("Xã Xuân Lâm", "Huyện Thanh Chương", "Xã Ngọc Sơn, Xã Xuân Dương, Xã Minh Tiến"),
    ("Xã Kim Bảng", "Huyện Thanh Chương", "Xã Kim Bảng, Xã Thanh Thủy, Xã Thanh Hà"),
    ("Xã Bích Hào", "Huyện Thanh Chương", "Xã Thanh Tùng, Xã Thanh Lâm, Xã Mai Giang, Xã Thanh Xuân"),
    # Huyện Tương Dương
    ("Xã Tương Dương", "Huyện Tương Dương", "Thị trấn Thạch Giám, Xã Lưu Kiền, Xã Xá Lượng"),
    ("Xã Nhôn Mai", "Huyện Tương Dương", "Xã Mai Sơn, Xã Nhôn Mai"),
    ("Xã Hữu Khuông", "Huyện Tương Dương", "Xã Hữu Khuông"),
    ("Xã Nga My", "Huyện Tương Dương", "Xã Nga My, Xã Xiêng My"),
    ("Xã Lượng Minh", "Huyện Tương Dương", "Xã Lượng Minh"),
    ("Xã Yên Hòa", "Huyện Tương Dương", "Xã Yên Hòa, Xã Yên Thắng"),
    ("Xã Yên Na", "Huyện Tương Dương", "Xã Yên Tĩnh, Xã Yên Na"),
    ("Xã Tam Quang", "Huyện Tương Dương", "Xã Tam Đình, Xã Tam Quang"),
    ("Xã Tam Thái", "Huyện Tương Dương", "Xã Tam Thái, Xã Tam Hợp"),
    # Huyện Yên Thành
    ("Xã Yên Thành", "Huyện Yên Thành", "Thị trấn Hoa Thành, Xã Tăng Thành, Xã Văn Thành, Xã Đông Thành"),
    ("Xã Bình Minh", "Huyện Yên Thành", "Xã Mã Thành, Xã Tiến Thành, Xã Tân Thành, Xã Đức Thành"),
    ("Xã Quang Đồng", "Huyện Yên Thành", "Xã Kim Thành, Xã Quang Thành, Xã Đồng Thành"),
    ("Xã Giai Lạc", "Huyện Yên Thành", "Xã Lăng Thành, Xã Hậu Thành, Xã Phúc Thành"),
    ("Xã Đông Thành", "Huyện Yên Thành", "Xã Đô Thành, Xã Thọ Thành, Xã Phú Thành"),
    ("Xã Vân Du", "Huyện Yên Thành", "Xã Tây Thành, Xã Thịnh Thành, Xã Minh Thành"),
    ("Xã Quan Thành", "Huyện Yên Thành", "Xã Xuân Thành, Xã Bắc Thành, Xã Trung Thành, Xã Nam Thành"),
    (
        "Xã Hợp Minh",
        "Huyện Yên Thành",
        "Xã Long Thành, Xã Vĩnh Thành, Xã Viên Thành, Xã Bảo Thành, Xã Sơn Thành",
    ),
    ("Xã Vân Tụ", "Huyện Yên Thành", "Xã Liên Thành, Xã Mỹ Thành, Xã Vân Tụ"),
]

# (name, valid_from, predecessors, note, is_unverified)
COMMITTEES_AFTER = [
    (
        "Đảng ủy các cơ quan Đảng tỉnh",
        COMMITTEES_START,
        ["Đảng ủy Khối các cơ quan tỉnh"],
        "Quyết định 3255-QĐ/TU ngày 12/02/2025 của Ban Thường vụ Tỉnh ủy; hoạt động từ 13/02/2025. "
        "Đơn vị tiền thân là suy luận, cần xác minh.",
        True,
    ),
    (
        "Đảng ủy Ủy ban nhân dân tỉnh",
        COMMITTEES_START,
        ["Đảng ủy Khối các cơ quan tỉnh", "Đảng ủy Khối Doanh nghiệp tỉnh"],
        "Quyết định 3254-QĐ/TU ngày 12/02/2025 của Ban Thường vụ Tỉnh ủy; hoạt động từ 13/02/2025. "
        "Đơn vị tiền thân là suy luận, cần xác minh.",
        True,
    ),
]
COMMITTEES_ENDED = ["Đảng ủy Khối các cơ quan tỉnh", "Đảng ủy Khối Doanh nghiệp tỉnh"]
COMMITTEES_UNVERIFIED = {
    "Đảng ủy Quân sự tỉnh": "Vẫn trực thuộc Tỉnh ủy sau sắp xếp (chưa đối chiếu văn bản).",
    "Đảng ủy Công an tỉnh": "Vẫn trực thuộc Tỉnh ủy sau sắp xếp (chưa đối chiếu văn bản).",
    "Đảng ủy Bộ đội Biên phòng tỉnh": "Chưa xác minh còn trực thuộc Tỉnh ủy sau năm 2025 hay không.",
}


def seed(apps, schema_editor):
    Unit = apps.get_model("reports", "Unit")
    by_name = {u.name: u for u in Unit.objects.all()}

    # District-level units until 30/06/2025; Cửa Lò into Vinh on 01/12/2024.
    district_level = Unit.objects.filter(kind__in=["district", "town", "city"], valid_to__isnull=True)
    district_level.exclude(name="Thị xã Cửa Lò").update(
        valid_to=DISTRICT_END,
        source_note="Kết thúc hoạt động từ 01/07/2025 (bỏ cấp huyện). Ngày thành lập không ghi.",
    )
    cua_lo, vinh = by_name.get("Thị xã Cửa Lò"), by_name.get("Thành phố Vinh")
    if cua_lo is not None and vinh is not None:
        if cua_lo.valid_to is None or cua_lo.is_unverified:
            cua_lo.valid_to, cua_lo.is_unverified = CUA_LO_END, False
            cua_lo.source_note = f"Nhập vào Thành phố Vinh theo {NQ_2024}."
            cua_lo.save()
        vinh.predecessors.add(cua_lo)

    # Party committees before and after February 2025.
    Unit.objects.filter(name__in=COMMITTEES_ENDED, valid_to__isnull=True).update(
        valid_to=COMMITTEES_START - datetime.timedelta(days=1),
        is_unverified=True,
        source_note="Kết thúc khi thành lập Đảng bộ các cơ quan Đảng tỉnh và Đảng bộ UBND tỉnh "
        "(13/02/2025); ngày kết thúc cần xác minh.",
    )
    for name, note in COMMITTEES_UNVERIFIED.items():
        Unit.objects.filter(name=name, source_note="").update(is_unverified=True, source_note=note)
    order = 900
    for name, start, predecessors, note, unverified in COMMITTEES_AFTER:
        order += 1
        unit, created = Unit.objects.get_or_create(
            name=name,
            defaults={
                "slug": vn_slugify(name),
                "kind": "party_committee",
                "order": order,
                "valid_from": start,
                "source_note": note,
                "is_unverified": unverified,
            },
        )
        if created:
            unit.predecessors.add(*[by_name[p] for p in predecessors if p in by_name])

    # The 130 commune-level units, grouped in the order of their former districts.
    for i, (name, former, communes) in enumerate(COMMUNE_LEVEL):
        unit, created = Unit.objects.get_or_create(
            name=name,
            defaults={
                "slug": vn_slugify(name),
                "kind": "ward" if name.startswith("Phường") else "commune",
                "order": 100 + i,
                "valid_from": COMMUNE_START,
                "source_note": f"{NQ_2025}. Hình thành từ: {communes} ({former}).",
            },
        )
        if created and former in by_name:
            unit.predecessors.add(by_name[former])


class Migration(migrations.Migration):
    dependencies = [("reports", "0003_district_becomes_unit")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
