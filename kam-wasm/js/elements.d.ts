// Types of the custom elements registered by `kam/elements`. The same API is
// described for editors and frameworks in custom-elements.json.

import type { AuditAssessment, AuditReport, ChecklistReport, Framework, MaturityAssessment, MaturityReport, Programme, ProgrammeReport } from "./kam.js";

/** `detail` of `kam-ready`: the engine, the framework and the saved work are loaded. */
export interface KamReadyDetail<A, R> {
  assessment: A;
  report: R;
  framework: Framework;
}

/** `detail` of `kam-change`, dispatched after `report` is updated. */
export interface KamChangeDetail<A, R> {
  assessment: A;
  report: R;
  /** `true` when the change is another tab's, merged in. */
  remote?: boolean;
}

/** `detail` of `kam-error`: an edit or file was refused, nothing changed. */
export interface KamErrorDetail {
  /** kam-core's error kind, e.g. `"text-too-long"`. */
  kind: string;
  message: string;
  /** The field refused, e.g. `"evidence/A1.1"`, or `null` for a file. */
  field: string | null;
}

/** Attributes, properties and events shared by the calculators (all events bubble and are composed). */
declare class KamCalculator<A, R> extends HTMLElement {
  static readonly formAssociated: true;
  /** The framework id, from the `framework` attribute. */
  readonly frameworkId: string;
  /** Where the work is saved in the browser's database: the `storage-key` attribute, or `kam:<element>:<framework>`. */
  readonly storageKey: string;
  /** The framework in use (set once the engine has loaded). */
  readonly framework: Framework;
  /**
   * The assessment being edited, in the shared JSON format (a copy). Setting
   * it (an object or JSON text) re-renders and saves; one that does not fit
   * throws kam-core's error and changes nothing.
   */
  get assessment(): A;
  set assessment(value: A | string);
  /** kam-core's report on it, updated before every `kam-change`. */
  readonly report: R;
  /** Resolves once `kam-ready` has fired. */
  readonly ready: Promise<this>;
  /** As for native fields; a disabled fieldset or form disables it too. */
  disabled: boolean;
  /** The `name` under which the assessment's JSON is in the host form's FormData. */
  name: string | null;
  /** The host form. */
  readonly form: HTMLFormElement | null;
  /** The element's tag name, as `<input>`'s `type`. */
  readonly type: string;
  /** The assessment as a JSON file: what "Export JSON" saves. */
  toJson(): string;
  addEventListener<K extends keyof KamEventMap<A, R>>(type: K, listener: (this: this, event: KamEventMap<A, R>[K]) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

/** The events of a calculator. */
export interface KamEventMap<A, R> extends HTMLElementEventMap {
  "kam-ready": CustomEvent<KamReadyDetail<A, R>>;
  "kam-change": CustomEvent<KamChangeDetail<A, R>>;
  "kam-error": CustomEvent<KamErrorDetail>;
}

/** `<kam-audit framework="cranfield-kam-development">`: the action-audit calculator. */
export declare class KamAudit extends KamCalculator<AuditAssessment, AuditReport> {}

/** `<kam-maturity framework="kam-maturity-model">`: the maturity-model calculator. */
export declare class KamMaturity extends KamCalculator<MaturityAssessment, MaturityReport> {}

/**
 * `<kam-checklist framework="kam-development-model">`: the calculator of any
 * checklist framework, a bundled one or the person's own checklist file.
 */
export declare class KamChecklist extends KamCalculator<AuditAssessment, ChecklistReport> {
  /**
   * The checklist file in use (JSON text), or `null` for a bundled checklist.
   * Setting it (JSON text or an object) validates it with kam-core, throws
   * kam-core's error for a file that is not a valid checklist (nothing
   * changes), and otherwise switches to it, remembered in the browser.
   */
  get frameworkJson(): string | null;
  set frameworkJson(value: string | Framework);
  /** The checklist file last loaded; setting a `File` loads it as the "Load checklist file…" button does. */
  get frameworkFile(): File | null;
  set frameworkFile(file: File);
  /** Loads a checklist file, validated by kam-core; resolves `false` (and fires `kam-error`) when it is refused and nothing changed. */
  loadChecklistFile(file: File): Promise<boolean>;
}

/** `detail` of `<kam-programme>`'s `kam-change`: the library changed (here or in another tab) and its report is current. */
export interface KamProgrammeChangeDetail {
  programme: Programme;
  /** `null` while the library is empty or kam-core refuses it. */
  report: ProgrammeReport | null;
  /** `true` when the change is another tab's. */
  remote: boolean;
}

/** `detail` of `<kam-programme>`'s `kam-error`: a file, edit or stored record was refused. */
export interface KamProgrammeErrorDetail {
  /** kam-core's error kind, e.g. `"invalid-input"`, or `"storage-full"`, `"unreadable"`. */
  kind: string;
  message: string;
  /** The file refused, or `null`. */
  file: string | null;
}

/** The events of `<kam-programme>`. */
export interface KamProgrammeEventMap extends HTMLElementEventMap {
  "kam-ready": CustomEvent<{ programme: Programme }>;
  "kam-change": CustomEvent<KamProgrammeChangeDetail>;
  "kam-error": CustomEvent<KamProgrammeErrorDetail>;
}

/**
 * `<kam-programme storage-key="kam:programme">`: a KAM programme's library of
 * assessments in the browser's database, imported from many files at once,
 * listed, filtered and sorted, with kam-core's programme report.
 */
export declare class KamProgramme extends HTMLElement {
  /** The library as kam-core's Programme document (a copy). Setting it replaces the library once kam-core accepts it (the previous one is set aside); a refused one fires `kam-error`. */
  get programme(): Programme;
  set programme(value: Programme | string);
  /** kam-core's report of the library, or `null` while it is empty or refused. */
  readonly report: ProgrammeReport | null;
  /** Resolves once `kam-ready` has fired. */
  readonly ready: Promise<this>;
  /** Reads files (JSON assessments, filled `.xlsx` workbooks) into the library, each on its own; a refused file is listed with kam-core's message and fires `kam-error`. */
  importFiles(files: File[]): Promise<void>;
  addEventListener<K extends keyof KamProgrammeEventMap>(type: K, listener: (this: this, event: KamProgrammeEventMap[K]) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

/** Loads the WebAssembly module (the elements call it themselves). */
export declare function loadEngine(): Promise<unknown>;

declare global {
  interface HTMLElementTagNameMap {
    "kam-audit": KamAudit;
    "kam-maturity": KamMaturity;
    "kam-checklist": KamChecklist;
    "kam-programme": KamProgramme;
  }
}
