// Peer 3: a React 18 app drawing the chart with Chart.js in an effect, the way a JavaScript
// developer would build the page.
import { createElement as h, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import Chart from 'chart.js/auto';
import { rangeData, OPTIONS, loadAtlas, drawn } from './ranges.js';

function RangeChart({ atlas }) {
  const canvas = useRef(null);
  useEffect(() => {
    const chart = new Chart(canvas.current, { type: 'bar', data: rangeData(atlas), options: OPTIONS });
    drawn();
    return () => chart.destroy();
  }, [atlas]);
  return h('div', { className: 'frame' }, h('canvas', { ref: canvas }));
}

function App() {
  const [atlas, setAtlas] = useState(null);
  useEffect(() => { loadAtlas().then(setAtlas); }, []);
  return h('main', null, h('h1', null, 'Salaries'), atlas ? h(RangeChart, { atlas }) : h('p', null, 'Loading…'));
}

createRoot(document.getElementById('root')).render(h(App));
