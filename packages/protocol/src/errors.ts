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
