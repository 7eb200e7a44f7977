// Where the calculators keep their work: the browser's database (IndexedDB,
// through the small `idb` wrapper shipped beside this file), so that nothing
// typed into a calculator is lost to a reload, a second tab, a full disk or a
// new framework version. docs/javascript.md ("The store") explains the
// design; in short:
//
// - `assessments`: one record per assessment, keyed by its storage key
//   (`kam:<element>:<framework>` or the `storage-key` attribute). The record
//   holds the assessment in the shared JSON format and, for each field of it
//   (an item's score, an item's note, a context field), the stamp of its last
//   change. A save merges field by field inside one transaction, so edits
//   made in two tabs to different items both survive.
// - `set-aside`: every copy the page could not use (unreadable, of an older
//   framework version, overwritten in another tab, cleared by a form reset),
//   added and never overwritten, so it can still be downloaded.
// - `frameworks`: the framework file each assessment was made against, once
//   per id and version, so that work saved under an older version can be
//   re-scored under both versions when the framework changes.
//
// - `library` (version 2): the programmes of <kam-programme>, one record per
//   unit, per assessment and per programme's own fields, keyed by
//   `[programme, id]` (`unit:<id>`, `entry:<id>`, `meta`). A programme of a
//   thousand assessments is a thousand small records, so two tabs adding or
//   editing different assessments never overwrite each other, and a record
//   the page cannot read is set aside alone.
//
// A BroadcastChannel tells the other tabs of the same origin which record
// changed; they read it and merge it into what they show.

import { openDB } from "./idb.js";

/** The database's name and schema version. */
export const DATABASE = "kam";
const VERSION = 2;
/** The channel on which tabs announce saved records. */
export const CHANNEL = "kam-store";

let opened;
/**
 * Library records read or written per task. Reading or writing a record
 * copies it (structured clone) on the page's thread, about 0.1 ms for an
 * audit of 129 items, so a thousand in one task would be a long frame; the
 * batches go in one transaction, each issued from the callback of the one
 * before, so a save is still all or nothing.
 */
const LIBRARY_BATCH = 100;

/**
 * Opens the store once per page. Rejects when the browser has no IndexedDB
 * (some private modes); the calculators then work without saving, and say so.
 */
export function openStore() {
  opened ??= (async () => {
    if (typeof indexedDB === "undefined") throw new Error("this browser offers no database to pages");
    const db = await openDB(DATABASE, VERSION, {
      upgrade(db, oldVersion) {
        if (oldVersion < 1) {
          db.createObjectStore("assessments", { keyPath: "key" });
          const setAside = db.createObjectStore("set-aside", { keyPath: "id", autoIncrement: true });
          setAside.createIndex("key", "key");
          db.createObjectStore("frameworks", { keyPath: ["id", "version"] });
        }
        if (oldVersion < 2) {
          const library = db.createObjectStore("library", { keyPath: ["programme", "id"] });
          library.createIndex("programme", "programme");
        }
      },
    });
    return new Store(db);
  })();
  return opened;
}

/** This tab, as written into stamps and messages. */
export const TAB = Math.random().toString(36).slice(2, 10);
let lastStamp = "";

/**
 * A stamp later than every stamp this tab has made or seen: the time in
 * milliseconds (base 36, fixed width, so stamps sort as text) and the tab.
 * Two tabs' stamps never tie, so every tab merges to the same result.
 */
export function stamp() {
  let time = Date.now();
  const last = parseInt(lastStamp.slice(0, 11), 36) || 0;
  if (time <= last) time = last + 1;
  lastStamp = `${time.toString(36).padStart(11, "0")}:${TAB}`;
  return lastStamp;
}

/** Notes a stamp seen from another tab, so this tab's next one is later. */
function seen(value) {
  if (typeof value === "string" && value > lastStamp) lastStamp = value;
}

/**
 * Merges two sets of fields by stamp: for every field, the side whose change
 * is later wins; a field absent with a stamp was cleared. Returns the merged
 * `{ fields, stamps }` and the keys where `theirs` won over a different value
 * of `ours` that `ours` had changed itself (`keep` marks those).
 */
export function merge(ours, theirs) {
  const fields = {};
  const stamps = {};
  const keys = new Set([...Object.keys(ours.stamps), ...Object.keys(theirs.stamps)]);
  for (const key of keys) {
    const a = ours.stamps[key] ?? "";
    const b = theirs.stamps[key] ?? "";
    const winner = a >= b ? ours : theirs;
    stamps[key] = winner.stamps[key];
    if (key in winner.fields) fields[key] = winner.fields[key];
  }
  // Fields without a stamp (written before stamps existed) count as oldest.
  for (const side of [theirs, ours]) {
    for (const [key, value] of Object.entries(side.fields)) if (!(key in stamps)) fields[key] = value;
  }
  return { fields, stamps };
}

/** The `QuotaExceededError` family, whatever the browser calls it. */
export function isQuotaError(error) {
  const name = error?.name ?? "";
  return name === "QuotaExceededError" || /quota|full/i.test(`${name} ${error?.message ?? ""}`);
}

/** The text of a value set aside: JSON when it can be written so, else what `String` gives. */
export function asText(value) {
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

class Store {
  constructor(db) {
    this.db = db;
    this.listeners = new Map();
    this.channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(CHANNEL) : null;
    this.channel?.addEventListener("message", ({ data }) => {
      seen(data?.stamp);
      for (const listener of this.listeners.get(data?.key) ?? []) listener(data);
    });
  }

  /** Calls `listener({ key, stamp })` whenever another tab saves `key`; returns the unsubscribe function. */
  watch(key, listener) {
    if (!this.listeners.has(key)) this.listeners.set(key, new Set());
    this.listeners.get(key).add(listener);
    return () => this.listeners.get(key)?.delete(listener);
  }

  /** The record saved under `key`, or `undefined`. */
  async read(key) {
    const record = await this.db.get("assessments", key);
    for (const value of Object.values(record?.stamps ?? {})) seen(value);
    return record;
  }

  /**
   * Saves in one transaction: reads the record under `key`, hands it to
   * `build(stored)`, which returns `{ record, setAside }` (the record to put,
   * or `null` to leave it; and copies to set aside first), and writes both,
   * with the framework file when it is not stored yet. Either all of it is
   * written or, when the transaction fails (a full disk), nothing is, and
   * what was saved before stays as it was. Tells the other tabs.
   */
  async save(key, build, framework) {
    const tx = this.db.transaction(["assessments", "set-aside", "frameworks"], "readwrite");
    const done = tx.done;
    // A failure is reported by `done`; the requests' own rejections are its echoes.
    done.catch(() => {});
    let result;
    try {
      const stored = await tx.objectStore("assessments").get(key);
      result = build(stored);
      for (const copy of result.setAside ?? []) tx.objectStore("set-aside").add({ key, at: new Date().toISOString(), ...copy }).catch(() => {});
      if (result.record) tx.objectStore("assessments").put({ ...result.record, key }).catch(() => {});
      if (framework) {
        const frameworks = tx.objectStore("frameworks");
        const known = await frameworks.getKey([framework.id, framework.version]);
        if (known === undefined) frameworks.put(framework).catch(() => {});
      }
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // Already finished: aborted by the browser, whose reason `done` gives.
      }
      throw (await done.then(() => null, (reason) => reason)) ?? error;
    }
    await done;
    if (result.record) this.channel?.postMessage({ key, stamp: result.record.saved });
    return result;
  }

  /** Every record of the programme `programme` in the library, in key order, read in batches (`LIBRARY_BATCH`). */
  async library(programme) {
    // Keys are `[programme, id]`: every key of the programme, whatever its
    // id, lies after `[programme]` and before `[programme + "\0"]`.
    const store = this.db.transaction("library").objectStore("library");
    const records = [];
    const end = [`${programme}\0`];
    let range = IDBKeyRange.bound([programme], end, false, true);
    for (;;) {
      const batch = await store.getAll(range, LIBRARY_BATCH);
      records.push(...batch);
      if (batch.length < LIBRARY_BATCH) break;
      range = IDBKeyRange.bound([programme, batch.at(-1).id], end, true, true);
    }
    for (const record of records) seen(record?.saved);
    return records;
  }

  /**
   * Writes records of the programme `programme` (each `{ id, … }`, stamped
   * here) and deletes the ids of `remove`, setting aside first the copies
   * of `setAside` (`{ reason, value }`), all in one transaction: on a full
   * disk nothing is written and what was saved stays. Tells the other tabs.
   */
  async putLibrary(programme, { put = [], remove = [], setAside = [] }) {
    const key = `library:${programme}`;
    const saved = stamp();
    const tx = this.db.transaction(["library", "set-aside"], "readwrite");
    const done = tx.done;
    done.catch(() => {});
    const library = tx.objectStore("library");
    for (const copy of setAside) tx.objectStore("set-aside").add({ key, at: new Date().toISOString(), ...copy }).catch(() => {});
    for (const id of remove) library.delete([programme, id]).catch(() => {});
    // What the page notes on a record (not saved, refused by kam-core) is not stored.
    for (let start = 0; start < put.length; start += LIBRARY_BATCH) {
      let last;
      for (const { unsaved, error, ...record } of put.slice(start, start + LIBRARY_BATCH)) {
        last = library.put({ ...record, programme, saved });
        last.catch(() => {});
      }
      // The next batch from this one's last callback, while the transaction is active; a
      // failed write aborts it, and `done` below says why.
      if (start + LIBRARY_BATCH < put.length && !(await last.then(() => true, () => false))) break;
    }
    await done;
    this.channel?.postMessage({ key, stamp: saved });
    return saved;
  }

  /** Every copy set aside for `key`, oldest first. */
  setAside(key) {
    return this.db.getAllFromIndex("set-aside", "key", key);
  }

  /** The framework file of this id and version, if one was stored. */
  framework(id, version) {
    return this.db.get("frameworks", [id, version]);
  }
}
