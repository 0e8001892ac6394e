// Charts of the indicators page (Apache ECharts from its webjar). The data comes from the page itself (data-schools,
// the breakdown by school) and from the API (data-trend-url, the values month by month); no inline script (CSP).
document.addEventListener('DOMContentLoaded', function () {
  if (typeof echarts === 'undefined') { return; }
  var number = function (value) { return value === null || value === undefined ? null : Number(value); };
  var label = function (value) { return value === null || value === undefined ? '—' : String(value).replace('.', ','); };
  var MONTHS = ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];
  var month = function (yearMonth) { // «2026-09» → «сен 2026»
    var parts = yearMonth.split('-');
    return MONTHS[Number(parts[1]) - 1] + ' ' + parts[0];
  };

  // The trend by month of the chosen indicator.
  var trendBox = document.getElementById('trend-chart');
  var trendChoice = document.getElementById('trend-indicator');
  if (trendBox && trendChoice) {
    var trendChart = null;
    var trend = null;
    var drawTrend = function () {
      if (!trend) { return; }
      var series = trend.series.filter(function (s) { return s.code === trendChoice.value; })[0];
      if (!series) { return; }
      trendChart.setOption({
        animation: false,
        grid: { left: 48, right: 24, top: 24, bottom: 40 },
        tooltip: { trigger: 'axis', valueFormatter: label },
        xAxis: { type: 'category', data: trend.months.map(month) },
        yAxis: { type: 'value', name: series.unit || '' },
        series: [{ type: 'line', name: series.title, data: series.values.map(number), connectNulls: false,
                   label: { show: true, formatter: function (p) { return label(p.value); } } }]
      }, true);
      trendBox.setAttribute('aria-label', 'График по месяцам: ' + series.title + '. ' + trend.months.map(function (m, i) {
        return month(m) + ' — ' + label(series.values[i]);
      }).join('; '));
    };
    fetch(trendBox.getAttribute('data-trend-url'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (data) {
        trend = data;
        trendBox.textContent = '';
        trendChart = echarts.init(trendBox);
        drawTrend();
        window.addEventListener('resize', function () { trendChart.resize(); });
      })
      .catch(function () { trendBox.textContent = 'График по месяцам не загрузился — значения есть в таблице выше.'; });
    trendChoice.addEventListener('change', drawTrend);
  }

  // A bar per school for the chosen indicator; a click on a bar opens who the indicator counts.
  var schoolsBox = document.getElementById('schools-chart');
  var schoolsChoice = document.getElementById('schools-indicator');
  if (schoolsBox && schoolsChoice) {
    var data = JSON.parse(schoolsBox.getAttribute('data-schools'));
    var schoolsChart = echarts.init(schoolsBox);
    var drawSchools = function () {
      var code = schoolsChoice.value;
      var rows = data.schools.map(function (row) {
        var figure = row.figures.filter(function (f) { return f.code === code; })[0];
        return { school: row.school, value: figure ? number(figure.value) : null, numerator: figure ? figure.numerator : 0,
                 denominator: figure ? figure.denominator : null };
      });
      var height = Math.max(240, rows.length * 26 + 60);
      schoolsBox.style.height = Math.min(height, 2400) + 'px';
      schoolsChart.resize();
      schoolsChart.setOption({
        animation: false,
        grid: { left: 220, right: 48, top: 16, bottom: 24 },
        tooltip: { trigger: 'item', formatter: function (p) {
          var r = rows[p.dataIndex];
          return r.school + ': ' + label(r.value) + ' (' + r.numerator + (r.denominator === null ? '' : ' / ' + r.denominator) + ')';
        } },
        xAxis: { type: 'value' },
        yAxis: { type: 'category', inverse: true, data: rows.map(function (r) { return r.school; }),
                 axisLabel: { width: 200, overflow: 'truncate' } },
        series: [{ type: 'bar', data: rows.map(function (r) { return r.value; }),
                   label: { show: true, position: 'right', formatter: function (p) { return label(p.value); } } }]
      }, true);
    };
    drawSchools();
    schoolsChoice.addEventListener('change', drawSchools);
    window.addEventListener('resize', function () { schoolsChart.resize(); });
  }
});
