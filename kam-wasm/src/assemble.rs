/// A schema's JSON text from its parts: its `$defs` entries (each a JSON
/// string name and a JSON body) and its other members as JSON text without
/// the braces. build.rs splits kam-core's schemas so and checks that this
/// gives kam-core's text back.
pub fn assemble(defs: &[(&str, &str)], used: &[usize], rest: &str) -> String {
    let mut text = String::from("{");
    if !used.is_empty() {
        text.push_str("\"$defs\":{");
        for (n, (name, body)) in used.iter().filter_map(|&i| defs.get(i)).enumerate() {
            if n > 0 {
                text.push(',');
            }
            text.push_str(name);
            text.push(':');
            text.push_str(body);
        }
        text.push('}');
        if !rest.is_empty() {
            text.push(',');
        }
    }
    text.push_str(rest);
    text.push('}');
    text
}
