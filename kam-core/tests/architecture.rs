//! The modules of kam-core depend on each other in one direction only: no
//! import cycle (`json` ↔ `error`, `chart` ↔ `render`, …), so each can be
//! read, tested and changed from the bottom up.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The top-level modules each top-level module uses (`crate::<module>`),
/// from its source outside comments and tests.
fn dependencies() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let relative = path.strip_prefix(&src).unwrap();
            let module = relative
                .components()
                .next()
                .unwrap()
                .as_os_str()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_owned();
            let file = relative.file_name().unwrap().to_string_lossy();
            if module == "lib"
                || ["tests.rs", "fixtures.rs", "check.rs", "properties.rs"].contains(&file.as_ref())
                    && module != "json"
            {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let code = text.split("#[cfg(test)]\nmod tests").next().unwrap();
            let used = graph.entry(module.clone()).or_default();
            for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
                for (i, _) in line.match_indices("crate::") {
                    let name: String = line[i + "crate::".len()..]
                        .chars()
                        .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                        .collect();
                    // `crate::for_each_operation!` is a macro, not a module.
                    if !name.is_empty() && name != module && name != "for_each_operation" {
                        used.insert(name);
                    }
                }
            }
        }
    }
    graph
}

/// Every module reachable from `from`.
fn reachable(graph: &BTreeMap<String, BTreeSet<String>>, from: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut todo: Vec<&str> = graph
        .get(from)
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    while let Some(next) = todo.pop() {
        if seen.insert(next.to_owned()) {
            todo.extend(graph.get(next).into_iter().flatten().map(String::as_str));
        }
    }
    seen
}

#[test]
fn modules_depend_on_each_other_without_cycles() {
    let graph = dependencies();
    assert!(graph.contains_key("json") && graph.contains_key("render"));
    let cycles: Vec<String> = graph
        .keys()
        .filter(|module| reachable(&graph, module).contains(*module))
        .map(|module| format!("{module} → {:?}", graph[module]))
        .collect();
    assert!(cycles.is_empty(), "modules in an import cycle: {cycles:#?}");
}

#[test]
fn errors_and_limits_are_at_the_bottom() {
    let graph = dependencies();
    let pointer: BTreeSet<String> = ["pointer".to_owned()].into();
    assert!(
        graph["pointer"].is_empty(),
        "pointer uses {:?}",
        graph["pointer"]
    );
    assert!(
        graph["error"].is_subset(&pointer),
        "error uses {:?}",
        graph["error"]
    );
    assert!(
        graph["limits"].is_empty(),
        "limits uses {:?}",
        graph["limits"]
    );
    assert!(!reachable(&graph, "words").contains("render"));
    assert!(!reachable(&graph, "chart").contains("render"));
}
