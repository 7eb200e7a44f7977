// A user's app: imports the npm package `kam` by name (the test links
// node_modules/kam to kam-wasm/pkg, as `npm install path/to/kam-wasm/pkg`
// does), scores the Northwind example and shows the calculator.

import init, { score } from "kam";
import "kam/elements";

import northwind from "../../../kam-core/examples/data/northwind-audit.json";

try {
  await init();
  const { overall } = score(northwind);
  document.querySelector("#overall").textContent = `${overall.score} / ${overall.max}`;

  // The calculator, starting from the same assessment (what it would have autosaved).
  const key = "kam-bundler:northwind";
  localStorage.setItem(key, JSON.stringify(northwind));
  const audit = document.createElement("kam-audit");
  audit.setAttribute("framework", northwind.framework);
  audit.setAttribute("storage-key", key);
  document.querySelector("#audit").append(audit);
} catch (error) {
  const out = document.querySelector("#error");
  out.hidden = false;
  out.textContent = `${error.kind ?? error.name}: ${error.message}`;
}
