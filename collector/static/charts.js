/* global document, window, uPlot */
// Draws the dashboard's monthly trend with uPlot (served from /static, no CDN). The figures come
// from the page's JSON block, so the CSP allows no inline script.
(function () {
  const holder = document.getElementById('trend-chart');
  const source = document.getElementById('trend-data');
  if (!holder || !source || typeof uPlot === 'undefined') return;
  const d = JSON.parse(source.textContent || '{}');
  if (!d.months || d.months.length === 0) return;
  const x = d.months.map(function (_m, i) {
    return i;
  });
  const lang = holder.getAttribute('data-lang') === 'en' ? 'en-GB' : 'vi-VN';
  const fmt = new Intl.NumberFormat(lang);
  function draw() {
    holder.textContent = '';
    const width = Math.max(280, holder.clientWidth);
    new uPlot(
      {
        width: width,
        height: 260,
        scales: { x: { time: false } },
        axes: [
          {
            values: function (_u, ticks) {
              return ticks.map(function (i) {
                return d.months[i] || '';
              });
            },
          },
          {
            values: function (_u, ticks) {
              return ticks.map(function (v) {
                return fmt.format(v);
              });
            },
            size: 70,
          },
        ],
        series: [
          {},
          { label: d.labels.visits, stroke: '#0b5cad', width: 2 },
          { label: d.labels.itemsServed, stroke: '#1d6b32', width: 2 },
          { label: d.labels.visits + ' (' + d.labels.previous + ')', stroke: '#0b5cad', dash: [6, 4], width: 1 },
          { label: d.labels.itemsServed + ' (' + d.labels.previous + ')', stroke: '#1d6b32', dash: [6, 4], width: 1 },
        ],
      },
      [x, d.visits, d.itemsServed, d.previousVisits, d.previousItemsServed],
      holder,
    );
  }
  draw();
  let timer = 0;
  window.addEventListener('resize', function () {
    clearTimeout(timer);
    timer = setTimeout(draw, 200);
  });
})();
