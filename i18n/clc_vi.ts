<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ActivityPane</name>
    <message>
        <source>Choose an activity to see its sessions.</source>
        <translation>Chọn một hoạt động để xem các buổi.</translation>
    </message>
    <message>
        <source>No sessions yet.</source>
        <translation>Chưa có buổi nào.</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Các buổi</translation>
    </message>
    <message>
        <source>Print the attendance sheet</source>
        <translation>In sổ điểm danh</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <source>Add a session</source>
        <translation>Thêm buổi</translation>
    </message>
    <message>
        <source>Edit the activity</source>
        <translation>Sửa hoạt động</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tên hoạt động</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Target group</source>
        <translation>Đối tượng học</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Đơn vị phối hợp</translation>
    </message>
    <message>
        <source>Teacher or speaker</source>
        <translation>Người dạy hoặc báo cáo viên</translation>
    </message>
    <message>
        <source>Planned participants</source>
        <translation>Số người dự kiến</translation>
    </message>
    <message>
        <source>Budget (đ)</source>
        <translation>Kinh phí (đ)</translation>
    </message>
    <message>
        <source>Spent (đ)</source>
        <translation>Đã chi (đ)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>To (optional)</source>
        <translation>Đến (không bắt buộc)</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Người phụ trách</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>e.g. 25/11/2017</source>
        <translation>ví dụ 25/11/2017</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ</translation>
    </message>
    <message>
        <source>e.g. 08:00</source>
        <translation>ví dụ 08:00</translation>
    </message>
    <message>
        <source>Why it did not take place</source>
        <translation>Lý do không tổ chức</translation>
    </message>
    <message>
        <source>Only if it did not take place</source>
        <translation>Chỉ ghi nếu hoạt động không diễn ra</translation>
    </message>
</context>
<context>
    <name>AttendancePage</name>
    <message>
        <source>Search a name</source>
        <translation>Tìm tên</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Unnamed headcount</source>
        <translation>Số người không ghi tên</translation>
    </message>
    <message>
        <source>Add a walk-in</source>
        <translation>Thêm người đến dự</translation>
    </message>
    <message>
        <source>Nobody is expected: add walk-ins or a headcount.</source>
        <translation>Không có ai dự kiến: hãy thêm người đến dự hoặc số người.</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <source>Year of birth</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <source>Neighbourhood (khu)</source>
        <translation>Khu</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Xoá ô tìm</translation>
    </message>
    <message>
        <source>Only not marked</source>
        <translation>Chỉ người chưa điểm danh</translation>
    </message>
    <message>
        <source>Nobody on the list matches «%1».</source>
        <translation>Không có ai trong danh sách khớp «%1».</translation>
    </message>
    <message>
        <source>Everyone on the list is marked.</source>
        <translation>Mọi người trong danh sách đã được điểm danh.</translation>
    </message>
    <message>
        <source>Add «%1» as a walk-in</source>
        <translation>Thêm «%1» là người đến thêm</translation>
    </message>
    <message>
        <source>Find in the whole register</source>
        <translation>Tìm trong toàn bộ sổ học viên</translation>
    </message>
    <message>
        <source>present</source>
        <translation>có mặt</translation>
    </message>
    <message>
        <source>late</source>
        <translation>đến muộn</translation>
    </message>
    <message>
        <source>excused</source>
        <translation>vắng có phép</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>vắng</translation>
    </message>
    <message>
        <source>not marked</source>
        <translation>chưa điểm danh</translation>
    </message>
    <message>
        <source>In the register</source>
        <translation>Trong sổ học viên</translation>
    </message>
    <message>
        <source>Nobody in the register matches «%1». Add them as a walk-in.</source>
        <translation>Không có ai trong sổ học viên khớp «%1». Hãy thêm họ là người đến thêm.</translation>
    </message>
    <message>
        <source>mark present</source>
        <translation>điểm danh có mặt</translation>
    </message>
    <message>
        <source>Already in the register? Tap them instead of adding someone new:</source>
        <translation>Đã có trong sổ học viên? Chạm vào tên đó thay vì thêm người mới:</translation>
    </message>
    <message>
        <source>choose below, or type a new one</source>
        <translation>chọn bên dưới, hoặc gõ tên mới</translation>
    </message>
    <message numerus="yes">
        <source>%Ln mark(s) not sent yet: they go with the next sync.</source>
        <translation>
            <numerusform>%Ln lượt điểm danh chưa gửi: sẽ gửi ở lần đồng bộ tới.</numerusform>
        </translation>
    </message>
    <message>
        <source>on the list: mark present</source>
        <translation>đã có trong danh sách: đánh dấu có mặt</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>%1 of %2 held</source>
        <translation>đã tổ chức %1/%2</translation>
    </message>
</context>
<context>
    <name>ChoiceChips</name>
    <message>
        <source>More… (%1)</source>
        <translation>Thêm… (%1)</translation>
    </message>
</context>
<context>
    <name>ClcDialog</name>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>FormFields</name>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Year of birth</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <source>Neighbourhood (khu)</source>
        <translation>Khu</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Số điện thoại</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Nhóm</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tên hoạt động</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Target group</source>
        <translation>Đối tượng học</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Đơn vị phối hợp</translation>
    </message>
    <message>
        <source>Teacher or speaker</source>
        <translation>Người dạy hoặc báo cáo viên</translation>
    </message>
    <message>
        <source>Planned participants</source>
        <translation>Số người dự kiến</translation>
    </message>
    <message>
        <source>Budget (đ)</source>
        <translation>Kinh phí (đ)</translation>
    </message>
    <message>
        <source>Spent (đ)</source>
        <translation>Đã chi (đ)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ</translation>
    </message>
    <message>
        <source>Date and start time</source>
        <translation>Ngày và giờ bắt đầu</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Người phụ trách</translation>
    </message>
    <message>
        <source>line %1: </source>
        <translation>dòng %1: </translation>
    </message>
    <message>
        <source>To (optional)</source>
        <translation>Đến (không bắt buộc)</translation>
    </message>
    <message>
        <source>Unnamed headcount</source>
        <translation>Số người không ghi tên</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>Đạt được</translation>
    </message>
    <message>
        <source>Out of</source>
        <translation>Trên tổng số</translation>
    </message>
    <message>
        <source>Why it did not take place</source>
        <translation>Lý do không tổ chức</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Số văn bản</translation>
    </message>
    <message>
        <source>Bases</source>
        <translation>Căn cứ</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Mục đích</translation>
    </message>
    <message>
        <source>Advantages</source>
        <translation>Thuận lợi</translation>
    </message>
    <message>
        <source>Difficulties</source>
        <translation>Khó khăn</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>Giải pháp</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>Kiến nghị</translation>
    </message>
    <message>
        <source>Closing sentence</source>
        <translation>Câu kết</translation>
    </message>
    <message>
        <source>Assessment of the year</source>
        <translation>Đánh giá chung năm học</translation>
    </message>
    <message>
        <source>Recommendations for next year</source>
        <translation>Kiến nghị, đề xuất cho năm tới</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <source>Required (%)</source>
        <translation>Yêu cầu (%)</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Minh chứng</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>Cuộc điều tra</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Người trả lời</translation>
    </message>
    <message>
        <source>Who answered</source>
        <translation>Người trả lời</translation>
    </message>
    <message>
        <source>What they would like to learn</source>
        <translation>Nội dung muốn học</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>Nội dung khác</translation>
    </message>
    <message>
        <source>Time of day</source>
        <translation>Thời gian trong ngày</translation>
    </message>
    <message>
        <source>Months that suit</source>
        <translation>Tháng phù hợp</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Lịch</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Learners</source>
        <translation>Học viên</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
</context>
<context>
    <name>OpenFailed</name>
    <message>
        <source>Learning centre</source>
        <translation>Trung tâm học tập cộng đồng</translation>
    </message>
    <message>
        <source>This device&apos;s storage is full</source>
        <translation>Bộ nhớ của thiết bị đã đầy</translation>
    </message>
    <message>
        <source>This data was made by a newer version of the app</source>
        <translation>Dữ liệu này do một phiên bản mới hơn của ứng dụng tạo ra</translation>
    </message>
    <message>
        <source>The data on this device cannot be opened</source>
        <translation>Không mở được dữ liệu trên thiết bị này</translation>
    </message>
    <message>
        <source>Nothing was lost: the app stopped before changing anything. Free some space (delete photos, videos or apps you do not need), then press Try again.</source>
        <translation>Không mất gì cả: ứng dụng đã dừng trước khi thay đổi bất cứ điều gì. Hãy giải phóng bớt dung lượng (xoá ảnh, video hoặc ứng dụng không cần đến), rồi bấm Thử lại.</translation>
    </message>
    <message>
        <source>Nothing was lost. Install the latest version of the app, then open it again. Do not delete the data file.</source>
        <translation>Không mất gì cả. Hãy cài phiên bản mới nhất của ứng dụng rồi mở lại. Đừng xoá tệp dữ liệu.</translation>
    </message>
    <message>
        <source>Nothing was deleted. Press Try again first (another program may have been using the data). If it still does not open, do not delete the data file and do not reinstall the app: call the ward office and read them the details below. The attendance already sent to the office is safe there.</source>
        <translation>Không có gì bị xoá. Hãy bấm Thử lại trước (có thể một chương trình khác đang dùng dữ liệu). Nếu vẫn không mở được, đừng xoá tệp dữ liệu và đừng cài lại ứng dụng: hãy gọi cho văn phòng phường và đọc cho họ phần chi tiết bên dưới. Điểm danh đã gửi về văn phòng vẫn an toàn ở đó.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Details for the ward office</source>
        <translation>Chi tiết cho văn phòng phường</translation>
    </message>
    <message>
        <source>Data file: %1</source>
        <translation>Tệp dữ liệu: %1</translation>
    </message>
    <message>
        <source>Log folder: %1</source>
        <translation>Thư mục nhật ký: %1</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>Plan %1</source>
        <translation>Kế hoạch %1</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Quarterly tasks</source>
        <translation>Nhiệm vụ theo quý</translation>
    </message>
    <message>
        <source>Reports: print, save…</source>
        <translation>Báo cáo: in, lưu…</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <source>There is no plan for a school year yet. It arrives from the ward office when this device syncs, or a coordinator imports the plan file (clc-plan JSON) here.</source>
        <translation>Chưa có kế hoạch năm học. Kế hoạch sẽ đến từ máy chủ phường khi thiết bị này đồng bộ, hoặc người điều phối nhập tệp kế hoạch (JSON clc-plan) tại đây.</translation>
    </message>
    <message>
        <source>Import a plan…</source>
        <translation>Nhập kế hoạch…</translation>
    </message>
    <message>
        <source>Choose the plan file</source>
        <translation>Chọn tệp kế hoạch</translation>
    </message>
    <message>
        <source>Plan files (*.json)</source>
        <translation>Tệp kế hoạch (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Change the figures</source>
        <translation>Sửa số liệu</translation>
    </message>
    <message>
        <source>Enter the figures</source>
        <translation>Nhập số liệu</translation>
    </message>
    <message>
        <source>A target measured by hand</source>
        <translation>Chỉ tiêu đo bằng tay</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>Đạt được</translation>
    </message>
    <message>
        <source>Out of</source>
        <translation>Trên tổng số</translation>
    </message>
    <message>
        <source>Attendances month by month</source>
        <translation>Lượt tham gia theo tháng</translation>
    </message>
    <message>
        <source>Activities planned and held, by field</source>
        <translation>Hoạt động theo lĩnh vực: kế hoạch và đã tổ chức</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>theo kế hoạch</translation>
    </message>
    <message>
        <source>held</source>
        <translation>đã tổ chức</translation>
    </message>
    <message>
        <source>Edit the plan&apos;s text</source>
        <translation>Sửa nội dung kế hoạch</translation>
    </message>
    <message>
        <source>Learning-needs survey</source>
        <translation>Điều tra nhu cầu học tập</translation>
    </message>
    <message>
        <source>Draft the plan of %1</source>
        <translation>Lập dự thảo kế hoạch %1</translation>
    </message>
</context>
<context>
    <name>PlanTextPage</name>
    <message>
        <source>The plan&apos;s text, %1</source>
        <translation>Nội dung kế hoạch năm học %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xoá</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Add a quarterly task</source>
        <translation>Thêm nhiệm vụ theo quý</translation>
    </message>
    <message>
        <source>What will be done</source>
        <translation>Việc sẽ làm</translation>
    </message>
    <message>
        <source>Add the task</source>
        <translation>Thêm nhiệm vụ</translation>
    </message>
    <message>
        <source>Add a target</source>
        <translation>Thêm chỉ tiêu</translation>
    </message>
    <message>
        <source>The target, as the plan states it</source>
        <translation>Chỉ tiêu, như ghi trong kế hoạch</translation>
    </message>
    <message>
        <source>Required (%), 100 if done or not done</source>
        <translation>Yêu cầu (%), 100 nếu chỉ là làm hay không</translation>
    </message>
    <message>
        <source>Add the target</source>
        <translation>Thêm chỉ tiêu</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Đóng, không lưu</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation>Đóng mà không lưu?</translation>
    </message>
    <message numerus="yes">
        <source>%n part(s) were changed and not saved. They will be lost.</source>
        <translation>
            <numerusform>%n phần đã sửa mà chưa lưu sẽ bị mất.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove this from the plan?</source>
        <translation>Xoá phần này khỏi kế hoạch?</translation>
    </message>
    <message>
        <source>School year %1</source>
        <translation>Năm học %1</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>Learners (%1)</source>
        <translation>Học viên (%1)</translation>
    </message>
    <message>
        <source>Search a name</source>
        <translation>Tìm tên</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>Add a learner</source>
        <translation>Thêm học viên</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <source>Year of birth</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <source>Neighbourhood (khu)</source>
        <translation>Khu</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Số điện thoại</translation>
    </message>
    <message>
        <source>Import a list (CSV)</source>
        <translation>Nhập danh sách (CSV)</translation>
    </message>
    <message>
        <source>Path of the .csv file</source>
        <translation>Đường dẫn tệp .csv</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <source>Edit a learner</source>
        <translation>Sửa học viên</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Choose the list to import</source>
        <translation>Chọn danh sách cần nhập</translation>
    </message>
    <message>
        <source>Spreadsheet lists (*.csv)</source>
        <translation>Danh sách bảng tính (*.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>choose below, or type a new one</source>
        <translation>chọn bên dưới, hoặc gõ tên mới</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Nhóm</translation>
    </message>
    <message>
        <source>choose below, or type new ones separated by commas</source>
        <translation>chọn bên dưới, hoặc gõ nhóm mới, cách nhau bằng dấu phẩy</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Xoá ô tìm kiếm</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Lưu dưới dạng</translation>
    </message>
    <message>
        <source>File to save</source>
        <translation>Tệp cần lưu</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Open the saved file</source>
        <translation>Mở tệp đã lưu</translation>
    </message>
    <message>
        <source>No program on this device opens this kind of file; copy it from %1.</source>
        <translation>Thiết bị này không có chương trình mở được loại tệp này; hãy chép tệp từ %1.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <source>Choose where…</source>
        <translation>Chọn nơi lưu…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <source>Where to save the report</source>
        <translation>Lưu báo cáo vào đâu</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>Thay tệp đã có?</translation>
    </message>
    <message>
        <source>%1 is already there. Saving replaces it with this report.</source>
        <translation>Đã có tệp %1. Lưu sẽ thay tệp đó bằng báo cáo này.</translation>
    </message>
    <message>
        <source>School year %1</source>
        <translation>Năm học %1</translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
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
    <message>
        <source>not held yet</source>
        <translation>chưa tổ chức</translation>
    </message>
    <message>
        <source>No activities are planned this month.</source>
        <translation>Tháng này không có hoạt động nào.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s)</source>
        <translation>
            <numerusform>%Ln buổi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln planned participant(s)</source>
        <translation>
            <numerusform>%1 / %Ln người tham gia dự kiến</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln participant(s)</source>
        <translation>
            <numerusform>%Ln người tham gia</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>not held yet, %Ln participant(s) planned</source>
        <translation>
            <numerusform>chưa tổ chức, dự kiến %Ln người</numerusform>
        </translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Theo ngày</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <source>Share…</source>
        <translation>Chia sẻ…</translation>
    </message>
    <message>
        <source>Copy as text (Zalo, loudspeaker)</source>
        <translation>Sao chép dạng chữ (gửi Zalo, đọc loa)</translation>
    </message>
    <message>
        <source>Save as a picture</source>
        <translation>Lưu thành ảnh</translation>
    </message>
    <message>
        <source>Save as a calendar file (.ics)</source>
        <translation>Lưu thành tệp lịch (.ics)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Buổi tiếp theo</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>đã huỷ</translation>
    </message>
    <message>
        <source>At: %1</source>
        <translation>Tại: %1</translation>
    </message>
    <message>
        <source>Also planned this month, date to be announced:</source>
        <translation>Hoạt động khác trong tháng (sẽ thông báo ngày sau):</translation>
    </message>
    <message>
        <source>No dates are set this month yet. Planned: %1</source>
        <translation>Tháng này chưa có buổi nào được xếp ngày. Kế hoạch: %1</translation>
    </message>
    <message>
        <source>No sessions are scheduled this month.</source>
        <translation>Chưa có buổi nào được xếp lịch trong tháng này.</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <source>(not enrolled)</source>
        <translation>(chưa đăng ký)</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>Thiết bị này</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Tên: %1</translation>
    </message>
    <message>
        <source>Role: %1</source>
        <translation>Vai trò: %1</translation>
    </message>
    <message>
        <source>What happened on this device</source>
        <translation>Nhật ký của thiết bị này</translation>
    </message>
    <message>
        <source>If something goes wrong, read the last lines to the ward office.</source>
        <translation>Khi có trục trặc, hãy đọc mấy dòng cuối cho văn phòng phường.</translation>
    </message>
    <message>
        <source>Show the latest</source>
        <translation>Xem mới nhất</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
</context>
<context>
    <name>SurveyPage</name>
    <message>
        <source>Learning-needs survey</source>
        <translation>Điều tra nhu cầu học tập</translation>
    </message>
    <message>
        <source>New survey</source>
        <translation>Cuộc điều tra mới</translation>
    </message>
    <message>
        <source>No survey yet. Start one for this quarter: it asks about the plan&apos;s fields, and answers are taken on any tablet.</source>
        <translation>Chưa có cuộc điều tra nào. Hãy bắt đầu một cuộc cho quý này: hỏi theo các lĩnh vực của kế hoạch, phiếu được ghi trên bất kỳ máy tính bảng nào.</translation>
    </message>
    <message>
        <source>No survey yet: the centre&apos;s coordinator starts one, and it arrives here with the next sync.</source>
        <translation>Chưa có cuộc điều tra nào: cán bộ phụ trách của trung tâm sẽ bắt đầu, và cuộc điều tra đến máy này ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>Take an answer</source>
        <translation>Ghi phiếu</translation>
    </message>
    <message>
        <source>Results (%1)</source>
        <translation>Kết quả (%1)</translation>
    </message>
    <message>
        <source>Who answers: a name from the register, or a household</source>
        <translation>Người trả lời: tên trong danh sách, hoặc một hộ gia đình</translation>
    </message>
    <message>
        <source>Type a name…</source>
        <translation>Gõ tên…</translation>
    </message>
    <message>
        <source>From the register: %1</source>
        <translation>Trong danh sách: %1</translation>
    </message>
    <message>
        <source>Neighbourhood (khu)</source>
        <translation>Khu</translation>
    </message>
    <message>
        <source>Group (empty: the person&apos;s own)</source>
        <translation>Đối tượng (để trống: đối tượng của người đó)</translation>
    </message>
    <message>
        <source>What they would like to learn</source>
        <translation>Nội dung muốn học</translation>
    </message>
    <message>
        <source>Something else (optional)</source>
        <translation>Nội dung khác (nếu có)</translation>
    </message>
    <message>
        <source>Time of day that suits</source>
        <translation>Thời gian trong ngày phù hợp</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>Buổi sáng</translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation>Buổi chiều</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>Buổi tối</translation>
    </message>
    <message>
        <source>Months that suit</source>
        <translation>Tháng phù hợp</translation>
    </message>
    <message>
        <source>Month %1</source>
        <translation>Tháng %1</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Save the answer</source>
        <translation>Lưu phiếu</translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s). What people asked for, most asked first:</source>
        <translation>
            <numerusform>%n phiếu. Người dân muốn học, nhiều nhất trước:</numerusform>
        </translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Lúc nào cũng được</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>Chưa hỏi</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <source>Enrolled as %1.</source>
        <translation>Đã đăng ký là %1.</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Máy chủ: %1</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>chưa có</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <source>Enrol this device</source>
        <translation>Đăng ký thiết bị này</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>Đăng ký</translation>
    </message>
    <message>
        <source>No conflicts to review.</source>
        <translation>Không có xung đột cần xem.</translation>
    </message>
    <message>
        <source>Conflicts to review</source>
        <translation>Xung đột cần xem</translation>
    </message>
    <message>
        <source>Kept: %1</source>
        <translation>Đang giữ: %1</translation>
    </message>
    <message>
        <source>Other value: %1</source>
        <translation>Giá trị kia: %1</translation>
    </message>
    <message>
        <source>Use the other value</source>
        <translation>Dùng giá trị kia</translation>
    </message>
    <message>
        <source>Enrol again with a new code…</source>
        <translation>Đăng ký lại bằng mã mới…</translation>
    </message>
    <message>
        <source>The ward office gives the address and a one-time code. Until then, everything you enter is kept on this device; nothing is lost by working offline.</source>
        <translation>Văn phòng phường cấp địa chỉ và một mã dùng một lần. Trong lúc chờ, mọi thứ bạn nhập vẫn được lưu trên máy này; làm việc không có mạng không mất gì.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Địa chỉ máy chủ</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>Mã dùng một lần</translation>
    </message>
    <message>
        <source>e.g. K7QM-2XRT-9BHF</source>
        <translation>ví dụ K7QM-2XRT-9BHF</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <source>‹ Back: start a centre or try the sample instead</source>
        <translation>‹ Quay lại: lập trung tâm mới hoặc dùng thử dữ liệu mẫu</translation>
    </message>
    <message>
        <source>Enrolling… (at most about 12 seconds)</source>
        <translation>Đang đăng ký… (tối đa khoảng 12 giây)</translation>
    </message>
    <message>
        <source>The QR code gave the address and the code: check them, then press Enrol.</source>
        <translation>Mã QR đã cho địa chỉ và mã: hãy kiểm tra, rồi bấm Đăng ký.</translation>
    </message>
    <message>
        <source>e.g. https://clc.example, or paste the office&apos;s clc://enroll link</source>
        <translation>vd. https://clc.example, hoặc dán đường liên kết clc://enroll của phường</translation>
    </message>
    <message>
        <source>The link gave the address and the code: check them, then press Enrol.</source>
        <translation>Đường liên kết đã cho địa chỉ và mã: hãy kiểm tra, rồi bấm Đăng ký.</translation>
    </message>
    <message>
        <source>Read the QR code from a picture…</source>
        <translation>Đọc mã QR từ ảnh…</translation>
    </message>
    <message>
        <source>The picture of the office&apos;s QR code</source>
        <translation>Ảnh chụp mã QR của phường</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>Ảnh (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>This device syncs with %1. Enrolling with %2 moves it, and the learners it holds, to that server. Press Enrol again only if the ward office asked for this.</source>
        <translation>Máy này đang đồng bộ với %1. Đăng ký với %2 sẽ chuyển máy, cùng danh sách học viên trên máy, sang máy chủ đó. Chỉ bấm Đăng ký lần nữa nếu phường yêu cầu.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to the learning centre&apos;s app</source>
        <translation>Chào mừng đến với ứng dụng của Trung tâm học tập cộng đồng</translation>
    </message>
    <message>
        <source>The plan, the schedule, the register and attendance, kept on this device and shared with the ward office when the network allows.</source>
        <translation>Kế hoạch, lịch hoạt động, danh sách học viên và điểm danh được lưu trên thiết bị này và gửi về văn phòng phường khi có mạng.</translation>
    </message>
    <message>
        <source>Join the ward&apos;s centre</source>
        <translation>Tham gia trung tâm của phường</translation>
    </message>
    <message>
        <source>The ward office gives a code (or a link) for this device.</source>
        <translation>Văn phòng phường cấp một mã (hoặc đường liên kết) cho thiết bị này.</translation>
    </message>
    <message>
        <source>Enter the code…</source>
        <translation>Nhập mã…</translation>
    </message>
    <message>
        <source>Start a new centre</source>
        <translation>Lập trung tâm mới</translation>
    </message>
    <message>
        <source>Name of the centre</source>
        <translation>Tên trung tâm</translation>
    </message>
    <message>
        <source>e.g. Trung tâm học tập cộng đồng phường Đức Chính</source>
        <translation>ví dụ: Trung tâm học tập cộng đồng phường Đức Chính</translation>
    </message>
    <message>
        <source>Ward or commune</source>
        <translation>Phường hoặc xã</translation>
    </message>
    <message>
        <source>e.g. phường Đức Chính</source>
        <translation>ví dụ: phường Đức Chính</translation>
    </message>
    <message>
        <source>Start the centre</source>
        <translation>Lập trung tâm</translation>
    </message>
    <message>
        <source>Try it first</source>
        <translation>Dùng thử trước</translation>
    </message>
    <message>
        <source>The 2017–2018 plan of Đức Chính ward and a sample register of 300 residents.</source>
        <translation>Kế hoạch năm học 2017–2018 của phường Đức Chính và danh sách mẫu 300 người dân.</translation>
    </message>
    <message>
        <source>Try it with sample data</source>
        <translation>Dùng thử với dữ liệu mẫu</translation>
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
        <source>&apos;%1&apos; is not a year of birth (write 1975 or 05/02/1975)</source>
        <translation>&apos;%1&apos; không phải là năm sinh (hãy viết 1975 hoặc 05/02/1975)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a phone number</source>
        <translation>&apos;%1&apos; không phải là số điện thoại</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a phone number (10 digits expected)</source>
        <translation>&apos;%1&apos; không phải là số điện thoại (cần 10 chữ số)</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>tệp trống</translation>
    </message>
    <message>
        <source>no column for the full name (a heading such as &apos;Họ và tên&apos;)</source>
        <translation>không có cột họ tên (tiêu đề như &apos;Họ và tên&apos;)</translation>
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
        <translation>
            <numerusform>%n dòng có lỗi; chưa nhập gì</numerusform>
        </translation>
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
        <source>must be &quot;clc-plan/1&quot;</source>
        <translation>phải là &quot;clc-plan/1&quot;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not defined</source>
        <translation>&apos;%1&apos; chưa được định nghĩa</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of: %2</source>
        <translation>&apos;%1&apos; không thuộc: %2</translation>
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
        <source>&apos;%1&apos; is not a month of the form YYYY-MM</source>
        <translation>&apos;%1&apos; không phải là tháng dạng YYYY-MM</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a date and time of the form YYYY-MM-DDTHH:MM</source>
        <translation>&apos;%1&apos; không phải là ngày giờ dạng YYYY-MM-DDTHH:MM</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an id</source>
        <translation>&apos;%1&apos; không phải là mã định danh</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a whole number</source>
        <translation>&apos;%1&apos; không phải là số nguyên</translation>
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
        <translation>
            <numerusform>%n buổi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s)</source>
        <translation>
            <numerusform>%n người tham gia</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody matches &apos;%1&apos;.</source>
        <translation>Không tìm thấy ai khớp với &apos;%1&apos;.</translation>
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
        <translation>
            <numerusform>%n dòng có lỗi; chưa nhập gì.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) would be imported (dry run: nothing written).</source>
        <translation>
            <numerusform>Sẽ nhập %n người (chạy thử: chưa ghi gì).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) imported.</source>
        <translation>
            <numerusform>Đã nhập %n người.</numerusform>
        </translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of: json, csv</source>
        <translation>&apos;%1&apos; không thuộc: json, csv</translation>
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
        <source>clc: unknown command &apos;%1&apos;</source>
        <translation>clc: không rõ lệnh &apos;%1&apos;</translation>
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
        <source>no %1 called &apos;%2&apos;</source>
        <translation>không có %1 tên &apos;%2&apos;</translation>
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
        <source>no %1 with id &apos;%2&apos;</source>
        <translation>không có %1 với mã &apos;%2&apos;</translation>
    </message>
    <message>
        <source>unknown field; one of: %1</source>
        <translation>không rõ trường; chọn một trong: %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a sex: write Nam or Nữ (m or f)</source>
        <translation>&apos;%1&apos; không phải giới tính: hãy viết Nam hoặc Nữ (m hoặc f)</translation>
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
    <message>
        <source>this device has not received its centre yet: run `clc sync` first</source>
        <translation>thiết bị này chưa nhận được dữ liệu trung tâm: hãy chạy `clc sync` trước</translation>
    </message>
    <message>
        <source>no conflict with id &apos;%1&apos;</source>
        <translation>không có xung đột với mã &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a centre id (clc status shows it)</source>
        <translation>&apos;%1&apos; không phải mã trung tâm (xem bằng clc status)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of: viewer, facilitator, coordinator, admin</source>
        <translation>&apos;%1&apos; không thuộc: viewer, facilitator, coordinator, admin</translation>
    </message>
    <message>
        <source>must not be below %1</source>
        <translation>không được nhỏ hơn %1</translation>
    </message>
    <message>
        <source>replica index %1 out of range</source>
        <translation>chỉ số bản sao %1 vượt phạm vi</translation>
    </message>
    <message>
        <source>is not a replica id</source>
        <translation>không phải mã bản sao</translation>
    </message>
    <message>
        <source>must have 5 or 6 elements</source>
        <translation>phải có 5 hoặc 6 phần tử</translation>
    </message>
    <message>
        <source>unknown table %1</source>
        <translation>không rõ bảng %1</translation>
    </message>
    <message>
        <source>must list field, value pairs</source>
        <translation>phải liệt kê các cặp trường, giá trị</translation>
    </message>
    <message>
        <source>must have one base per field</source>
        <translation>mỗi trường phải có một phiên bản gốc</translation>
    </message>
    <message>
        <source>a value must be text, a whole number or null</source>
        <translation>giá trị phải là văn bản, số nguyên hoặc null</translation>
    </message>
    <message>
        <source>a base is [stamp, replica]</source>
        <translation>phiên bản gốc có dạng [dấu thời gian, bản sao]</translation>
    </message>
    <message>
        <source>unknown field %1 of %2</source>
        <translation>không rõ trường %1 của %2</translation>
    </message>
    <message>
        <source>the row id is missing and cannot be derived</source>
        <translation>thiếu mã dòng và không suy ra được</translation>
    </message>
    <message>
        <source>is not a row id</source>
        <translation>không phải mã dòng</translation>
    </message>
    <message>
        <source>more than %1 changes in one message</source>
        <translation>quá %1 thay đổi trong một thông điệp</translation>
    </message>
    <message>
        <source>the message is larger than %1 bytes</source>
        <translation>thông điệp lớn hơn %1 byte</translation>
    </message>
    <message>
        <source>the message is not valid UTF-8</source>
        <translation>thông điệp không phải UTF-8 hợp lệ</translation>
    </message>
    <message>
        <source>not valid JSON at byte %1: %2</source>
        <translation>JSON không hợp lệ tại byte %1: %2</translation>
    </message>
    <message>
        <source>must be a JSON object</source>
        <translation>phải là một đối tượng JSON</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a row id</source>
        <translation>&apos;%1&apos; không phải mã dòng</translation>
    </message>
    <message>
        <source>the sending replica is missing</source>
        <translation>thiếu bản sao gửi</translation>
    </message>
    <message>
        <source>a rejection is [index, code, reason]</source>
        <translation>một từ chối có dạng [chỉ số, mã, lý do]</translation>
    </message>
    <message>
        <source>the cursor is missing</source>
        <translation>thiếu con trỏ</translation>
    </message>
    <message>
        <source>not a cursor this server made</source>
        <translation>không phải con trỏ do máy chủ này tạo</translation>
    </message>
    <message>
        <source>a viewer device cannot send changes</source>
        <translation>thiết bị chỉ xem không được gửi thay đổi</translation>
    </message>
    <message>
        <source>batch %1 was expected, not %2</source>
        <translation>cần gói %1, không phải %2</translation>
    </message>
    <message>
        <source>the batch changes another centre</source>
        <translation>gói thay đổi trung tâm khác</translation>
    </message>
    <message>
        <source>the batch places a row in another centre</source>
        <translation>gói đặt một dòng vào trung tâm khác</translation>
    </message>
    <message>
        <source>a %1 may not change %2</source>
        <translation>vai trò %1 không được sửa %2</translation>
    </message>
    <message>
        <source>the row %1 is new but its centre was not sent</source>
        <translation>dòng %1 mới nhưng không gửi kèm trung tâm</translation>
    </message>
    <message>
        <source>the device clock is %1 hours ahead of the server; set the date and time</source>
        <translation>đồng hồ thiết bị nhanh hơn máy chủ %1 giờ; hãy chỉnh ngày giờ</translation>
    </message>
    <message>
        <source>Restored the other value; it will be sent with the next sync.</source>
        <translation>Đã khôi phục giá trị kia; sẽ được gửi ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>No conflicts to review.</source>
        <translation>Không có xung đột cần xem.</translation>
    </message>
    <message>
        <source>%1.%2 of %3: kept &quot;%4&quot;; the other value &quot;%5&quot; was written on device %6 at %7</source>
        <translation>%1.%2 của %3: giữ &quot;%4&quot;; giá trị kia &quot;%5&quot; được ghi trên thiết bị %6 lúc %7</translation>
    </message>
    <message>
        <source>cannot reach the server: %1</source>
        <translation>không kết nối được máy chủ: %1</translation>
    </message>
    <message>
        <source>Enrolled as %1 (%2) with %3.</source>
        <translation>Đã đăng ký là %1 (%2) với %3.</translation>
    </message>
    <message>
        <source>no server yet: run `clc --db %1 enroll --server URL --code CODE` first</source>
        <translation>chưa có máy chủ: hãy chạy `clc --db %1 enroll --server URL --code MÃ` trước</translation>
    </message>
    <message>
        <source>clc: sync interrupted, nothing is lost; run it again: %1</source>
        <translation>clc: đồng bộ bị gián đoạn, không mất gì; hãy chạy lại: %1</translation>
    </message>
    <message>
        <source>Sent %1 changes in %2 batches, received %3 changes (%4 new); %5 refused; %6 conflicts to review; %7 waiting.</source>
        <translation>Đã gửi %1 thay đổi trong %2 gói, nhận %3 thay đổi (%4 mới); %5 bị từ chối; %6 xung đột cần xem; %7 đang chờ.</translation>
    </message>
    <message>
        <source>Refused by the server: %1</source>
        <translation>Máy chủ từ chối: %1</translation>
    </message>
    <message>
        <source>No.: %1/%2-TTHTCĐ</source>
        <translation>Số: %1/%2-TTHTCĐ</translation>
    </message>
    <message>
        <source>%1, day %2 month %3 year %4</source>
        <translation>%1, ngày %2 tháng %3 năm %4</translation>
    </message>
    <message>
        <source>- Ward People&apos;s Committee (to report);</source>
        <translation>- UBND phường (để báo cáo);</translation>
    </message>
    <message>
        <source>- Filed: centre office.</source>
        <translation>- Lưu: VT.</translation>
    </message>
    <message>
        <source>DIRECTOR</source>
        <translation>GIÁM ĐỐC</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Nội dung hoạt động</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Số người tham gia</translation>
    </message>
    <message>
        <source>Attendances</source>
        <translation>Số lượt</translation>
    </message>
    <message>
        <source>Target group</source>
        <translation>Đối tượng học</translation>
    </message>
    <message>
        <source>Partner / teacher</source>
        <translation>Đơn vị phối hợp/Người dạy</translation>
    </message>
    <message>
        <source>Budget (đ)</source>
        <translation>Kinh phí (đ)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Tổng cộng</translation>
    </message>
    <message>
        <source>ACTIVITIES OF THE SCHOOL YEAR %1</source>
        <translation>KẾT QUẢ HOẠT ĐỘNG NĂM HỌC %1</translation>
    </message>
    <message>
        <source>ACTIVITIES OF MONTH %1</source>
        <translation>KẾT QUẢ HOẠT ĐỘNG THÁNG %1</translation>
    </message>
    <message>
        <source>(Part V of the plan, with the participants recorded)</source>
        <translation>(Phần V của kế hoạch, kèm số người tham gia thực tế)</translation>
    </message>
    <message>
        <source>No activities were planned for this period.</source>
        <translation>Không có hoạt động nào trong thời gian này.</translation>
    </message>
    <message>
        <source>YEAR-END REPORT OF THE SCHOOL YEAR %1</source>
        <translation>BÁO CÁO TỔNG KẾT NĂM HỌC %1</translation>
    </message>
    <message>
        <source>1. Activities and sessions held, by field</source>
        <translation>1. Số hoạt động và số buổi đã tổ chức theo lĩnh vực</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Activities planned</source>
        <translation>Hoạt động theo kế hoạch</translation>
    </message>
    <message>
        <source>Activities held</source>
        <translation>Hoạt động đã tổ chức</translation>
    </message>
    <message>
        <source>Sessions planned</source>
        <translation>Buổi theo kế hoạch</translation>
    </message>
    <message>
        <source>Sessions held</source>
        <translation>Buổi đã tổ chức</translation>
    </message>
    <message>
        <source>Learners</source>
        <translation>Học viên</translation>
    </message>
    <message>
        <source>2. Attendances and learners by field and target group</source>
        <translation>2. Số lượt và số người học theo lĩnh vực và đối tượng</translation>
    </message>
    <message>
        <source>3. By sex</source>
        <translation>3. Theo giới tính</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>4. By neighbourhood</source>
        <translation>4. Theo khu dân cư</translation>
    </message>
    <message>
        <source>Neighbourhood</source>
        <translation>Khu</translation>
    </message>
    <message>
        <source>5. Targets of the plan</source>
        <translation>5. Chỉ tiêu của kế hoạch</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>Đạt được</translation>
    </message>
    <message>
        <source>Out of</source>
        <translation>Trên tổng số</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Tỷ lệ</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Yêu cầu</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Đánh giá</translation>
    </message>
    <message>
        <source>met</source>
        <translation>đạt</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>chưa đạt</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>chưa đo</translation>
    </message>
    <message>
        <source>6. Budget</source>
        <translation>6. Kinh phí</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <source>Recorded as spent</source>
        <translation>Đã chi</translation>
    </message>
    <message>
        <source>7. Activities that did not take place</source>
        <translation>7. Các hoạt động chưa tổ chức</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>đã huỷ</translation>
    </message>
    <message>
        <source>not held</source>
        <translation>chưa tổ chức</translation>
    </message>
    <message>
        <source>REGISTER OF LEARNERS</source>
        <translation>SỔ DANH SÁCH HỌC VIÊN</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Year of birth</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Số điện thoại</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <source>no activity with id &apos;%1&apos;</source>
        <translation>không có hoạt động với mã &apos;%1&apos;</translation>
    </message>
    <message>
        <source>ATTENDANCE SHEET</source>
        <translation>SỔ ĐIỂM DANH</translation>
    </message>
    <message>
        <source>Sessions attended</source>
        <translation>Số buổi tham gia</translation>
    </message>
    <message>
        <source>x present, m late, p excused, v absent</source>
        <translation>x có mặt, m muộn, p vắng có phép, v vắng</translation>
    </message>
    <message>
        <source>TEACHER</source>
        <translation>NGƯỜI DẠY</translation>
    </message>
    <message>
        <source>ACTIVITY LOG OF THE SCHOOL YEAR %1</source>
        <translation>SỔ THEO DÕI HOẠT ĐỘNG NĂM HỌC %1</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Đơn vị phối hợp</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Báo cáo viên</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <source>of them male</source>
        <translation>trong đó nam</translation>
    </message>
    <message>
        <source>of them female</source>
        <translation>trong đó nữ</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a school year such as 2017-2018</source>
        <translation>&apos;%1&apos; không phải năm học dạng 2017-2018</translation>
    </message>
    <message>
        <source>%1 is not in the school year %2</source>
        <translation>%1 không thuộc năm học %2</translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation>(chưa có đối tượng)</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(chưa ghi)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a date of the form YYYY-MM-DD</source>
        <translation>&apos;%1&apos; không phải ngày dạng YYYY-MM-DD</translation>
    </message>
    <message>
        <source>there is no plan yet: give the school year</source>
        <translation>chưa có kế hoạch: hãy cho biết năm học</translation>
    </message>
    <message>
        <source>SOCIALIST REPUBLIC OF VIET NAM</source>
        <translation>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</translation>
    </message>
    <message>
        <source>Independence - Freedom - Happiness</source>
        <translation>Độc lập - Tự do - Hạnh phúc</translation>
    </message>
    <message>
        <source>Recipients:</source>
        <translation>Nơi nhận:</translation>
    </message>
    <message>
        <source>cannot write the file</source>
        <translation>không ghi được tệp</translation>
    </message>
    <message>
        <source>cannot write the XLSX: %1</source>
        <translation>không ghi được tệp XLSX: %1</translation>
    </message>
    <message>
        <source>The server was restored from a backup: %1 changes made on this device were sent again.</source>
        <translation>Máy chủ đã được khôi phục từ bản sao lưu: %1 thay đổi của thiết bị này đã được gửi lại.</translation>
    </message>
    <message>
        <source>Monthly plan table (part V)</source>
        <translation>Bảng kế hoạch theo tháng (phần V)</translation>
    </message>
    <message>
        <source>Year-end summary</source>
        <translation>Báo cáo tổng kết năm</translation>
    </message>
    <message>
        <source>Learner register</source>
        <translation>Sổ danh sách học viên</translation>
    </message>
    <message>
        <source>Attendance sheet of an activity</source>
        <translation>Sổ điểm danh của một hoạt động</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>Sổ theo dõi hoạt động</translation>
    </message>
    <message>
        <source>choose an activity first</source>
        <translation>hãy chọn một hoạt động trước</translation>
    </message>
    <message>
        <source>this conflict names %1.%2, which cannot be restored</source>
        <translation>xung đột này ghi %1.%2, không thể khôi phục</translation>
    </message>
    <message>
        <source>this device&apos;s role may not change %1</source>
        <translation>vai trò của thiết bị này không được sửa %1</translation>
    </message>
    <message>
        <source>contains a NUL character</source>
        <translation>chứa ký tự NUL</translation>
    </message>
    <message>
        <source>contains a broken character (half of a surrogate pair)</source>
        <translation>chứa ký tự hỏng (nửa cặp thay thế)</translation>
    </message>
    <message>
        <source>batch %1 was already used with other changes; send them as batch %2</source>
        <translation>lô %1 đã được dùng cho các thay đổi khác; hãy gửi chúng thành lô %2</translation>
    </message>
    <message>
        <source>conflict records are made by the server; a device may only mark one resolved</source>
        <translation>bản ghi xung đột do máy chủ tạo; thiết bị chỉ được đánh dấu đã xử lý</translation>
    </message>
    <message>
        <source>table code %1 is out of range (0–%2)</source>
        <translation>mã bảng %1 nằm ngoài khoảng (0–%2)</translation>
    </message>
    <message>
        <source>field code %1 is out of range (0–%2)</source>
        <translation>mã trường %1 nằm ngoài khoảng (0–%2)</translation>
    </message>
    <message>
        <source>the address does not answer like a ward office server; check it</source>
        <translation>địa chỉ này không trả lời như máy chủ phường; hãy kiểm tra lại</translation>
    </message>
    <message>
        <source>a key appears twice in the message</source>
        <translation>một khoá xuất hiện hai lần trong thông điệp</translation>
    </message>
    <message>
        <source>table code %1 is out of range (a newer schema adds at most %2)</source>
        <translation>mã bảng %1 nằm ngoài phạm vi (một lược đồ mới hơn chỉ thêm tối đa %2)</translation>
    </message>
    <message>
        <source>field code %1 is out of range (a newer schema adds at most %2)</source>
        <translation>mã trường %1 nằm ngoài phạm vi (một lược đồ mới hơn chỉ thêm tối đa %2)</translation>
    </message>
    <message>
        <source>Kept aside %1 changes this version of the app cannot use (made by a newer version, or refused); they stay on this device.</source>
        <translation>Đã giữ riêng %1 thay đổi mà phiên bản ứng dụng này không dùng được (do phiên bản mới hơn tạo ra, hoặc bị từ chối); chúng vẫn được lưu trên máy này.</translation>
    </message>
    <message>
        <source>no such target</source>
        <translation>không có chỉ tiêu này</translation>
    </message>
    <message>
        <source>this target is counted from attendance, not entered by hand</source>
        <translation>chỉ tiêu này được tính từ điểm danh, không nhập bằng tay</translation>
    </message>
    <message>
        <source>give both numbers, or neither</source>
        <translation>nhập cả hai số, hoặc để trống cả hai</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>không được là số âm</translation>
    </message>
    <message>
        <source>must be more than 0</source>
        <translation>phải lớn hơn 0</translation>
    </message>
    <message>
        <source>cannot be more than the %1 it is out of</source>
        <translation>không được lớn hơn tổng số %1</translation>
    </message>
    <message>
        <source>cannot draw the report on this device</source>
        <translation>không vẽ được báo cáo trên thiết bị này</translation>
    </message>
    <message>
        <source>the server refused the connection: check the address and port, and that the ward office server is running</source>
        <translation>máy chủ từ chối kết nối: hãy kiểm tra địa chỉ, cổng, và máy chủ của phường có đang chạy không</translation>
    </message>
    <message>
        <source>no computer has this address: check it</source>
        <translation>không có máy nào có địa chỉ này: hãy kiểm tra lại</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not trusted: ask the ward office for it</source>
        <translation>chứng chỉ của máy chủ không được tin cậy: hãy xin văn phòng phường</translation>
    </message>
    <message>
        <source>no network: connect to Wi-Fi or mobile data and try again</source>
        <translation>không có mạng: hãy kết nối Wi-Fi hoặc dữ liệu di động rồi thử lại</translation>
    </message>
    <message>
        <source>the connection was cut: try again</source>
        <translation>kết nối bị ngắt: hãy thử lại</translation>
    </message>
    <message>
        <source>the server did not answer in time</source>
        <translation>máy chủ không trả lời kịp</translation>
    </message>
    <message>
        <source>the server could not be reached in time: check the address, and that this device is on the ward office&apos;s network</source>
        <translation>không kết nối được tới máy chủ kịp thời: hãy kiểm tra địa chỉ, và máy này có đang ở trong mạng của phường không</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a month like 2017-11</source>
        <translation>&apos;%1&apos; không phải là tháng dạng 2017-11</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>SCHEDULE FOR %1</source>
        <translation>LỊCH HOẠT ĐỘNG THÁNG %1</translation>
    </message>
    <message>
        <source> (cancelled)</source>
        <translation> (đã huỷ)</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>tại %1</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>đối tượng: %1</translation>
    </message>
    <message>
        <source>No sessions are scheduled this month.</source>
        <translation>Chưa có buổi nào được xếp lịch trong tháng này.</translation>
    </message>
    <message>
        <source>Also planned this month, date to be announced:</source>
        <translation>Hoạt động khác trong tháng (sẽ thông báo ngày sau):</translation>
    </message>
    <message>
        <source>For: %1</source>
        <translation>Đối tượng: %1</translation>
    </message>
    <message>
        <source>With: %1</source>
        <translation>Phối hợp: %1</translation>
    </message>
    <message>
        <source>Facilitator: %1</source>
        <translation>Người phụ trách: %1</translation>
    </message>
    <message>
        <source>this database already holds the data of centre %1; it cannot join another centre</source>
        <translation>cơ sở dữ liệu này đã có dữ liệu của trung tâm %1; không thể tham gia trung tâm khác</translation>
    </message>
    <message>
        <source>this database belongs to centre %1 but the code was made for centre %2; ask for a code for %1 (and revoke device %3), or join with a new, empty database</source>
        <translation>cơ sở dữ liệu này thuộc trung tâm %1 nhưng mã được tạo cho trung tâm %2; hãy xin mã cho %1 (và thu hồi thiết bị %3), hoặc tham gia bằng một cơ sở dữ liệu mới, trống</translation>
    </message>
    <message>
        <source>this code was made for centre %1, but this device belongs to centre %2 and holds its data; ask for a code for %2, or join with a new, empty database (the code was not used)</source>
        <translation>mã này được tạo cho trung tâm %1, nhưng thiết bị này thuộc trung tâm %2 và đang giữ dữ liệu của trung tâm đó; hãy xin mã cho %2, hoặc tham gia bằng một cơ sở dữ liệu mới, trống (mã chưa bị dùng)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of: text, ics, png</source>
        <translation>&apos;%1&apos; không thuộc: text, ics, png</translation>
    </message>
    <message>
        <source>is required for a picture</source>
        <translation>là bắt buộc khi xuất ảnh</translation>
    </message>
    <message>
        <source>the text is one month&apos;s; leave --to out</source>
        <translation>văn bản chỉ cho một tháng; bỏ --to</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an address like https://clc.phuong.example or http://192.168.1.10:8470</source>
        <translation>&apos;%1&apos; không phải là địa chỉ dạng https://clc.phuong.example hoặc http://192.168.1.10:8470</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a picture this device can read (PNG or JPEG)</source>
        <translation>&apos;%1&apos; không phải là ảnh máy này đọc được (PNG hoặc JPEG)</translation>
    </message>
    <message>
        <source>there is no file &apos;%1&apos;</source>
        <translation>không có tệp &apos;%1&apos;</translation>
    </message>
    <message>
        <source>no QR code was found in the picture; take it again, closer and sharp</source>
        <translation>không tìm thấy mã QR trong ảnh; hãy chụp lại, gần hơn và rõ nét</translation>
    </message>
    <message>
        <source>the QR code is not a ward office&apos;s enrolment code (it says: %1)</source>
        <translation>mã QR này không phải mã đăng ký của phường (nội dung: %1)</translation>
    </message>
    <message>
        <source>give the link or the QR code, not also --server and --code</source>
        <translation>hãy dùng đường liên kết hoặc mã QR, không kèm --server và --code</translation>
    </message>
    <message>
        <source>is not an enrolment link like clc://enroll?server=…&amp;code=…</source>
        <translation>không phải đường liên kết đăng ký dạng clc://enroll?server=…&amp;code=…</translation>
    </message>
    <message>
        <source>enrolment cancelled; nothing on this device was changed (if the server took the code meanwhile, ask for a new one)</source>
        <translation>đã huỷ đăng ký; máy này không thay đổi gì (nếu máy chủ đã nhận mã trong lúc đó, hãy xin mã mới)</translation>
    </message>
    <message>
        <source>this code is for another centre than the one this device already holds data of; ask the ward office for a code for this device&apos;s centre, or join with a new, empty database (the code was not used)</source>
        <translation>mã này dành cho trung tâm khác với trung tâm mà máy này đang có dữ liệu; hãy xin phường mã cho trung tâm của máy này, hoặc tham gia bằng một cơ sở dữ liệu mới, trống (mã chưa bị dùng)</translation>
    </message>
    <message>
        <source>Beside each activity: what happened in %1</source>
        <translation>Bên cạnh mỗi hoạt động: kết quả năm học %1</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Năm trước</translation>
    </message>
    <message>
        <source>Of the planned</source>
        <translation>So với kế hoạch</translation>
    </message>
    <message>
        <source>held</source>
        <translation>đã tổ chức</translation>
    </message>
    <message>
        <source>did not take place</source>
        <translation>không tổ chức</translation>
    </message>
    <message>
        <source>⚠ did not take place</source>
        <translation>⚠ không tổ chức</translation>
    </message>
    <message>
        <source>⚠ did not take place: %1</source>
        <translation>⚠ không tổ chức: %1</translation>
    </message>
    <message>
        <source>asked for in the learning-needs survey</source>
        <translation>người dân đề xuất trong điều tra nhu cầu học tập</translation>
    </message>
    <message>
        <source>new</source>
        <translation>mới</translation>
    </message>
    <message>
        <source>The targets, with what was reached in %1</source>
        <translation>Chỉ tiêu, với kết quả đạt được năm học %1</translation>
    </message>
    <message>
        <source>Quarter %1 of %2</source>
        <translation>Quý %1 năm %2</translation>
    </message>
    <message>
        <source>there is no plan for the school year %1</source>
        <translation>chưa có kế hoạch của năm học %1</translation>
    </message>
    <message>
        <source>PLAN</source>
        <translation>KẾ HOẠCH</translation>
    </message>
    <message>
        <source>Activities of the community learning centre in the school year %1</source>
        <translation>Hoạt động của trung tâm học tập cộng đồng năm học %1</translation>
    </message>
    <message>
        <source>I. PURPOSE AND REQUIREMENTS</source>
        <translation>I. MỤC ĐÍCH YÊU CẦU</translation>
    </message>
    <message>
        <source>* Advantages:</source>
        <translation>* Thuận lợi:</translation>
    </message>
    <message>
        <source>* Difficulties:</source>
        <translation>* Khó khăn:</translation>
    </message>
    <message>
        <source>II. ACTIVITIES IN THE SCHOOL YEAR %1:</source>
        <translation>II. KẾ HOẠCH HOẠT ĐỘNG TRONG NĂM HỌC %1:</translation>
    </message>
    <message>
        <source>III. TARGETS FOR THE YEAR:</source>
        <translation>III. CHỈ TIÊU CẦN ĐẠT TRONG NĂM:</translation>
    </message>
    <message>
        <source>IV. MEASURES:</source>
        <translation>IV. CÁC GIẢI PHÁP THỰC HIỆN:</translation>
    </message>
    <message>
        <source>V. MONTH BY MONTH:</source>
        <translation>V. KẾ HOẠCH TỪNG THÁNG:</translation>
    </message>
    <message>
        <source>VI. RECOMMENDATIONS:</source>
        <translation>VI. KIẾN NGHỊ:</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a school year of the form 2017-2018</source>
        <translation>&apos;%1&apos; không phải là năm học dạng 2017-2018</translation>
    </message>
    <message>
        <source>must be a school year after %1</source>
        <translation>phải là năm học sau %1</translation>
    </message>
    <message>
        <source>the school year %1 already has a plan of its own; a draft would mix two plans</source>
        <translation>năm học %1 đã có kế hoạch riêng; lập bản dự thảo sẽ trộn lẫn hai kế hoạch</translation>
    </message>
    <message>
        <source>the plan of %1 was deleted; undo the deletion or import the plan instead</source>
        <translation>kế hoạch năm học %1 đã bị xoá; hãy hoàn tác việc xoá hoặc nhập kế hoạch</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a part of the plan</source>
        <translation>&apos;%1&apos; không phải là một phần của kế hoạch</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a quarter of the form YYYY-Qn (for example 2017-Q4)</source>
        <translation>&apos;%1&apos; không phải là quý dạng YYYY-Qn (ví dụ 2017-Q4)</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Minh chứng</translation>
    </message>
    <message>
        <source>%1 of the %2 people of its groups attended at least one session</source>
        <translation>%1 trên %2 người thuộc các đối tượng đã dự ít nhất một buổi</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>(no reason written)</source>
        <translation>(chưa ghi lý do)</translation>
    </message>
    <message>
        <source>8. Assessment</source>
        <translation>8. Đánh giá chung</translation>
    </message>
    <message>
        <source>9. Recommendations</source>
        <translation>9. Kiến nghị, đề xuất</translation>
    </message>
    <message>
        <source>Next year&apos;s plan has not been drafted yet.</source>
        <translation>Chưa lập dự thảo kế hoạch năm học tới.</translation>
    </message>
    <message>
        <source>10. The draft plan of %1</source>
        <translation>10. Dự thảo kế hoạch năm học %1</translation>
    </message>
    <message>
        <source>there is no survey yet</source>
        <translation>chưa có cuộc điều tra nào</translation>
    </message>
    <message>
        <source>no survey with id &apos;%1&apos;</source>
        <translation>không có cuộc điều tra mã &apos;%1&apos;</translation>
    </message>
    <message>
        <source>RESULTS OF THE LEARNING-NEEDS SURVEY</source>
        <translation>KẾT QUẢ ĐIỀU TRA NHU CẦU HỌC TẬP</translation>
    </message>
    <message>
        <source>Answers: %1.</source>
        <translation>Số phiếu trả lời: %1.</translation>
    </message>
    <message>
        <source>1. Topics asked for</source>
        <translation>1. Nội dung người dân muốn học</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Số phiếu</translation>
    </message>
    <message>
        <source>Of all answers</source>
        <translation>Trên tổng số phiếu</translation>
    </message>
    <message>
        <source>Month most asked for</source>
        <translation>Tháng phù hợp nhất</translation>
    </message>
    <message>
        <source>month %1</source>
        <translation>tháng %1</translation>
    </message>
    <message>
        <source>2. By neighbourhood</source>
        <translation>2. Theo khu</translation>
    </message>
    <message>
        <source>3. By target group</source>
        <translation>3. Theo đối tượng</translation>
    </message>
    <message>
        <source>4. Time of day that suits</source>
        <translation>4. Thời gian trong ngày phù hợp</translation>
    </message>
    <message>
        <source>Time of day</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>The plan (parts I–V)</source>
        <translation>Kế hoạch (phần I–V)</translation>
    </message>
    <message>
        <source>Year-end summary with next year&apos;s draft</source>
        <translation>Tổng kết năm học và dự thảo kế hoạch năm tới</translation>
    </message>
    <message>
        <source>Learning-needs survey</source>
        <translation>Điều tra nhu cầu học tập</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>Buổi sáng</translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation>Buổi chiều</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>Buổi tối</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is listed twice</source>
        <translation>&apos;%1&apos; bị ghi hai lần</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a topic of this survey</source>
        <translation>&apos;%1&apos; không có trong các nội dung của cuộc điều tra này</translation>
    </message>
    <message>
        <source>choose at least one topic, or write what the person would like to learn</source>
        <translation>hãy chọn ít nhất một nội dung, hoặc ghi điều người đó muốn học</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a month (1 to 12)</source>
        <translation>&apos;%1&apos; không phải là tháng (1 đến 12)</translation>
    </message>
    <message>
        <source>no person with id &apos;%1&apos;</source>
        <translation>không có người mã &apos;%1&apos;</translation>
    </message>
    <message>
        <source>choose a person of the register or write who answered</source>
        <translation>hãy chọn một người trong danh sách hoặc ghi tên người trả lời</translation>
    </message>
    <message>
        <source>Drafted the plan of %1 from %2: %3 activities carried, %4 proposed by the survey, %5 rows made, %6 left as they were.</source>
        <translation>Đã lập dự thảo kế hoạch %1 từ %2: chuyển %3 hoạt động, %4 hoạt động đề xuất từ điều tra, tạo %5 bản ghi, giữ nguyên %6.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of: pdf, odt, xlsx, csv</source>
        <translation>&apos;%1&apos; không thuộc: pdf, odt, xlsx, csv</translation>
    </message>
    <message>
        <source>give --person or --respondent, not both</source>
        <translation>chỉ ghi --person hoặc --respondent, không ghi cả hai</translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n phiếu trả lời</numerusform>
        </translation>
    </message>
    <message>
        <source>(the table is on the next sheet)</source>
        <translation>(bảng ở trang tính tiếp theo)</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>chưa đến</translation>
    </message>
    <message>
        <source>asked for in %1 of %2 answers of the learning-needs survey</source>
        <translation>%1 trên %2 phiếu điều tra nhu cầu học tập đề xuất</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Lúc nào cũng được</translation>
    </message>
    <message>
        <source>the school year %1 has a draft plan made from last year&apos;s; edit the draft, or delete it (clc plan delete --year %1) before importing this file</source>
        <translation>năm học %1 đã có dự thảo kế hoạch lập từ năm trước; hãy sửa dự thảo, hoặc xoá nó (clc plan delete --year %1) trước khi nhập tệp này</translation>
    </message>
    <message numerus="yes">
        <source>Deleted the plan of %1 (%n row(s)).</source>
        <translation>
            <numerusform>Đã xoá kế hoạch năm học %1 (%n bản ghi).</numerusform>
        </translation>
    </message>
    <message>
        <source>the server&apos;s disk is full, so nothing was stored; the ward office must free space, then sync again (request %1)</source>
        <translation>ổ đĩa của máy chủ đã đầy nên chưa lưu được gì; văn phòng phường cần giải phóng dung lượng, sau đó đồng bộ lại (mã yêu cầu %1)</translation>
    </message>
    <message>
        <source>the row would be larger than a message can carry</source>
        <translation>dòng này quá lớn, không gửi được trong một lần đồng bộ</translation>
    </message>
    <message>
        <source>the storage is full, so nothing was saved or changed: free some space, then try again</source>
        <translation>bộ nhớ máy đã đầy nên không lưu hay thay đổi được gì: hãy giải phóng bớt dung lượng rồi thử lại</translation>
    </message>
    <message>
        <source>a run of marks is [centre, session, replica, stamps, people, statuses]</source>
        <translation>một dãy điểm danh phải là [trung tâm, buổi học, bản sao, dấu thời gian, người học, trạng thái]</translation>
    </message>
    <message>
        <source>id index %1 out of range</source>
        <translation>chỉ số mã %1 nằm ngoài phạm vi</translation>
    </message>
    <message>
        <source>a run needs as many stamps and people as statuses, at least one</source>
        <translation>một dãy cần số dấu thời gian và số người học bằng số trạng thái, ít nhất là một</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a status letter (p, l, e or a)</source>
        <translation>&apos;%1&apos; không phải là chữ trạng thái (p, l, e hoặc a)</translation>
    </message>
    <message>
        <source>is not an id</source>
        <translation>không phải là mã định danh</translation>
    </message>
    <message>
        <source>must be %1, the next run of marks</source>
        <translation>phải là %1, dãy điểm danh tiếp theo</translation>
    </message>
    <message>
        <source>%1 runs of marks, of which %2 are placed in c</source>
        <translation>có %1 dãy điểm danh nhưng chỉ %2 dãy được đặt trong c</translation>
    </message>
    <message>
        <source>unsupported protocol version %1 (this side speaks %2 to %3)</source>
        <translation>không hỗ trợ phiên bản giao thức %1 (bên này dùng từ %2 đến %3)</translation>
    </message>
    <message>
        <source>must be a number of changes from 1 to %1</source>
        <translation>phải là số thay đổi từ 1 đến %1</translation>
    </message>
    <message>
        <source>the stamp is negative or too large</source>
        <translation>dấu thời gian âm hoặc quá lớn</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n ngày</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n giờ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n phút</numerusform>
        </translation>
    </message>
    <message>
        <source>Clock %1 behind the ward office: set the date and time</source>
        <translation>Đồng hồ máy chậm hơn phường %1: hãy chỉnh lại ngày giờ</translation>
    </message>
    <message>
        <source>Clock %1 ahead of the ward office: set the date and time</source>
        <translation>Đồng hồ máy nhanh hơn phường %1: hãy chỉnh lại ngày giờ</translation>
    </message>
    <message>
        <source>Warning: %1.</source>
        <translation>Cảnh báo: %1.</translation>
    </message>
</context>
<context>
    <name>clc::ActivityEditor</name>
    <message>
        <source>planned</source>
        <translation>theo kế hoạch</translation>
    </message>
    <message>
        <source>done</source>
        <translation>đã tổ chức</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>đã huỷ</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a date like 25/11/2017</source>
        <translation>&apos;%1&apos; không phải ngày dạng 25/11/2017</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a time like 08:00</source>
        <translation>&apos;%1&apos; không phải giờ dạng 08:00</translation>
    </message>
    <message>
        <source>must be after the start</source>
        <translation>phải sau giờ bắt đầu</translation>
    </message>
    <message>
        <source>The activity is still being read; try again in a moment.</source>
        <translation>Đang đọc hoạt động; hãy thử lại sau giây lát.</translation>
    </message>
</context>
<context>
    <name>clc::AgendaModel</name>
    <message>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <source>The month&apos;s schedule is copied: paste it into a Zalo group or a message.</source>
        <translation>Đã sao chép lịch tháng: dán vào nhóm Zalo hoặc tin nhắn.</translation>
    </message>
    <message>
        <source>The picture could not be saved: %1</source>
        <translation>Không lưu được ảnh: %1</translation>
    </message>
    <message>
        <source>Picture saved: %1</source>
        <translation>Đã lưu ảnh: %1</translation>
    </message>
    <message>
        <source>The calendar file could not be saved: %1</source>
        <translation>Không lưu được tệp lịch: %1</translation>
    </message>
    <message>
        <source>Calendar file saved (open it to add the sessions to a phone&apos;s calendar): %1</source>
        <translation>Đã lưu tệp lịch (mở tệp để thêm các buổi vào lịch điện thoại): %1</translation>
    </message>
    <message>
        <source>Next session: %1, %2 · %3</source>
        <translation>Buổi tiếp theo: %1, %2 · %3</translation>
    </message>
</context>
<context>
    <name>clc::AttendanceModel</name>
    <message>
        <source>present</source>
        <translation>có mặt</translation>
    </message>
    <message>
        <source>late</source>
        <translation>muộn</translation>
    </message>
    <message>
        <source>excused</source>
        <translation>vắng có phép</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>vắng</translation>
    </message>
    <message>
        <source>not marked</source>
        <translation>chưa điểm danh</translation>
    </message>
    <message>
        <source>refused by the server: %1</source>
        <translation>máy chủ từ chối: %1</translation>
    </message>
    <message>
        <source>Last change %1</source>
        <translation>Sửa lần cuối %1</translation>
    </message>
    <message>
        <source>Recorded by %1, last change %2</source>
        <translation>Người ghi: %1, sửa lần cuối %2</translation>
    </message>
    <message>
        <source>Attendance not taken yet (%1 expected)</source>
        <translation>Chưa điểm danh (%1 dự kiến)</translation>
    </message>
    <message>
        <source>%1 present + %2 unnamed of %3 expected</source>
        <translation>%1 có mặt + %2 không ghi tên / %3 dự kiến</translation>
    </message>
    <message>
        <source>%1 present of %2 expected</source>
        <translation>%1 có mặt / %2 dự kiến</translation>
    </message>
    <message>
        <source>%1: back to %2</source>
        <translation>%1: trở lại %2</translation>
    </message>
    <message>
        <source>%1 (not in the list shown): back to %2</source>
        <translation>%1 (không có trong danh sách đang hiện): trở lại %2</translation>
    </message>
    <message>
        <source>%1: walk-in removed</source>
        <translation>%1: đã bỏ người đến thêm</translation>
    </message>
    <message>
        <source>Unnamed headcount back to %1</source>
        <translation>Số người không ghi tên trở lại %1</translation>
    </message>
    <message>
        <source>%1: changed on another device since; not undone</source>
        <translation>%1: đã được sửa trên máy khác sau đó; không hoàn tác</translation>
    </message>
    <message>
        <source>%1: mark removed, kept in the register (used elsewhere since)</source>
        <translation>%1: đã bỏ điểm danh, vẫn giữ trong sổ học viên (đã được dùng ở nơi khác)</translation>
    </message>
    <message>
        <source>The unnamed headcount was changed on another device since; not undone</source>
        <translation>Số người không ghi tên đã được sửa trên máy khác sau đó; không hoàn tác</translation>
    </message>
    <message>
        <source>%1 is already marked: %2</source>
        <translation>%1 đã được điểm danh: %2</translation>
    </message>
</context>
<context>
    <name>clc::ConflictModel</name>
    <message>
        <source>the other value was written on device %1 on %2</source>
        <translation>giá trị kia được ghi trên thiết bị %1 lúc %2</translation>
    </message>
    <message>
        <source>place</source>
        <translation>địa điểm</translation>
    </message>
    <message>
        <source>neighbourhood</source>
        <translation>khu</translation>
    </message>
    <message>
        <source>name</source>
        <translation>họ tên</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>số điện thoại</translation>
    </message>
    <message>
        <source>attendance</source>
        <translation>điểm danh</translation>
    </message>
    <message>
        <source>title</source>
        <translation>tên hoạt động</translation>
    </message>
    <message>
        <source>start time</source>
        <translation>giờ bắt đầu</translation>
    </message>
    <message>
        <source>headcount</source>
        <translation>số người</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 của %2</translation>
    </message>
    <message>
        <source>the other value came from next year&apos;s draft made again on device %1</source>
        <translation>giá trị kia đến từ bản dự thảo kế hoạch năm tới được lập lại trên máy %1</translation>
    </message>
</context>
<context>
    <name>clc::PlanModel</name>
    <message>
        <source>not measured yet (entered by hand)</source>
        <translation>chưa đo (nhập tay)</translation>
    </message>
    <message>
        <source>%1 of %2 = %3 % (target %4 %) — %5</source>
        <translation>%1 / %2 = %3 % (chỉ tiêu %4 %) — %5</translation>
    </message>
    <message>
        <source>met</source>
        <translation>đạt</translation>
    </message>
    <message>
        <source>not met yet</source>
        <translation>chưa đạt</translation>
    </message>
    <message>
        <source>Budget: %1 planned, %2 recorded as spent</source>
        <translation>Kinh phí: kế hoạch %1, đã chi %2</translation>
    </message>
    <message>
        <source>%1 of %2 activities held, %3 attendances, %4 learners</source>
        <translation>Đã tổ chức %1/%2 hoạt động, %3 lượt, %4 người học</translation>
    </message>
    <message>
        <source>Quarter %1 of %2</source>
        <translation>Quý %1 năm %2</translation>
    </message>
    <message>
        <source>Imported the plan: %1 activities, %2 targets, %3 quarterly tasks.</source>
        <translation>Đã nhập kế hoạch: %1 hoạt động, %2 chỉ tiêu, %3 nhiệm vụ quý.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a whole number</source>
        <translation>&apos;%1&apos; không phải là số nguyên</translation>
    </message>
    <message>
        <source>this device&apos;s role may not change the plan&apos;s targets</source>
        <translation>vai trò của máy này không được sửa chỉ tiêu của kế hoạch</translation>
    </message>
    <message>
        <source>this device&apos;s role may not change the plan</source>
        <translation>vai trò của máy này không được sửa kế hoạch</translation>
    </message>
    <message>
        <source>The draft of %1 is up to date: nothing was changed.</source>
        <translation>Dự thảo %1 đã đầy đủ: không có gì thay đổi.</translation>
    </message>
    <message>
        <source>Drafted the plan of %1: %2 activities carried over, %3 proposed from the survey. Print it from Reports (The plan), with the year %1.</source>
        <translation>Đã lập dự thảo kế hoạch %1: chuyển %2 hoạt động, %3 hoạt động đề xuất từ điều tra. In từ mục Báo cáo (Kế hoạch), chọn năm học %1.</translation>
    </message>
</context>
<context>
    <name>clc::PlanTextModel</name>
    <message>
        <source>Heading</source>
        <translation>Phần đầu</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Số văn bản</translation>
    </message>
    <message>
        <source>Bases (one per line)</source>
        <translation>Căn cứ (mỗi dòng một căn cứ)</translation>
    </message>
    <message>
        <source>Bases</source>
        <translation>Căn cứ</translation>
    </message>
    <message>
        <source>I. Purpose</source>
        <translation>I. Mục đích</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Mục đích</translation>
    </message>
    <message>
        <source>Advantages (one per line)</source>
        <translation>Thuận lợi (mỗi dòng một ý)</translation>
    </message>
    <message>
        <source>Difficulties (one per line)</source>
        <translation>Khó khăn (mỗi dòng một ý)</translation>
    </message>
    <message>
        <source>II. Quarterly tasks</source>
        <translation>II. Nhiệm vụ theo quý</translation>
    </message>
    <message>
        <source>III. Targets</source>
        <translation>III. Chỉ tiêu</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Target · %1</source>
        <translation>Chỉ tiêu · %1</translation>
    </message>
    <message>
        <source>Required (%)</source>
        <translation>Yêu cầu (%)</translation>
    </message>
    <message>
        <source>Evidence of the result (for the year-end summary)</source>
        <translation>Minh chứng kết quả (cho báo cáo tổng kết)</translation>
    </message>
    <message>
        <source>IV. Measures and partners</source>
        <translation>IV. Giải pháp và đơn vị phối hợp</translation>
    </message>
    <message>
        <source>Measures (one per line)</source>
        <translation>Giải pháp (mỗi dòng một ý)</translation>
    </message>
    <message>
        <source>Role of %1</source>
        <translation>Nhiệm vụ của %1</translation>
    </message>
    <message>
        <source>Recommendations and closing</source>
        <translation>Kiến nghị và phần kết</translation>
    </message>
    <message>
        <source>Recommendations (one per line)</source>
        <translation>Kiến nghị (mỗi dòng một ý)</translation>
    </message>
    <message>
        <source>Closing sentence</source>
        <translation>Câu kết</translation>
    </message>
    <message>
        <source>Year-end summary</source>
        <translation>Tổng kết năm học</translation>
    </message>
    <message>
        <source>Assessment of the year</source>
        <translation>Đánh giá chung năm học</translation>
    </message>
    <message>
        <source>Recommendations for next year</source>
        <translation>Kiến nghị, đề xuất cho năm tới</translation>
    </message>
    <message>
        <source>this device&apos;s role may not change the plan</source>
        <translation>vai trò của máy này không được sửa kế hoạch</translation>
    </message>
</context>
<context>
    <name>clc::RegisterModel</name>
    <message>
        <source>male</source>
        <translation>nam</translation>
    </message>
    <message>
        <source>female</source>
        <translation>nữ</translation>
    </message>
    <message>
        <source>line %1: %2 (%3) may already be in the register</source>
        <translation>dòng %1: %2 (%3) có thể đã có trong sổ</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) ready to import.</source>
        <translation>
            <numerusform>Sẵn sàng nhập %n người.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) must be fixed first; nothing will be imported until then.</source>
        <translation>
            <numerusform>%n dòng cần sửa trước; chưa nhập gì cho đến lúc đó.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) imported.</source>
        <translation>
            <numerusform>Đã nhập %n người.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <source>not sent yet</source>
        <translation>chưa gửi</translation>
    </message>
    <message>
        <source>refused by the server: %1</source>
        <translation>máy chủ từ chối: %1</translation>
    </message>
</context>
<context>
    <name>clc::ReportController</name>
    <message>
        <source>choose an activity first</source>
        <translation>hãy chọn một hoạt động trước</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <source>The whole school year</source>
        <translation>Cả năm học</translation>
    </message>
    <message>
        <source>Month %1</source>
        <translation>Tháng %1</translation>
    </message>
    <message>
        <source>There is no plan yet: import the year&apos;s plan first.</source>
        <translation>Chưa có kế hoạch: hãy nhập kế hoạch năm trước.</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Đang chuẩn bị bản xem trước…</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s), as they will print.</source>
        <translation>
            <numerusform>%n trang, đúng như khi in.</numerusform>
        </translation>
    </message>
    <message>
        <source>Type where to save the file.</source>
        <translation>Hãy nhập nơi lưu tệp.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <source>cannot write the file</source>
        <translation>không ghi được tệp</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Định dạng</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Đã lưu vào %1</translation>
    </message>
    <message>
        <source>This device may show the schedule only: the learner register and attendance sheets are not on it.</source>
        <translation>Thiết bị này chỉ được xem lịch: sổ danh sách học viên và sổ điểm danh không có trên thiết bị.</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Not printed.</source>
        <translation>Chưa in.</translation>
    </message>
    <message>
        <source>No printer is set up on this device: save a PDF and print it from another computer.</source>
        <translation>Máy này chưa cài máy in: hãy lưu PDF và in từ máy tính khác.</translation>
    </message>
    <message>
        <source>Sent to the printer %1.</source>
        <translation>Đã gửi tới máy in %1.</translation>
    </message>
    <message>
        <source>Printed to %1.</source>
        <translation>Đã in ra %1.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not pdf, odt, xlsx or csv</source>
        <translation>&apos;%1&apos; không phải pdf, odt, xlsx hay csv</translation>
    </message>
</context>
<context>
    <name>clc::ScheduleModel</name>
    <message>
        <source>Nothing is planned for %1: the plan runs %2–%3. Showing its first month.</source>
        <translation>Không có hoạt động nào trong kế hoạch cho %1: kế hoạch từ %2 đến %3. Đang hiện tháng đầu của kế hoạch.</translation>
    </message>
    <message>
        <source>Nothing is planned for %1. Showing the plan&apos;s first month.</source>
        <translation>Không có hoạt động nào trong kế hoạch cho %1. Đang hiện tháng đầu của kế hoạch.</translation>
    </message>
</context>
<context>
    <name>clc::SessionListModel</name>
    <message>
        <source>For: %1</source>
        <translation>Đối tượng: %1</translation>
    </message>
    <message>
        <source>With: %1</source>
        <translation>Phối hợp: %1</translation>
    </message>
    <message>
        <source>Budget: %1</source>
        <translation>Kinh phí: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s)</source>
        <translation>
            <numerusform>%n người tham gia</numerusform>
        </translation>
    </message>
    <message>
        <source>Attendance not taken</source>
        <translation>Chưa điểm danh</translation>
    </message>
    <message>
        <source>%1 present + %2 unnamed</source>
        <translation>%1 có mặt + %2 không ghi tên</translation>
    </message>
    <message>
        <source>%1 present</source>
        <translation>%1 có mặt</translation>
    </message>
</context>
<context>
    <name>clc::SettingsController</name>
    <message>
        <source>viewer (the schedule only)</source>
        <translation>người xem (chỉ xem lịch)</translation>
    </message>
    <message>
        <source>facilitator (attendance, sessions, learners)</source>
        <translation>người phụ trách (điểm danh, buổi học, học viên)</translation>
    </message>
    <message>
        <source>coordinator (the plan and everything else)</source>
        <translation>người điều phối (kế hoạch và mọi việc khác)</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>quản trị viên</translation>
    </message>
    <message>
        <source>Nothing has gone wrong on this device.</source>
        <translation>Thiết bị này chưa gặp trục trặc nào.</translation>
    </message>
</context>
<context>
    <name>clc::StoreManager</name>
    <message>
        <source>give the centre&apos;s name</source>
        <translation>hãy nhập tên trung tâm</translation>
    </message>
    <message>
        <source>Name of the centre</source>
        <translation>Tên trung tâm</translation>
    </message>
</context>
<context>
    <name>clc::SurveyModel</name>
    <message numerus="yes">
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n phiếu trả lời</numerusform>
        </translation>
    </message>
    <message>
        <source>this device&apos;s role may not start a survey</source>
        <translation>vai trò của máy này không được bắt đầu cuộc điều tra</translation>
    </message>
    <message>
        <source>there is no survey yet: a coordinator starts one</source>
        <translation>chưa có cuộc điều tra: cán bộ phụ trách sẽ bắt đầu</translation>
    </message>
    <message>
        <source>this device&apos;s role may not take survey answers</source>
        <translation>vai trò của máy này không được ghi phiếu điều tra</translation>
    </message>
    <message>
        <source>Saved the answer of %1.</source>
        <translation>Đã lưu phiếu của %1.</translation>
    </message>
</context>
<context>
    <name>clc::SyncStatus</name>
    <message>
        <source>last synced at %1</source>
        <translation>đồng bộ lần cuối lúc %1</translation>
    </message>
    <message>
        <source>not synced yet</source>
        <translation>chưa đồng bộ lần nào</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Đang đồng bộ…</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Đồng bộ lỗi: %1</translation>
    </message>
    <message>
        <source>Up to date, %1</source>
        <translation>Đã cập nhật, %1</translation>
    </message>
    <message>
        <source>Not connected to the ward office yet: enrol on the Sync page with the code the office gives; until then everything is kept here</source>
        <translation>Chưa kết nối với máy chủ phường: hãy đăng ký ở trang Đồng bộ bằng mã văn phòng phường cấp; trong lúc chờ, mọi thứ vẫn được lưu trên máy này</translation>
    </message>
    <message numerus="yes">
        <source>%1 change(s) waiting</source>
        <translation>
            <numerusform>%1 thay đổi chờ gửi</numerusform>
        </translation>
    </message>
    <message>
        <source>sent %1 of %2</source>
        <translation>đã gửi %1 / %2</translation>
    </message>
    <message>
        <source>received %1</source>
        <translation>đã nhận %1</translation>
    </message>
    <message>
        <source>Syncing… %1</source>
        <translation>Đang đồng bộ… %1</translation>
    </message>
    <message>
        <source>Sync cancelled; nothing is lost, it waits for the next sync; %1</source>
        <translation>Đã huỷ đồng bộ; không mất gì, dữ liệu chờ lần đồng bộ sau; %1</translation>
    </message>
    <message>
        <source>Offline — will retry: %1; %2</source>
        <translation>Không kết nối được — sẽ thử lại: %1; %2</translation>
    </message>
</context>
</TS>
