// The calculators' stylesheet. Every colour follows four custom properties
// a host page may set on the element (--kam-background, --kam-surface,
// --kam-text, --kam-accent; --kam-on-accent and --kam-focus too); the
// defaults are the system colours of the page's colour scheme, so the
// element is legible on a light or a dark page without any setting. Muted
// text, control borders and the focus ring are mixed from the text colour
// so they keep 4.5:1 and 3:1 against the background. The charts are kam-core's SVG:
// their fixed colours are mapped onto the same properties here, leaving
// kam-core's output as it is.

export const STYLE = `
:host {
  --_bg: var(--kam-background, Canvas);
  --_text: var(--kam-text, CanvasText);
  --_surface: var(--kam-surface, color-mix(in srgb, var(--_text) 5%, var(--_bg)));
  --_accent: var(--kam-accent, light-dark(#1f5fa8, #8ab4f8));
  --_on-accent: var(--kam-on-accent, light-dark(#ffffff, #0b1a2e));
  --_muted: color-mix(in srgb, var(--_text) 74%, var(--_bg));
  --_border: color-mix(in srgb, var(--_text) 60%, var(--_bg));
  --_line: color-mix(in srgb, var(--_text) 20%, var(--_bg));
  --_soft: color-mix(in srgb, var(--_accent) 12%, var(--_bg));
  --_focus: var(--kam-focus, var(--_accent));
  --_error: light-dark(#a1160a, #ffb4a9);
  --_ok: light-dark(#1d6b31, #8fd19e);
  display: block;
  background: var(--_bg);
  color: var(--_text);
  font: 15px/1.45 system-ui, sans-serif;
  overflow-wrap: anywhere;
}
:host([hidden]), [hidden] { display: none !important; }
.root { container: kam / inline-size; padding: 0 .1em; }
h2 { font-size: 1.35em; margin: .3em 0 .4em; }
h3 { font-size: 1.15em; margin: 1.2em 0 .4em; }
h4 { margin: .8em 0 .1em; }
button { font: inherit; min-height: 2em; padding: .3em .8em; border: 1px solid var(--_accent); border-radius: 4px; background: var(--_bg); color: var(--_accent); cursor: pointer; }
button:hover { background: var(--_soft); }
button:disabled, input:disabled + .value { cursor: not-allowed; opacity: .6; }
:is(button, input, textarea, summary, a, [tabindex]):focus-visible, .choices input:focus-visible + .value, label.stage input:focus-visible + span {
  outline: 3px solid var(--_focus); outline-offset: 2px;
}
input[type=text], input[type=date], textarea { font: inherit; color: inherit; background: var(--_bg); border: 1px solid var(--_border); border-radius: 4px; padding: .25em .4em; box-sizing: border-box; max-width: 100%; }
.skip { position: absolute; left: -9999px; top: 0; z-index: 3; background: var(--_bg); color: var(--_accent); padding: .4em .8em; }
.skip:focus { position: static; display: inline-block; }
.bar { position: sticky; top: 0; z-index: 2; background: var(--_bg); border-bottom: 2px solid var(--_border); padding: .35em 0; margin-bottom: .4em; }
.bar-line { display: flex; flex-wrap: wrap; align-items: center; gap: .3em .9em; }
.bar-totals { display: flex; flex-wrap: wrap; gap: .2em .9em; font-variant-numeric: tabular-nums; }
.bar-totals strong { color: var(--_accent); }
.save-state { font-size: .85em; color: var(--_muted); }
.save-state[data-save=failed] { color: var(--_error); font-weight: 600; }
.bar .next { margin-left: auto; }
.toolbar { display: flex; flex-wrap: wrap; gap: .5em; margin: .6em 0; }
.context { display: flex; flex-wrap: wrap; gap: .6em 1.2em; border: 1px solid var(--_line); border-radius: 6px; padding: .5em .8em; margin: 0; min-width: 0; }
.context label { display: flex; flex-direction: column; font-size: .85em; flex: 1 1 12em; min-width: 0; }
.message { display: flex; flex-wrap: wrap; align-items: center; gap: .4em .8em; padding: .45em .7em; border-radius: 4px; margin: .4em 0 0; border: 1px solid; }
.message .text { flex: 1 1 16em; }
.message .dismiss { border: 0; background: transparent; color: inherit; min-width: 2em; }
.message.error { background: color-mix(in srgb, var(--_error) 10%, var(--_bg)); border-color: var(--_error); color: var(--_text); }
.message.info { background: color-mix(in srgb, var(--_ok) 10%, var(--_bg)); border-color: var(--_ok); color: var(--_text); }
.summary { border: 1px solid var(--_line); border-radius: 6px; padding: .6em 1em; margin: 1em 0; background: var(--_surface); }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 15em), 1fr)); gap: .5em 1.2em; margin: 0 0 .6em; }
.figures div { min-width: 0; }
.figures dt { font-size: .8em; color: var(--_muted); text-transform: uppercase; letter-spacing: .04em; }
.figures dd { margin: 0; font-weight: 600; }
.figures dd.big { font-size: 1.3em; color: var(--_accent); }
table { border-collapse: collapse; margin: .5em 0; font-size: .92em; max-width: 100%; }
th, td { text-align: left; padding: .2em .6em; border-bottom: 1px solid var(--_line); }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.phase th, tr.phase td { background: var(--_soft); font-weight: 600; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 720px), 1fr)); gap: 1.2em; align-items: start; }
.charts figure { margin: 0; min-width: 0; }
.charts figcaption { font-size: .9em; color: var(--_muted); margin-top: .3em; }
.scroller { overflow-x: auto; border-radius: 4px; }
.scroller svg { display: block; width: 100%; max-width: 820px; height: auto; }
/* kam-core's chart colours, mapped onto the element's. */
.scroller svg > rect:first-of-type { fill: var(--_surface); }
.scroller svg[fill="#1f2933"], .scroller svg [fill="#1f2933"] { fill: var(--_text); }
.scroller svg [fill="#52606d"] { fill: var(--_muted); }
.scroller svg [stroke="#1f2933"] { stroke: var(--_text); }
.scroller svg [stroke="#52606d"] { stroke: var(--_muted); }
.scroller svg [stroke="#d9e2ec"] { stroke: var(--_line); }
.scroller svg [fill="#f0f4f8"] { fill: color-mix(in srgb, var(--_text) 8%, var(--_surface)); }
.scroller svg [fill="#fde7d9"] { fill: color-mix(in srgb, #d55e00 22%, var(--_surface)); }
.scroller svg [stroke="#ffffff"] { stroke: var(--_surface); }
.scroller svg [fill="#1f5fa8"] { fill: var(--_accent); }
.scroller svg [stroke="#1f5fa8"] { stroke: var(--_accent); }
.readings { margin: .4em 0; padding-left: 1.2em; }
.readings li { margin: .2em 0; }
fieldset.item { border: 0; border-bottom: 1px solid var(--_line); margin: 0; padding: .5em 0; display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: .3em 1em; min-width: 0; scroll-margin-top: 7em; }
fieldset.item legend { float: left; padding: 0; }
.item .id { font-weight: 600; margin-right: .4em; }
.item .stream { display: inline-block; font-size: .8em; color: var(--_muted); margin-left: .4em; }
.choices { display: flex; flex-wrap: wrap; gap: 4px; align-self: start; }
.choices label { position: relative; }
.choices input { position: absolute; opacity: 0; inset: 0; width: 100%; height: 100%; margin: 0; cursor: pointer; }
.choices .value { display: inline-flex; align-items: center; justify-content: center; min-width: 2.2em; min-height: 2.2em; box-sizing: border-box; padding: 0 .3em; border: 1px solid var(--_border); border-radius: 4px; background: var(--_bg); }
.choices input:checked + .value { background: var(--_accent); border-color: var(--_accent); color: var(--_on-accent); font-weight: 600; }
.choices input[value=""]:checked + .value { background: var(--_soft); color: var(--_text); border: 2px solid var(--_accent); }
.meaning { grid-column: 1 / -1; font-size: .85em; color: var(--_muted); margin: 0; }
.meaning:empty { display: none; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
details.evidence { grid-column: 1 / -1; font-size: .9em; }
details.evidence > summary { width: fit-content; min-height: 24px; padding: .15em .4em .15em 0; cursor: pointer; color: var(--_accent); }
details.evidence textarea { width: 100%; min-height: 3.5em; display: block; }
.counter { font-size: .85em; color: var(--_muted); margin: .2em 0 0; font-variant-numeric: tabular-nums; }
.refusal { font-size: .9em; color: var(--_error); font-weight: 600; margin: .2em 0 0; }
details.period { border: 1px solid var(--_line); border-radius: 6px; margin: .5em 0; padding: 0 .8em .4em; }
details.period > summary { cursor: pointer; padding: .5em 0; font-weight: 600; }
.streamname { font-size: .85em; text-transform: uppercase; letter-spacing: .04em; color: var(--_muted); margin: .8em 0 .1em; }
.scale { font-size: .85em; margin: .3em 0 .5em; display: grid; grid-template-columns: auto 1fr; gap: 0 .6em; }
.scale dt { font-weight: 700; }
.scale dd { margin: 0; }
.complete { color: var(--_ok); }
.loading { color: var(--_muted); }
.stages { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 9em), 1fr)); gap: 4px; }
fieldset.area { border: 1px solid var(--_line); border-radius: 6px; margin: .5em 0; min-width: 0; scroll-margin-top: 7em; }
fieldset.area legend { font-weight: 600; }
label.stage { position: relative; display: block; }
label.stage input { position: absolute; opacity: 0; inset: 0; margin: 0; }
label.stage > span { display: block; height: 100%; box-sizing: border-box; border: 1px solid var(--_border); border-radius: 4px; padding: .3em .5em; cursor: pointer; }
label.stage small { display: block; color: var(--_muted); }
label.stage input:checked + span { background: var(--_accent); border-color: var(--_accent); color: var(--_on-accent); }
label.stage input:checked + span small { color: inherit; }
@container kam (width < 34em) {
  fieldset.item { grid-template-columns: minmax(0, 1fr); }
  .bar .next { margin-left: 0; }
  .summary { padding: .5em .6em; }
  th, td { padding: .2em .35em; }
  /* On a phone the table keeps its figures; "complete" shows in the checklist. */
  table.scores tr > :last-child { display: none; }
  .bar { font-size: .9em; }
}
@media print { .toolbar, .bar, .skip { display: none; } .bar { position: static; } }
`;
