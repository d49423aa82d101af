<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>Main</name>
    <message>
        <source>Previous month</source>
        <translation>Tháng trước</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Tháng sau</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <source>For: %1</source>
        <translation>Đối tượng: %1</translation>
    </message>
    <message>
        <source>With: %1</source>
        <translation>Phối hợp: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation><numerusform>%n buổi</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s)</source>
        <translation><numerusform>%n người tham gia</numerusform></translation>
    </message>
    <message>
        <source>not held yet</source>
        <translation>chưa tổ chức</translation>
    </message>
    <message>
        <source>No activities are planned this month.</source>
        <translation>Tháng này không có hoạt động nào.</translation>
    </message>
</context>
<context>
    <name>clc</name>
    <message>
        <source>line %1: </source>
        <translation>dòng %1: </translation>
    </message>
    <message>
        <source>%1: </source>
        <translation>%1: </translation>
    </message>
    <message>
        <source>the database has schema version %1 but this program knows only up to %2; update clc</source>
        <translation>cơ sở dữ liệu có phiên bản lược đồ %1 nhưng chương trình này chỉ biết đến %2; hãy cập nhật clc</translation>
    </message>
    <message>
        <source>the CSV is malformed (%1)</source>
        <translation>tệp CSV bị lỗi định dạng (%1)</translation>
    </message>
    <message>
        <source>%1 is not a plausible year of birth</source>
        <translation>%1 không phải là năm sinh hợp lý</translation>
    </message>
    <message>
        <source>'%1' is not a year of birth (write 1975 or 05/02/1975)</source>
        <translation>'%1' không phải là năm sinh (hãy viết 1975 hoặc 05/02/1975)</translation>
    </message>
    <message>
        <source>'%1' is not a phone number</source>
        <translation>'%1' không phải là số điện thoại</translation>
    </message>
    <message>
        <source>'%1' is not a phone number (10 digits expected)</source>
        <translation>'%1' không phải là số điện thoại (cần 10 chữ số)</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>tệp trống</translation>
    </message>
    <message>
        <source>no column for the full name (a heading such as 'Họ và tên')</source>
        <translation>không có cột họ tên (tiêu đề như 'Họ và tên')</translation>
    </message>
    <message>
        <source>%1 cells but only %2 headings</source>
        <translation>%1 ô nhưng chỉ có %2 tiêu đề</translation>
    </message>
    <message>
        <source>the name is empty</source>
        <translation>họ tên bị trống</translation>
    </message>
    <message>
        <source>the name is longer than 200 characters</source>
        <translation>họ tên dài quá 200 ký tự</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) have errors; nothing was imported</source>
        <translation><numerusform>%n dòng có lỗi; chưa nhập gì</numerusform></translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>không phải JSON hợp lệ: %1</translation>
    </message>
    <message>
        <source>a plan file is a JSON object</source>
        <translation>tệp kế hoạch phải là một đối tượng JSON</translation>
    </message>
    <message>
        <source>must be "clc-plan/1"</source>
        <translation>phải là "clc-plan/1"</translation>
    </message>
    <message>
        <source>'%1' is not defined</source>
        <translation>'%1' chưa được định nghĩa</translation>
    </message>
    <message>
        <source>'%1' is not one of: %2</source>
        <translation>'%1' không thuộc: %2</translation>
    </message>
    <message>
        <source>technical training</source>
        <translation>tập huấn kỹ thuật</translation>
    </message>
    <message>
        <source>law and policy</source>
        <translation>pháp luật, chính sách</translation>
    </message>
    <message>
        <source>health and population</source>
        <translation>y tế, dân số</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>môi trường</translation>
    </message>
    <message>
        <source>culture and sport</source>
        <translation>văn hoá, thể thao</translation>
    </message>
    <message>
        <source>commemoration</source>
        <translation>kỷ niệm</translation>
    </message>
    <message>
        <source>other</source>
        <translation>khác</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>không được để trống</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>phải là số nguyên</translation>
    </message>
    <message>
        <source>must be between %1 and %2</source>
        <translation>phải nằm trong khoảng %1 đến %2</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>phải là văn bản</translation>
    </message>
    <message>
        <source>is longer than %1 characters</source>
        <translation>dài quá %1 ký tự</translation>
    </message>
    <message>
        <source>'%1' is not a month of the form YYYY-MM</source>
        <translation>'%1' không phải là tháng dạng YYYY-MM</translation>
    </message>
    <message>
        <source>'%1' is not a date and time of the form YYYY-MM-DDTHH:MM</source>
        <translation>'%1' không phải là ngày giờ dạng YYYY-MM-DDTHH:MM</translation>
    </message>
    <message>
        <source>'%1' is not an id</source>
        <translation>'%1' không phải là mã định danh</translation>
    </message>
    <message>
        <source>'%1' is not a whole number</source>
        <translation>'%1' không phải là số nguyên</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>không đọc được tệp: %1</translation>
    </message>
    <message>
        <source>the text is not UTF-8; save the file as UTF-8 (in Excel: CSV UTF-8)</source>
        <translation>văn bản không phải UTF-8; hãy lưu tệp dạng UTF-8 (trong Excel: CSV UTF-8)</translation>
    </message>
    <message>
        <source>the text is not UTF-8</source>
        <translation>văn bản không phải UTF-8</translation>
    </message>
    <message>
        <source>Initialised %1 (replica %2).</source>
        <translation>Đã khởi tạo %1 (bản sao %2).</translation>
    </message>
    <message>
        <source>The demo is already loaded in %1; nothing changed.</source>
        <translation>Dữ liệu mẫu đã có trong %1; không thay đổi gì.</translation>
    </message>
    <message>
        <source>Loaded the 2017–2018 plan of Đức Chính ward: %1 activities, %2 people, %3 sessions, %4 attendance marks.</source>
        <translation>Đã nạp kế hoạch 2017–2018 của phường Đức Chính: %1 hoạt động, %2 người, %3 buổi, %4 lượt điểm danh.</translation>
    </message>
    <message>
        <source>Imported plan %1: %2 activities, %3 targets, %4 quarterly tasks, %5 groups, %6 organisations (%7 fields changed).</source>
        <translation>Đã nhập kế hoạch %1: %2 hoạt động, %3 chỉ tiêu, %4 nhiệm vụ quý, %5 đối tượng, %6 đơn vị (%7 trường thay đổi).</translation>
    </message>
    <message>
        <source>No activities.</source>
        <translation>Không có hoạt động nào.</translation>
    </message>
    <message>
        <source>No activities in %1.</source>
        <translation>Không có hoạt động nào trong tháng %1.</translation>
    </message>
    <message>
        <source>for: %1</source>
        <translation>đối tượng: %1</translation>
    </message>
    <message>
        <source>with: %1</source>
        <translation>phối hợp: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation><numerusform>%n buổi</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s)</source>
        <translation><numerusform>%n người tham gia</numerusform></translation>
    </message>
    <message>
        <source>Nobody matches '%1'.</source>
        <translation>Không tìm thấy ai khớp với '%1'.</translation>
    </message>
    <message>
        <source>male</source>
        <translation>nam</translation>
    </message>
    <message>
        <source>female</source>
        <translation>nữ</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>dòng %1</translation>
    </message>
    <message>
        <source>person %1 already in the register</source>
        <translation>người %1 đã có trong sổ</translation>
    </message>
    <message>
        <source>line %1: %2 (%3) may be the same person as %4</source>
        <translation>dòng %1: %2 (%3) có thể trùng với %4</translation>
    </message>
    <message>
        <source>Columns not imported: %1</source>
        <translation>Các cột không nhập: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) have errors; nothing was imported.</source>
        <translation><numerusform>%n dòng có lỗi; chưa nhập gì.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) would be imported (dry run: nothing written).</source>
        <translation><numerusform>Sẽ nhập %n người (chạy thử: chưa ghi gì).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) imported.</source>
        <translation><numerusform>Đã nhập %n người.</numerusform></translation>
    </message>
    <message>
        <source>'%1' is not one of: json, csv</source>
        <translation>'%1' không thuộc: json, csv</translation>
    </message>
    <message>
        <source>cannot write: %1</source>
        <translation>không ghi được: %1</translation>
    </message>
    <message>
        <source>database: %1</source>
        <translation>cơ sở dữ liệu: %1</translation>
    </message>
    <message>
        <source>replica: %1</source>
        <translation>bản sao: %1</translation>
    </message>
    <message>
        <source>centre: %1 (%2)</source>
        <translation>trung tâm: %1 (%2)</translation>
    </message>
    <message>
        <source>schema version: %1</source>
        <translation>phiên bản lược đồ: %1</translation>
    </message>
    <message>
        <source>changes waiting to be sent: %1</source>
        <translation>thay đổi chờ gửi: %1</translation>
    </message>
    <message>
        <source>clc: unknown option %1</source>
        <translation>clc: không rõ tuỳ chọn %1</translation>
    </message>
    <message>
        <source>clc: --db FILE is required</source>
        <translation>clc: cần có --db TỆP</translation>
    </message>
    <message>
        <source>clc: unknown command '%1'</source>
        <translation>clc: không rõ lệnh '%1'</translation>
    </message>
    <message>
        <source>clc: error: %1</source>
        <translation>clc: lỗi: %1</translation>
    </message>
    <message>
        <source>Month %1</source>
        <translation>Tháng %1</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>bị thiếu</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>phải là chuỗi</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>phải là danh sách</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>phải là đối tượng</translation>
    </message>
    <message>
        <source>must be a whole number between %1 and %2</source>
        <translation>phải là số nguyên từ %1 đến %2</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>phải là true hoặc false</translation>
    </message>
    <message>
        <source>no %1 called '%2'</source>
        <translation>không có %1 tên '%2'</translation>
    </message>
    <message>
        <source>learner group</source>
        <translation>đối tượng học</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>đơn vị</translation>
    </message>
    <message>
        <source>no %1 with id '%2'</source>
        <translation>không có %1 với mã '%2'</translation>
    </message>
    <message>
        <source>unknown field; one of: %1</source>
        <translation>không rõ trường; chọn một trong: %1</translation>
    </message>
    <message>
        <source>'%1' is not a sex: write Nam or Nữ (m or f)</source>
        <translation>'%1' không phải giới tính: hãy viết Nam hoặc Nữ (m hoặc f)</translation>
    </message>
    <message>
        <source>the database is not initialised: run `clc --db %1 init` (or `demo`) first</source>
        <translation>cơ sở dữ liệu chưa được khởi tạo: hãy chạy `clc --db %1 init` (hoặc `demo`) trước</translation>
    </message>
    <message>
        <source>the database is already initialised (replica %1)</source>
        <translation>cơ sở dữ liệu đã được khởi tạo (bản sao %1)</translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation>không rõ trường</translation>
    </message>
    <message>
        <source>unknown table</source>
        <translation>không rõ bảng</translation>
    </message>
    <message>
        <source>no %1 with id %2</source>
        <translation>không có %1 với mã %2</translation>
    </message>
    <message>
        <source>expected %1</source>
        <translation>cần có %1</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>là bắt buộc</translation>
    </message>
</context>
</TS>