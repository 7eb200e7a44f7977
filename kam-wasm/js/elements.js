// Registers the custom elements <kam-audit>, <kam-maturity>, <kam-checklist>
// and <kam-programme>:
//
//   <script type="module" src="node_modules/kam/elements.js"></script>
//   <kam-audit framework="cranfield-kam-development"></kam-audit>
//   <kam-maturity framework="kam-maturity-model"></kam-maturity>
//   <kam-checklist framework="kam-three-pillars"></kam-checklist>
//   <kam-checklist framework-file="our-checklist.json"></kam-checklist>
//   <kam-programme></kam-programme>
//
// Each loads the WebAssembly engine itself; no other setup is needed.

export { KamAudit } from "./kam-audit.js";
export { KamMaturity } from "./kam-maturity.js";
export { KamChecklist } from "./kam-checklist.js";
export { KamProgramme } from "./kam-programme.js";
export { loadEngine } from "./common.js";
