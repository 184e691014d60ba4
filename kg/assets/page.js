/* kg viz: draws the graph embedded in #kg-data with vis-network.
 * Every string in the data came from a news article: it only ever reaches the page through
 * textContent, attributes set with setAttribute on SVG shapes, or vis-network's canvas. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var SVG = "http://www.w3.org/2000/svg";
  var MAX_FIT_SCALE = 1.1; // a small graph fitted to the window would blow labels up
  var kg = { ready: false, firstDraw: null, stabilized: null, errors: [] };
  window.kg = kg;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  var classes = {};
  data.classes.forEach(function (c) { classes[c.id] = c; });
  var relations = {};
  data.relations.forEach(function (r) { relations[r.id] = r; });
  var labels = {};
  data.nodes.forEach(function (n) { labels[n.id] = n.label; });

  function classLabel(type) { return classes[type] ? classes[type].label : "unknown type"; }
  function relationLabel(id) { return relations[id] ? relations[id].label : id; }

  // ------------------------------------------------------------ tooltips (DOM elements)

  function entityTip(node) {
    var tip = el("div");
    tip.appendChild(el("div", "kg-tip-title", node.label));
    tip.appendChild(el("div", "kg-tip-line", classLabel(node.kg.type)));
    if (node.kg.aliases.length) {
      tip.appendChild(el("div", "kg-tip-line", "also: " + node.kg.aliases.join(", ")));
    }
    tip.appendChild(el("div", "kg-tip-line",
      "mentioned in " + plural(node.kg.documents, "document", "documents") +
      " (" + plural(node.kg.mentions, "time", "times") + ")"));
    return tip;
  }

  function edgeTip(edge) {
    var tip = el("div");
    var arrow = edge.kg.symmetric ? " ↔ " : " → ";
    tip.appendChild(el("div", "kg-tip-title",
      labels[edge.from] + arrow + relationLabel(edge.kg.relation) + arrow + labels[edge.to]));
    if (edge.kg.claim) tip.appendChild(el("div", "kg-claim", "claimed, not stated as fact"));
    tip.appendChild(el("div", "kg-tip-line",
      plural(edge.kg.evidence.length, "sentence", "sentences") + " — click for evidence"));
    return tip;
  }

  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return Object.assign({}, n, { title: entityTip(n) });
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    return Object.assign({}, e, { title: edgeTip(e) });
  }));

  // ------------------------------------------------------------ filters

  var show = { classes: {}, relations: {}, claims: true };
  data.classes.forEach(function (c) { show.classes[c.id] = true; });
  data.relations.forEach(function (r) { show.relations[r.id] = true; });
  var typeOf = {};
  data.nodes.forEach(function (n) { typeOf[n.id] = n.kg.type; });

  var nodeView = new vis.DataView(nodes, {
    filter: function (n) { return show.classes[n.kg.type] !== false; }
  });
  var edgeView = new vis.DataView(edges, {
    filter: function (e) {
      return show.relations[e.kg.relation] !== false && (show.claims || !e.kg.claim) &&
        show.classes[typeOf[e.from]] !== false && show.classes[typeOf[e.to]] !== false;
    }
  });

  // ------------------------------------------------------------ the network

  var container = document.getElementById("kg-graph");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);
  kg.network = network;
  var physics = document.getElementById("kg-physics");
  var status = document.getElementById("kg-status");

  network.once("afterDrawing", function () {
    kg.firstDraw = performance.now();
  });
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({ physics: { enabled: false } });
    physics.checked = false;
    network.fit({ animation: false });
    if (network.getScale() > MAX_FIT_SCALE) network.moveTo({ scale: MAX_FIT_SCALE });
  });
  network.on("stabilized", function () {
    if (kg.stabilized === null) kg.stabilized = performance.now();
    kg.ready = true;
  });
  if (!data.options.physics || !data.options.physics.enabled) kg.ready = true;

  physics.addEventListener("change", function () {
    network.setOptions({ physics: { enabled: physics.checked } });
  });
  document.getElementById("kg-fit").addEventListener("click", function () {
    network.fit({ animation: false });
    if (network.getScale() > MAX_FIT_SCALE) network.moveTo({ scale: MAX_FIT_SCALE });
  });
  document.getElementById("kg-claims").addEventListener("change", function (event) {
    show.claims = event.target.checked;
    edgeView.refresh();
  });

  // ------------------------------------------------------------ details panel

  var details = document.getElementById("kg-details");

  function clearDetails() { details.replaceChildren(); }

  function definition(list, term, value) {
    list.appendChild(el("dt", null, term));
    list.appendChild(el("dd", null, value));
  }

  function linkTo(text, onClick) {
    var button = el("button", "kg-link", text);
    button.type = "button";
    button.addEventListener("click", onClick);
    return button;
  }

  function showEntity(id) {
    var node = nodes.get(id);
    if (!node) return;
    clearDetails();
    details.appendChild(el("h3", null, node.label));
    var facts = el("dl");
    definition(facts, "type", classLabel(node.kg.type));
    definition(facts, "aliases", node.kg.aliases.length ? node.kg.aliases.join(", ") : "—");
    definition(facts, "documents", node.kg.documents);
    definition(facts, "mentions", node.kg.mentions);
    definition(facts, "source", node.kg.curated ? "curated list" : "found in text");
    details.appendChild(facts);
    var connected = edges.get({
      filter: function (e) { return e.from === id || e.to === id; }
    });
    if (connected.length) {
      details.appendChild(el("div", "kg-muted", "Relations"));
      var list = el("ul");
      connected.forEach(function (e) {
        var item = el("li");
        var text = labels[e.from] + " " + relationLabel(e.kg.relation) + " " + labels[e.to] +
          (e.kg.claim ? " (claimed)" : "");
        item.appendChild(linkTo(text, function () {
          network.selectEdges([e.id]);
          showRelation(e.id);
        }));
        list.appendChild(item);
      });
      details.appendChild(list);
    }
  }

  function showRelation(id) {
    var edge = edges.get(id);
    if (!edge) return;
    clearDetails();
    var arrow = edge.kg.symmetric ? " ↔ " : " → ";
    details.appendChild(el("h3", null,
      labels[edge.from] + arrow + relationLabel(edge.kg.relation) + arrow + labels[edge.to]));
    if (edge.kg.claim) {
      details.appendChild(el("p", "kg-claim", "Claimed by a party, not stated as fact."));
    }
    var list = el("ol");
    edge.kg.evidence.forEach(function (ev) {
      var item = el("li");
      var source = [ev.document || "unknown document", ev.date || "undated"];
      if (ev.confidence !== null) source.push("confidence " + ev.confidence.toFixed(2));
      if (ev.rule) source.push("rule " + ev.rule);
      item.appendChild(el("div", "kg-source", source.join(" · ")));
      if (ev.claim) {
        item.appendChild(el("div", "kg-claim", "claim" + (ev.claimedBy ? " by " + ev.claimedBy : "")));
      }
      var quote = el("blockquote");
      quote.appendChild(document.createTextNode(ev.sentence[0]));
      if (ev.sentence[1]) quote.appendChild(el("mark", null, ev.sentence[1]));
      quote.appendChild(document.createTextNode(ev.sentence[2]));
      item.appendChild(quote);
      list.appendChild(item);
    });
    if (!edge.kg.evidence.length) details.appendChild(el("p", "kg-muted", "No evidence recorded."));
    details.appendChild(list);
  }

  network.on("click", function (params) {
    if (params.nodes.length) showEntity(params.nodes[0]);
    else if (params.edges.length) showRelation(params.edges[0]);
    else clearDetails();
  });
  kg.showEntity = showEntity;
  kg.showRelation = showRelation;

  // ------------------------------------------------------------ search

  var search = document.getElementById("kg-search");
  var names = document.getElementById("kg-names");
  var byName = {};
  data.nodes.forEach(function (n) {
    [n.label].concat(n.kg.aliases).forEach(function (name) {
      var key = name.toLocaleLowerCase();
      if (!(key in byName)) byName[key] = n.id;
    });
    var option = document.createElement("option");
    option.value = n.label;
    names.appendChild(option);
  });

  function find(text) {
    var key = text.trim().toLocaleLowerCase();
    if (!key) return null;
    if (key in byName) return byName[key];
    var hit = null;
    Object.keys(byName).some(function (name) {
      if (name.indexOf(key) !== -1) { hit = byName[name]; return true; }
      return false;
    });
    return hit;
  }

  function focusSearch() {
    var id = find(search.value);
    if (id === null) { status.textContent = "No entity matches that name."; return; }
    if (!nodeView.get(id)) {
      status.textContent = "That entity is hidden by a filter.";
      return;
    }
    status.textContent = "";
    network.selectNodes([id]);
    network.focus(id, { scale: 1.3, animation: false });
    showEntity(id);
  }
  search.addEventListener("change", focusSearch);
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") focusSearch();
  });

  // ------------------------------------------------------------ legend and filters

  function swatch(shape, color, dashed) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "22");
    svg.setAttribute("height", "14");
    svg.setAttribute("viewBox", "0 0 22 14");
    var mark;
    if (shape === "line") {
      mark = document.createElementNS(SVG, "line");
      mark.setAttribute("x1", "1"); mark.setAttribute("y1", "7");
      mark.setAttribute("x2", "21"); mark.setAttribute("y2", "7");
      mark.setAttribute("stroke", color);
      mark.setAttribute("stroke-width", "3");
      if (dashed) mark.setAttribute("stroke-dasharray", "4 3");
    } else {
      var points = {
        square: "5,1 17,1 17,13 5,13",
        triangle: "11,1 18,13 4,13",
        triangleDown: "4,1 18,1 11,13",
        diamond: "11,0 18,7 11,14 4,7",
        hexagon: "7,1 15,1 19,7 15,13 7,13 3,7",
        star: "11,0 13,5 18,5 14,8 16,13 11,10 6,13 8,8 4,5 9,5"
      }[shape];
      if (points) {
        mark = document.createElementNS(SVG, "polygon");
        mark.setAttribute("points", points);
      } else {
        mark = document.createElementNS(SVG, "circle");
        mark.setAttribute("cx", "11"); mark.setAttribute("cy", "7"); mark.setAttribute("r", "6");
      }
      mark.setAttribute("fill", color);
    }
    svg.appendChild(mark);
    return svg;
  }

  function legendItem(list, label, count, mark, onToggle) {
    var item = el("li");
    var box = el("label");
    var input = document.createElement("input");
    input.type = "checkbox";
    input.checked = true;
    input.addEventListener("change", function () { onToggle(input.checked); });
    box.appendChild(input);
    box.appendChild(mark);
    box.appendChild(el("span", null, label));
    box.appendChild(el("span", "kg-count", count));
    item.appendChild(box);
    list.appendChild(item);
  }

  var relationList = document.getElementById("kg-relations");
  data.relations.forEach(function (r) {
    legendItem(relationList, r.label + (r.symmetric ? " ↔" : ""), r.count,
      swatch("line", r.color, false), function (on) {
        show.relations[r.id] = on;
        edgeView.refresh();
      });
  });
  var classList = document.getElementById("kg-classes");
  data.classes.forEach(function (c) {
    legendItem(classList, c.label, c.count, swatch(c.shape, c.color, false), function (on) {
      show.classes[c.id] = on;
      nodeView.refresh();
      edgeView.refresh();
    });
  });

  var documentCount = data.documents;
  document.getElementById("kg-summary").textContent =
    plural(data.nodes.length, "entity", "entities") + " · " +
    plural(data.edges.length, "relation", "relations") + " · " +
    plural(documentCount, "document", "documents");
})();
