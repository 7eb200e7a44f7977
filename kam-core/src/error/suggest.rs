//! "Did you mean …?": the valid id nearest to a misspelt one, decided here
//! once so Rust, Python and JavaScript suggest the same.

/// Ids longer than this get no suggestion: a misspelling is short, and the
/// comparison is quadratic in the length.
const LONGEST: usize = 64;

/// The candidate nearest to `unknown` when exactly one is near enough to be
/// what was meant: the fewest edits (a character inserted, removed, changed,
/// or two neighbours swapped), ignoring case, where a look-alike change (`l`
/// for `1`, `o` for `0`, `-` for `_`) counts half, and at most one edit per
/// three characters; or else the only candidate that contains it
/// (`cranfield` → `cranfield-kam-development`). When several are as near
/// (`E1.1` is one change from `A1.1`, `B1.1`, …), none is suggested: a guess
/// among equals would mislead.
pub(crate) fn nearest<'a>(
    unknown: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    // ASCII case only: ids are ASCII in practice, and Unicode case tables
    // would weigh on the WebAssembly module.
    let lower = unknown.to_ascii_lowercase();
    let wanted: Vec<char> = lower.chars().collect();
    if wanted.is_empty() || wanted.len() > LONGEST {
        return None;
    }
    // In half edits, so a look-alike change can cost one.
    let budget = 2 * (wanted.len() / 3).max(1);
    let mut best: Option<(usize, &str)> = None;
    let mut tied = false;
    let mut containing: Vec<&str> = Vec::new();
    for candidate in candidates {
        let have_lower = candidate.to_ascii_lowercase();
        let have: Vec<char> = have_lower.chars().collect();
        if wanted.len() >= 3 && have.len() > wanted.len() && contains(&have, &wanted) {
            containing.push(candidate);
        }
        if 2 * have.len().abs_diff(wanted.len()) > budget {
            continue;
        }
        let distance = edits(&wanted, &have);
        if distance > budget {
            continue;
        }
        match best {
            Some((d, _)) if distance > d => {}
            Some((d, _)) if distance == d => tied = true,
            _ => {
                best = Some((distance, candidate));
                tied = false;
            }
        }
    }
    match (best, containing.as_slice()) {
        (Some((_, candidate)), _) if !tied => Some(candidate.to_owned()),
        (None, &[candidate]) => Some(candidate.to_owned()),
        _ => None,
    }
}

/// Whether `needle` occurs in `haystack` (a plain scan: the standard
/// substring search would weigh on the WebAssembly module).
fn contains(haystack: &[char], needle: &[char]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Characters one is easily typed or read for the other.
fn look_alike(a: char, b: char) -> bool {
    const PAIRS: [(char, char); 4] = [('l', '1'), ('i', '1'), ('o', '0'), ('-', '_')];
    PAIRS
        .iter()
        .any(|&(x, y)| (a, b) == (x, y) || (a, b) == (y, x))
}

/// The edits (insertion, deletion, substitution, transposition of
/// neighbours) turning `a` into `b`, in half edits (a look-alike
/// substitution costs one, every other edit two): the optimal string
/// alignment distance.
fn edits(a: &[char], b: &[char]) -> usize {
    // Three rows of the table: two back (for transpositions), one back, this.
    let mut two_back: Vec<usize> = vec![0; b.len() + 1];
    let mut one_back: Vec<usize> = (0..=b.len()).map(|j| 2 * j).collect();
    let mut row: Vec<usize> = vec![0; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        if let Some(first) = row.first_mut() {
            *first = 2 * (i + 1);
        }
        for (j, &cb) in b.iter().enumerate() {
            let cost = if ca == cb {
                0
            } else if look_alike(ca, cb) {
                1
            } else {
                2
            };
            let deletion = one_back.get(j + 1).map_or(usize::MAX, |d| d + 2);
            let insertion = row.get(j).map_or(usize::MAX, |d| d + 2);
            let substitution = one_back.get(j).map_or(usize::MAX, |d| d + cost);
            let mut best = deletion.min(insertion).min(substitution);
            let swapped = i > 0 && j > 0 && a.get(i - 1) == Some(&cb) && b.get(j - 1) == Some(&ca);
            if swapped && let Some(d) = two_back.get(j - 1) {
                best = best.min(d + 2);
            }
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = best;
            }
        }
        std::mem::swap(&mut two_back, &mut one_back);
        std::mem::swap(&mut one_back, &mut row);
    }
    one_back.last().copied().unwrap_or(0)
}

/// `; did you mean `x`?` for a suggestion, nothing without one: the tail of
/// every "unknown …" message.
pub(crate) fn did_you_mean(suggestion: Option<&String>) -> String {
    suggestion.map_or_else(String::new, |s| format!("; did you mean `{s}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn edits_count_in_halves() {
        assert_eq!(edits(&chars("A1.1"), &chars("A1.1")), 0);
        assert_eq!(edits(&chars("A1.l"), &chars("A1.1")), 1);
        assert_eq!(edits(&chars("A1.x"), &chars("A1.1")), 2);
        assert_eq!(edits(&chars("A11"), &chars("A1.1")), 2);
        assert_eq!(edits(&chars("1A.1"), &chars("A1.1")), 2);
        assert_eq!(edits(&chars(""), &chars("abc")), 6);
        assert_eq!(edits(&chars("kitten"), &chars("sitting")), 6);
    }

    #[test]
    fn the_one_nearest_id() {
        let items = ["A1.1", "A1.2", "A2.1", "B1.1", "E2.1"];
        assert_eq!(nearest("A1.l", items).as_deref(), Some("A1.1"));
        assert_eq!(nearest("a1.2", items).as_deref(), Some("A1.2"));
        assert_eq!(nearest("Z9.9", items), None);
        // One change from several: no guess.
        assert_eq!(nearest("E1.1", items), None);
        let questions = ["organisation-1", "organisation-2", "organisation-3"];
        assert_eq!(nearest("organisation-9", questions), None);
        assert_eq!(
            nearest("organisaton-2", questions).as_deref(),
            Some("organisation-2")
        );
        assert_eq!(
            nearest("next_action", ["strict", "next_actions"]).as_deref(),
            Some("next_actions")
        );
        assert_eq!(nearest("", items), None);
        let frameworks = ["cranfield-kam-development", "kam-maturity-model"];
        assert_eq!(
            nearest("cranfield", frameworks).as_deref(),
            Some("cranfield-kam-development")
        );
        assert_eq!(
            nearest("kam-maturity-modle", frameworks).as_deref(),
            Some("kam-maturity-model")
        );
        // Contained in both: no single guess.
        assert_eq!(nearest("kam", frameworks), None);
        assert_eq!(nearest(&"x".repeat(1000), frameworks), None);
    }

    #[test]
    fn the_message_tail() {
        assert_eq!(
            did_you_mean(Some(&"A1.1".to_owned())),
            "; did you mean `A1.1`?"
        );
        assert_eq!(did_you_mean(None), "");
    }
}
