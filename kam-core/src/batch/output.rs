//! Where batch results go: owned arrays ([`BatchScores`]) or slices a caller
//! provides ([`BatchOutput`], e.g. `NumPy` arrays), one entry per row.

/// [`BatchScores::current_period`] of a row whose every period is complete.
/// It is what pandas takes as "no category", so the column becomes a
/// categorical of period ids without a copy.
pub const NO_CURRENT_PERIOD: i32 = -1;

/// The per-row results of a batch, each a row-major array.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BatchScores {
    /// Rows × periods: the score of each period, periods in path order
    /// ([`super::BatchPlan::period_ids`]).
    pub period_scores: Vec<u32>,
    /// Rows × phases: the score of each phase ([`super::BatchPlan::phase_ids`]).
    pub phase_scores: Vec<u32>,
    /// The overall score of each row.
    pub overall: Vec<u32>,
    /// The overall percentage of each row.
    pub percent: Vec<f64>,
    /// Figure 4: the number of the period each row's score lies in; the last
    /// period's number for best practice.
    pub position_number: Vec<u32>,
    /// Figure 4: the share of that period covered, in `[0, 1)`; exactly 1 for
    /// best practice (the overall maximum reached).
    pub position_fraction: Vec<f64>,
    /// Figure 3: the position on the path (an index into
    /// [`super::BatchPlan::period_ids`]) of each row's earliest incomplete
    /// period, or [`NO_CURRENT_PERIOD`] when every period is complete.
    pub current_period: Vec<i32>,
    /// How many of the framework's items each row leaves unscored: items
    /// without a column plus the row's missing cells.
    pub unscored: Vec<u32>,
}

impl BatchScores {
    /// Zeroed results for `rows` rows of a plan with `periods` periods and
    /// `phases` phases.
    pub fn zeroed(rows: usize, periods: usize, phases: usize) -> Self {
        BatchScores {
            period_scores: vec![0; rows * periods],
            phase_scores: vec![0; rows * phases],
            overall: vec![0; rows],
            percent: vec![0.0; rows],
            position_number: vec![0; rows],
            position_fraction: vec![0.0; rows],
            current_period: vec![0; rows],
            unscored: vec![0; rows],
        }
    }

    /// The results as slices to write into.
    pub fn output(&mut self) -> BatchOutput<'_> {
        BatchOutput {
            period_scores: &mut self.period_scores,
            phase_scores: &mut self.phase_scores,
            overall: &mut self.overall,
            percent: &mut self.percent,
            position_number: &mut self.position_number,
            position_fraction: &mut self.position_fraction,
            current_period: &mut self.current_period,
            unscored: &mut self.unscored,
        }
    }
}

/// Where the scoring functions write: one slice per result, sized for the
/// rows scored (`rows × periods`, `rows × phases`, `rows`, …).
#[derive(Debug)]
pub struct BatchOutput<'o> {
    /// See [`BatchScores::period_scores`].
    pub period_scores: &'o mut [u32],
    /// See [`BatchScores::phase_scores`].
    pub phase_scores: &'o mut [u32],
    /// See [`BatchScores::overall`].
    pub overall: &'o mut [u32],
    /// See [`BatchScores::percent`].
    pub percent: &'o mut [f64],
    /// See [`BatchScores::position_number`].
    pub position_number: &'o mut [u32],
    /// See [`BatchScores::position_fraction`].
    pub position_fraction: &'o mut [f64],
    /// See [`BatchScores::current_period`].
    pub current_period: &'o mut [i32],
    /// See [`BatchScores::unscored`].
    pub unscored: &'o mut [u32],
}

/// The results of one row.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RowResult {
    pub(crate) overall: u32,
    pub(crate) percent: f64,
    pub(crate) position_number: u32,
    pub(crate) position_fraction: f64,
    pub(crate) current_period: i32,
    pub(crate) unscored: u32,
}

impl<'o> BatchOutput<'o> {
    /// How many rows the output holds (the length of `overall`).
    pub fn rows(&self) -> usize {
        self.overall.len()
    }

    /// Splits into the first `rows` rows and the rest, so that parts of a
    /// batch can be scored on several threads. `periods` and `phases` are the
    /// plan's counts.
    #[must_use]
    pub fn split_at_row(
        self,
        rows: usize,
        periods: usize,
        phases: usize,
    ) -> (BatchOutput<'o>, BatchOutput<'o>) {
        fn cut<T>(s: &mut [T], at: usize) -> (&mut [T], &mut [T]) {
            s.split_at_mut(at.min(s.len()))
        }
        let (pa, pb) = cut(self.period_scores, rows * periods);
        let (ha, hb) = cut(self.phase_scores, rows * phases);
        let (oa, ob) = cut(self.overall, rows);
        let (ca, cb) = cut(self.percent, rows);
        let (na, nb) = cut(self.position_number, rows);
        let (fa, fb) = cut(self.position_fraction, rows);
        let (qa, qb) = cut(self.current_period, rows);
        let (ua, ub) = cut(self.unscored, rows);
        (
            BatchOutput {
                period_scores: pa,
                phase_scores: ha,
                overall: oa,
                percent: ca,
                position_number: na,
                position_fraction: fa,
                current_period: qa,
                unscored: ua,
            },
            BatchOutput {
                period_scores: pb,
                phase_scores: hb,
                overall: ob,
                percent: cb,
                position_number: nb,
                position_fraction: fb,
                current_period: qb,
                unscored: ub,
            },
        )
    }

    /// Writes row `r`'s single-number results; a row past the end is ignored.
    pub(crate) fn write(&mut self, r: usize, result: &RowResult) {
        if let Some(v) = self.overall.get_mut(r) {
            *v = result.overall;
        }
        if let Some(v) = self.percent.get_mut(r) {
            *v = result.percent;
        }
        if let Some(v) = self.position_number.get_mut(r) {
            *v = result.position_number;
        }
        if let Some(v) = self.position_fraction.get_mut(r) {
            *v = result.position_fraction;
        }
        if let Some(v) = self.current_period.get_mut(r) {
            *v = result.current_period;
        }
        if let Some(v) = self.unscored.get_mut(r) {
            *v = result.unscored;
        }
    }

    /// Row `r`'s period and phase scores, to be filled in.
    pub(crate) fn score_rows(
        &mut self,
        r: usize,
        periods: usize,
        phases: usize,
    ) -> Option<(&mut [u32], &mut [u32])> {
        let p = self.period_scores.get_mut(r * periods..(r + 1) * periods)?;
        let h = self.phase_scores.get_mut(r * phases..(r + 1) * phases)?;
        Some((p, h))
    }
}
