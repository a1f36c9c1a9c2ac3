// Peer 1: the whole Chart.js (chart.js/auto), as most pages include it.
import Chart from 'chart.js/auto';
import { rangeData, OPTIONS, loadAtlas, drawn } from './ranges.js';

const atlas = await loadAtlas();
new Chart(document.getElementById('chart'), { type: 'bar', data: rangeData(atlas), options: OPTIONS });
drawn();
