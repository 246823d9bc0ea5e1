import { Type, type Static } from 'typebox';
import type { Locale } from './locale.ts';

/**
 * Machine-readable error codes. Every error the server sends, over HTTP or in a socket ack,
 * carries one of these plus a message in the user's language.
 */
export const ErrorCode = {
  VALIDATION: 'VALIDATION',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  RATE_LIMITED: 'RATE_LIMITED',
  INTERNAL: 'INTERNAL',
  UNAVAILABLE: 'UNAVAILABLE',
  AUTH_INVALID_CREDENTIALS: 'AUTH_INVALID_CREDENTIALS',
  AUTH_ACCOUNT_DISABLED: 'AUTH_ACCOUNT_DISABLED',
  AUTH_TOO_MANY_ATTEMPTS: 'AUTH_TOO_MANY_ATTEMPTS',
  AUTH_WRONG_PASSWORD: 'AUTH_WRONG_PASSWORD',
  AUTH_WEAK_PASSWORD: 'AUTH_WEAK_PASSWORD',
  SESSION_REVOKED: 'SESSION_REVOKED',
  PROTOCOL_MISMATCH: 'PROTOCOL_MISMATCH',
  USERNAME_TAKEN: 'USERNAME_TAKEN',
  UNIT_CODE_TAKEN: 'UNIT_CODE_TAKEN',
  UNIT_NOT_FOUND: 'UNIT_NOT_FOUND',
  UNIT_HAS_CHILDREN: 'UNIT_HAS_CHILDREN',
  CANNOT_DEACTIVATE_SELF: 'CANNOT_DEACTIVATE_SELF',
  UNIT_CYCLE: 'UNIT_CYCLE',
  MEETING_BAD_TRANSITION: 'MEETING_BAD_TRANSITION',
  MEETING_NOT_EDITABLE: 'MEETING_NOT_EDITABLE',
  MEETING_TIME_ORDER: 'MEETING_TIME_ORDER',
  MEETING_NO_CHAIR: 'MEETING_NO_CHAIR',
  MEETING_EMPTY_AGENDA: 'MEETING_EMPTY_AGENDA',
  AGENDA_ORDER_MISMATCH: 'AGENDA_ORDER_MISMATCH',
  AGENDA_ITEM_HAS_DOCUMENTS: 'AGENDA_ITEM_HAS_DOCUMENTS',
  PARTICIPANT_NOT_FOUND: 'PARTICIPANT_NOT_FOUND',
  FILE_EMPTY: 'FILE_EMPTY',
  FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  FILE_TYPE_NOT_ALLOWED: 'FILE_TYPE_NOT_ALLOWED',
  PDF_CORRUPT: 'PDF_CORRUPT',
  PDF_ENCRYPTED: 'PDF_ENCRYPTED',
  CONVERSION_FAILED: 'CONVERSION_FAILED',
  RANGE_NOT_SATISFIABLE: 'RANGE_NOT_SATISFIABLE',
  MEETING_NOT_LIVE: 'MEETING_NOT_LIVE',
  NOT_CHECKED_IN: 'NOT_CHECKED_IN',
  PROXY_NOT_VOTING: 'PROXY_NOT_VOTING',
  PROXY_PRINCIPAL_PRESENT: 'PROXY_PRINCIPAL_PRESENT',
  PROXY_ALREADY_GIVEN: 'PROXY_ALREADY_GIVEN',
  PROXY_HOLDER_TAKEN: 'PROXY_HOLDER_TAKEN',
  PROXY_CHAIN: 'PROXY_CHAIN',
  SPEAKERS_NO_ITEM: 'SPEAKERS_NO_ITEM',
  SPEAKERS_QUEUE_CHANGED: 'SPEAKERS_QUEUE_CHANGED',
  DOWNLOAD_DISABLED: 'DOWNLOAD_DISABLED',
  EXPORT_TOO_LARGE: 'EXPORT_TOO_LARGE',
  RESULT_PACKAGE_CONFLICT: 'RESULT_PACKAGE_CONFLICT',
  DELIVERY_IN_PROGRESS: 'DELIVERY_IN_PROGRESS',
  TASK_MEETING_NOT_STARTED: 'TASK_MEETING_NOT_STARTED',
  TASK_ASSIGNEE_NOT_IN_UNIT: 'TASK_ASSIGNEE_NOT_IN_UNIT',
  TASK_DEADLINE_PAST: 'TASK_DEADLINE_PAST',
  TASK_CANCELLED: 'TASK_CANCELLED',
  TASK_NO_RESULT: 'TASK_NO_RESULT',
  POLL_NOT_DRAFT: 'POLL_NOT_DRAFT',
  POLL_NOT_OPEN: 'POLL_NOT_OPEN',
  POLL_CLOSED: 'POLL_CLOSED',
  NO_QUORUM: 'NO_QUORUM',
  NOT_ELIGIBLE: 'NOT_ELIGIBLE',
  ALREADY_VOTED: 'ALREADY_VOTED',
  BALLOT_INVALID: 'BALLOT_INVALID',
  MINUTES_NOT_OPEN: 'MINUTES_NOT_OPEN',
  MINUTES_UNCHANGED: 'MINUTES_UNCHANGED',
  MINUTES_NOT_READY: 'MINUTES_NOT_READY',
  MINUTES_NOT_LATEST: 'MINUTES_NOT_LATEST',
  MINUTES_ALREADY_SIGNED: 'MINUTES_ALREADY_SIGNED',
  MINUTES_NOT_SIGNED: 'MINUTES_NOT_SIGNED',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const messages: Record<ErrorCode, Record<Locale, string>> = {
  VALIDATION: { vi: 'Dữ liệu không hợp lệ.', en: 'The request is not valid.' },
  NOT_FOUND: { vi: 'Không tìm thấy.', en: 'Not found.' },
  UNAUTHENTICATED: { vi: 'Vui lòng đăng nhập.', en: 'Please sign in.' },
  FORBIDDEN: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  CONFLICT: { vi: 'Dữ liệu đã thay đổi, vui lòng thử lại.', en: 'The data changed; please try again.' },
  PAYLOAD_TOO_LARGE: { vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request is too large.' },
  RATE_LIMITED: { vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau.', en: 'Too many requests; please try again later.' },
  INTERNAL: { vi: 'Đã xảy ra lỗi hệ thống.', en: 'Something went wrong on the server.' },
  UNAVAILABLE: { vi: 'Hệ thống tạm thời không sẵn sàng.', en: 'The service is temporarily unavailable.' },
  AUTH_INVALID_CREDENTIALS: {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'Wrong username or password.',
  },
  AUTH_ACCOUNT_DISABLED: {
    vi: 'Tài khoản đã bị khóa. Vui lòng liên hệ quản trị viên.',
    en: 'This account is disabled. Please contact an administrator.',
  },
  AUTH_TOO_MANY_ATTEMPTS: {
    vi: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.',
    en: 'Too many failed sign-in attempts. Please try again in a few minutes.',
  },
  AUTH_WRONG_PASSWORD: { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
  AUTH_WEAK_PASSWORD: {
    vi: 'Mật khẩu phải có ít nhất 8 ký tự, gồm cả chữ và số.',
    en: 'The password needs at least 8 characters, with letters and digits.',
  },
  SESSION_REVOKED: { vi: 'Phiên đăng nhập đã kết thúc.', en: 'Your session has ended.' },
  PROTOCOL_MISMATCH: {
    vi: 'Ứng dụng đã có phiên bản mới. Vui lòng tải lại trang.',
    en: 'A new version of the app is available. Please reload the page.',
  },
  USERNAME_TAKEN: { vi: 'Tên đăng nhập đã được sử dụng.', en: 'This username is already taken.' },
  UNIT_CODE_TAKEN: { vi: 'Mã đơn vị đã tồn tại.', en: 'This unit code already exists.' },
  UNIT_NOT_FOUND: { vi: 'Đơn vị không tồn tại.', en: 'The unit does not exist.' },
  UNIT_HAS_CHILDREN: {
    vi: 'Không thể khóa đơn vị còn đơn vị trực thuộc đang hoạt động.',
    en: 'A unit with active sub-units cannot be deactivated.',
  },
  CANNOT_DEACTIVATE_SELF: {
    vi: 'Bạn không thể tự khóa hoặc hạ quyền tài khoản của mình.',
    en: 'You cannot deactivate or demote your own account.',
  },
  UNIT_CYCLE: {
    vi: 'Không thể chọn chính đơn vị này hoặc đơn vị cấp dưới của nó làm đơn vị cấp trên.',
    en: 'A unit cannot be placed under itself or one of its sub-units.',
  },
  MEETING_BAD_TRANSITION: {
    vi: 'Không thể chuyển cuộc họp sang trạng thái này ở bước hiện tại hoặc với vai trò của bạn.',
    en: 'The meeting cannot make this change now, or not by you.',
  },
  MEETING_NOT_EDITABLE: {
    vi: 'Cuộc họp không thể chỉnh sửa ở trạng thái hiện tại.',
    en: 'The meeting cannot be edited in its current state.',
  },
  MEETING_TIME_ORDER: { vi: 'Thời gian kết thúc phải sau thời gian bắt đầu.', en: 'The end time must be after the start time.' },
  MEETING_NO_CHAIR: { vi: 'Cuộc họp cần có người chủ trì.', en: 'The meeting needs a chair.' },
  MEETING_EMPTY_AGENDA: { vi: 'Chương trình họp chưa có nội dung nào.', en: 'The agenda has no items yet.' },
  AGENDA_ORDER_MISMATCH: {
    vi: 'Chương trình họp đã thay đổi; vui lòng tải lại rồi sắp xếp lại.',
    en: 'The agenda has changed; reload it and reorder again.',
  },
  AGENDA_ITEM_HAS_DOCUMENTS: {
    vi: 'Không xóa được: nội dung này đã có tài liệu.',
    en: 'This item has documents and cannot be deleted.',
  },
  PARTICIPANT_NOT_FOUND: { vi: 'Người hoặc đơn vị tham dự không tồn tại.', en: 'The participant does not exist.' },
  FILE_EMPTY: { vi: 'Tệp rỗng.', en: 'The file is empty.' },
  FILE_TOO_LARGE: { vi: 'Tệp vượt quá dung lượng cho phép.', en: 'The file is larger than allowed.' },
  FILE_TYPE_NOT_ALLOWED: {
    vi: 'Chỉ nhận tệp PDF, Word, Excel hoặc PowerPoint.',
    en: 'Only PDF, Word, Excel or PowerPoint files are accepted.',
  },
  PDF_CORRUPT: { vi: 'Tệp PDF bị hỏng hoặc không đầy đủ.', en: 'The PDF is damaged or incomplete.' },
  PDF_ENCRYPTED: {
    vi: 'Tệp PDF được đặt mật khẩu; vui lòng gỡ mật khẩu rồi tải lên lại.',
    en: 'The PDF is password-protected; remove the password and upload it again.',
  },
  CONVERSION_FAILED: {
    vi: 'Không chuyển được tệp sang PDF. Vui lòng kiểm tra tệp hoặc tải lên bản PDF.',
    en: 'The file could not be converted to PDF. Check the file or upload a PDF.',
  },
  RANGE_NOT_SATISFIABLE: { vi: 'Khoảng dữ liệu yêu cầu không hợp lệ.', en: 'The requested range is not valid.' },
  MEETING_NOT_LIVE: { vi: 'Cuộc họp chưa bắt đầu hoặc đã kết thúc.', en: 'The meeting is not in session.' },
  NOT_CHECKED_IN: { vi: 'Đại biểu chưa điểm danh có mặt.', en: 'This delegate has not checked in.' },
  PROXY_NOT_VOTING: {
    vi: 'Chỉ thành viên có quyền biểu quyết mới được ủy quyền hoặc nhận ủy quyền.',
    en: 'Only voting members can give or hold a proxy.',
  },
  PROXY_PRINCIPAL_PRESENT: {
    vi: 'Đại biểu đang có mặt tại cuộc họp nên không thể ủy quyền.',
    en: 'A delegate who is present cannot give a proxy.',
  },
  PROXY_ALREADY_GIVEN: { vi: 'Đại biểu này đã ủy quyền cho người khác.', en: 'This delegate has already given a proxy.' },
  PROXY_HOLDER_TAKEN: {
    vi: 'Người được chọn đã nhận ủy quyền của một đại biểu khác.',
    en: 'This person already holds another delegate’s proxy.',
  },
  PROXY_CHAIN: {
    vi: 'Không thể ủy quyền lại: người nhận đã ủy quyền cho người khác, hoặc người ủy quyền đang giữ ủy quyền của người khác.',
    en: 'Proxies cannot be chained: the holder has given a proxy, or the delegate holds one.',
  },
  SPEAKERS_NO_ITEM: { vi: 'Chưa có nội dung nào đang được thảo luận.', en: 'No agenda item is under discussion.' },
  SPEAKERS_QUEUE_CHANGED: {
    vi: 'Danh sách đăng ký phát biểu đã thay đổi; vui lòng tải lại rồi sắp xếp lại.',
    en: 'The speakers’ list has changed; reload it and reorder again.',
  },
  DOWNLOAD_DISABLED: {
    vi: 'Tài liệu này không cho phép tải về.',
    en: 'Downloading this document is not allowed.',
  },
  EXPORT_TOO_LARGE: {
    vi: 'Tài liệu quá lớn để tạo bản có ghi chú.',
    en: 'The document is too large for an annotated copy.',
  },
  RESULT_PACKAGE_CONFLICT: {
    vi: 'Đã có gói kết quả khác cho phiên bản kết luận này của cuộc họp; không thể gửi nội dung khác cho cùng một phiên bản.',
    en: 'A different result package already exists for this version of the meeting’s conclusions.',
  },
  DELIVERY_IN_PROGRESS: {
    vi: 'Gói kết quả đang được gửi; vui lòng chờ kết quả lần gửi hiện tại.',
    en: 'This package is still being delivered; wait for the current attempt to finish.',
  },
  TASK_MEETING_NOT_STARTED: {
    vi: 'Chỉ giao nhiệm vụ khi cuộc họp đang diễn ra hoặc đã kết thúc.',
    en: 'Tasks can be given only once the meeting is in session or over.',
  },
  TASK_ASSIGNEE_NOT_IN_UNIT: {
    vi: 'Người được giao phải thuộc đơn vị chủ trì và đang hoạt động.',
    en: 'The person must be an active member of the unit in charge.',
  },
  TASK_DEADLINE_PAST: { vi: 'Thời hạn không được trước ngày hôm nay.', en: 'The deadline cannot be before today.' },
  TASK_CANCELLED: {
    vi: 'Nhiệm vụ đã bị hủy; chỉ người tổ chức cuộc họp có thể mở lại.',
    en: 'The task was cancelled; only the meeting’s organisers can reopen it.',
  },
  TASK_NO_RESULT: { vi: 'Nhiệm vụ chưa có tài liệu kết quả.', en: 'The task has no result document yet.' },
  POLL_NOT_DRAFT: {
    vi: 'Biểu quyết đã được mở nên không thể sửa, xóa hoặc mở lại.',
    en: 'This poll has already been opened; it cannot be edited, deleted or opened again.',
  },
  POLL_NOT_OPEN: { vi: 'Biểu quyết chưa được mở.', en: 'This poll has not been opened yet.' },
  POLL_CLOSED: { vi: 'Biểu quyết đã kết thúc.', en: 'This poll is closed.' },
  NO_QUORUM: {
    vi: 'Chưa đủ số đại biểu có mặt theo quy định để biểu quyết.',
    en: 'Not enough members are present to hold the vote.',
  },
  NOT_ELIGIBLE: {
    vi: 'Bạn không có quyền biểu quyết trong lượt này (chỉ thành viên có mặt hoặc người nhận ủy quyền).',
    en: 'You cannot vote in this poll (only members present, or holders of their proxy).',
  },
  ALREADY_VOTED: { vi: 'Phiếu biểu quyết này đã được ghi nhận trước đó.', en: 'This vote has already been recorded.' },
  BALLOT_INVALID: { vi: 'Phiếu biểu quyết không hợp lệ.', en: 'The ballot is not valid.' },
  MINUTES_NOT_OPEN: { vi: 'Chỉ duyệt kết luận khi cuộc họp đang diễn ra hoặc đã kết thúc.', en: 'Conclusions can be approved only while the meeting is live or after it ends.' },
  MINUTES_UNCHANGED: { vi: 'Nội dung không thay đổi so với phiên bản đã duyệt gần nhất.', en: 'Nothing changed since the latest approved version.' },
  MINUTES_NOT_READY: { vi: 'Biên bản và thông báo của phiên bản này chưa được tạo xong.', en: 'The minutes and notice of this version are not ready yet.' },
  MINUTES_NOT_LATEST: { vi: 'Chỉ ký được phiên bản kết luận mới nhất.', en: 'Only the latest conclusions version can be signed.' },
  MINUTES_ALREADY_SIGNED: { vi: 'Phiên bản này đã được ký.', en: 'This version is already signed.' },
  MINUTES_NOT_SIGNED: { vi: 'Biên bản của phiên bản kết luận mới nhất chưa được ký.', en: 'The minutes of the latest conclusions version are not signed yet.' },
};

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(messages, value);
}

/** The user-facing message for an error code. */
export function errorMessage(code: ErrorCode, locale: Locale): string {
  return messages[code][locale];
}

export const ApiErrorSchema = Type.Object(
  {
    code: Type.String(),
    message: Type.String(),
    /** Field-level details for validation errors: JSON pointer → message. */
    fields: Type.Optional(Type.Record(Type.String(), Type.String())),
    requestId: Type.Optional(Type.String()),
  }
);
export type ApiError = Static<typeof ApiErrorSchema> & { code: ErrorCode };

/** Every socket command answers through its ack with one of these. */
export type Ack<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; code: ErrorCode; message: string };
