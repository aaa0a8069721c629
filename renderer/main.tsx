import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { App } from './App';

// The graph benchmark's page (bench/graph-view.ts): a generated graph without a case, loaded only when asked for.
const GraphBench = lazy(() => import('./graph/GraphBench'));
const bench = new URLSearchParams(window.location.search).get('bench') === 'graph';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    {bench ? (
      <Suspense>
        <GraphBench />
      </Suspense>
    ) : (
      <App />
    )}
  </StrictMode>,
);
