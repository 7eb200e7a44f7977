//! Krippendorff's alpha for ordinal data: how far several assessors agree on
//! the scores of one audit, beyond what chance would give.
//!
//! The units of analysis are the items; the observers are the assessors; the
//! values are the scores, ordered categories (0 "not done" < 1 "started" <
//! 2 "substantial" < 3 "complete" on the Cranfield scale). An item scored by
//! fewer than two assessors (unscored or not applicable for the others)
//! cannot be compared and is left out, as alpha allows.
//!
//! With `n_uc` the number of assessors giving item `u` the score `c` and
//! `m_u` the number of scores item `u` received, the **coincidence matrix**
//! counts every ordered pair of scores given to one item by two assessors:
//!
//! ```text
//! o_ck = Σ_u  n_uc · (n_uk − [c = k]) / (m_u − 1)      over items with m_u ≥ 2
//! n_c  = Σ_k o_ck,      n = Σ_c n_c   (the pairable scores)
//! ```
//!
//! The **ordinal difference** of two scores grows with how many scores lie
//! between them, half-counting the two ends:
//!
//! ```text
//! δ²_ck = ( Σ_{g = c..k} n_g  −  (n_c + n_k) / 2 )²
//! ```
//!
//! and
//!
//! ```text
//! α = 1 − D_o / D_e = 1 − (n − 1) · Σ_c Σ_k o_ck δ²_ck  /  Σ_c Σ_k n_c n_k δ²_ck
//! ```
//!
//! α is 1 when the assessors agree perfectly, 0 when they agree no better
//! than chance, and below 0 when they disagree systematically. It is
//! undefined (no value) when fewer than two items can be compared or every
//! score given is the same (nothing to agree on beyond chance: `D_e` = 0).
//!
//! Source: K. Krippendorff, *Computing Krippendorff's Alpha-Reliability*
//! (2011), Departmental Papers (ASC) 43, University of Pennsylvania,
//! <https://repository.upenn.edu/asc_papers/43>. Its worked example — four
//! observers, twelve units, values 1–5 with missing data — gives α = 0.743
//! (nominal), 0.815 (ordinal), 0.849 (interval) and 0.797 (ratio); the tests
//! below reproduce all four from the same data, and the ordinal value
//! exactly, 108577/133160. kam reads α ≥ 0.800 as reliable and 0.667–0.800
//! as good for tentative conclusions only, Krippendorff's own guideline
//! (*Content Analysis*, 2004, p. 241).

/// The reliable level of alpha (Krippendorff 2004).
pub const RELIABLE: f64 = 0.800;
/// The lowest level for tentative conclusions (Krippendorff 2004).
pub const TENTATIVE: f64 = 0.667;

/// The pairs of scores several assessors gave the same items, tallied as a
/// coincidence matrix over the scale's values.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Coincidences {
    /// How many values the scale has.
    values: usize,
    /// `values × values`, row-major.
    o: Vec<f64>,
    /// Items with at least two scores.
    items: u32,
}

impl Coincidences {
    /// An empty tally for a scale of `values` ordered values (indices
    /// `0..values`).
    pub(crate) fn new(values: usize) -> Self {
        Coincidences {
            values,
            o: vec![0.0; values * values],
            items: 0,
        }
    }

    /// Adds one item: `counts[c]` assessors gave it the value `c`. An item
    /// with fewer than two values adds nothing.
    pub(crate) fn add(&mut self, counts: &[u32]) {
        let m: u32 = counts.iter().sum();
        if m < 2 {
            return;
        }
        self.items += 1;
        let pairs = f64::from(m - 1);
        for (c, &n_c) in counts.iter().enumerate().take(self.values) {
            if n_c == 0 {
                continue;
            }
            for (k, &n_k) in counts.iter().enumerate().take(self.values) {
                let same = u32::from(c == k);
                if let Some(cell) = self.o.get_mut(c * self.values + k) {
                    *cell += f64::from(n_c) * f64::from(n_k.saturating_sub(same)) / pairs;
                }
            }
        }
    }

    /// Items with at least two scores.
    pub(crate) fn items(&self) -> u32 {
        self.items
    }

    /// The marginal totals `n_c`.
    fn marginals(&self) -> Vec<f64> {
        (0..self.values)
            .map(|c| {
                self.o
                    .get(c * self.values..(c + 1) * self.values)
                    .map_or(0.0, |row| row.iter().sum())
            })
            .collect()
    }

    /// The number of pairable values, `n`.
    #[cfg(test)]
    fn pairable(&self) -> f64 {
        self.o.iter().sum()
    }

    /// Alpha with the ordinal difference function.
    pub(crate) fn ordinal(&self) -> Option<f64> {
        self.alpha(&|c, k, n| {
            let (low, high) = (c.min(k), c.max(k));
            let between: f64 = n.get(low..=high).map_or(0.0, |s| s.iter().sum());
            let ends = n.get(low).copied().unwrap_or(0.0) + n.get(high).copied().unwrap_or(0.0);
            let d = between - ends / 2.0;
            d * d
        })
    }

    /// Alpha with the squared difference `delta(c, k, n)` of values `c` and
    /// `k` given the marginals `n`; `None` when it is undefined.
    fn alpha(&self, delta: &dyn Fn(usize, usize, &[f64]) -> f64) -> Option<f64> {
        let n_c = self.marginals();
        let n: f64 = n_c.iter().sum();
        if self.items < 1 || n < 2.0 {
            return None;
        }
        let (mut observed, mut expected) = (0.0, 0.0);
        for c in 0..self.values {
            for k in 0..self.values {
                let d = delta(c, k, &n_c);
                observed += self.o.get(c * self.values + k).copied().unwrap_or(0.0) * d;
                expected +=
                    n_c.get(c).copied().unwrap_or(0.0) * n_c.get(k).copied().unwrap_or(0.0) * d;
            }
        }
        (expected > 0.0).then(|| 1.0 - (n - 1.0) * observed / expected)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Krippendorff (2011), section C: observers A–D (rows) and units 1–12
    /// (columns), values 1–5, `0` for a value not given.
    const EXAMPLE: [[u8; 12]; 4] = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3],
        [0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0],
    ];

    fn example() -> Coincidences {
        let mut tally = Coincidences::new(5);
        for unit in 0..12 {
            let mut counts = [0u32; 5];
            for row in &EXAMPLE {
                if row[unit] > 0 {
                    counts[usize::from(row[unit] - 1)] += 1;
                }
            }
            tally.add(&counts);
        }
        tally
    }

    /// Values 1–5 at indices 0–4.
    fn value(c: usize) -> f64 {
        f64::from(u32::try_from(c).unwrap()) + 1.0
    }

    #[test]
    fn the_published_worked_example() {
        let tally = example();
        // The paper's coincidence totals: n = 40, n_c = 9, 13, 10, 5, 3;
        // unit 12 has a single value and is not pairable.
        let close = |a: f64, b: f64| (a - b).abs() < 1e-12;
        assert!(close(tally.pairable(), 40.0));
        let marginals = tally.marginals();
        for (got, paper) in marginals.iter().zip([9.0, 13.0, 10.0, 5.0, 3.0]) {
            assert!(close(*got, paper), "{marginals:?}");
        }
        assert_eq!(tally.items(), 11);
        let ordinal = tally.ordinal().unwrap();
        assert!((ordinal - 108_577.0 / 133_160.0).abs() < 1e-12, "{ordinal}");
        // The other metrics of the same example, from the same tally: they
        // pin the coincidence matrix down, not just its ordinal reading.
        let nominal = tally
            .alpha(&|c, k, _| if c == k { 0.0 } else { 1.0 })
            .unwrap();
        let interval = tally
            .alpha(&|c, k, _| (value(c) - value(k)).powi(2))
            .unwrap();
        let ratio = tally
            .alpha(&|c, k, _| ((value(c) - value(k)) / (value(c) + value(k))).powi(2))
            .unwrap();
        // The paper gives three decimals.
        let published = [nominal, ordinal, interval, ratio].map(|a| format!("{a:.3}"));
        assert_eq!(published, ["0.743", "0.815", "0.849", "0.797"]);
    }

    #[test]
    fn undefined_without_variation_or_pairs() {
        let mut tally = Coincidences::new(4);
        assert_eq!(tally.ordinal(), None);
        tally.add(&[0, 3, 0, 0]);
        tally.add(&[0, 2, 0, 0]);
        // Everyone gave every item a 1: nothing to agree on beyond chance.
        assert_eq!(tally.ordinal(), None);
        tally.add(&[0, 0, 1, 0]);
        assert_eq!(tally.items(), 2);
        tally.add(&[1, 0, 0, 1]);
        assert!(tally.ordinal().unwrap() < 0.0);
    }

    #[test]
    fn two_assessors_opposed_disagree_systematically() {
        // On four items one says 0 where the other says 3, and back.
        let mut tally = Coincidences::new(4);
        for _ in 0..4 {
            tally.add(&[1, 0, 0, 1]);
        }
        let alpha = tally.ordinal().unwrap();
        assert!((alpha - (-0.75)).abs() < 1e-12, "{alpha}");
    }

    fn tally_of(scores: &[Vec<Option<u8>>]) -> Coincidences {
        let mut tally = Coincidences::new(4);
        for item in scores {
            let mut counts = [0u32; 4];
            for s in item.iter().flatten() {
                counts[usize::from(*s)] += 1;
            }
            tally.add(&counts);
        }
        tally
    }

    proptest! {
        /// Assessors who give every item the same score agree perfectly:
        /// alpha is 1 whenever the items differ at all.
        #[test]
        fn perfect_agreement_is_one(truth in prop::collection::vec(0u8..=3, 2..60), assessors in 2usize..6) {
            let scores: Vec<Vec<Option<u8>>> = truth.iter().map(|&s| vec![Some(s); assessors]).collect();
            let alpha = tally_of(&scores).ordinal();
            if truth.iter().any(|&s| s != truth[0]) {
                prop_assert_eq!(alpha, Some(1.0));
            } else {
                prop_assert_eq!(alpha, None);
            }
        }

        /// Alpha never exceeds 1, and the order of the assessors and of the
        /// items does not change it.
        #[test]
        fn at_most_one_and_order_free(scores in prop::collection::vec(prop::collection::vec(prop::option::of(0u8..=3), 3), 1..40)) {
            let alpha = tally_of(&scores).ordinal();
            if let Some(a) = alpha {
                prop_assert!(a <= 1.0 + 1e-12, "{}", a);
            }
            let mut reversed: Vec<Vec<Option<u8>>> = scores.iter().rev().cloned().collect();
            for item in &mut reversed {
                item.reverse();
            }
            let again = tally_of(&reversed).ordinal();
            match (alpha, again) {
                (Some(a), Some(b)) => prop_assert!((a - b).abs() < 1e-9),
                (a, b) => prop_assert_eq!(a, b),
            }
        }
    }
}
