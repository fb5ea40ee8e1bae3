// The search page: runs the query through the normaliser generated from the Rust tables
// (/search/normalise.js), fetches only the index chunks its words need, ranks, and shows
// each result with its kind and a snippet. See src/search/index.rs for the file formats.
(function () {
  'use strict';
  var A = window.AmoNormalise;
  var root = document.getElementById('search');
  if (!root || !A || !window.fetch) return;
  var form = root.querySelector('form');
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var base = root.dataset.index;
  var locale = root.dataset.locale;
  var plural = new Intl.PluralRules(locale);
  var number = new Intl.NumberFormat(locale);
  var cache = {};
  var FIELD = [1, 3, 6];
  // By kind (src/search/document.rs): page, regime, report, data, chart, dataset, source,
  // guide (below the regime explainers, which answer the same names at more length).
  var KIND_PRIOR = [1.1, 1.4, 1.1, 1, 1, 1, 0.9, 1];
  var SHOWN = 20;
  var generation = 0;

  function json(path) {
    if (!cache[path]) {
      cache[path] = fetch(base + path).then(function (r) {
        if (!r.ok) throw new Error(path + ': ' + r.status);
        return r.json();
      });
    }
    return cache[path];
  }
  function keyFile(k) {
    return Array.from(k).map(function (c) { return c.codePointAt(0).toString(16).padStart(4, '0'); }).join('-');
  }

  // Each query word with its forms: as typed (weight 1) and derived (0.7).
  function parse(q) {
    return A.words(A.normalise(q)).map(function (w) {
      return { raw: w, forms: A.forms(w).map(function (f, i) { return { text: f, weight: i === 0 ? 1 : 0.7 }; }) };
    });
  }

  // The best score of one query word in each document.
  // Text matches count more in short documents (BM25's length normalisation, b = 0.75).
  function scoreWord(meta, word, chunks) {
    var best = {};
    var avg = meta.docs.reduce(function (s, d) { return s + d[4]; }, 0) / meta.docs.length || 1;
    word.forms.forEach(function (f) {
      chunks.forEach(function (chunk) {
        Object.keys(chunk).forEach(function (term) {
          var exact = term === f.text;
          if (!exact && (f.text.length < 2 || !term.startsWith(f.text))) return;
          var factor = f.weight * (exact ? 3 : 1);
          // [gap, score, gap, score, …]: each document's number is the previous one's
          // plus its gap (the first gap is the number itself).
          var p = chunk[term];
          for (var i = 0, doc = 0; i < p.length; i += 2) {
            doc += p[i];
            var s = p[i + 1];
            var field = (s >> 1) & 3;
            var norm = field ? 1 : 1 / (0.25 + 0.75 * meta.docs[doc][4] / avg);
            var v = factor * (FIELD[field] + Math.min(s >> 3, 10) * 0.3) * norm * (s & 1 ? 1 : 0.8);
            if (!(best[doc] >= v)) best[doc] = v;
          }
        });
      });
    });
    return best;
  }

  function chunksFor(meta, word) {
    var keys = [];
    word.forms.forEach(function (f) {
      meta.chunks.forEach(function (k) {
        if ((f.text.startsWith(k) || k.startsWith(f.text)) && keys.indexOf(k) < 0) keys.push(k);
      });
    });
    return Promise.all(keys.map(function (k) { return json('t/' + keyFile(k) + '.json'); }));
  }

  // Documents matching every word first (then the most words), best score first. A title
  // that holds a query word exactly as typed (before folding) ranks above a folded match.
  function rank(meta, words, perWord, typed) {
    var docs = {};
    perWord.forEach(function (best) {
      Object.keys(best).forEach(function (d) {
        var e = docs[d] || (docs[d] = { id: +d, hits: 0, score: 0 });
        e.hits++;
        e.score += best[d];
      });
    });
    var all = Object.keys(docs).map(function (d) {
      var e = docs[d];
      var title = meta.docs[e.id][1].toLowerCase();
      typed.forEach(function (t) { if (t.length >= 2 && title.indexOf(t) >= 0) e.score *= 1.2; });
      // The explainer of a regime, then pages and reports, before the data page's entries.
      e.score *= KIND_PRIOR[meta.docs[e.id][2]];
      // A title that starts with the query is most likely the page about it.
      var tw = A.words(A.normalise(title));
      if (words.every(function (w, i) { return tw[i] && tw[i].startsWith(w.raw); })) e.score *= 1.3;
      return e;
    });
    var most = all.reduce(function (m, e) { return Math.max(m, e.hits); }, 0);
    return all.filter(function (e) { return e.hits === most; })
      .sort(function (a, b) { return b.score - a.score || a.id - b.id; });
  }

  // Which query words (by index) a piece of text matches.
  function matched(words, piece) {
    var hit = [];
    A.words(A.normalise(piece)).forEach(function (w) {
      var forms = A.forms(w);
      words.forEach(function (q, qi) {
        var ok = q.forms.some(function (f) {
          return forms.some(function (t) { return t === f.text || (f.text.length >= 2 && t.startsWith(f.text)); });
        });
        if (ok && hit.indexOf(qi) < 0) hit.push(qi);
      });
    });
    return hit;
  }

  // About 30 words where the most query words occur together, matching words in <mark>.
  function snippet(text, words) {
    var WINDOW = 60;
    var pieces = text.split(/(\s+)/);
    var hits = pieces.map(function (p, i) { return i % 2 === 0 ? matched(words, p) : []; });
    var best = 0, bestCount = -1;
    hits.forEach(function (h, i) {
      if (!h.length) return;
      var seen = {};
      for (var j = i; j < Math.min(pieces.length, i + WINDOW); j++) hits[j].forEach(function (q) { seen[q] = 1; });
      var n = Object.keys(seen).length;
      if (n > bestCount) { bestCount = n; best = i; }
    });
    var from = Math.max(0, best - 8);
    from -= from % 2;
    var to = Math.min(pieces.length, best + WINDOW);
    var p = document.createElement('p');
    p.className = 'snippet';
    if (from > 0) p.append('… ');
    for (var i = from; i < to; i++) {
      if (hits[i].length) {
        var m = document.createElement('mark');
        m.textContent = pieces[i];
        p.append(m);
      } else p.append(pieces[i]);
    }
    if (to < pieces.length) p.append(' …');
    return p;
  }

  function say(text) { status.textContent = text; }
  function countText(n, q) {
    var t = n === 0 ? root.dataset.none : (root.dataset['count' + cap(plural.select(n))] || root.dataset.countOther);
    return t.replace('{n}', number.format(n)).replace('{q}', q);
  }
  function cap(s) { return s.charAt(0).toUpperCase() + s.slice(1); }

  function show(meta, found, words, texts) {
    list.replaceChildren();
    found.slice(0, SHOWN).forEach(function (e, i) {
      var d = meta.docs[e.id];
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = d[0];
      a.textContent = d[1];
      var kind = document.createElement('span');
      kind.className = 'kind';
      kind.textContent = meta.kinds[d[2]];
      li.append(a, ' ', kind, snippet(texts[i], words));
      list.append(li);
    });
  }

  function search(q) {
    var mine = ++generation;
    var words = parse(q);
    if (!words.length) { list.replaceChildren(); say(''); return Promise.resolve(); }
    say(root.dataset.loading);
    var typed = q.toLowerCase().split(/\s+/);
    return json('meta.json').then(function (meta) {
      return Promise.all(words.map(function (w) { return chunksFor(meta, w); })).then(function (chunkSets) {
        var found = rank(meta, words, words.map(function (w, i) { return scoreWord(meta, w, chunkSets[i]); }), typed);
        var top = found.slice(0, SHOWN);
        return Promise.all(top.map(function (e) { return json('x/' + meta.docs[e.id][3] + '.json'); })).then(function (xs) {
          if (mine !== generation) return;
          var texts = top.map(function (e, i) { return xs[i][e.id - meta.docs.findIndex(function (d) { return d[3] === meta.docs[e.id][3]; })]; });
          show(meta, found, words, texts);
          say(countText(found.length, q.trim()));
        });
      });
    }).catch(function () { if (mine === generation) say(root.dataset.error); });
  }

  var timer = 0;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value); }, 250);
  });
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    clearTimeout(timer);
    var url = new URL(location.href);
    url.searchParams.set('q', input.value);
    history.replaceState(null, '', url);
    search(input.value);
  });
  var initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    search(initial);
  }
  root.dataset.ready = 'true';
})();
