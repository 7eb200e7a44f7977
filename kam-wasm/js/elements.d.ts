// Types of the custom elements registered by `kam/elements`.

import type { AuditAssessment, AuditReport, Framework, MaturityAssessment, MaturityReport } from "./kam.js";

/** Attributes and state shared by both calculators. */
declare class KamCalculator<A, R> extends HTMLElement {
  /** The framework id, from the `framework` attribute. */
  readonly frameworkId: string;
  /** Where the work is saved: the `storage-key` attribute, or `kam:<element>:<framework>`. */
  readonly storageKey: string;
  /** The framework in use (set once the engine has loaded). */
  framework: Framework;
  /** The assessment being edited, in the shared JSON format. */
  assessment: A;
  /** kam-core's report on it, updated after every change. */
  report: R;
  /** The assessment as a JSON file: what "Export JSON" saves. */
  toJson(): string;
}

/** `<kam-audit framework="cranfield-kam-development">`: the action-audit calculator. */
export declare class KamAudit extends KamCalculator<AuditAssessment, AuditReport> {}

/** `<kam-maturity framework="kam-maturity-model">`: the maturity-model calculator. */
export declare class KamMaturity extends KamCalculator<MaturityAssessment, MaturityReport> {}

/** Loads the WebAssembly module (the elements call it themselves). */
export declare function loadEngine(): Promise<unknown>;

declare global {
  interface HTMLElementTagNameMap {
    "kam-audit": KamAudit;
    "kam-maturity": KamMaturity;
  }
}
