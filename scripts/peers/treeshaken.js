// Peer 2: Chart.js with only the parts a bar chart needs registered (tree-shaken by the bundler).
import { Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip } from 'chart.js';
import { rangeData, OPTIONS, loadAtlas, drawn } from './ranges.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
const atlas = await loadAtlas();
new Chart(document.getElementById('chart'), { type: 'bar', data: rangeData(atlas), options: OPTIONS });
drawn();
