//! A tiny SVG writer: elements with escaped attributes and text, numbers in
//! one fixed format, and a stack of open tags so every chart is well formed.
//!
//! Writing into a `String` cannot fail, so the `fmt::Result`s of `write!` are
//! deliberately dropped here instead of being threaded through every chart.

use std::fmt::Write;

use crate::words::escape_into;

/// The font stack of every chart: fonts every system has, none downloaded.
pub(crate) const FONT: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif";

/// Text colour, dark enough for contrast on white and in print.
pub(crate) const INK: &str = "#1f2933";
/// Secondary text: axis ticks, notes.
pub(crate) const MUTED: &str = "#52606d";
/// Grid lines and axes.
pub(crate) const GRID: &str = "#d9e2ec";
/// Alternate phase bands.
pub(crate) const BAND: &str = "#f0f4f8";

/// An attribute value: a number (written in the fixed format) or text
/// (escaped).
#[derive(Debug, Clone, Copy)]
pub(crate) enum V<'a> {
    /// A coordinate or length.
    N(f64),
    /// Any text, escaped on output.
    S(&'a str),
}

impl From<f64> for V<'_> {
    fn from(value: f64) -> Self {
        V::N(value)
    }
}

impl<'a> From<&'a str> for V<'a> {
    fn from(value: &'a str) -> Self {
        V::S(value)
    }
}

/// An SVG document being written.
///
/// The root element is written last, by [`Svg::finish`], because a chart's
/// height is only known once it is laid out.
pub(crate) struct Svg {
    id: String,
    width: f64,
    title: String,
    desc: String,
    out: String,
    open: Vec<&'static str>,
}

impl Svg {
    /// Starts a chart `width` wide with its accessible name and description.
    ///
    /// `id` prefixes the ids of `<title>` and `<desc>`, so several charts can
    /// be inlined in one HTML page without their ids clashing.
    pub(crate) fn new(id: &str, width: f64, title: &str, desc: &str) -> Self {
        Svg {
            id: id.to_owned(),
            width,
            title: title.to_owned(),
            desc: desc.to_owned(),
            out: String::with_capacity(16 * 1024),
            open: Vec::new(),
        }
    }

    /// Closes every open element and returns the document, `height` tall.
    pub(crate) fn finish(mut self, height: f64) -> String {
        while !self.open.is_empty() {
            self.close();
        }
        let body = std::mem::take(&mut self.out);
        let (width, id) = (self.width, self.id.clone());
        let title_id = format!("{id}-title");
        let desc_id = format!("{id}-desc");
        let labelled = format!("{title_id} {desc_id}");
        let view_box = format!("0 0 {} {}", num(width), num(height));
        self.open(
            "svg",
            &[
                ("xmlns", "http://www.w3.org/2000/svg".into()),
                ("viewBox", V::S(&view_box)),
                ("width", width.into()),
                ("height", height.into()),
                ("role", "img".into()),
                ("aria-labelledby", V::S(&labelled)),
                ("font-family", FONT.into()),
                ("fill", INK.into()),
            ],
        );
        let (title, desc) = (self.title.clone(), self.desc.clone());
        self.text_element("title", &[("id", V::S(&title_id))], &title);
        self.text_element("desc", &[("id", V::S(&desc_id))], &desc);
        // A white canvas: a chart saved on its own stays readable in dark
        // viewers, and prints the same.
        self.rect(0.0, 0.0, width, height, "#ffffff");
        self.out.push_str(&body);
        self.close();
        self.out
    }

    fn start_tag(&mut self, name: &str, attrs: &[(&str, V)]) {
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attrs {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            match value {
                V::N(n) => self.out.push_str(&num(*n)),
                V::S(s) => escape_into(&mut self.out, s),
            }
            self.out.push('"');
        }
    }

    /// Opens an element; [`Svg::close`] or [`Svg::finish`] closes it.
    pub(crate) fn open(&mut self, name: &'static str, attrs: &[(&str, V)]) {
        self.start_tag(name, attrs);
        self.out.push_str(">\n");
        self.open.push(name);
    }

    /// Closes the innermost open element.
    pub(crate) fn close(&mut self) {
        if let Some(name) = self.open.pop() {
            let _ = writeln!(self.out, "</{name}>");
        }
    }

    /// Writes an element without content.
    pub(crate) fn empty(&mut self, name: &str, attrs: &[(&str, V)]) {
        self.start_tag(name, attrs);
        self.out.push_str("/>\n");
    }

    /// Writes an element whose content is `text`, escaped.
    pub(crate) fn text_element(&mut self, name: &str, attrs: &[(&str, V)], text: &str) {
        self.start_tag(name, attrs);
        self.out.push('>');
        escape_into(&mut self.out, text);
        let _ = writeln!(self.out, "</{name}>");
    }

    /// Writes a `<text>` at `(x, y)` in `style`.
    pub(crate) fn text(&mut self, x: f64, y: f64, style: &TextStyle, text: &str) {
        let attrs = text_attrs(x, y, style);
        self.text_element("text", &attrs, text);
    }

    /// Writes a `<text>` on a white outline, readable over lines and shapes.
    pub(crate) fn halo_text(&mut self, x: f64, y: f64, style: &TextStyle, text: &str) {
        let mut attrs = text_attrs(x, y, style);
        attrs.extend([
            ("stroke", "#ffffff".into()),
            ("stroke-width", 3.0.into()),
            ("paint-order", "stroke".into()),
        ]);
        self.text_element("text", &attrs, text);
    }

    /// Writes a solid line from `from` to `to`.
    pub(crate) fn line(&mut self, from: (f64, f64), to: (f64, f64), stroke: &str, width: f64) {
        self.stroked_line(from, to, stroke, width, None);
    }

    /// Writes a dashed line from `from` to `to`.
    pub(crate) fn dashed(&mut self, from: (f64, f64), to: (f64, f64), stroke: &str, width: f64) {
        self.stroked_line(from, to, stroke, width, Some("6 4"));
    }

    fn stroked_line(
        &mut self,
        from: (f64, f64),
        to: (f64, f64),
        stroke: &str,
        width: f64,
        dash: Option<&str>,
    ) {
        let mut attrs: Vec<(&str, V)> = vec![
            ("x1", from.0.into()),
            ("y1", from.1.into()),
            ("x2", to.0.into()),
            ("y2", to.1.into()),
            ("stroke", stroke.into()),
            ("stroke-width", width.into()),
        ];
        if let Some(dash) = dash {
            attrs.push(("stroke-dasharray", dash.into()));
        }
        self.empty("line", &attrs);
    }

    /// Writes a filled rectangle.
    pub(crate) fn rect(&mut self, x: f64, y: f64, width: f64, height: f64, fill: &str) {
        self.empty(
            "rect",
            &[
                ("x", x.into()),
                ("y", y.into()),
                ("width", width.max(0.0).into()),
                ("height", height.max(0.0).into()),
                ("fill", fill.into()),
            ],
        );
    }
}

/// The attributes of a `<text>` in `style`, leaving out SVG's defaults.
fn text_attrs(x: f64, y: f64, style: &TextStyle) -> Vec<(&'static str, V<'static>)> {
    let mut attrs: Vec<(&str, V)> = vec![
        ("x", x.into()),
        ("y", y.into()),
        ("font-size", style.size.into()),
    ];
    if style.anchor != "start" {
        attrs.push(("text-anchor", style.anchor.into()));
    }
    if style.bold {
        attrs.push(("font-weight", "bold".into()));
    }
    if style.fill != INK {
        attrs.push(("fill", style.fill.into()));
    }
    attrs
}

/// How a `<text>` looks.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TextStyle {
    pub(crate) size: f64,
    pub(crate) anchor: &'static str,
    pub(crate) bold: bool,
    pub(crate) fill: &'static str,
}

impl TextStyle {
    /// Plain text of `size`, anchored at its start.
    pub(crate) const fn new(size: f64) -> Self {
        TextStyle {
            size,
            anchor: "start",
            bold: false,
            fill: INK,
        }
    }

    /// The same, anchored at its middle.
    pub(crate) const fn middle(self) -> Self {
        TextStyle {
            anchor: "middle",
            ..self
        }
    }

    /// The same, anchored at its end.
    pub(crate) const fn end(self) -> Self {
        TextStyle {
            anchor: "end",
            ..self
        }
    }

    /// The same, in bold.
    pub(crate) const fn bold(self) -> Self {
        TextStyle { bold: true, ..self }
    }

    /// The same, in `fill`.
    pub(crate) const fn fill(self, fill: &'static str) -> Self {
        TextStyle { fill, ..self }
    }
}

pub(crate) use crate::words::num;

/// The width `text` takes at `size`, estimated: the charts carry no font
/// metrics, and an average sans-serif glyph is a little over half an em.
pub(crate) fn text_width(text: &str, size: f64) -> f64 {
    f64::from(u32::try_from(text.chars().count()).unwrap_or(u32::MAX)) * size * 0.56
}

/// The width `text` takes in `style`: bold glyphs are about a tenth wider.
pub(crate) fn styled_width(text: &str, style: &TextStyle) -> f64 {
    text_width(text, style.size) * if style.bold { 1.1 } else { 1.0 }
}

/// `text` cut to fit `width` in `style`, ending with an ellipsis when cut.
pub(crate) fn fit(text: &str, width: f64, style: &TextStyle) -> String {
    if styled_width(text, style) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        let mut candidate = out.clone();
        candidate.push(c);
        candidate.push('…');
        if styled_width(&candidate, style) > width {
            break;
        }
        out.push(c);
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// `text` broken at spaces into at most `lines` lines that fit `width` in
/// `style`; the last line is cut with an ellipsis if the text is longer.
pub(crate) fn wrap(text: &str, width: f64, style: &TextStyle, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match out.last_mut() {
            Some(last) if styled_width(&format!("{last} {word}"), style) <= width => {
                last.push(' ');
                last.push_str(word);
            }
            _ => out.push(word.to_owned()),
        }
    }
    if lines > 0 && out.len() > lines {
        // Whatever does not fit goes on the last line, which `fit` then cuts.
        let rest = out.split_off(lines - 1).join(" ");
        out.push(rest);
    }
    out.truncate(lines);
    out.into_iter().map(|l| fit(&l, width, style)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_have_one_format() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.5), "1.5");
        assert_eq!(num(1.234_567), "1.23");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(num(f64::INFINITY), "0");
        assert_eq!(num(120.0), "120");
    }

    #[test]
    fn wrapping_respects_width_and_line_count() {
        let style = TextStyle::new(11.0);
        let lines = wrap("Senior management approval", 110.0, &style, 2);
        assert_eq!(lines, vec!["Senior management", "approval"]);
        let lines = wrap("one two three four five six seven eight", 40.0, &style, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        for line in &lines {
            assert!(text_width(line, 11.0) <= 40.0, "{line}");
        }
        assert_eq!(wrap("", 40.0, &style, 2), Vec::<String>::new());
    }

    #[test]
    fn fit_cuts_long_text() {
        let style = TextStyle::new(10.0).bold();
        assert_eq!(fit("short", 100.0, &style), "short");
        let cut = fit("a very long organisation name indeed", 60.0, &style);
        assert!(cut.ends_with('…'), "{cut}");
        assert!(styled_width(&cut, &style) <= 60.0, "{cut}");
    }

    #[test]
    fn documents_are_closed() {
        let mut svg = Svg::new("t", 10.0, "T", "D");
        svg.open("g", &[]);
        let text = svg.finish(20.0);
        assert!(text.starts_with("<svg xmlns"), "{text}");
        assert!(text.contains("viewBox=\"0 0 10 20\""), "{text}");
        assert!(text.ends_with("</g>\n</svg>\n"), "{text}");
    }
}
