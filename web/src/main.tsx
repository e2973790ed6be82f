import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The global sheets first: each module's own sheets, imported by its index.ts, come after them; the helpers last.
import './shared/styles/tokens.css';
import './shared/styles/base.css';
import './shared/styles/controls.css';
import './shared/styles/layout.css';
import './shared/styles/ui.css';
import { App } from './app.tsx';
import './shared/styles/utilities.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
