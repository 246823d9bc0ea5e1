import type { MessageKey } from '../../i18n';

/** `select` is the resting tool: pages scroll and text selects; marks can be tapped. */
export const TOOLS = ['select', 'pen', 'highlighter', 'note', 'textbox', 'eraser'] as const;
export type Tool = (typeof TOOLS)[number];

/** Tools whose gestures on a page belong to the annotation layer (the viewer stops panning). */
export function isDrawingTool(tool: Tool): boolean {
  return tool !== 'select';
}

/** Tools that write into a layer (all but `select`). */
export type WritingTool = Exclude<Tool, 'select'>;

export const LAYERS = ['private', 'shared'] as const;
export type Layer = (typeof LAYERS)[number];

export interface ColorChoice {
  value: string;
  label: Extract<MessageKey, `ann.color.${string}`>;
}

/** Pen, note and text colours: dark enough to read on white paper. */
export const INK_COLORS: readonly ColorChoice[] = [
  { value: '#1d1d1f', label: 'ann.color.black' },
  { value: '#c62828', label: 'ann.color.red' },
  { value: '#1565c0', label: 'ann.color.blue' },
  { value: '#2e7d32', label: 'ann.color.green' },
  { value: '#6a1b9a', label: 'ann.color.purple' },
  { value: '#ef6c00', label: 'ann.color.orange' },
];

/** Highlighter colours: light, drawn translucent and multiplied over the text. */
export const HIGHLIGHT_COLORS: readonly ColorChoice[] = [
  { value: '#ffeb3b', label: 'ann.color.yellow' },
  { value: '#8bc34a', label: 'ann.color.green' },
  { value: '#4fc3f7', label: 'ann.color.blue' },
  { value: '#f48fb1', label: 'ann.color.pink' },
  { value: '#ffb74d', label: 'ann.color.orange' },
];

/** Sticky-note colours (the icon; the text stays dark). */
export const NOTE_COLORS: readonly ColorChoice[] = [
  { value: '#fbc02d', label: 'ann.color.yellow' },
  { value: '#ef6c00', label: 'ann.color.orange' },
  { value: '#e91e63', label: 'ann.color.pink' },
  { value: '#1e88e5', label: 'ann.color.blue' },
  { value: '#43a047', label: 'ann.color.green' },
];

export interface SizeChoice {
  /** PDF units (stroke width, or font size for text boxes). */
  value: number;
  label: Extract<MessageKey, `ann.size.${string}`>;
}

export const PEN_WIDTHS: readonly SizeChoice[] = [
  { value: 1, label: 'ann.size.thin' },
  { value: 2, label: 'ann.size.medium' },
  { value: 4, label: 'ann.size.thick' },
];

export const HIGHLIGHTER_WIDTHS: readonly SizeChoice[] = [
  { value: 8, label: 'ann.size.thin' },
  { value: 14, label: 'ann.size.medium' },
  { value: 22, label: 'ann.size.thick' },
];

export const TEXT_SIZES: readonly SizeChoice[] = [
  { value: 10, label: 'ann.size.small' },
  { value: 14, label: 'ann.size.medium' },
  { value: 20, label: 'ann.size.large' },
];

/** What the user picked for each tool (kept per tool, so switching back restores it). */
export interface ToolSettings {
  pen: { color: string; size: number };
  highlighter: { color: string; size: number };
  note: { color: string };
  textbox: { color: string; size: number };
}

export const DEFAULT_TOOL_SETTINGS: ToolSettings = {
  pen: { color: '#1d1d1f', size: 2 },
  highlighter: { color: '#ffeb3b', size: 14 },
  note: { color: '#fbc02d' },
  textbox: { color: '#c62828', size: 14 },
};

export function colorsFor(tool: Tool): readonly ColorChoice[] {
  switch (tool) {
    case 'pen':
    case 'textbox':
      return INK_COLORS;
    case 'highlighter':
      return HIGHLIGHT_COLORS;
    case 'note':
      return NOTE_COLORS;
    default:
      return [];
  }
}

export function sizesFor(tool: Tool): readonly SizeChoice[] {
  switch (tool) {
    case 'pen':
      return PEN_WIDTHS;
    case 'highlighter':
      return HIGHLIGHTER_WIDTHS;
    case 'textbox':
      return TEXT_SIZES;
    default:
      return [];
  }
}

/** Eraser reach in CSS pixels around the pointer (converted to PDF units with the zoom). */
export const ERASER_RADIUS_PX = 10;
