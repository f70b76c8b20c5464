// PainMap's map: a Plotly drawing that places a mark where a finger or a mouse lands, at once,
// and tells Python. Python applies the rules (on the body, the mark limit, a repeated tap) and
// sends back the overlay; the drawing itself (the body) is fetched once per view and side.
//
// Events sent (trigger "event"): {seq, kind, ...} with kind one of
//   "tap" {x, y}            a tap or click at (x, y) mm, in the shown side's frame
//   "area" {points}         an area drawn in "Draw an area" mode, [[x, y], ...] mm
//   "select" {index}        a tap on an existing mark (its index in the map's items)
//   "cancel" {of}           a double tap: the first tap was meant as a zoom, not a mark
//   "remove" {index}        the Delete key on the map: the selected mark, or the last one
// Every event not yet answered is sent again with the next one (Streamlit keeps only the last
// trigger value of a batch); Python answers with data.acked, the last seq it applied.

const PLOTLY_URL = "app/static/plotly.min.js";
const TAP_SLOP_PX = 10; // a finger that moves further is scrolling, not tapping
const TAP_MS = 600;
const DOUBLE_MS = 320;
const DOUBLE_PX = 24;
const MARK_HIT_PX = 16; // a tap this close to a drawn mark selects it
const KEY_STEP_MM = 5;

function loadPlotly() {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!window.__pmPlotly) {
    window.__pmPlotly = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = new URL(PLOTLY_URL, document.baseURI).href;
      script.onload = () => resolve(window.Plotly);
      script.onerror = () => {
        window.__pmPlotly = null; // the next redraw tries again
        script.remove();
        reject(new Error("plotly.js could not be loaded"));
      };
      document.head.appendChild(script);
    });
  }
  return window.__pmPlotly;
}

const bases = (window.__pmBases = window.__pmBases || {});
function loadBase(url) {
  if (!bases[url]) {
    bases[url] = fetch(new URL(url, document.baseURI).href).then((r) => {
      if (!r.ok) throw new Error(`the drawing could not be loaded (${r.status})`);
      return r.json();
    });
    bases[url].catch(() => delete bases[url]); // the next redraw tries again
  }
  return bases[url];
}

function el(tag, attrs = {}, text = "") {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text) node.textContent = text;
  return node;
}

function build(parent) {
  const root = el("div", { class: "pm-map" });
  const tools = el("div", { class: "pm-tools", role: "toolbar", "aria-label": "Map tools" });
  const buttons = {
    mark: el("button", { type: "button", "data-tool": "mark", "aria-pressed": "true" }, "Tap to mark"),
    area: el("button", { type: "button", "data-tool": "area", "aria-pressed": "false" }, "Draw an area"),
    zoomIn: el("button", { type: "button", "aria-label": "Zoom in" }, "+"),
    zoomOut: el("button", { type: "button", "aria-label": "Zoom out" }, "−"),
    frame: el("button", { type: "button" }, "Whole leg"),
  };
  for (const b of Object.values(buttons)) tools.appendChild(b);
  const plot = el("div", {
    class: "pm-plot",
    tabindex: "0",
    role: "application",
    "aria-roledescription": "pain map",
    "aria-describedby": "pm-map-text",
  });
  const layer = el("div", { class: "pm-layer", "aria-hidden": "true" });
  const stage = el("div", { class: "pm-stage" });
  stage.append(plot, layer);
  const notice = el("div", { class: "pm-notice", role: "status", "aria-live": "polite" });
  const legend = el("ul", { class: "pm-legend", "aria-label": "What the colours show" });
  const text = el("div", { class: "pm-sr", id: "pm-map-text" });
  root.append(tools, stage, notice, legend, text);
  parent.appendChild(root);
  return { root, tools, buttons, plot, layer, notice, legend, text };
}

// Pixel (client) to data coordinates and back, read afresh: a rerun can move the plot.
function toData(ui, clientX, clientY) {
  const full = ui.plot._fullLayout;
  if (!full) return null;
  const box = ui.plot.getBoundingClientRect();
  const xa = full.xaxis, ya = full.yaxis;
  const px = clientX - box.left - xa._offset;
  const py = clientY - box.top - ya._offset;
  if (px < 0 || py < 0 || px > xa._length || py > ya._length) return null;
  return [xa.p2l(px), ya.p2l(py)];
}
function toClient(ui, x, y) {
  const full = ui.plot._fullLayout;
  const box = ui.plot.getBoundingClientRect();
  return [box.left + full.xaxis._offset + full.xaxis.l2p(x), box.top + full.yaxis._offset + full.yaxis.l2p(y)];
}
function toLayer(ui, x, y) {
  const [cx, cy] = toClient(ui, x, y);
  const box = ui.layer.getBoundingClientRect();
  return [cx - box.left, cy - box.top];
}

function drawPending(ui, st) {
  ui.layer.replaceChildren();
  if (!ui.plot._fullLayout) return;
  for (const e of st.unanswered) {
    if (e.kind === "tap") {
      const [lx, ly] = toLayer(ui, e.x, e.y);
      const dot = el("div", { class: "pm-dot" });
      dot.style.left = `${lx}px`;
      dot.style.top = `${ly}px`;
      ui.layer.appendChild(dot);
    }
  }
  if (st.cursor) {
    const [lx, ly] = toLayer(ui, st.cursor[0], st.cursor[1]);
    const c = el("div", { class: "pm-cursor" });
    c.style.left = `${lx}px`;
    c.style.top = `${ly}px`;
    ui.layer.appendChild(c);
  }
  if (st.stroke && st.stroke.length > 1) {
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("class", "pm-stroke");
    const line = document.createElementNS("http://www.w3.org/2000/svg", "polyline");
    line.setAttribute("points", st.stroke.map(([x, y]) => toLayer(ui, x, y).join(",")).join(" "));
    svg.appendChild(line);
    ui.layer.appendChild(svg);
  }
}

const ROLE_CLASS = { "main pain": "main", spread: "spread", "trigger point": "site" };

function drawLegend(ui, items) {
  ui.legend.replaceChildren();
  for (const item of items) {
    const li = el("li");
    li.appendChild(el("b", {}, item.name + (item.word ? ` · ${item.word}` : "")));
    for (const role of item.roles) {
      const key = el("span", { class: `pm-key pm-${ROLE_CLASS[role]}` });
      key.style.setProperty("--c", item.colour);
      const part = el("span", { class: "pm-part" });
      part.append(key, document.createTextNode(role));
      li.appendChild(part);
    }
    ui.legend.appendChild(li);
  }
  const scale = el("li", { class: "pm-scale" });
  scale.append(el("span", { class: "pm-key pm-mark small" }), document.createTextNode("mild"),
               el("span", { class: "pm-key pm-mark big" }), document.createTextNode("worst pain: a mark's size"));
  ui.legend.appendChild(scale);
}

function send(ui, st, event) {
  if (event) {
    st.seq += 1;
    st.unanswered.push({ ...event, seq: st.seq });
  }
  ui.component.setTriggerValue("event", { events: st.unanswered.slice(-20) });
}

function say(ui, words) {
  ui.notice.textContent = words || "";
}

function ranges(ui) {
  const full = ui.plot._fullLayout;
  return [full.xaxis.range.slice(), full.yaxis.range.slice()];
}
function zoomAt(ui, st, factor, x, y) {
  if (!ui.plot._fullLayout) return;
  const [xr, yr] = ranges(ui);
  const cx = x ?? (xr[0] + xr[1]) / 2;
  const cy = y ?? (yr[0] + yr[1]) / 2;
  const nx = [cx - (cx - xr[0]) / factor, cx + (xr[1] - cx) / factor];
  const ny = [cy - (cy - yr[0]) / factor, cy + (yr[1] - cy) / factor];
  st.zoom = { x: nx, y: ny };
  window.Plotly.relayout(ui.plot, { "xaxis.range": nx, "yaxis.range": ny }).then(() => drawPending(ui, st));
}

function nearestMark(ui, st, clientX, clientY) {
  let best = null;
  for (const m of st.marks) {
    const [cx, cy] = toClient(ui, m.x, m.y);
    const d = Math.hypot(cx - clientX, cy - clientY);
    if (d <= MARK_HIT_PX && (!best || d < best.d)) best = { d, index: m.index };
  }
  return best;
}

function wire(ui, st) {
  const plot = ui.plot;
  const pointers = new Map();
  let pinch = null;

  const charted = () => ui.root.dataset.mode === "chart"; // a chart takes no marks
  plot.addEventListener("pointerdown", (ev) => {
    if (charted()) return;
    pointers.set(ev.pointerId, { x0: ev.clientX, y0: ev.clientY, t0: performance.now(), x: ev.clientX, y: ev.clientY });
    if (pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      pinch = { d0: Math.hypot(a.x - b.x, a.y - b.y), ranges: ranges(ui) };
    }
    if (st.mode === "area" && pointers.size === 1) {
      const at = toData(ui, ev.clientX, ev.clientY);
      if (at) {
        st.stroke = [at];
        plot.setPointerCapture(ev.pointerId);
        ev.preventDefault();
      }
    }
  });

  // Plotly covers the page while a button is down, so the rest of a gesture is read on the
  // window, for the pointers that began on the map.
  window.addEventListener("pointermove", (ev) => {
    const p = pointers.get(ev.pointerId);
    if (!p) return;
    p.x = ev.clientX;
    p.y = ev.clientY;
    if (pinch && pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      const factor = Math.hypot(a.x - b.x, a.y - b.y) / Math.max(pinch.d0, 1);
      const mid = toData(ui, (a.x + b.x) / 2, (a.y + b.y) / 2);
      if (mid && factor > 0.2) {
        const [xr, yr] = pinch.ranges;
        const f = Math.min(Math.max(factor, 0.5), 6);
        const nx = [mid[0] - (mid[0] - xr[0]) / f, mid[0] + (xr[1] - mid[0]) / f];
        const ny = [mid[1] - (mid[1] - yr[0]) / f, mid[1] + (yr[1] - mid[1]) / f];
        st.zoom = { x: nx, y: ny };
        window.Plotly.relayout(plot, { "xaxis.range": nx, "yaxis.range": ny });
      }
      return;
    }
    if (st.mode === "area" && st.stroke) {
      const at = toData(ui, ev.clientX, ev.clientY);
      if (at) {
        st.stroke.push(at);
        drawPending(ui, st);
      }
    }
  });

  const finish = (ev, cancelled) => {
    const p = pointers.get(ev.pointerId);
    pointers.delete(ev.pointerId);
    if (pinch) {
      if (pointers.size === 0) {
        pinch = null;
        drawPending(ui, st);
      }
      return;
    }
    if (!p || cancelled) {
      st.stroke = null;
      drawPending(ui, st);
      return;
    }
    if (st.mode === "area") {
      const points = st.stroke || [];
      st.stroke = null;
      if (points.length >= 3) send(ui, st, { kind: "area", points });
      else say(ui, "Draw around the painful area, without lifting the finger.");
      drawPending(ui, st);
      return;
    }
    const moved = Math.hypot(ev.clientX - p.x0, ev.clientY - p.y0);
    if (moved > TAP_SLOP_PX || performance.now() - p.t0 > TAP_MS) return;
    const at = toData(ui, ev.clientX, ev.clientY);
    if (!at) return;
    const now = performance.now();
    const last = st.lastTap;
    if (ev.pointerType === "touch" && last && now - last.t < DOUBLE_MS &&
        Math.hypot(ev.clientX - last.cx, ev.clientY - last.cy) < DOUBLE_PX) {
      // A double tap zooms in where it landed; its first tap was not meant as a mark.
      st.lastTap = null;
      st.unanswered = st.unanswered.filter((e) => e.seq !== last.seq);
      if (last.seq) send(ui, st, { kind: "cancel", of: last.seq });
      zoomAt(ui, st, 2, at[0], at[1]);
      return;
    }
    const hit = nearestMark(ui, st, ev.clientX, ev.clientY);
    if (hit) {
      st.lastTap = { t: now, cx: ev.clientX, cy: ev.clientY, seq: null };
      send(ui, st, { kind: "select", index: hit.index });
      return;
    }
    send(ui, st, { kind: "tap", x: at[0], y: at[1] });
    st.lastTap = { t: now, cx: ev.clientX, cy: ev.clientY, seq: st.seq };
    drawPending(ui, st); // the mark, at once, before Python answers
  };
  window.addEventListener("pointerup", (ev) => pointers.has(ev.pointerId) && finish(ev, false));
  window.addEventListener("pointercancel", (ev) => pointers.has(ev.pointerId) && finish(ev, true));

  // Without a pointer: arrows move a cursor, Enter places a mark, + and - zoom.
  plot.addEventListener("keydown", (ev) => {
    if (charted()) return;
    const step = ev.shiftKey ? 1 : KEY_STEP_MM;
    const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (!st.cursor) st.cursor = st.home.slice();
    if (moves[ev.key]) {
      st.cursor = [st.cursor[0] + moves[ev.key][0], st.cursor[1] + moves[ev.key][1]];
      say(ui, `Cursor at ${st.cursor[0].toFixed(0)}, ${st.cursor[1].toFixed(0)} mm. Press Enter to mark it.`);
    } else if (ev.key === "Enter" || ev.key === " ") {
      send(ui, st, { kind: "tap", x: st.cursor[0], y: st.cursor[1] });
    } else if (ev.key === "Delete" || ev.key === "Backspace") {
      if (!st.count) return;
      send(ui, st, { kind: "remove", index: st.selectedIndex ?? st.count - 1 });
      say(ui, "Mark removed.");
    } else if (ev.key === "+" || ev.key === "=") {
      zoomAt(ui, st, 1.5, st.cursor[0], st.cursor[1]);
    } else if (ev.key === "-") {
      zoomAt(ui, st, 1 / 1.5, st.cursor[0], st.cursor[1]);
    } else {
      return;
    }
    ev.preventDefault();
    drawPending(ui, st);
  });
  plot.addEventListener("blur", () => {
    st.cursor = null;
    drawPending(ui, st);
  });

  ui.buttons.mark.addEventListener("click", () => setMode(ui, st, "mark"));
  ui.buttons.area.addEventListener("click", () => setMode(ui, st, "area"));
  ui.buttons.zoomIn.addEventListener("click", () => zoomAt(ui, st, 1.5));
  ui.buttons.zoomOut.addEventListener("click", () => zoomAt(ui, st, 1 / 1.5));
  ui.buttons.frame.addEventListener("click", () => {
    st.whole = !st.whole;
    st.zoom = null;
    render(ui, st, st.data);
  });
  window.addEventListener("resize", () => drawPending(ui, st));
  window.addEventListener("scroll", () => drawPending(ui, st), { passive: true });
}

function setMode(ui, st, mode) {
  st.mode = mode;
  ui.root.dataset.mode = mode;
  ui.buttons.mark.setAttribute("aria-pressed", String(mode === "mark"));
  ui.buttons.area.setAttribute("aria-pressed", String(mode === "area"));
  say(ui, mode === "area" ? "Draw around the painful area with one finger or the mouse." : "");
}

const MIN_ROOM_PX = 360;
// On a phone the map leaves room under it for the best matches (its legend names them), so
// that a tap's answer is on the same screen; two fingers or a double tap zoom in.
const PHONE_PX = 640;
const PHONE_SHARE = 0.6;
const TITLE_CHAR_PX = 8.4; // the title's mean character width at its 16 px

// As tall as the framed view needs at this width (millimetres at one scale), within the window.
function fitHeight(ui, layout, xr, yr) {
  const width = ui.plot.clientWidth || ui.root.clientWidth || 600;
  const m = layout.margin || { l: 8, r: 8, t: 44, b: 8 };
  const legend = layout.showlegend ? 150 : 0;
  const wanted = ((width - m.l - m.r) * (yr[1] - yr[0])) / (xr[1] - xr[0]) + m.t + m.b + legend;
  return Math.round(Math.min(Math.max(wanted, 320), roomBelow(ui)));
}

// The room from the drawing's top to the window's bottom when first drawn (so that the heel is
// in view on first load), kept after that: the drawing does not jump as the page scrolls.
function roomBelow(ui) {
  if (!ui.room) {
    const top = ui.plot.getBoundingClientRect().top;
    const below = window.innerHeight - Math.max(top, 0) - 12;
    const most = window.innerHeight * (window.innerWidth < PHONE_PX ? PHONE_SHARE : 0.82);
    ui.room = Math.max(MIN_ROOM_PX, below > MIN_ROOM_PX ? Math.min(below, most) : most);
  }
  return ui.room;
}

// A whole chart (the presentation's trigger-point steps): drawn as it is, as tall as the window
// allows, no tools.
async function renderChart(ui, chart) {
  const Plotly = await loadPlotly();
  const layout = { ...chart.layout, height: roomBelow(ui), autosize: true };
  const config = { staticPlot: true, displayModeBar: false, responsive: true };
  await Plotly.react(ui.plot, chart.data, layout, config);
  ui.root.dataset.ready = "true";
}

async function render(ui, st, data) {
  st.data = data;
  const Plotly = await loadPlotly();
  const base = await loadBase(data.base_url);
  const frame = st.whole ? data.frames.whole : data.frames.foot;
  const layout = { ...base.layout, ...data.layout };
  layout.xaxis = { ...base.layout.xaxis, range: st.zoom ? st.zoom.x : frame.x };
  layout.yaxis = { ...base.layout.yaxis, range: st.zoom ? st.zoom.y : frame.y };
  layout.annotations = [...(base.layout.annotations || []), ...(data.layout.annotations || [])];
  layout.height = fitHeight(ui, layout, layout.xaxis.range, layout.yaxis.range);
  layout.dragmode = false;
  const title = (layout.title && layout.title.text) || "";
  if (title.length * TITLE_CHAR_PX > (ui.plot.clientWidth || 600) - 16) {
    layout.title = { ...layout.title, text: data.short_title }; // the full one would be cut
  }
  // A static plot: Plotly takes no gesture of its own (its touch handlers would stop a finger
  // from scrolling the page); this component reads every pointer itself.
  const config = { staticPlot: true, displayModeBar: false, responsive: true };
  await Plotly.react(ui.plot, [...base.data, ...data.traces], layout, config);
  ui.root.dataset.ready = "true";
  ui.root.dataset.rendered = String(data.acked);
  ui.buttons.frame.textContent = st.whole ? "Foot and ankle" : "Whole leg";
  const same = JSON.stringify(data.frames.whole) === JSON.stringify(data.frames.foot);
  ui.buttons.frame.hidden = same; // the sole and the top are all foot: nothing to widen
  drawPending(ui, st);
  if (st.painted) st.painted(data.acked);
}

export default function (component) {
  const { data, parentElement } = component;
  let ui = parentElement.__pmUi;
  if (!ui) {
    ui = parentElement.__pmUi = build(parentElement);
    ui.state = { seq: 0, unanswered: [], mode: "mark", marks: [], whole: false, zoom: null, cursor: null, stroke: null };
    wire(ui, ui.state);
    setMode(ui, ui.state, "mark");
  }
  ui.component = component;
  ui.root.dataset.mode = data.chart ? "chart" : ui.state.mode;
  if (data.chart) {
    ui.text.textContent = data.description || "";
    renderChart(ui, data.chart).catch((err) => say(ui, `The chart could not be drawn: ${err.message}`));
    return;
  }
  const st = ui.state;
  if (st.view !== data.key) {
    st.view = data.key; // a new view or side opens framed on the foot and ankle
    st.zoom = null;
    st.whole = false;
  }
  st.seq = Math.max(st.seq, data.acked);
  st.unanswered = st.unanswered.filter((e) => e.seq > data.acked);
  st.marks = data.marks;
  st.count = data.count;
  st.selectedIndex = data.selected;
  st.home = data.home;
  ui.text.textContent = data.description;
  drawLegend(ui, data.legend);
  if (data.notice) say(ui, data.notice);
  render(ui, st, data).catch((err) => say(ui, `The map could not be drawn: ${err.message}`));
  if (st.unanswered.length) send(ui, st, null); // ask again for what is not answered
}
