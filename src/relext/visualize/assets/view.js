/* relext graph view: draws the embedded graph with vis-network, filters it, and shows
   the evidence of a clicked edge. All text from the graph goes into the page through
   textContent, never innerHTML. Part of relext (MIT licence). */
(function () {
  "use strict";
  var status = document.getElementById("relext-status");
  var errors = [];
  window.addEventListener("error", function (ev) {
    errors.push(String(ev.message || ev));
    status.setAttribute("data-errors", JSON.stringify(errors));
  });
  var data = JSON.parse(document.getElementById("relext-data").textContent);
  var info = document.getElementById("relext-info");
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });

  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    return e;
  }

  /* ---------------------------------------------------------------- data sets */
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return {
      id: n.id, x: n.x, y: n.y, size: n.size, shape: "dot", label: n.top ? n.name : undefined,
      title: n.name + " (" + (n.type || "untyped").toLowerCase() + ", " + n.degree + " neighbours)",
      color: {background: n.color, border: "#333333", highlight: {background: n.color, border: "#000000"},
              hover: {background: n.color, border: "#000000"}},
      font: {size: n.top ? data.font : data.font - 2, strokeWidth: 4, strokeColor: "#ffffff", color: "#111111"}
    };
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    var color = e.negated ? data.negated_color : data.edge_color;
    return {
      id: e.id, from: e.from, to: e.to, label: data.edge_labels ? e.label : undefined,
      title: byId[e.from].name + " " + e.label + " " + byId[e.to].name + " (" + e.evidence_count + " evidence)",
      dashes: e.negated ? [6, 4] : false, width: Math.min(1 + Math.log(1 + e.evidence_count), 4),
      color: {color: color, highlight: color, hover: color, opacity: data.nodes.length > 150 ? 0.55 : 0.85},
      arrows: {to: {enabled: data.directed, scaleFactor: 0.6}, from: {enabled: data.directed && e.symmetric, scaleFactor: 0.6}},
      smooth: {enabled: true, type: e.rank % 2 ? "curvedCCW" : "curvedCW", roundness: 0.1 + 0.12 * e.rank},
      font: {size: data.font - 3, color: color, strokeWidth: 3, strokeColor: "#ffffff", align: "middle"}
    };
  }));

  /* ---------------------------------------------------------------- filters */
  var state = {types: {}, predicates: {}, docs: null, negated: true, isolates: data.isolates,
               since: "", until: "", confidence: 0};
  function edgeShown(e) {
    if (!state.negated && e.negated) return false;
    if (state.predicates[e.predicate] === false) return false;
    if (state.types[byId[e.from].type] === false || state.types[byId[e.to].type] === false) return false;
    if (state.docs && !e.docs.some(function (d) { return state.docs[d]; })) return false;
    if (state.since || state.until) {
      if (!e.dates.some(function (d) { return (!state.since || d >= state.since) && (!state.until || d <= state.until); }))
        return false;
    }
    if (state.confidence && e.confidence !== null && e.confidence < state.confidence) return false;
    return true;
  }
  var linked = {};
  function recount() {
    linked = {};
    data.edges.forEach(function (e) { if (edgeShown(e)) { linked[e.from] = true; linked[e.to] = true; } });
  }
  recount();
  var nodeView = new vis.DataView(nodes, {filter: function (item) {
    var n = byId[item.id];
    return state.types[n.type] !== false && (state.isolates || linked[n.id] === true);
  }});
  var edgeView = new vis.DataView(edges, {filter: function (item) { return edgeShown(data.edges[item.id]); }});
  function apply() {
    recount(); nodeView.refresh(); edgeView.refresh(); report();
  }

  function checkboxes(box, values, colors, key) {
    values.forEach(function (v) {
      var label = el("label", null, {"class": "relext-check"});
      var input = el("input", null, {type: "checkbox"});
      input.checked = true;
      input.addEventListener("change", function () { state[key][v] = input.checked; apply(); });
      label.appendChild(input);
      var chip = el("span", v ? v.toLowerCase() : "untyped", {"class": "relext-chip"});
      if (colors) chip.style.background = colors[v] || data.other_color;
      label.appendChild(chip);
      box.appendChild(label);
    });
  }
  checkboxes(document.getElementById("relext-types"), data.types, data.colors, "types");
  checkboxes(document.getElementById("relext-predicates"), data.predicates, null, "predicates");
  var docSelect = document.getElementById("relext-docs");
  data.documents.forEach(function (d) { docSelect.appendChild(el("option", d, {value: d})); });
  docSelect.addEventListener("change", function () {
    var chosen = Array.prototype.filter.call(docSelect.options, function (o) { return o.selected && o.value; });
    state.docs = chosen.length ? {} : null;
    chosen.forEach(function (o) { state.docs[o.value] = true; });
    apply();
  });
  document.getElementById("relext-neg").addEventListener("change", function (ev) { state.negated = ev.target.checked; apply(); });
  document.getElementById("relext-iso").addEventListener("change", function (ev) { state.isolates = ev.target.checked; apply(); });
  document.getElementById("relext-iso").checked = data.isolates;
  ["since", "until"].forEach(function (k) {
    document.getElementById("relext-" + k).addEventListener("change", function (ev) { state[k] = ev.target.value; apply(); });
  });
  document.getElementById("relext-conf").addEventListener("input", function (ev) {
    state.confidence = parseFloat(ev.target.value) || 0;
    document.getElementById("relext-conf-value").textContent = state.confidence.toFixed(2);
    apply();
  });
  if (!data.has_dates) document.getElementById("relext-dates").style.display = "none";
  if (!data.has_confidence) document.getElementById("relext-confidence").style.display = "none";
  if (data.documents.length < 2) document.getElementById("relext-doc-filter").style.display = "none";

  /* ---------------------------------------------------------------- network */
  var network = new vis.Network(document.getElementById("relext-canvas"), {nodes: nodeView, edges: edgeView}, {
    physics: false, layout: {improvedLayout: false},
    interaction: {hover: true, tooltipDelay: 120, hideEdgesOnDrag: data.nodes.length > 150, navigationButtons: false,
                  keyboard: false, multiselect: false},
    nodes: {borderWidth: 1, borderWidthSelected: 3},
    edges: {selectionWidth: 2, hoverWidth: 0.5}
  });
  network.on("hoverNode", function (p) {
    var n = byId[p.node];
    if (!n.top) nodes.update({id: n.id, label: n.name});
  });
  network.on("blurNode", function (p) {
    var n = byId[p.node];
    if (!n.top && p.node !== selectedNode) nodes.update({id: n.id, label: undefined});
  });
  var selectedNode = null;
  network.on("click", function (p) {
    if (selectedNode !== null && !byId[selectedNode].top) nodes.update({id: selectedNode, label: undefined});
    selectedNode = null;
    if (p.nodes.length) { selectedNode = p.nodes[0]; nodes.update({id: selectedNode, label: byId[selectedNode].name}); showNode(byId[selectedNode]); }
    else if (p.edges.length) showEdge(data.edges[p.edges[0]]);
    else showHelp();
  });

  /* ---------------------------------------------------------------- details */
  var help = info.innerHTML;
  function showHelp() { info.innerHTML = help; }
  function row(parent, key, value) {
    var p = el("div", null, {"class": "relext-row"});
    p.appendChild(el("b", key + ": "));
    p.appendChild(document.createTextNode(value));
    parent.appendChild(p);
  }
  function showNode(n) {
    info.textContent = "";
    info.appendChild(el("h3", n.name));
    row(info, "type", (n.type || "untyped").toLowerCase());
    row(info, "id", n.key);
    if (n.aliases.length) row(info, "also written", n.aliases.join(", "));
    row(info, "documents", n.docs.length ? n.docs.join(", ") : "–");
    var list = el("ul");
    data.edges.forEach(function (e) {
      if ((e.from !== n.id && e.to !== n.id) || !edgeShown(e)) return;
      var item = el("li", null, {"class": e.negated ? "relext-negated" : ""});
      var link = el("a", byId[e.from].name + " " + e.label + " " + byId[e.to].name, {href: "#"});
      link.addEventListener("click", function (ev) { ev.preventDefault(); network.selectEdges([e.id]); showEdge(e); });
      item.appendChild(link);
      list.appendChild(item);
    });
    info.appendChild(el("div", "Relations", {"class": "relext-sub"}));
    info.appendChild(list);
  }
  function showEdge(e) {
    info.textContent = "";
    info.appendChild(el("h3", byId[e.from].name + " " + e.label + " " + byId[e.to].name,
                        {"class": e.negated ? "relext-negated" : ""}));
    row(info, "evidence", e.evidence_count + (e.evidence_count === 1 ? " sentence" : " sentences"));
    if (e.dates.length) row(info, "dates", e.dates.join(", "));
    if (e.confidence !== null) row(info, "confidence", e.confidence);
    e.evidence.forEach(function (ev) {
      var box = el("div", null, {"class": "relext-evidence"});
      var s = String(ev.sentence || ""), off = ev.start_char || 0;
      var a = (ev.trigger_start === undefined ? -1 : ev.trigger_start - off), b = (ev.trigger_end || 0) - off;
      var q = el("div", null, {"class": "relext-sentence"});
      if (a >= 0 && b > a && b <= s.length) {
        q.appendChild(document.createTextNode(s.slice(0, a)));
        q.appendChild(el("mark", s.slice(a, b)));
        q.appendChild(document.createTextNode(s.slice(b)));
      } else q.textContent = s;
      box.appendChild(q);
      var meta = [ev.doc_id, ev.date, ev.modality && ev.modality !== "ASSERTED" ? ev.modality.toLowerCase() : null,
                  ev.cue ? "cue: " + ev.cue : null, ev.rule ? "rule " + ev.rule : null];
      box.appendChild(el("div", meta.filter(function (m) { return m; }).join(" · "), {"class": "relext-meta"}));
      info.appendChild(box);
    });
    if (e.evidence_count > e.evidence.length)
      info.appendChild(el("div", "… and " + (e.evidence_count - e.evidence.length) + " more in the graph file.", {"class": "relext-meta"}));
  }

  /* ---------------------------------------------------------------- search */
  document.getElementById("relext-search").addEventListener("input", function (ev) {
    var q = ev.target.value.toLowerCase();
    if (!q) return;
    var hit = data.nodes.filter(function (n) { return n.name.toLowerCase().indexOf(q) >= 0 && nodeView.get(n.id); })[0];
    if (!hit) return;
    network.selectNodes([hit.id]);
    network.focus(hit.id, {scale: 1.2, animation: false});
    showNode(hit);
  });

  /* ---------------------------------------------------------------- status for tests */
  function report() {
    status.setAttribute("data-nodes", String(nodeView.length));
    status.setAttribute("data-edges", String(edgeView.length));
    status.textContent = nodeView.length + " of " + data.nodes.length + " nodes, " +
      edgeView.length + " of " + data.edges.length + " edges shown";
  }
  /* fit the shown nodes and their names into the canvas (vis-network's own fit
     leaves names at the edge outside) */
  function fitView() {
    var c = document.getElementById("relext-canvas"), box = null;
    nodeView.getIds().forEach(function (id) {
      var n = byId[id], half = 0.3 * data.font * n.name.length;
      var b = [n.x - Math.max(n.size, n.top ? half : 0), n.y - n.size,
               n.x + Math.max(n.size, n.top ? half : 0), n.y + n.size + (n.top ? 1.4 * data.font : 0)];
      box = box ? [Math.min(box[0], b[0]), Math.min(box[1], b[1]), Math.max(box[2], b[2]), Math.max(box[3], b[3])] : b;
    });
    if (!box || !c.clientWidth || !c.clientHeight) return;
    var pad = 2 * data.font;
    box = [box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad];
    var scale = Math.min(c.clientWidth / (box[2] - box[0]), c.clientHeight / (box[3] - box[1]));
    network.moveTo({position: {x: (box[0] + box[2]) / 2, y: (box[1] + box[3]) / 2},
                    scale: Math.min(scale, 1.5), animation: false});
  }
  /* until the reader pans or zooms, a resized window shows the whole graph again
     (after vis-network has set its own camera for the new size) */
  var moved = false;
  network.on("dragStart", function () { moved = true; });
  network.on("zoom", function () { moved = true; });
  network.on("resize", function () {
    if (!moved) setTimeout(function () { fitView(); network.redraw(); }, 0);
  });
  network.once("afterDrawing", function () {
    fitView();
    network.redraw();  // draw the fitted view now, not on the next animation frame
    status.setAttribute("data-drawn", "true");
    status.setAttribute("data-scale", String(network.getScale()));
  });
  /* a link to one edge or node: page.html#edge=3, page.html#node=country:JPN */
  function follow() {
    var m = /^#(edge|node)=(.+)$/.exec(window.location.hash);
    if (!m) return;
    var key = decodeURIComponent(m[2]);
    if (m[1] === "edge" && data.edges[+key]) { network.selectEdges([+key]); showEdge(data.edges[+key]); }
    var n = data.nodes.filter(function (x) { return x.key === key; })[0];
    if (m[1] === "node" && n) { network.selectNodes([n.id]); showNode(n); }
  }
  window.addEventListener("hashchange", follow);
  follow();
  report();
  window.relextView = {network: network, nodes: nodeView, edges: edgeView, showEdge: function (i) { showEdge(data.edges[i]); }};
})();
