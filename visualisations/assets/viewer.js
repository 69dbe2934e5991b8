/* lapekg viewer: draws the network in #lkg-data with vis-network.
 *
 * Every text that comes from the graph (labels, values, quoted sentences) is
 * put into the page with textContent or as a property, never as markup:
 * tooltips are DOM elements built here, not HTML strings.
 * The state is exposed as window.lapekg for tests and for the curious.
 */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("lkg-data").textContent);
  var container = document.getElementById("lkg-network");
  var DIM_NODE = "rgba(190,190,190,0.35)";
  var DIM_FONT = "rgba(120,120,120,0.5)";
  var TIP_SOURCES = 4;
  var SVG = "http://www.w3.org/2000/svg";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function sourceLine(source) {
    var where = source.document || "";
    if (source.line !== null && source.line !== undefined) { where += ", rivi " + source.line; }
    if (source.about) { where += " (" + source.about + ")"; }
    return where;
  }

  /* A tooltip or info panel for a node or edge; limit = how many sources to show. */
  function describe(tip, limit) {
    var root = el("div", "lkg-tip");
    root.appendChild(el("div", "lkg-tip-heading", tip.heading));
    root.appendChild(el("div", "lkg-tip-type", tip.type));
    if (tip.facts.length) {
      var list = el("dl", "lkg-facts");
      tip.facts.forEach(function (fact) {
        list.appendChild(el("dt", null, fact[0]));
        list.appendChild(el("dd", null, fact[1]));
      });
      root.appendChild(list);
    }
    var sources = tip.sources;
    if (!sources.length) {
      root.appendChild(el("div", "lkg-none", "Ei lähdelausetta."));
      return root;
    }
    root.appendChild(el("div", "lkg-sub", "Lähteet"));
    var shown = limit ? sources.slice(0, limit) : sources;
    shown.forEach(function (source) {
      var item = el("figure", "lkg-source");
      item.appendChild(el("blockquote", null, "\u201d" + source.quote + "\u201d"));
      item.appendChild(el("figcaption", null, sourceLine(source)));
      root.appendChild(item);
    });
    if (shown.length < sources.length) {
      root.appendChild(el("div", "lkg-more",
        "\u2026 ja " + (sources.length - shown.length) + " muuta: napsauta solmua."));
    }
    return root;
  }

  var originalColor = {};
  var nodes = new vis.DataSet(data.nodes.map(function (node) {
    originalColor[node.id] = node.color;
    var copy = Object.assign({}, node);
    copy.title = describe(node.tip, TIP_SOURCES);
    return copy;
  }));
  var edges = new vis.DataSet(data.edges.map(function (edge) {
    var copy = Object.assign({}, edge);
    copy.title = describe(edge.tip, TIP_SOURCES);
    return copy;
  }));

  /* --- filters: class (legend checkboxes) and region ---------------------- */
  var hiddenClasses = {};
  var region = "";

  function visible(node) {
    if (hiddenClasses[node.cls]) { return false; }
    return !region || node.regions.indexOf(region) >= 0;
  }
  var nodesView = new vis.DataView(nodes, { filter: visible });
  var edgesView = new vis.DataView(edges, {
    filter: function (edge) {
      var a = nodes.get(edge.from), b = nodes.get(edge.to);
      return !!a && !!b && visible(a) && visible(b);
    }
  });

  var network = new vis.Network(container, { nodes: nodesView, edges: edgesView }, data.options);
  var api = {
    network: network, nodes: nodes, edges: edges, nodesView: nodesView, edgesView: edgesView,
    stable: !!data.large, drawn: false, highlighted: null
  };
  window.lapekg = api;

  network.once("afterDrawing", function () { api.drawn = true; });
  if (!data.large) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      api.stable = true;
    });
  }

  var status = document.getElementById("lkg-status");
  function showCount() {
    status.textContent = nodesView.length + " / " + nodes.length + " solmua näkyvissä";
  }

  function refresh() {
    nodesView.refresh();
    edgesView.refresh();
    showCount();
  }

  /* --- legend ---------------------------------------------------------- */
  function swatch(shape, color) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "-10 -10 20 20");
    svg.setAttribute("class", "lkg-swatch");
    var mark;
    var points = {
      square: "-7,-7 7,-7 7,7 -7,7",
      diamond: "0,-9 9,0 0,9 -9,0",
      triangle: "0,-8 8,7 -8,7",
      triangleDown: "0,8 8,-7 -8,-7",
      hexagon: "8,0 4,7 -4,7 -8,0 -4,-7 4,-7",
      star: "0,-9 2.6,-3 9,-3 4,1.5 5.6,8 0,4.3 -5.6,8 -4,1.5 -9,-3 -2.6,-3"
    }[shape];
    if (points) {
      mark = document.createElementNS(SVG, "polygon");
      mark.setAttribute("points", points);
    } else {
      mark = document.createElementNS(SVG, "circle");
      mark.setAttribute("r", "7");
    }
    mark.setAttribute("fill", color);
    mark.setAttribute("stroke", "#333");
    mark.setAttribute("stroke-width", "0.8");
    svg.appendChild(mark);
    return svg;
  }

  var legendList = document.getElementById("lkg-legend");
  data.legend.forEach(function (entry) {
    var item = el("li");
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.dataset.cls = entry.cls;
    box.addEventListener("change", function () {
      if (box.checked) { delete hiddenClasses[entry.cls]; } else { hiddenClasses[entry.cls] = true; }
      refresh();
    });
    label.appendChild(box);
    label.appendChild(swatch(entry.shape, entry.color));
    label.appendChild(el("span", null, entry.label + " (" + entry.count + ")"));
    item.appendChild(label);
    legendList.appendChild(item);
  });

  var regionSelect = document.getElementById("lkg-region");
  data.regions.forEach(function (entry) {
    regionSelect.appendChild(new Option(entry.label, entry.id));
  });
  regionSelect.addEventListener("change", function () {
    region = regionSelect.value;
    refresh();
  });

  /* --- highlight a node's neighbours, show its details ---------------------- */
  var info = document.getElementById("lkg-info");
  var hint = info.firstElementChild ? info.firstElementChild.cloneNode(true) : null;

  function showInfo(id) {
    info.textContent = "";
    var node = id === null ? null : nodes.get(id);
    if (!node) {
      if (hint) { info.appendChild(hint.cloneNode(true)); }
      return;
    }
    info.appendChild(describe(node.tip, 0));
    var around = network.getConnectedNodes(id);
    if (around.length) {
      info.appendChild(el("div", "lkg-sub", "Naapurit"));
      var list = el("ul", "lkg-neighbours");
      around.map(function (other) { return nodes.get(other); })
        .filter(Boolean)
        .sort(function (a, b) { return a.label.localeCompare(b.label, "fi"); })
        .forEach(function (other) {
          var button = el("button", "lkg-link", other.label);
          button.type = "button";
          button.addEventListener("click", function () { choose(other.id); });
          var item = el("li");
          item.appendChild(button);
          list.appendChild(item);
        });
      info.appendChild(list);
    }
  }

  function highlight(id) {
    var keep = {};
    if (id !== null) {
      keep[id] = true;
      network.getConnectedNodes(id).forEach(function (other) { keep[other] = true; });
    }
    nodes.update(nodes.getIds().map(function (other) {
      var lit = id === null || keep[other];
      return {
        id: other,
        color: lit ? originalColor[other] : DIM_NODE,
        font: { color: lit ? "#222222" : DIM_FONT }
      };
    }));
    api.highlighted = id;
  }

  function choose(id) {
    network.selectNodes([id]);
    highlight(id);
    showInfo(id);
    network.focus(id, { scale: Math.max(network.getScale(), 0.8), animation: { duration: 300 } });
  }

  network.on("click", function (event) {
    if (event.nodes.length) {
      highlight(event.nodes[0]);
      showInfo(event.nodes[0]);
    } else {
      highlight(null);
      showInfo(null);
    }
  });

  /* --- search ---------------------------------------------------------- */
  var names = document.getElementById("lkg-names");
  var seen = {};
  data.nodes.map(function (node) { return node.label; })
    .sort(function (a, b) { return a.localeCompare(b, "fi"); })
    .forEach(function (label) {
      if (seen[label]) { return; }
      seen[label] = true;
      var option = document.createElement("option");
      option.value = label;
      names.appendChild(option);
    });

  function find(text) {
    var wanted = text.trim().toLocaleLowerCase("fi");
    if (!wanted) { return null; }
    var shown = nodesView.get();
    var exact = shown.filter(function (n) { return n.label.toLocaleLowerCase("fi") === wanted; });
    if (exact.length) { return exact[0].id; }
    var part = shown.filter(function (n) {
      return n.label.toLocaleLowerCase("fi").indexOf(wanted) >= 0;
    });
    return part.length ? part[0].id : null;
  }

  var search = document.getElementById("lkg-search");
  function runSearch() {
    var id = find(search.value);
    if (id === null) {
      status.textContent = search.value.trim() ? "Ei osumia näkyvistä solmuista." : "";
      return;
    }
    choose(id);
    showCount();
  }
  search.addEventListener("change", runSearch);
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { runSearch(); }
  });

  document.getElementById("lkg-reset").addEventListener("click", function () {
    hiddenClasses = {};
    region = "";
    regionSelect.value = "";
    search.value = "";
    Array.prototype.forEach.call(legendList.querySelectorAll("input"), function (box) {
      box.checked = true;
    });
    refresh();
    highlight(null);
    showInfo(null);
    network.fit();
  });

  api.highlight = highlight;
  api.choose = choose;
  showCount();
})();
