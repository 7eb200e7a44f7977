// A React 19 app that uses <kam-audit> as any custom element: it passes
// attributes, listens to `kam-change` (React 19 attaches `onkam-change` to
// the element's event of that name) and shows the score from the event's
// fresh report in its own state.

import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";
import "kam/elements";

function App() {
  const [overall, setOverall] = useState(null);
  const [changes, setChanges] = useState(0);
  const [ready, setReady] = useState(false);
  return (
    <main>
      <h1>Account review</h1>
      <p>
        Overall from React: <output id="overall">{overall === null ? "…" : `${overall.score} / ${overall.max}`}</output>; changes seen:{" "}
        <output id="changes">{changes}</output>; ready: <output id="ready">{ready ? "yes" : "no"}</output>
      </p>
      <kam-audit
        storage-key="react:audit"
        onkam-ready={(event) => {
          setReady(true);
          setOverall(event.detail.report.overall);
        }}
        onkam-change={(event) => {
          setChanges((n) => n + 1);
          setOverall(event.detail.report.overall);
        }}
      ></kam-audit>
    </main>
  );
}

createRoot(document.getElementById("root")).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
