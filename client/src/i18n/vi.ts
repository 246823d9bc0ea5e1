import { viMeetings } from './vi-meetings';
import { viViewer } from './vi-viewer';
import { viAnnotations } from './vi-annotations';
import { viOffline } from './vi-offline';
import { viLive } from './vi-live';
import { viPolls } from './vi-polls';
import { viTasks } from './vi-tasks';
import { viMinutes } from './vi-minutes';

/**
 * Vietnamese strings: the source of every message key. `en.ts` must have exactly these keys.
 * Placeholders are written `{name}` and filled by `t(key, { name })`.
 */
export const vi = {
  'app.name': 'E-Cabinet',
  'app.tagline': 'Hệ thống phòng họp không giấy',
  'app.loading': 'Đang tải…',
  'app.skipToContent': 'Bỏ qua, đến nội dung chính',

  'lang.label': 'Ngôn ngữ',
  'lang.vi': 'Tiếng Việt',
  'lang.en': 'English',
  'lang.saveFailed': 'Không lưu được lựa chọn ngôn ngữ lên máy chủ: {message}',

  'auth.login.title': 'Đăng nhập',
  'auth.username': 'Tên đăng nhập',
  'auth.password': 'Mật khẩu',
  'auth.login.submit': 'Đăng nhập',
  'auth.logout': 'Đăng xuất',
  'auth.sessionEnded': 'Phiên đăng nhập đã kết thúc. Vui lòng đăng nhập lại.',

  'password.title': 'Đổi mật khẩu',
  'password.current': 'Mật khẩu hiện tại',
  'password.new': 'Mật khẩu mới',
  'password.confirm': 'Nhập lại mật khẩu mới',
  'password.hint': 'Ít nhất 8 ký tự.',
  'password.mismatch': 'Mật khẩu nhập lại không khớp.',
  'password.changed': 'Đã đổi mật khẩu.',

  'common.save': 'Lưu',
  'common.cancel': 'Hủy',
  'common.close': 'Đóng',
  'common.retry': 'Thử lại',
  'common.edit': 'Sửa',
  'common.actions': 'Thao tác',
  'common.status': 'Trạng thái',
  'common.active': 'Đang hoạt động',
  'common.inactive': 'Đã khóa',
  'common.deactivate': 'Khóa',
  'common.activate': 'Mở khóa',
  'common.loading': 'Đang tải…',
  'common.all': 'Tất cả',
  'common.loadFailed': 'Không tải được dữ liệu.',
  'common.fixFields': 'Vui lòng kiểm tra các trường được đánh dấu.',
  'common.required': 'bắt buộc',

  'nav.label': 'Điều hướng chính',
  'nav.home': 'Trang chủ',
  'nav.meetings': 'Cuộc họp',
  'nav.users': 'Người dùng',
  'nav.units': 'Đơn vị',
  'nav.audit': 'Nhật ký hệ thống',

  'role.admin': 'Quản trị hệ thống',
  'role.secretary': 'Thư ký',
  'role.chair': 'Chủ trì',
  'role.delegate': 'Đại biểu',

  'conn.label': 'Trạng thái kết nối',
  'conn.online': 'Trực tuyến',
  'conn.connecting': 'Đang kết nối…',
  'conn.reconnecting': 'Đang kết nối lại…',
  'conn.offline': 'Mất kết nối',
  'conn.newVersion': 'Ứng dụng đã có phiên bản mới. Vui lòng tải lại trang để tiếp tục.',
  'conn.reload': 'Tải lại trang',

  'home.welcome': 'Xin chào, {name}',
  'home.upcoming': 'Cuộc họp sắp diễn ra',
  'home.allMeetings': 'Xem tất cả cuộc họp',
  'home.emptyTitle': 'Không có cuộc họp nào sắp diễn ra',
  'home.emptyBody': 'Khi có giấy mời họp, cuộc họp sẽ hiện ở đây.',
  'home.changePassword': 'Đổi mật khẩu',

  'notFound.title': 'Không tìm thấy trang',
  'notFound.body': 'Trang bạn tìm không tồn tại hoặc đã được chuyển đi.',
  'notFound.home': 'Về trang chủ',
  'forbidden.title': 'Không có quyền truy cập',
  'forbidden.body': 'Trang này chỉ dành cho quản trị hệ thống.',

  'users.title': 'Người dùng',
  'users.add': 'Thêm người dùng',
  'users.search': 'Tìm kiếm',
  'users.searchHint': 'Tên đăng nhập hoặc họ tên',
  'users.filterRole': 'Lọc theo vai trò',
  'users.username': 'Tên đăng nhập',
  'users.fullName': 'Họ và tên',
  'users.email': 'Email',
  'users.jobTitle': 'Chức vụ',
  'users.role': 'Vai trò',
  'users.unit': 'Đơn vị',
  'users.initialPassword': 'Mật khẩu ban đầu',
  'users.newPassword': 'Mật khẩu mới',
  'users.noUnit': '— Không thuộc đơn vị nào —',
  'users.empty': 'Không có người dùng nào phù hợp.',
  'users.count': 'Số người dùng: {count}',
  'users.editTitle': 'Sửa người dùng {name}',
  'users.created': 'Đã thêm người dùng {name}.',
  'users.updated': 'Đã lưu thay đổi của {name}.',
  'users.deactivateTitle': 'Khóa tài khoản',
  'users.deactivateConfirm': 'Khóa tài khoản {name}? Người này sẽ không đăng nhập được nữa.',
  'users.activateTitle': 'Mở khóa tài khoản',
  'users.activateConfirm': 'Mở khóa tài khoản {name}?',
  'users.deactivated': 'Đã khóa tài khoản {name}.',
  'users.activated': 'Đã mở khóa tài khoản {name}.',
  'users.resetPassword': 'Đặt lại mật khẩu',
  'users.resetTitle': 'Đặt lại mật khẩu cho {name}',
  'users.resetDone': 'Đã đặt lại mật khẩu cho {name}.',

  'units.title': 'Đơn vị',
  'units.add': 'Thêm đơn vị',
  'units.code': 'Mã đơn vị',
  'units.name': 'Tên đơn vị',
  'units.kind': 'Loại đơn vị',
  'units.parent': 'Đơn vị cấp trên',
  'units.noParent': '— Không có (cấp cao nhất) —',
  'units.empty': 'Chưa có đơn vị nào.',
  'units.editTitle': 'Sửa đơn vị {name}',
  'units.created': 'Đã thêm đơn vị {name}.',
  'units.updated': 'Đã lưu thay đổi của đơn vị {name}.',
  'units.deactivateTitle': 'Khóa đơn vị',
  'units.deactivateConfirm': 'Khóa đơn vị {name}? Đơn vị sẽ không còn được chọn cho người dùng mới.',
  'units.activateTitle': 'Mở khóa đơn vị',
  'units.activateConfirm': 'Mở khóa đơn vị {name}?',
  'units.deactivated': 'Đã khóa đơn vị {name}.',
  'units.activated': 'Đã mở khóa đơn vị {name}.',
  'unitKind.province': 'Tỉnh, thành phố',
  'unitKind.department': 'Sở, ban, ngành',
  'unitKind.commune': 'Xã, phường, thị trấn',
  'unitKind.other': 'Khác',

  'audit.title': 'Nhật ký hệ thống',
  'audit.seq': 'Số thứ tự',
  'audit.time': 'Thời gian',
  'audit.actor': 'Người thực hiện',
  'audit.action': 'Hành động',
  'audit.target': 'Đối tượng',
  'audit.system': 'Hệ thống',
  'audit.timezone': 'Thời gian theo giờ Việt Nam (UTC+7).',
  'audit.verify': 'Kiểm tra tính toàn vẹn',
  'audit.verifying': 'Đang kiểm tra…',
  'audit.verifyOk': 'Nhật ký toàn vẹn: đã kiểm tra {checked} bản ghi, không phát hiện sai lệch.',
  'audit.verifyBroken': 'Nhật ký bị sai lệch tại bản ghi số {seq} (đã kiểm tra {checked} bản ghi).',
  'audit.loadMore': 'Tải thêm',
  'audit.empty': 'Chưa có bản ghi nào.',
  'audit.end': 'Đã hiển thị toàn bộ nhật ký.',

  'toast.region': 'Thông báo',
  'error.network': 'Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.',

  ...viMeetings,
  ...viViewer,
  ...viAnnotations,
  ...viOffline,
  ...viLive,
  ...viPolls,
  ...viTasks,
  ...viMinutes,
} as const;

export type MessageKey = keyof typeof vi;
/** The shape every other language must match: the same keys, each a string. */
export type Messages = { readonly [K in MessageKey]: string };
/** The Vietnamese template for each key, as a literal type (drives placeholder checking). */
export type SourceMessages = typeof vi;
