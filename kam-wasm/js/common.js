// Helpers of <kam-audit> and <kam-maturity>: loading the engine, building
// DOM, the canonical JSON of an assessment, downloads, printing and file
// names. Plain DOM, no framework. Every rule (validation, scoring, limits) is
// kam-core's, reached through the functions of ./kam.js.

import init, * as kam from "./kam.js";

export { kam };

let ready;
/** Loads the WebAssembly module once, however many elements a page has. */
export function loadEngine() {
  ready ??= init();
  return ready;
}

/** Builds an element: `h("p", { class: "x", onclick }, "text", child)`. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  element.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return element;
}

/** An SVG document from kam-core, parsed rather than assigned as HTML. */
export function svg(text) {
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  return document.importNode(doc.documentElement, true);
}

/** Formats a percentage as kam's reports do: one decimal. */
export const percent = (value) => `${value.toFixed(1)}%`;

/** The context fields of every assessment: key, label, input type. */
export const CONTEXT_FIELDS = [
  ["organisation", "Organisation", "text"],
  ["unit", "Unit", "text"],
  ["assessor", "Assessor", "text"],
  ["date", "Date", "date"],
];

/** Orders an object's keys as `order` lists them, then the rest sorted. */
function ordered(object, order) {
  const out = {};
  for (const key of order) if (key in object) out[key] = object[key];
  for (const key of Object.keys(object).sort()) if (!(key in out)) out[key] = object[key];
  return out;
}

/**
 * The shared JSON format as written by the elements: top-level fields in the
 * order of the Rust type, context fields in theirs, per-item maps in
 * framework order, empty optional parts left out, two-space indentation and
 * a final newline. A file written this way and imported again exports byte
 * for byte the same.
 */
export function canonicalJson(assessment, fields, ids) {
  const out = {};
  for (const { name, type = "value", always = false } of fields) {
    const value = assessment[name];
    if (value === undefined || value === null) continue;
    if (type === "context") {
      const context = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== ""));
      if (Object.keys(context).length) out.context = ordered(context, CONTEXT_FIELDS.map(([key]) => key));
    } else if (type === "set") {
      if (value.length) out[name] = [...value].sort((a, b) => ids.indexOf(a) - ids.indexOf(b));
    } else if (type === "map") {
      if (always || Object.keys(value).length) out[name] = ordered(value, ids);
    } else {
      out[name] = value;
    }
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** Offers `text` as a file download. */
export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h("a", { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Prints an HTML document from a hidden frame, leaving the page as it is. */
export function printHtml(html) {
  // No scripts run in the frame (the report has none); same origin so that
  // this page may call print() on it.
  const frame = h("iframe", {
    title: "report",
    sandbox: "allow-same-origin allow-modals",
    "data-print": "",
    style: "position:fixed;width:0;height:0;border:0",
  });
  frame.srcdoc = html;
  frame.addEventListener("load", () => {
    frame.contentWindow.focus();
    frame.contentWindow.print();
    setTimeout(() => frame.remove(), 60_000);
  });
  document.body.append(frame);
}

/** Longest file stem an export gets, in characters (the date and suffix come on top). */
const STEM_CHARS = 60;
/** Names Windows refuses for a file, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/**
 * A file name stem from the assessment's context, e.g.
 * `northwind-components-europe-2026-03-31`: letters and digits of any script
 * (accents dropped), lower case, runs of anything else as one `-`, at most 60
 * characters cut at a `-`, never a name Windows reserves; `fallback` when
 * nothing is left.
 */
export function fileStem(context, fallback) {
  const parts = [context?.organisation, context?.unit, context?.date].filter(Boolean).join(" ");
  let stem = parts
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  const chars = [...stem];
  if (chars.length > STEM_CHARS) {
    stem = chars.slice(0, STEM_CHARS).join("");
    const cut = stem.lastIndexOf("-");
    if (cut > STEM_CHARS / 2) stem = stem.slice(0, cut);
    stem = stem.replace(/-+$/, "");
  }
  if (RESERVED.test(stem)) stem = `kam-${stem}`;
  return stem || fallback;
}

/** The number of characters in `text` as kam-core counts them (Unicode scalar values, not UTF-16 units). */
export const characters = (text) => {
  let count = 0;
  for (const _ of text) count++;
  return count;
};

/** A whole number with thousands separators, e.g. `20,000`. */
export const count = (value) => value.toLocaleString("en");
