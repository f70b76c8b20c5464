// For each element with text of its own: its colour over the colours behind it (each
// ancestor's background the text lies over, blended by its alpha, over white), as a WCAG
// contrast ratio; SVG text uses its fill over the chart's paper. Hidden, clipped
// (screen-reader-only) and empty text is left out.
() => {
  const parse = (c) => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, under) => [0, 1, 2].map((i) => top[i] * top[3] + under[i] * (1 - top[3]));
  const lum = (rgb) => {
    const [r, g, b] = rgb.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const behind = (el) => {
    const layers = [];
    const box = el.getBoundingClientRect();
    const [cx, cy] = [box.left + box.width / 2, box.top + box.height / 2];
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const r = e.getBoundingClientRect(); // a background the text is not drawn over is not behind it
      if (cx < r.left || cx > r.right || cy < r.top || cy > r.bottom) continue;
      const bg = parse(getComputedStyle(e).backgroundColor);
      if (bg && bg[3] > 0) layers.push(bg);
      if (bg && bg[3] === 1) break;
    }
    let rgb = [255, 255, 255];
    for (const layer of layers.reverse()) rgb = over(layer, rgb);
    return rgb;
  };
  const opacity = (el) => {
    let o = 1;
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) o *= +getComputedStyle(e).opacity;
    return o;
  };
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    const own = [...el.childNodes].filter((n) => n.nodeType === 3 && n.textContent.trim()).map((n) => n.textContent.trim()).join(" ");
    if (!own) continue;
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (box.width < 2 || box.height < 2 || style.visibility === "hidden" || el.closest(".pm-sr, [aria-hidden=true] title")) continue;
    if (el.closest("[data-testid=stSidebar]") && !el.closest("[data-testid=stSidebar]").getBoundingClientRect().width) continue;
    // Disabled controls are exempt (WCAG 1.4.3); a mark's number is checked against its dot
    // in tests/test_overlay.py (here the dot is not an ancestor).
    if (el.closest("button:disabled, [aria-disabled=true], .scatterlayer")) continue;
    const svg = el.closest("svg");
    let fg = parse(svg ? style.fill : style.color);
    if (!fg) continue;
    const back = svg ? behind(svg) : behind(el);
    const seen = opacity(el);
    if (seen === 0) continue;
    fg = [...fg.slice(0, 3), fg[3] * seen];
    const front = over(fg, back);
    const [a, b] = [lum(front), lum(back)].sort((x, y) => y - x);
    out.push({ text: own.slice(0, 60), ratio: Math.round(((a + 0.05) / (b + 0.05)) * 100) / 100 });
  }
  return out;
}
