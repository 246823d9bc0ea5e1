import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startPdfWorker } from './features/viewer/pdf-worker';
import { registerServiceWorker } from './features/offline/register';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/meetings.css';
import './styles/viewer.css';
import './styles/annotations.css';
import './styles/tasks.css';
import './styles/live.css';
import './styles/minutes.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Started once, now, so the first document opened does not wait for it.
startPdfWorker();
// Production builds only: offline reading of upcoming meetings' documents.
registerServiceWorker();

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
