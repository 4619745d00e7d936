//! Datetimes and timedeltas: NumPy's `DatetimeFormat` and `TimedeltaFormat`, the ISO 8601
//! text of `np.datetime_as_string` (`NpyDatetime_MakeISO8601Datetime` in
//! `datetime_strings.c`) and `str()` of the scalars.

use crate::dtype::{DateUnit, TimeUnit};

/// NumPy's `NaT`, the smallest `i64`.
pub(crate) const NAT: i64 = i64::MIN;

/// Attoseconds in one unit (`None` for the calendar units, which are not a fixed length).
fn attos(unit: DateUnit) -> Option<i128> {
    let s: i128 = 1_000_000_000_000_000_000;
    Some(match unit {
        DateUnit::Year | DateUnit::Month => return None,
        DateUnit::Week => 7 * 86_400 * s,
        DateUnit::Day => 86_400 * s,
        DateUnit::Hour => 3_600 * s,
        DateUnit::Minute => 60 * s,
        DateUnit::Second => s,
        DateUnit::Millisecond => s / 1_000,
        DateUnit::Microsecond => s / 1_000_000,
        DateUnit::Nanosecond => s / 1_000_000_000,
        DateUnit::Picosecond => 1_000_000,
        DateUnit::Femtosecond => 1_000,
        DateUnit::Attosecond => 1,
    })
}

/// The proleptic Gregorian `(year, month, day)` of a day count from 1970-01-01, computed
/// as NumPy 2.4's `set_datetimestruct_days` does, 64-bit wrap-around included (which makes
/// day counts within 11 000 days of `i64::MIN` come out as dates far in the future).
fn ymd(days: i64) -> (i64, u32, u32) {
    const DAYS_PER_400_YEARS: i64 = 400 * 365 + 100 - 4 + 1;
    // Relative to 2000-01-01, the start of a 400-year cycle.
    let mut d = days.wrapping_sub(365 * 30 + 7);
    let mut year = 400 * d.div_euclid(DAYS_PER_400_YEARS);
    d = d.rem_euclid(DAYS_PER_400_YEARS);
    if d >= 366 {
        year += 100 * ((d - 1) / (100 * 365 + 25 - 1));
        d = (d - 1) % (100 * 365 + 25 - 1);
        if d >= 365 {
            year += 4 * ((d + 1) / (4 * 365 + 1));
            d = (d + 1) % (4 * 365 + 1);
            if d >= 366 {
                year += (d - 1) / 365;
                d = (d - 1) % 365;
            }
        }
    }
    year += 2000;
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let lengths = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    for (month, len) in (1..).zip(lengths) {
        if d < len {
            return (year, month, d as u32 + 1);
        }
        d -= len;
    }
    (year, 12, 31)
}

/// The ISO 8601 text of a datetime value, to its unit (weeks to the day), as
/// `np.datetime_as_string` writes it: `2011-01-01T00:00:00`, `-001-12-31`, `10000-01`,
/// `NaT`. Years take at least four characters, a minus sign included (C's `%04lld`).
///
/// NumPy fails on a value with the generic unit (only `NaT` has one) and on a value whose
/// unit count (`[2D]`) overflows; here the first reads `NaT`, the second wraps as C would.
pub(crate) fn iso(v: i64, unit: Option<TimeUnit>) -> String {
    let Some(TimeUnit { unit, count }) = unit else {
        return "NaT".into();
    };
    if v == NAT {
        return "NaT".into();
    }
    let dt = v.wrapping_mul(i64::from(count));
    let (year, month, day, rest) = match unit {
        // C adds 1970 in 64 bits.
        DateUnit::Year => (dt.wrapping_add(1970), 1, 1, 0),
        DateUnit::Month => (dt.div_euclid(12) + 1970, dt.rem_euclid(12) as u32 + 1, 1, 0),
        // C multiplies weeks by 7 in 64 bits.
        DateUnit::Week => {
            let (y, m, d) = ymd(dt.wrapping_mul(7));
            (y, m, d, 0)
        }
        DateUnit::Day => {
            let (y, m, d) = ymd(dt);
            (y, m, d, 0)
        }
        _ => {
            // Whole days, and the time of day in attoseconds.
            let per_unit = attos(unit).unwrap_or(1);
            let per_day = 86_400 * 1_000_000_000_000_000_000i128 / per_unit;
            let days = i64::try_from(i128::from(dt).div_euclid(per_day)).unwrap_or_default();
            let (y, m, d) = ymd(days);
            (y, m, d, i128::from(dt).rem_euclid(per_day) * per_unit)
        }
    };
    let mut s = format!("{year:04}");
    if unit == DateUnit::Year {
        return s;
    }
    s.push_str(&format!("-{month:02}"));
    if unit == DateUnit::Month {
        return s;
    }
    s.push_str(&format!("-{day:02}"));
    if matches!(unit, DateUnit::Day | DateUnit::Week) {
        return s;
    }
    let second = 1_000_000_000_000_000_000i128;
    let (secs, sub) = (rest / second, rest % second);
    s.push_str(&format!("T{:02}", secs / 3_600));
    if unit == DateUnit::Hour {
        return s;
    }
    s.push_str(&format!(":{:02}", secs / 60 % 60));
    if unit == DateUnit::Minute {
        return s;
    }
    s.push_str(&format!(":{:02}", secs % 60));
    // Three digits per unit below the second, down to the value's own unit.
    let digits = match unit {
        DateUnit::Millisecond => 1,
        DateUnit::Microsecond => 2,
        DateUnit::Nanosecond => 3,
        DateUnit::Picosecond => 4,
        DateUnit::Femtosecond => 5,
        DateUnit::Attosecond => 6,
        _ => 0,
    };
    if digits > 0 {
        let text = format!("{sub:018}");
        s.push('.');
        s.push_str(&text[..3 * digits]);
    }
    s
}

/// The plural English name of a unit in `str()` of a timedelta (`5 seconds`).
fn verbose(unit: Option<DateUnit>) -> &'static str {
    match unit {
        None => "generic time units",
        Some(u) => match u {
            DateUnit::Year => "years",
            DateUnit::Month => "months",
            DateUnit::Week => "weeks",
            DateUnit::Day => "days",
            DateUnit::Hour => "hours",
            DateUnit::Minute => "minutes",
            DateUnit::Second => "seconds",
            DateUnit::Millisecond => "milliseconds",
            DateUnit::Microsecond => "microseconds",
            DateUnit::Nanosecond => "nanoseconds",
            DateUnit::Picosecond => "picoseconds",
            DateUnit::Femtosecond => "femtoseconds",
            DateUnit::Attosecond => "attoseconds",
        },
    }
}

/// `str()` of a NumPy timedelta scalar: `NaT`, or the count times the unit's multiplier
/// and the unit's name: `-100 seconds`, `10 seconds` for 5 of `[2s]`.
pub(crate) fn timedelta_str(v: i64, unit: Option<TimeUnit>) -> String {
    if v == NAT {
        return "NaT".into();
    }
    let count = unit.map_or(1, |u| i64::from(u.count));
    format!(
        "{} {}",
        v.wrapping_mul(count),
        verbose(unit.map(|u| u.unit))
    )
}

/// Formats the datetimes or timedeltas of one array alike: NumPy's `_TimelikeFormat`, every
/// value right-aligned to the wider text of the largest and the smallest value (5, for
/// `'NaT'`, if there is one).
#[derive(Debug, Clone)]
pub(crate) struct TimeFormat {
    /// `Some(unit)` for datetimes (quoted ISO text), `None` for timedeltas (the count).
    datetime: Option<Option<TimeUnit>>,
    width: usize,
}

impl TimeFormat {
    /// The formatter for `values`; `datetime` is `Some(unit)` for a datetime array.
    pub(crate) fn new(values: &[i64], datetime: Option<Option<TimeUnit>>) -> TimeFormat {
        let mut f = TimeFormat { datetime, width: 0 };
        let mut real = values.iter().copied().filter(|&v| v != NAT);
        if let Some(first) = real.next() {
            let (lo, hi) = real.fold((first, first), |(lo, hi), v| (lo.min(v), hi.max(v)));
            f.width = f.text(hi).len().max(f.text(lo).len());
        }
        if values.contains(&NAT) {
            f.width = f.width.max(5);
        }
        f
    }

    fn text(&self, v: i64) -> String {
        match self.datetime {
            Some(unit) => format!("'{}'", iso(v, unit)),
            None => v.to_string(),
        }
    }

    /// Appends `v`, padded on the left.
    pub(crate) fn write(&self, v: i64, out: &mut String) {
        let text = if v == NAT {
            "'NaT'".to_string()
        } else {
            self.text(v)
        };
        out.extend(std::iter::repeat_n(
            ' ',
            self.width.saturating_sub(text.len()),
        ));
        out.push_str(&text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(unit: DateUnit) -> Option<TimeUnit> {
        Some(TimeUnit::new(unit))
    }

    #[test]
    fn iso_text_per_unit() {
        assert_eq!(iso(0, u(DateUnit::Year)), "1970");
        assert_eq!(iso(-1971, u(DateUnit::Year)), "-001");
        assert_eq!(iso(8030, u(DateUnit::Year)), "10000");
        assert_eq!(iso(-1, u(DateUnit::Month)), "1969-12");
        assert_eq!(iso(15_340, u(DateUnit::Day)), "2012-01-01");
        assert_eq!(iso(1, u(DateUnit::Week)), "1970-01-08");
        assert_eq!(iso(-1, u(DateUnit::Second)), "1969-12-31T23:59:59");
        assert_eq!(iso(-1, u(DateUnit::Millisecond)), "1969-12-31T23:59:59.999");
        assert_eq!(
            iso(1, u(DateUnit::Nanosecond)),
            "1970-01-01T00:00:00.000000001"
        );
        assert_eq!(
            iso(-1, u(DateUnit::Attosecond)),
            "1969-12-31T23:59:59.999999999999999999"
        );
        assert_eq!(iso(NAT, u(DateUnit::Day)), "NaT");
        assert_eq!(iso(0, None), "NaT");
        let two_days = Some(TimeUnit {
            unit: DateUnit::Day,
            count: 2,
        });
        assert_eq!(iso(5, two_days), "1970-01-11");
        // Far from 1970, both ways.
        assert_eq!(iso(i64::MAX, u(DateUnit::Day)), "25252734927768524-07-27");
        // NumPy's day arithmetic wraps here.
        assert_eq!(
            iso(i64::MIN + 1, u(DateUnit::Day)),
            "25252734927768524-07-29"
        );
        assert_eq!(iso(i64::MAX, u(DateUnit::Year)), "-9223372036854773839");
        assert_eq!(
            iso(i64::MIN + 1, u(DateUnit::Month)),
            "-768614336404562681-06"
        );
        assert_eq!(
            iso(i64::MIN + 1, u(DateUnit::Week)),
            "25252734927768524-08-04"
        );
    }

    #[test]
    fn timedeltas() {
        assert_eq!(timedelta_str(5, u(DateUnit::Second)), "5 seconds");
        assert_eq!(timedelta_str(NAT, u(DateUnit::Second)), "NaT");
        assert_eq!(timedelta_str(3, None), "3 generic time units");
        let f = TimeFormat::new(&[1, -100, NAT], None);
        let mut s = String::new();
        for v in [1, -100, NAT] {
            f.write(v, &mut s);
            s.push('|');
        }
        assert_eq!(s, "    1| -100|'NaT'|");
    }
}
