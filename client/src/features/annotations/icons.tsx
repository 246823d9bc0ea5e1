import type { ReactNode } from 'react';

const PATHS: Record<string, ReactNode> = {
  select: <path d="M5 3l14 8-6 1.5L10 19z" />,
  pen: <path d="M4 20l4-1L19 8l-3-3L5 16zM14 7l3 3" />,
  highlighter: <path d="M5 21h7M9 17l-3-3 9-9 3 3zM6 14l-2 4h4" />,
  note: <path d="M5 4h14v10l-5 6H5zM14 20v-6h5M8 9h8M8 12h5" />,
  textbox: <path d="M4 5h16M12 5v14M8 19h8" />,
  eraser: <path d="M8 20h12M4 15l9-10 7 7-8 8H8z" />,
  undo: <path d="M9 7L4 12l5 5M4 12h11a5 5 0 010 10h-3" />,
  redo: <path d="M15 7l5 5-5 5M20 12H9a5 5 0 000 10h3" />,
  highlightText: <path d="M4 19h16M7 15l3-9h4l3 9M8.5 11h7" />,
};

/** A 24 px line icon; decorative (the button carries the name). */
export function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg className="ann-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <g fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        {PATHS[name]}
      </g>
    </svg>
  );
}
