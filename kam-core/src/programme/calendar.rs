//! Dates as day numbers and back, and the length of a year, for trends and
//! projections. kam never reads the clock: every date comes from the data.

use crate::analysis::account_plan::day_number;
use crate::error::AssessmentError;

/// Days in a mean Gregorian year (400 years hold 146,097 days): the year in
/// which paces are expressed and projections made.
pub(crate) const DAYS_PER_YEAR: f64 = 365.2425;

/// Days since 1970-01-01 of a `YYYY-MM-DD` date; `field` names the date in
/// the error.
///
/// # Errors
/// `invalid-date` when `date` is not a calendar date.
pub(crate) fn days(field: &str, date: &str) -> Result<i64, AssessmentError> {
    day_number(field, date)
}

/// Years from the day `from` to the day `to` (negative when `to` is earlier).
pub(crate) fn years(from: i64, to: i64) -> f64 {
    // Day numbers of calendar dates are far inside f64's exact integers.
    #[allow(clippy::cast_precision_loss)]
    let span = (to - from) as f64;
    span / DAYS_PER_YEAR
}

/// The date `years` after the day `from`, rounded to the nearest day, or
/// `None` when it would fall outside the years 0000–9999 that `YYYY-MM-DD`
/// can write.
pub(crate) fn after(from: i64, years: f64) -> Option<String> {
    let offset = (years * DAYS_PER_YEAR).round();
    // ±3.7 million days span the whole 0000–9999 range; anything beyond is
    // refused before the conversion.
    if !offset.is_finite() || offset.abs() > 4.0e6 {
        return None;
    }
    #[allow(clippy::cast_possible_truncation)]
    let day = from.checked_add(offset as i64)?;
    date(day)
}

/// The `YYYY-MM-DD` date of a day number (Howard Hinnant's
/// `civil_from_days`, the inverse of [`days`]), or `None` outside the years
/// 0000–9999.
pub(crate) fn date(day: i64) -> Option<String> {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (0..=9999)
        .contains(&y)
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn known_days() {
        assert_eq!(days("date", "1970-01-01").unwrap(), 0);
        assert_eq!(days("date", "2000-03-01").unwrap(), 11_017);
        assert_eq!(date(11_017).as_deref(), Some("2000-03-01"));
        assert_eq!(date(-1).as_deref(), Some("1969-12-31"));
        assert_eq!(date(2_932_896).as_deref(), Some("9999-12-31"));
        assert_eq!(date(2_932_896 + 1), None);
        assert_eq!(date(-719_528).as_deref(), Some("0000-01-01"));
        assert_eq!(date(-719_529), None);
        let err = days("context.date", "2023-02-29").unwrap_err();
        assert_eq!(
            err.to_string(),
            "`context.date` is `2023-02-29`, not a calendar date written YYYY-MM-DD"
        );
    }

    #[test]
    fn years_and_projections() {
        let from = days("d", "2024-03-01").unwrap();
        let to = days("d", "2025-03-01").unwrap();
        assert!((years(from, to) - 365.0 / 365.2425).abs() < 1e-12);
        assert_eq!(after(from, 1.0).as_deref(), Some("2025-03-01"));
        assert_eq!(after(from, 0.5).as_deref(), Some("2024-08-31"));
        assert_eq!(after(from, 1e9), None);
        assert_eq!(after(from, f64::NAN), None);
    }

    proptest! {
        /// Every day of 0000–9999 writes as a date that reads back as it.
        #[test]
        fn dates_round_trip(day in -719_528i64..=2_932_896) {
            let text = date(day).unwrap();
            prop_assert_eq!(days("d", &text).unwrap(), day);
        }
    }
}
