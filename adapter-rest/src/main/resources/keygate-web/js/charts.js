// Verifications by outcome over the last 24 hours and 30 days, as stacked bars in plain inline SVG,
// for a key or a whole owner, in the console and the portal alike. The bars stretch to the width
// there is; every word (axis, legend) is HTML beside them, so it stays readable on a phone.

import { attempt, call } from "./api.js";
import { el } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";

// Stacked bottom up in this order; an outcome not named here is drawn last, as "other".
const OUTCOMES = [
  ["API_KEY_VERIFIED", "valid"],
  ["API_KEY_RATE_LIMITED", "rate limited"],
  ["API_KEY_USAGE_EXCEEDED", "out of credits"],
  ["API_KEY_IP_NOT_ALLOWED", "address not allowed"],
  ["API_KEY_INSUFFICIENT_SCOPE", "missing scope"],
  ["API_KEY_INACTIVE", "disabled"],
  ["API_KEY_EXPIRED", "expired"],
  ["API_KEY_REVOKED", "revoked"],
  ["API_KEY_INVALID", "invalid"],
];
const LABELS = new Map(OUTCOMES);

const PERIODS = [
  ["24h", "Last 24 hours"],
  ["30d", "Last 30 days"],
];

// Bar geometry in the SVG's own units; the SVG is stretched to its box, so only ratios matter.
const SLOT = 10;
const BAR = 8;
const HEIGHT = 100;

let charts = 0;

function svg(tag, attributes, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function round(units) {
  return Math.max(0, Math.round(units * 1000) / 1000);
}

function label(outcome) {
  return LABELS.get(outcome) || outcome.replace(/^API_KEY_/, "").replaceAll("_", " ").toLowerCase();
}

// The outcomes present in the report, in stacking order.
function outcomesIn(buckets) {
  const present = new Set(buckets.flatMap((b) => Object.keys(b.counts)));
  const known = OUTCOMES.map(([code]) => code).filter((code) => present.has(code));
  return known.concat([...present].filter((code) => !LABELS.has(code)).sort());
}

function counted(counts, outcomes) {
  return outcomes.filter((o) => counts[o]).map((o) => counts[o] + " " + label(o)).join(", ");
}

function bucketName(start, granularity) {
  return granularity === "hour" ? start.substring(0, 13).replace("T", " ") + ":00 UTC" : start.substring(0, 10);
}

function axisName(start, granularity) {
  return granularity === "hour" ? start.substring(11, 16) : start.substring(5, 10);
}

// One period of a usage answer as a figure: the bars, an axis and a legend. subject names what
// was verified ("key Acme CI").
export function usageChart(report, title, subject) {
  const buckets = report.buckets;
  const outcomes = outcomesIn(buckets);
  const totals = buckets.map((b) => Object.values(b.counts).reduce((sum, n) => sum + n, 0));
  const highest = Math.max(1, ...totals);
  const sums = Object.fromEntries(outcomes.map((o) => [o, buckets.reduce((sum, b) => sum + (b.counts[o] || 0), 0)]));
  const total = totals.reduce((sum, n) => sum + n, 0);
  const id = "chart-" + ++charts;
  const summary =
    title + ", verifications of " + subject + " " + (report.granularity === "hour" ? "by hour" : "by day") + ": " +
    (total === 0 ? "none" : total + " in all (" + counted(sums, outcomes) + ")");
  const figure = el("figure", { class: "usage-chart", "data-period": report.period, "data-total": String(total) },
    el("figcaption", {}, el("strong", { text: title }), " · " + total + " verification" + (total === 1 ? "" : "s")));
  if (total === 0) {
    figure.append(el("p", { class: "muted no-usage", text: "No verifications in this period." }));
    return figure;
  }
  const bars = buckets.map((bucket, i) => {
    let top = HEIGHT;
    const segments = outcomes.filter((o) => bucket.counts[o]).map((o) => {
      const height = round((bucket.counts[o] / highest) * HEIGHT);
      top = round(top - height);
      return svg("rect", {
        class: "segment outcome-" + o, "data-outcome": o, "data-count": String(bucket.counts[o]),
        x: String(i * SLOT + (SLOT - BAR) / 2), y: String(top), width: String(BAR), height: String(height),
      }, svg("title", {}, bucketName(bucket.start, report.granularity) + ": " + bucket.counts[o] + " " + label(o)));
    });
    return svg("g", { class: "bucket", "data-start": bucket.start, "data-total": String(totals[i]) }, ...segments);
  });
  const width = buckets.length * SLOT;
  const chart = svg(
    "svg",
    { class: "bars", role: "img", "aria-labelledby": id, viewBox: "0 0 " + width + " " + HEIGHT, preserveAspectRatio: "none", focusable: "false" },
    svg("title", { id }, summary),
    svg("line", { class: "grid", x1: "0", y1: "0", x2: String(width), y2: "0", "vector-effect": "non-scaling-stroke" }),
    svg("line", { class: "baseline", x1: "0", y1: String(HEIGHT), x2: String(width), y2: String(HEIGHT), "vector-effect": "non-scaling-stroke" }),
    ...bars
  );
  const first = buckets[0].start;
  const middle = buckets[Math.floor(buckets.length / 2)].start;
  figure.append(
    el("div", { class: "chart-area" }, el("span", { class: "chart-max", "aria-hidden": "true", text: String(highest) }), chart),
    el("div", { class: "chart-axis", "aria-hidden": "true" },
      el("span", { text: axisName(first, report.granularity) }),
      el("span", { text: axisName(middle, report.granularity) }),
      el("span", { text: report.granularity === "hour" ? "this hour (UTC)" : "today (UTC)" })),
    el("ul", { class: "chart-legend", "aria-label": "Legend" },
      outcomes.map((o) => el("li", { "data-outcome": o },
        el("span", { class: "swatch outcome-" + o, "aria-hidden": "true" }), label(o) + " " + sums[o])))
  );
  return figure;
}

// The section with both periods of path's usage (/api_keys/{id}/usage,
// /organizations/{code}/usage or /users/{id}/usage), under a heading of the given level.
export async function usageSection(path, subject, heading = "Verifications", level = "h3") {
  const section = el("section", { class: "usage", "aria-label": heading + " of " + subject }, el(level, { text: heading }));
  const reports = await attempt(() => Promise.all(PERIODS.map(([period]) => call("GET", path + "?period=" + period))));
  if (!reports) return section;
  reports.forEach((report, i) => section.append(usageChart(report, PERIODS[i][1], subject)));
  return section;
}
