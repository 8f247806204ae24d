// The report's script: filters, sorts and pages the rows of the matrix and opens
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
      age: +r.getAttribute('data-age'), st: st, ow: ow, sum: sum });
  }
  var fLang = $('f-lang'), fState = $('f-state'), fSec = $('f-sec'), fSort = $('sort'), count = $('count');
  var prev = $('prev'), next = $('next'), pageInfo = $('page');
  // Only one page of rows is in the table at a time: the layout of a
  // table of ten thousand rows took seconds on every change.
  var size = data.page, page = 0;
  var order = info.slice(), matched = info.slice();

  function fmt(s) {
    var args = arguments, i = 1;
    return s.replace(/%d/g, function () { return String(args[i++]); });
  }

  function show() {
    var pages = Math.max(1, Math.ceil(matched.length / size));
    if (page >= pages) page = pages - 1;
    var from = page * size, to = Math.min(from + size, matched.length);
    var frag = document.createDocumentFragment();
    for (var k = from; k < to; k++) frag.appendChild(matched[k].el);
    tbody.replaceChildren(frag);
    count.textContent = matched.length > 0 ? fmt(data.shown, matched.length, info.length) : data.none;
    pageInfo.textContent = matched.length > size ? fmt(data.rows, from + 1, to, matched.length) : '';
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
  }

  function matches(x, L, S, C) {
    if (C !== '' && x.sec !== C) return false;
    if (S === '') return true;
    for (var j = 0; j < nl; j++) {
      if ((L === '' || +L === j) && x.st[j] === S) return true;
    }
    return false;
  }

  function filter() {
    var L = fLang.value, S = fState.value, C = fSec.value;
    table.setAttribute('data-lang', L);
    matched = [];
    for (var k = 0; k < order.length; k++) {
      if (matches(order[k], L, S, C)) matched.push(order[k]);
    }
    page = 0;
    show();
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
    order = info.slice().sort(cmp);
    filter();
  }

  fLang.addEventListener('change', function () { if (fSort.value === 'owed') sort(); else filter(); });
  fState.addEventListener('change', filter);
  fSec.addEventListener('change', filter);
  fSort.addEventListener('change', sort);
  prev.addEventListener('click', function () { page--; show(); });
  next.addEventListener('click', function () { page++; show(); });

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
  sort();
})();
