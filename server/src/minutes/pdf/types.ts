/*
 * Input of the minutes and conclusion-notice documents. Plain data, no database types: the
 * minutes service maps its records onto these. Strings may contain "\n" to start a new
 * paragraph (a new line in header cells); everything is NFC-normalised before drawing. Dates are
 * instants, shown in `RenderOptions.timeZone` (Asia/Ho_Chi_Minh by default).
 */

/** The body that issues the document (góc trên bên trái, Nghị định 30/2020/NĐ-CP). */
export interface IssuingBody {
  /** Cơ quan chủ quản, e.g. "Ủy ban nhân dân tỉnh Bình Dương"; omit for a top-level body. */
  parentName?: string;
  /** Cơ quan ban hành, e.g. "Sở Kế hoạch và Đầu tư". Drawn in bold capitals, underlined. */
  name: string;
}

/** The parts of the heading every administrative document shares. */
export interface DocumentHeader {
  issuer: IssuingBody;
  /** Số văn bản, e.g. "12". Empty leaves a gap ("Số:     /BB-UBND") for the clerk to fill in. */
  number: string;
  /** Ký hiệu after the number, e.g. "BB-UBND" or "TB-UBND". */
  code: string;
  /** Địa danh of the date line, e.g. "Bình Dương". */
  place: string;
  /** Ngày ban hành, shown as "Bình Dương, ngày 23 tháng 11 năm 2026". */
  date: Date;
}

export interface Person {
  /** Full name, e.g. "Nguyễn Văn Dũng". */
  name: string;
  /** Position, e.g. "Phó Giám đốc". */
  title?: string;
  /** Unit the person belongs to or represents, e.g. "Sở Kế hoạch và Đầu tư". */
  unit?: string;
}

export interface Absentee extends Person {
  /** Vắng có lý do (excused) or không có lý do. */
  excused: boolean;
  /** The reason given, e.g. "đi công tác tại Hà Nội". */
  reason?: string;
}

/** "A ủy quyền cho B". */
export interface Proxy {
  from: Person;
  to: Person;
  /** e.g. "ủy quyền biểu quyết nội dung 2". */
  note?: string;
}

export interface Opinion {
  speaker: Person;
  /** What was said; "\n" separates paragraphs. */
  text: string;
}

/** One closed poll. Percentages are computed against `base`. */
export interface PollResult {
  /** Nội dung biểu quyết. */
  question: string;
  /** Tán thành. */
  inFavour: number;
  /** Không tán thành. */
  against: number;
  /** Không biểu quyết. */
  notVoting: number;
  /** Denominator of the percentages (e.g. all members); defaults to the sum of the three counts. */
  base?: number;
  /** "Thông qua" when true, else "Không thông qua". */
  passed: boolean;
  /** Why, e.g. "Số thành viên tán thành đạt trên 50% tổng số thành viên." */
  outcomeReason: string;
}

export interface MinutesItem {
  /** Nội dung of the agenda item, e.g. "Dự thảo Kế hoạch đầu tư công trung hạn 2026-2030". */
  title: string;
  /** Who presented, e.g. "Bà Trần Thị Hường, Giám đốc Sở Kế hoạch và Đầu tư". */
  presenter?: string;
  opinions: Opinion[];
  polls: PollResult[];
  /** Kết luận / chỉ đạo of the chair; "\n" separates paragraphs. Empty omits the part. */
  conclusion: string;
}

export interface MinutesData {
  header: DocumentHeader;
  meeting: {
    /** Subtitle under "BIÊN BẢN", e.g. "Cuộc họp thường kỳ tháng 11 năm 2026". */
    title: string;
    startedAt: Date;
    endedAt: Date;
    location: string;
  };
  /** Chủ trì (chủ tọa); signs on the right. */
  chair: Person;
  /** Thư ký (người ghi biên bản); signs on the left. */
  secretary: Person;
  attendance: {
    present: Person[];
    absent: Absentee[];
    proxies: Proxy[];
    /** Khách mời, listed after the members when given. */
    guests?: Person[];
  };
  items: MinutesItem[];
  /** Extra closing sentence before the signatures, e.g. "Biên bản được lập thành 02 bản, ...". */
  closingNote?: string;
  /** Headings of the two signature columns; default "THƯ KÝ" and "CHỦ TỌA". */
  signatureLabels?: { secretary?: string; chair?: string };
}

/** The signer of a notice: capacity lines above the name, per Nghị định 30 (e.g. "KT. CHỦ TỊCH"). */
export interface NoticeSigner {
  /** e.g. ["CHỦ TỊCH"] or ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]; drawn in bold capitals. */
  capacity: string[];
  name: string;
}

export interface NoticeItem {
  title: string;
  /** The conclusion on this item; "\n" separates paragraphs. */
  conclusion: string;
}

export interface NoticeData {
  header: DocumentHeader;
  /** Trích yếu under "THÔNG BÁO", e.g. "Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại cuộc họp ...". */
  subject: string;
  meeting: {
    title: string;
    startedAt: Date;
    location: string;
    chair: Person;
    /** "Tham dự cuộc họp có ..." sentence body, e.g. "lãnh đạo các sở: Tài chính, Xây dựng". */
    attendeesSummary?: string;
  };
  /** Opening paragraph(s). When absent one is composed from `meeting`. */
  introduction?: string;
  items: NoticeItem[];
  /** Last paragraph, e.g. "Văn phòng Ủy ban nhân dân tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./." */
  closing: string;
  /** Nơi nhận, one entry a line without the leading "-" or trailing ";" (added here). */
  recipients: string[];
  signer: NoticeSigner;
}

export interface RenderOptions {
  /** IANA zone dates are shown in; default Asia/Ho_Chi_Minh. */
  timeZone?: string;
  /** Marks the first page "DỰ THẢO" (draft), for versions not yet approved. */
  draft?: boolean;
}
