//! A tiny XML well-formedness checker for the tests: every tag closed in
//! order, attributes quoted and unique, only known entities, no stray `<` or
//! `&`. It returns the elements so tests can count and inspect them.

use std::collections::BTreeMap;

use super::svg::text_width;

/// One element of a parsed document.
#[derive(Debug, Clone, Default)]
pub(crate) struct Element {
    pub(crate) name: String,
    pub(crate) attrs: BTreeMap<String, String>,
    /// Its direct text content, entities decoded.
    pub(crate) text: String,
}

impl Element {
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.get(name).map(String::as_str)
    }
}

/// Parses `doc`, or says where and why it is not well formed.
pub(crate) fn parse(doc: &str) -> Result<Vec<Element>, String> {
    let mut elements: Vec<Element> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut rest = doc.trim();
    if !rest.starts_with('<') {
        return Err("document does not start with a tag".into());
    }
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("</") {
            let end = after.find('>').ok_or("unclosed end tag")?;
            let name = after[..end].trim();
            let open = stack.pop().ok_or_else(|| format!("stray </{name}>"))?;
            if elements[open].name != name {
                return Err(format!("</{name}> closes <{}>", elements[open].name));
            }
            rest = &after[end + 1..];
        } else if let Some(after) = rest.strip_prefix('<') {
            let end = after.find('>').ok_or("unclosed tag")?;
            let inner = &after[..end];
            let (inner, empty) = match inner.strip_suffix('/') {
                Some(inner) => (inner, true),
                None => (inner, false),
            };
            let element = tag(inner)?;
            if stack.is_empty() && !elements.is_empty() {
                return Err("more than one root element".into());
            }
            elements.push(element);
            if !empty {
                stack.push(elements.len() - 1);
            }
            rest = &after[end + 1..];
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let text = decode(&rest[..end])?;
            match stack.last() {
                Some(&open) => elements[open].text.push_str(&text),
                None if text.trim().is_empty() => {}
                None => return Err(format!("text outside the root: {text:?}")),
            }
            rest = &rest[end..];
        }
    }
    if let Some(&open) = stack.last() {
        return Err(format!("<{}> never closed", elements[open].name));
    }
    Ok(elements)
}

fn tag(inner: &str) -> Result<Element, String> {
    let name_end = inner.find(char::is_whitespace).unwrap_or(inner.len());
    let name = &inner[..name_end];
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(format!("bad tag name {name:?}"));
    }
    let mut element = Element {
        name: name.to_owned(),
        ..Element::default()
    };
    let mut rest = inner[name_end..].trim_start();
    while !rest.is_empty() {
        let eq = rest
            .find('=')
            .ok_or_else(|| format!("attribute without value in <{name}>"))?;
        let key = rest[..eq].trim();
        let after = rest[eq + 1..]
            .strip_prefix('"')
            .ok_or("unquoted attribute")?;
        let close = after.find('"').ok_or("unterminated attribute")?;
        let value = decode(&after[..close])?;
        if value.contains('<') && after[..close].contains('<') {
            return Err("raw < in attribute".into());
        }
        if element.attrs.insert(key.to_owned(), value).is_some() {
            return Err(format!("duplicate attribute {key} in <{name}>"));
        }
        rest = after[close + 1..].trim_start();
    }
    Ok(element)
}

fn decode(text: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').ok_or("bare &")?;
        let entity = &after[..end];
        let c = match entity {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => entity
                .strip_prefix('#')
                .and_then(|n| n.parse::<u32>().ok())
                .and_then(char::from_u32)
                .ok_or_else(|| format!("unknown entity &{entity};"))?,
        };
        out.push(c);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

// What every chart must have, and small readers for the tests.

/// Parses a chart and checks what every chart must have.
pub(crate) fn checked(svg: &str) -> Vec<Element> {
    let elements = parse(svg).unwrap_or_else(|e| panic!("not well formed: {e}\n{svg}"));
    let root = &elements[0];
    assert_eq!(root.name, "svg");
    assert_eq!(root.attr("role"), Some("img"));
    assert_eq!(root.attr("xmlns"), Some("http://www.w3.org/2000/svg"));
    let view_box: Vec<f64> = root
        .attr("viewBox")
        .unwrap()
        .split(' ')
        .map(|n| n.parse().unwrap())
        .collect();
    assert_eq!(view_box[..3], [0.0, 0.0, 640.0]);
    // Not degenerate: a short checklist's chart is as tall as its rows (about 200).
    assert!(view_box[3] > 150.0, "{view_box:?}");
    let title = elements.iter().find(|e| e.name == "title").unwrap();
    let desc = elements.iter().find(|e| e.name == "desc").unwrap();
    assert!(
        !title.text.is_empty() && desc.text.len() > 80,
        "{}",
        desc.text
    );
    let labelled = root.attr("aria-labelledby").unwrap();
    assert!(labelled.contains(title.attr("id").unwrap()));
    assert!(labelled.contains(desc.attr("id").unwrap()));
    assert!(!svg.contains("http:") || svg.matches("http:").count() == 1);
    assert!(!svg.contains("<script") && !svg.contains("@import") && !svg.contains("href"));
    labels_fit(&elements, view_box[2], view_box[3]);
    elements
}

/// Every label, by its estimated width, lies inside the canvas.
pub(crate) fn labels_fit(elements: &[Element], width: f64, height: f64) {
    for e in elements.iter().filter(|e| e.name == "text") {
        if e.attr("transform").is_some() {
            continue; // the rotated axis title, fitted to the plot height
        }
        let x: f64 = e.attr("x").unwrap().parse().unwrap();
        let y: f64 = e.attr("y").unwrap().parse().unwrap();
        let size: f64 = e.attr("font-size").unwrap().parse().unwrap();
        let bold = if e.attr("font-weight") == Some("bold") {
            1.1
        } else {
            1.0
        };
        let w = text_width(&e.text, size) * bold;
        let (from, to) = match e.attr("text-anchor") {
            Some("middle") => (x - w / 2.0, x + w / 2.0),
            Some("end") => (x - w, x),
            _ => (x, x + w),
        };
        assert!(from >= 0.0 && to <= width, "{:?} spills sideways", e.text);
        assert!(
            y - size >= 0.0 && y <= height,
            "{:?} spills vertically",
            e.text
        );
    }
}

pub(crate) fn with_class<'a>(elements: &'a [Element], class: &str) -> Vec<&'a Element> {
    elements
        .iter()
        .filter(|e| e.attr("class") == Some(class))
        .collect()
}

pub(crate) fn num(e: &Element, attr: &str) -> f64 {
    e.attr(attr).unwrap().parse().unwrap()
}

#[test]
fn checker_rejects_broken_documents() {
    assert!(parse("<a><b/></a>").is_ok());
    for bad in [
        "<a><b></a>",
        "<a>x & y</a>",
        "<a x=1/>",
        "<a x=\"1\" x=\"2\"/>",
        "<a>&nbsp;</a>",
        "<a/><b/>",
        "<a>",
        "<a>1 < 2</a>",
    ] {
        assert!(parse(bad).is_err(), "{bad}");
    }
    let doc = parse("<a t=\"&lt;x&gt;\">&amp;&#39;</a>").unwrap();
    assert_eq!(doc[0].attr("t"), Some("<x>"));
    assert_eq!(doc[0].text, "&'");
}

/// Compares each chart with its committed copy `docs/<dir>/<name>`, or
/// writes it there first when `KAM_BLESS` is set (after an intended change);
/// `rerun` is the command that rewrites them, for the failure message.
pub(crate) fn assert_committed(dir: &str, charts: &[(&str, String)], rerun: &str) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs")
        .join(dir);
    let bless = std::env::var_os("KAM_BLESS").is_some();
    for (name, svg) in charts {
        let path = dir.join(name);
        if bless {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, svg).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == *svg,
            "{} is out of date: run `{rerun}`",
            path.display()
        );
    }
}
