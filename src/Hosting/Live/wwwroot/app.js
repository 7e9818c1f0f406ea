// The live page of a sweep: plain JavaScript and SVG, no library, no network beyond this server.
// Data: GET /api/sweeps/{id} (grid, methods, progress, transitions), /cells (per-cell aggregates), then the
// event stream /events?since=N, whose "cells" events carry only the cells that changed, each followed by
// "transitions" (every line fitted again, as transitions.csv).
"use strict";

const $ = (id) => document.getElementById(id);
const SVG = "http://www.w3.org/2000/svg";
const state = { id: null, sweep: null, cells: new Map(), source: null, x: null, y: null, selected: null, updates: 0 };

function svg(name, attributes, parent) {
  const element = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes)) element.setAttribute(k, v);
  if (parent) parent.appendChild(element);
  return element;
}

function number(v, digits = 3) {
  if (v === null || v === undefined) return "–";
  if (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5)) return v.toExponential(digits - 1);
  return Number(v.toPrecision(digits)).toString();
}

function duration(seconds) {
  if (seconds === null || seconds === undefined) return "–";
  const s = Math.round(seconds);
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor(s / 60) % 60).padStart(2, "0")}m`
    : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
}

// Viridis-like ramp: success rate 0 (dark) to 1 (yellow).
const RAMP = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
function color(rate) {
  const t = Math.min(1, Math.max(0, rate)) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(t)), f = t - i;
  const c = RAMP[i].map((a, k) => Math.round(a + f * (RAMP[i + 1][k] - a)));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

async function getJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

function showError(message) {
  const box = $("errors");
  box.hidden = false;
  box.textContent += message + "\n";
}
window.addEventListener("error", (e) => showError(`error: ${e.message}`));
window.addEventListener("unhandledrejection", (e) => showError(`error: ${e.reason}`));

// ---- sweep selection ------------------------------------------------------------------------

async function loadList() {
  const sweeps = await getJson("/api/sweeps");
  const select = $("sweep");
  select.replaceChildren(...sweeps.map((s) => new Option(`${s.id} (${s.status}, ${s.done}/${s.total})`, s.id)));
  const wanted = decodeURIComponent(location.hash.slice(1)) || (sweeps[0] && sweeps[0].id);
  if (wanted) { select.value = wanted; await open(wanted); }
  else $("summary").textContent = "No sweep has been started here yet.";
}

async function open(id) {
  if (state.source) state.source.close();
  Object.assign(state, { id, sweep: null, cells: new Map(), selected: null });
  location.hash = encodeURIComponent(id);
  $("detail").hidden = true;
  const base = `/api/sweeps/${encodeURIComponent(id)}`;
  state.sweep = await getJson(base);
  const axes = state.sweep.axes.map((a) => a.name);
  fillAxisSelect($("x-axis"), axes, axes[0] || null);
  fillAxisSelect($("y-axis"), axes, axes[1] || null);
  readAxes();
  const snapshot = await getJson(`${base}/cells`);
  snapshot.cells.forEach(put);
  renderAll();
  state.source = new EventSource(`${base}/events?since=${snapshot.sequence}`);
  state.source.addEventListener("cells", (e) => {
    JSON.parse(e.data).cells.forEach(put);
    state.updates++;
    document.body.dataset.updates = String(state.updates);
    renderMaps();
    if (state.selected) renderDetailCounts();
  });
  state.source.addEventListener("transitions", (e) => {
    state.sweep.transitions = JSON.parse(e.data);
    renderMaps();
  });
  state.source.addEventListener("progress", (e) => {
    const before = state.sweep.progress && state.sweep.progress.status;
    const p = state.sweep.progress = JSON.parse(e.data);
    renderProgress();
    const option = [...$("sweep").options].find((o) => o.value === state.id);
    if (option) option.textContent = `${state.id} (${p.status}, ${p.done}/${p.total})`;
    if (before !== state.sweep.progress.status) refreshSweepDocument(base, 10);
  });
}

// Downloads appear once the outputs are written, a moment after the sweep completes.
async function refreshSweepDocument(base, attempts) {
  const sweep = await getJson(base);
  if (base !== `/api/sweeps/${encodeURIComponent(state.id)}`) return;
  state.sweep.downloads = sweep.downloads;
  state.sweep.transitions = sweep.transitions;
  renderDownloads();
  if (sweep.downloads.length === 0 && sweep.progress && sweep.progress.status === "completed" && attempts > 1)
    setTimeout(() => refreshSweepDocument(base, attempts - 1), 1500);
}

function fillAxisSelect(select, axes, value) {
  select.replaceChildren(new Option("(none)", ""), ...axes.map((a) => new Option(a, a)));
  select.value = value || "";
}

function readAxes() {
  state.x = $("x-axis").value || null;
  state.y = $("y-axis").value || null;
}

const key = (cell, method) => `${cell}\u0000${method}`;
function put(cell) { state.cells.set(key(cell.cell, cell.method), cell); }

// ---- rendering ------------------------------------------------------------------------------

function renderAll() {
  renderSummary();
  renderProgress();
  renderMaps();
  renderDownloads();
}

function renderSummary() {
  const s = state.sweep;
  const fixed = Object.entries(s.fixed).map(([k, v]) => `${k} = ${v}`).join(", ");
  $("summary").textContent = `${s.problem}: ${s.cells.length} cells × ${s.methods.length} methods × ${s.trials} trials` +
    (fixed ? `; fixed ${fixed}` : "") + `; success: relative error ≤ ${s.tolerance}` +
    (s.relative_to_noise !== null ? ` or ≤ ${s.relative_to_noise} σ` : "") + `; seed ${s.seed}`;
}

function renderProgress() {
  const p = state.sweep.progress;
  const status = $("status");
  status.textContent = p ? `${p.status}: ${p.done}/${p.total} trials, ${number(p.rate)} /s, ETA ${duration(p.eta_seconds)}` : "";
  status.className = `status ${p ? p.status : ""}`;
  const rows = (p ? p.methods : []).map((m) => {
    const tr = document.createElement("tr");
    const cells = [m.method, `${m.done}/${m.total}`, "", `${m.successes}${m.done ? ` (${Math.round(100 * m.successes / m.done)} %)` : ""}`,
      `${number(m.rate)} /s`, duration(m.eta_seconds)];
    cells.forEach((text, i) => {
      const td = document.createElement("td");
      if (i === 2) {
        const bar = document.createElement("div"); bar.className = "bar";
        const fill = document.createElement("div"); fill.style.width = `${m.total ? 100 * m.done / m.total : 0}%`;
        bar.appendChild(fill); td.appendChild(bar);
      } else td.textContent = text;
      tr.appendChild(td);
    });
    return tr;
  });
  $("progress").tBodies[0].replaceChildren(...rows);
}

// Cells of the grid grouped by their (x, y) position; the axes the plot does not name are pooled.
function positions() {
  const s = state.sweep;
  const values = (name) => name ? s.axes.find((a) => a.name === name).values : [null];
  const xs = values(state.x), ys = values(state.y);
  const groups = new Map();
  for (const cell of s.cells) {
    const xi = state.x ? xs.indexOf(cell.parameters[state.x]) : 0;
    const yi = state.y ? ys.indexOf(cell.parameters[state.y]) : 0;
    if (xi < 0 || yi < 0) continue;
    const k = `${xi},${yi}`;
    if (!groups.has(k)) groups.set(k, { xi, yi, cells: [] });
    groups.get(k).cells.push(cell);
  }
  const pooled = s.axes.map((a) => a.name).filter((n) => n !== state.x && n !== state.y);
  $("pooled").textContent = pooled.length ? `pooled over ${pooled.join(", ")}` : "";
  return { xs, ys, groups };
}

function pool(group, method) {
  let trials = 0, successes = 0;
  for (const cell of group.cells) {
    const c = state.cells.get(key(cell.index, method));
    if (c) { trials += c.trials; successes += c.successes; }
  }
  return { trials, successes, rate: trials ? successes / trials : null };
}

function renderMaps() {
  const { xs, ys, groups } = positions();
  const size = Math.max(14, Math.min(44, Math.floor(560 / Math.max(xs.length, 1))));
  const left = 48, bottom = 36, top = 8, right = 8;
  const width = left + size * xs.length + right, height = top + size * ys.length + bottom;
  const maps = state.sweep.methods.map((m) => {
    const facet = document.createElement("div");
    facet.className = "facet";
    facet.dataset.method = m.label;
    const title = document.createElement("h3");
    title.textContent = m.label;
    facet.appendChild(title);
    const root = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": `success rate of ${m.label}` }, facet);
    const grid = ys.map(() => xs.map(() => null));
    for (const group of groups.values()) {
      const p = pool(group, m.label);
      grid[group.yi][group.xi] = p.rate;
      const px = left + group.xi * size, py = top + (ys.length - 1 - group.yi) * size;
      const rect = svg("rect", { x: px, y: py, width: size, height: size, class: p.trials ? "cell" : "cell empty",
        "data-trials": p.trials, "data-successes": p.successes, "data-x": group.xi, "data-y": group.yi }, root);
      if (p.trials) rect.setAttribute("fill", color(p.rate));
      if (state.selected && state.selected.method === m.label && state.selected.xi === group.xi && state.selected.yi === group.yi)
        rect.classList.add("selected");
      rect.addEventListener("mousemove", (e) => tooltip(e, group, m.label));
      rect.addEventListener("mouseleave", () => { $("tooltip").hidden = true; });
      rect.addEventListener("click", () => select(group, m.label));
    }
    const px = (i) => left + (i + 0.5) * size, py = (j) => top + (ys.length - 1 - j + 0.5) * size;
    const line = contour(grid, px, py);
    if (line) svg("path", { class: "contour", d: line }, root);
    const curves = transitionCurves(m.label, xs, ys);
    if (curves) drawTransitions(root, curves, px, py, { x: left, y: top, width: size * xs.length, height: size * ys.length }, m.label);
    axisLabels(root, xs, ys, size, left, top, height);
    return facet;
  });
  $("maps").replaceChildren(...maps);
  renderLegend();
}

// ---- fitted transition and theory ----------------------------------------------------------

// A line's value of a plotted axis (the axis d is d1 = d2 in the lines' coordinates, as in cells.csv).
function coordinate(line, name) {
  const c = line.coordinates;
  return name in c ? c[name] : name === "d" ? c.d1 : undefined;
}

// Grid index of an axis value: linear between the grid values, extended past the ends (PhaseGrid.ToIndex).
function toIndex(values, v) {
  if (values.length === 1) return v - values[0];
  let k = 0;
  while (k < values.length - 2 && v > values[k + 1]) k++;
  return k + (v - values[k]) / (values[k + 1] - values[k]);
}

// As the static phase diagrams (FittedTransition, TheoryOverlays): when x is the transition axis and y another
// coordinate, and each y value holds one line of the facet's method (no axis pooled), the fitted 50% point of
// each line whose fit is "ok" with its 95% interval (an end that did not close reaches the grid's edge), and
// each line's theory value; in grid index units. Null when the plot shows no such curve.
function transitionCurves(method, xs, ys) {
  const t = state.sweep.transitions;
  if (!t || !t.axis || state.x !== t.axis || !state.y || state.y === t.axis) return null;
  const byY = new Map();
  for (const line of t.lines.filter((l) => l.method === method)) {
    const y = coordinate(line, state.y);
    if (y === undefined || byY.has(y)) return null;
    byY.set(y, line);
  }
  const rows = ys.map((y, j) => ({ j, line: byY.get(y) })).filter((r) => r.line);
  const edge = (v, missing) => v === null ? missing : Math.min(xs.length - 0.5, Math.max(-0.5, toIndex(xs, v)));
  return {
    fitted: rows.filter((r) => r.line.fit === "ok").map((r) => ({ j: r.j, m50: toIndex(xs, r.line.m50),
      low: edge(r.line.m50_low, -0.5), high: edge(r.line.m50_high, xs.length - 0.5) })),
    theory: rows.filter((r) => r.line.theory !== null).map((r) => ({ j: r.j, x: toIndex(xs, r.line.theory) })),
  };
}

function drawTransitions(root, curves, px, py, box, method) {
  const id = `clip-${state.sweep.methods.findIndex((m) => m.label === method)}`;
  svg("rect", box, svg("clipPath", { id }, svg("defs", {}, root)));
  const g = svg("g", { "clip-path": `url(#${id})`, class: "transitions" }, root);
  const path = (points) => points.map(([x, y], k) => `${k ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`).join("");
  const f = curves.fitted;
  if (f.length > 1)
    svg("path", { class: "fitted-band", d: path([...f.map((p) => [px(p.low), py(p.j)]), ...f.slice().reverse().map((p) => [px(p.high), py(p.j)])]) + "Z" }, g);
  for (const p of f) svg("path", { class: "fitted-bar", d: path([[px(p.low), py(p.j)], [px(p.high), py(p.j)]]) }, g);
  if (f.length > 0) {
    svg("path", { class: "fitted", d: path(f.map((p) => [px(p.m50), py(p.j)])) }, g);
    for (const p of f) svg("circle", { class: "fitted-point", cx: px(p.m50).toFixed(1), cy: py(p.j).toFixed(1), r: 3 }, g);
  }
  if (curves.theory.length > 0)
    svg("path", { class: "theory", d: path(curves.theory.map((p) => [px(p.x), py(p.j)])) }, g);
}

// The curves' legend, or what it takes to see them.
function renderTransitionLegend() {
  const t = state.sweep.transitions, box = $("transitions");
  if (!t || !t.axis) { box.textContent = "No transition axis (m or p) in this grid: no fitted transition curve."; return; }
  if (state.x !== t.axis || !state.y || state.y === t.axis) {
    box.textContent = `Fitted transition and theory curves: shown with x = ${t.axis} and y another axis.`;
    return;
  }
  const root = svg("svg", { width: 330, height: 18, class: "curve-legend" });
  svg("rect", { x: 0, y: 3, width: 26, height: 12, class: "fitted-band" }, root);
  svg("path", { d: "M0,9L26,9", class: "fitted" }, root);
  svg("text", { x: 32, y: 13 }, root).textContent = "fitted 50% (95% band)";
  svg("path", { d: "M180,9L206,9", class: "theory" }, root);
  svg("text", { x: 212, y: 13 }, root).textContent = "theory";
  box.replaceChildren(root);
}

function axisLabels(root, xs, ys, size, left, top, height) {
  const every = Math.ceil(xs.length / Math.max(1, Math.floor(xs.length * size / 36)));
  xs.forEach((v, i) => {
    if (v !== null && i % every === 0)
      svg("text", { x: left + (i + 0.5) * size, y: top + ys.length * size + 14, "text-anchor": "middle" }, root).textContent = number(v, 4);
  });
  ys.forEach((v, j) => {
    if (v !== null)
      svg("text", { x: left - 6, y: top + (ys.length - 1 - j + 0.5) * size + 4, "text-anchor": "end" }, root).textContent = number(v, 4);
  });
  if (state.x) svg("text", { x: left + xs.length * size / 2, y: height - 4, "text-anchor": "middle" }, root).textContent = state.x;
  if (state.y) svg("text", { x: 10, y: top + ys.length * size / 2, "text-anchor": "middle", transform: `rotate(-90 10 ${top + ys.length * size / 2})` }, root).textContent = state.y;
}

// The 50% level set by marching squares over the cell centres: on each square of four known rates,
// an edge whose ends lie on either side of 0.5 is crossed where linear interpolation gives 0.5.
function contour(grid, px, py) {
  const parts = [];
  for (let j = 0; j + 1 < grid.length; j++) {
    for (let i = 0; i + 1 < grid[j].length; i++) {
      const v = [grid[j][i], grid[j][i + 1], grid[j + 1][i + 1], grid[j + 1][i]];
      if (v.some((a) => a === null)) continue;
      const corners = [[i, j], [i + 1, j], [i + 1, j + 1], [i, j + 1]];
      const crossings = [];
      for (let e = 0; e < 4; e++) {
        const a = v[e], b = v[(e + 1) % 4];
        if ((a < 0.5) !== (b < 0.5)) {
          const t = (0.5 - a) / (b - a);
          const [x0, y0] = corners[e], [x1, y1] = corners[(e + 1) % 4];
          crossings.push([px(x0 + t * (x1 - x0)), py(y0 + t * (y1 - y0))]);
        }
      }
      // Four crossings (a saddle): pairs (e0, e1), (e2, e3) cut off corners 1 and 3, right when the
      // centre is on corner 0's side; otherwise pair (e1, e2), (e3, e0).
      if (crossings.length === 4 && (v.reduce((s, a) => s + a, 0) / 4 < 0.5) !== (v[0] < 0.5))
        crossings.push(crossings.shift());
      for (let k = 0; k + 1 < crossings.length; k += 2)
        parts.push(`M${crossings[k][0].toFixed(1)},${crossings[k][1].toFixed(1)}L${crossings[k + 1][0].toFixed(1)},${crossings[k + 1][1].toFixed(1)}`);
    }
  }
  return parts.join("");
}

function renderLegend() {
  const root = svg("svg", { width: 260, height: 30 });
  const gradient = svg("linearGradient", { id: "ramp" }, svg("defs", {}, root));
  RAMP.forEach((_, i) => svg("stop", { offset: `${100 * i / (RAMP.length - 1)}%`, "stop-color": color(i / (RAMP.length - 1)) }, gradient));
  svg("rect", { x: 30, y: 2, width: 200, height: 10, fill: "url(#ramp)" }, root);
  svg("text", { x: 30, y: 26, "text-anchor": "middle" }, root).textContent = "0";
  svg("text", { x: 130, y: 26, "text-anchor": "middle" }, root).textContent = "success rate";
  svg("text", { x: 230, y: 26, "text-anchor": "middle" }, root).textContent = "1";
  $("legend").replaceChildren(root);
  renderTransitionLegend();
}

function cellText(cell) {
  if (!cell || cell.trials === 0) return "no trials yet";
  return `${cell.successes}/${cell.trials} successes (${Math.round(100 * cell.success_rate)} %), 95% CI [${cell.ci_low.toFixed(3)}, ${cell.ci_high.toFixed(3)}]\n` +
    `median rel. error ${number(cell.median_error)}, median Hessian trace ${number(cell.median_hessian_trace)}\n` +
    `converged ${cell.converged}, iteration limit ${cell.iteration_limit}, diverged ${cell.diverged}, invalid ${cell.invalid_instance}`;
}

function where(group) {
  return [state.x && `${state.x} = ${group.cells[0].parameters[state.x]}`, state.y && `${state.y} = ${group.cells[0].parameters[state.y]}`]
    .filter(Boolean).join(", ");
}

function tooltip(event, group, method) {
  const tip = $("tooltip");
  const p = pool(group, method);
  const single = group.cells.length === 1 ? state.cells.get(key(group.cells[0].index, method)) : null;
  tip.textContent = `${method}, ${where(group)}\n` + (single ? cellText(single)
    : `${p.successes}/${p.trials} successes over ${group.cells.length} pooled cells`);
  tip.hidden = false;
  tip.style.left = `${event.clientX + 14}px`;
  tip.style.top = `${event.clientY + 14}px`;
}

// ---- a cell's trials ------------------------------------------------------------------------

function select(group, method) {
  state.selected = { xi: group.xi, yi: group.yi, method, group, cell: group.cells[0].index };
  renderMaps();
  $("detail").hidden = false;
  $("detail-title").textContent = `${method}, ${where(group)}`;
  const buttons = group.cells.length > 1 ? group.cells.map((c) => {
    const b = document.createElement("button");
    b.textContent = `cell ${c.index}: ${c.key}`;
    b.addEventListener("click", () => { state.selected.cell = c.index; loadTrials(); });
    return b;
  }) : [];
  $("detail-cells").replaceChildren(...buttons);
  loadTrials();
}

function renderDetailCounts() {
  const s = state.selected;
  $("detail-counts").textContent = `cell ${s.cell}: ` + cellText(state.cells.get(key(s.cell, s.method)));
}

async function loadTrials() {
  const s = state.selected;
  renderDetailCounts();
  const page = await getJson(`/api/sweeps/${encodeURIComponent(state.id)}/trials?cell=${s.cell}&method=${encodeURIComponent(s.method)}`);
  const rows = page.trials.map((t) => {
    const tr = document.createElement("tr");
    [t.trial, t.status + (t.reason ? ` (${t.reason})` : ""), t.success ? "yes" : "no", number(t.rel_error), number(t.hessian_trace), t.iterations, number(t.seconds)]
      .forEach((text) => { const td = document.createElement("td"); td.textContent = String(text); tr.appendChild(td); });
    const td = document.createElement("td");
    td.className = "command";
    const code = document.createElement("code");
    code.textContent = t.command;
    td.appendChild(code);
    tr.appendChild(td);
    return tr;
  });
  $("trials").tBodies[0].replaceChildren(...rows);
}

function renderDownloads() {
  const items = state.sweep.downloads.map((d) => {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = d.url; a.textContent = d.name; a.setAttribute("download", d.name);
    li.appendChild(a);
    return li;
  });
  if (items.length === 0) {
    const li = document.createElement("li");
    li.textContent = "the output files (trials.csv, cells.csv, ...) appear here once the sweep has written them";
    items.push(li);
  }
  $("downloads").replaceChildren(...items);
}

$("sweep").addEventListener("change", (e) => open(e.target.value));
$("x-axis").addEventListener("change", () => { readAxes(); state.selected = null; renderMaps(); });
$("y-axis").addEventListener("change", () => { readAxes(); state.selected = null; renderMaps(); });
loadList().catch((e) => showError(`error: ${e.message}`));
