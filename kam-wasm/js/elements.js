// Registers the custom elements <kam-audit> and <kam-maturity>:
//
//   <script type="module" src="node_modules/kam/elements.js"></script>
//   <kam-audit framework="cranfield-kam-development"></kam-audit>
//   <kam-maturity framework="kam-maturity-model"></kam-maturity>
//
// Each loads the WebAssembly engine itself; no other setup is needed.

export { KamAudit } from "./kam-audit.js";
export { KamMaturity } from "./kam-maturity.js";
export { loadEngine } from "./common.js";
