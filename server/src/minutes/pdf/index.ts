export { renderMinutesPdf, pollCounts, pollOutcome } from './minutes.ts';
export { renderConclusionNoticePdf, defaultIntroduction } from './notice.ts';
export { MOTTO, NATIONAL_HEADING } from './blocks.ts';
export { DEFAULT_TIME_ZONE, percent, personLine, placeAndDate, vnDate, vnTime } from './text.ts';
export type {
  Absentee,
  DocumentHeader,
  IssuingBody,
  MinutesData,
  MinutesItem,
  NoticeData,
  NoticeItem,
  NoticeSigner,
  Opinion,
  Person,
  PollResult,
  Proxy,
  RenderOptions,
} from './types.ts';
