// The report's script: filters and sorts the rows of the matrix and opens
// a stale cell's diff in a dialog. It reads only the page's own attributes
// and the JSON block #data; it never builds HTML from text (textContent and
// cloned <template>s only), so nothing from an article can run.
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var data = JSON.parse($('data').textContent);
  var table = $('m');
  var tbody = table.tBodies[0];
  var nl = data.languages.length;
  var info = [];
  var rows = tbody.rows;
  for (var i = 0; i < rows.length; i++) {
    var r = rows[i];
    var cells = r.querySelectorAll('td[data-s]');
    var st = [], ow = [], sum = 0;
    for (var j = 0; j < nl; j++) {
      st.push(cells[j].getAttribute('data-s'));
      var o = +cells[j].getAttribute('data-o');
      ow.push(o);
      sum += o;
    }
    info.push({ el: r, i: i, sec: r.getAttribute('data-sec'), rank: +r.getAttribute('data-rank'),
      age: +r.getAttribute('data-age'), st: st, ow: ow, sum: sum, shown: true });
  }
  var fLang = $('f-lang'), fState = $('f-state'), fSec = $('f-sec'), fSort = $('sort'), count = $('count');

  function fmt(s, a, b) { return s.replace('%d', a).replace('%d', b); }

  function filter() {
    var L = fLang.value, S = fState.value, C = fSec.value, n = 0;
    table.setAttribute('data-lang', L);
    for (var k = 0; k < info.length; k++) {
      var x = info[k];
      var ok = C === '' || x.sec === C;
      if (ok && S !== '') {
        ok = false;
        for (var j = 0; j < nl; j++) {
          if ((L === '' || +L === j) && x.st[j] === S) { ok = true; break; }
        }
      }
      if (x.shown !== ok) { x.el.hidden = !ok; x.shown = ok; }
      if (ok) n++;
    }
    count.textContent = n > 0 ? fmt(data.shown, n, info.length) : data.none;
  }

  function owed(x) { return fLang.value === '' ? x.sum : x.ow[+fLang.value]; }

  function sort() {
    var by = fSort.value;
    var cmp;
    if (by === 'title') {
      cmp = function (a, b) { return a.rank - b.rank; };
    } else if (by === 'owed') {
      cmp = function (a, b) { return owed(b) - owed(a) || a.i - b.i; };
    } else if (by === 'age') {
      var age = function (x) { return x.age < 0 ? Infinity : x.age; };
      cmp = function (a, b) { return (age(a) - age(b)) || a.i - b.i; };
    } else {
      cmp = function (a, b) { return a.i - b.i; };
    }
    var sorted = info.slice().sort(cmp);
    var frag = document.createDocumentFragment();
    for (var k = 0; k < sorted.length; k++) frag.appendChild(sorted[k].el);
    tbody.appendChild(frag);
  }

  fLang.addEventListener('change', function () { filter(); if (fSort.value === 'owed') sort(); });
  fState.addEventListener('change', filter);
  fSec.addEventListener('change', filter);
  fSort.addEventListener('change', sort);

  var dlg = $('dlg'), dlgH = $('dlg-h'), dlgB = $('dlg-b'), opener = null;
  table.addEventListener('click', function (e) {
    var b = e.target.closest('button[data-diff]');
    if (!b) return;
    var tp = $(b.getAttribute('data-diff'));
    if (!tp) return;
    dlgH.textContent = tp.getAttribute('data-title');
    dlgB.replaceChildren(tp.content.cloneNode(true));
    opener = b;
    dlg.showModal();
  });
  dlg.addEventListener('close', function () { if (opener) opener.focus(); });
  document.documentElement.classList.add('js');
  filter();
  if (fSort.value !== 'id') sort();
})();
