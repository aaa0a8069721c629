import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { App } from './App';

// The benchmarks' pages, loaded only when asked for: a generated graph without a case (bench/graph-view.ts), and the
// timeline's list over generated entries (bench/timeline-scroll.ts).
const GraphBench = lazy(() => import('./graph/GraphBench'));
const TimelineBench = lazy(() => import('./timeline/TimelineBench'));
const bench = new URLSearchParams(window.location.search).get('bench');

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    {bench === 'graph' || bench === 'timeline' ? (
      <Suspense>{bench === 'graph' ? <GraphBench /> : <TimelineBench />}</Suspense>
    ) : (
      <App />
    )}
  </StrictMode>,
);
