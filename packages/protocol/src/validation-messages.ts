import type { Locale } from './locale.ts';

/** One schema violation, in the shape both Ajv and TypeBox report it. */
export interface SchemaIssue {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

type Params = Record<string, unknown>;
const templates: Record<string, Record<Locale, (p: Params) => string>> = {
  required: { vi: () => 'Trường này là bắt buộc.', en: () => 'This field is required.' },
  minLength: {
    vi: (p) => (Number(p.limit) <= 1 ? 'Không được để trống.' : `Cần ít nhất ${String(p.limit)} ký tự.`),
    en: (p) => (Number(p.limit) <= 1 ? 'Must not be empty.' : `Needs at least ${String(p.limit)} characters.`),
  },
  maxLength: { vi: (p) => `Tối đa ${String(p.limit)} ký tự.`, en: (p) => `At most ${String(p.limit)} characters.` },
  pattern: { vi: () => 'Định dạng không hợp lệ.', en: () => 'The format is not valid.' },
  format: { vi: (p) => (p.format === 'email' ? 'Email không hợp lệ.' : 'Định dạng không hợp lệ.'), en: (p) => (p.format === 'email' ? 'Not a valid email address.' : 'The format is not valid.') },
  minimum: { vi: (p) => `Phải lớn hơn hoặc bằng ${String(p.limit)}.`, en: (p) => `Must be at least ${String(p.limit)}.` },
  maximum: { vi: (p) => `Phải nhỏ hơn hoặc bằng ${String(p.limit)}.`, en: (p) => `Must be at most ${String(p.limit)}.` },
  additionalProperties: { vi: () => 'Trường không được phép.', en: () => 'This field is not allowed.' },
  minProperties: { vi: () => 'Cần ít nhất một thay đổi.', en: () => 'Nothing to change.' },
  type: { vi: () => 'Sai kiểu dữ liệu.', en: () => 'Wrong type of value.' },
  anyOf: { vi: () => 'Giá trị không nằm trong danh sách cho phép.', en: () => 'Not one of the allowed values.' },
  const: { vi: () => 'Giá trị không nằm trong danh sách cho phép.', en: () => 'Not one of the allowed values.' },
  enum: { vi: () => 'Giá trị không nằm trong danh sách cho phép.', en: () => 'Not one of the allowed values.' },
};
const fallback: Record<Locale, string> = { vi: 'Giá trị không hợp lệ.', en: 'Not a valid value.' };

/**
 * Turns schema violations into `{ "/field": "message" }` in the user's language. Required and
 * additional-property errors are reported on the property itself, not on its parent object.
 */
export function describeIssues(issues: Iterable<SchemaIssue>, locale: Locale): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    // TypeBox reports a forbidden property twice: as `additionalProperties` on the object and as
    // a failed `false` schema on the property. The first says it better.
    if (issue.keyword === 'boolean') continue;
    const base = issue.instancePath || '';
    let paths: string[] = [base || '/'];
    const p = issue.params;
    if (issue.keyword === 'required') {
      const names = Array.isArray(p.requiredProperties) ? p.requiredProperties : [p.missingProperty];
      paths = names.filter((n): n is string => typeof n === 'string').map((n) => `${base}/${n}`);
    } else if (issue.keyword === 'additionalProperties') {
      const names = Array.isArray(p.additionalProperties) ? p.additionalProperties : [p.additionalProperty];
      paths = names.filter((n): n is string => typeof n === 'string').map((n) => `${base}/${n}`);
    }
    const message = templates[issue.keyword]?.[locale](p) ?? fallback[locale];
    for (const path of paths) fields[path] ??= message;
  }
  return fields;
}
