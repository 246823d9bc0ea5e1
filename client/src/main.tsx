import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startPdfWorker } from './features/viewer/pdf-worker';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/meetings.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Started once, now, so the first document opened does not wait for it.
startPdfWorker();

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
