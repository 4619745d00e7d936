//! The unit of a `datetime64` / `timedelta64` data type: the `[ns]` of `'<M8[ns]'`.

use std::fmt;

/// A calendar or clock unit, as NumPy spells it inside `datetime64[…]`.
///
/// Like the unit returned by `np.datetime_data`.
///
/// # Example
/// ```
/// use ndcore::dtype::DateUnit;
/// assert_eq!(DateUnit::Nanosecond.as_str(), "ns");
/// assert_eq!(DateUnit::parse("D"), Some(DateUnit::Day));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DateUnit {
    /// `Y`
    Year,
    /// `M`
    Month,
    /// `W`
    Week,
    /// `D`
    Day,
    /// `h`
    Hour,
    /// `m`
    Minute,
    /// `s`
    Second,
    /// `ms`
    Millisecond,
    /// `us` (NumPy also reads `μs`)
    Microsecond,
    /// `ns`
    Nanosecond,
    /// `ps`
    Picosecond,
    /// `fs`
    Femtosecond,
    /// `as`
    Attosecond,
}

impl DateUnit {
    /// The unit's code as NumPy prints it (`"ns"`, `"D"`).
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::DateUnit;
    /// assert_eq!(DateUnit::Microsecond.as_str(), "us");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            DateUnit::Year => "Y",
            DateUnit::Month => "M",
            DateUnit::Week => "W",
            DateUnit::Day => "D",
            DateUnit::Hour => "h",
            DateUnit::Minute => "m",
            DateUnit::Second => "s",
            DateUnit::Millisecond => "ms",
            DateUnit::Microsecond => "us",
            DateUnit::Nanosecond => "ns",
            DateUnit::Picosecond => "ps",
            DateUnit::Femtosecond => "fs",
            DateUnit::Attosecond => "as",
        }
    }

    /// Reads a unit code (`"ns"`, `"D"`, `"μs"`); `None` for anything else.
    ///
    /// Case matters, as in NumPy: `"M"` is months, `"m"` minutes.
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::DateUnit;
    /// assert_eq!(DateUnit::parse("m"), Some(DateUnit::Minute));
    /// assert_eq!(DateUnit::parse("NS"), None);
    /// ```
    pub fn parse(code: &str) -> Option<DateUnit> {
        Some(match code {
            "Y" => DateUnit::Year,
            "M" => DateUnit::Month,
            "W" => DateUnit::Week,
            "D" => DateUnit::Day,
            "h" => DateUnit::Hour,
            "m" => DateUnit::Minute,
            "s" => DateUnit::Second,
            "ms" => DateUnit::Millisecond,
            "us" | "μs" => DateUnit::Microsecond,
            "ns" => DateUnit::Nanosecond,
            "ps" => DateUnit::Picosecond,
            "fs" => DateUnit::Femtosecond,
            "as" => DateUnit::Attosecond,
            _ => return None,
        })
    }
}

/// The time step of a datetime or timedelta: `count` times `unit` (`[10ms]`).
///
/// Like the `(unit, count)` pair of `np.datetime_data`. A data type without a unit (NumPy's
/// "generic" `'<M8'`) has no `TimeUnit` at all.
///
/// # Example
/// ```
/// use ndcore::dtype::{DateUnit, TimeUnit};
/// assert_eq!(TimeUnit::new(DateUnit::Nanosecond).to_string(), "[ns]");
/// assert_eq!(TimeUnit { unit: DateUnit::Millisecond, count: 10 }.to_string(), "[10ms]");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeUnit {
    /// The base unit.
    pub unit: DateUnit,
    /// How many base units one step is (1 in almost every data type; NumPy reads counts up
    /// to `i32::MAX`).
    pub count: u32,
}

impl TimeUnit {
    /// One `unit` per step (`[ns]`).
    ///
    /// # Example
    /// ```
    /// use ndcore::dtype::{DateUnit, TimeUnit};
    /// assert_eq!(TimeUnit::new(DateUnit::Day).count, 1);
    /// ```
    pub const fn new(unit: DateUnit) -> TimeUnit {
        TimeUnit { unit, count: 1 }
    }
}

/// Prints the bracketed metadata NumPy appends to `M8` / `datetime64`: `[ns]`, `[10ms]`.
impl fmt::Display for TimeUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.count == 1 {
            write!(f, "[{}]", self.unit.as_str())
        } else {
            write!(f, "[{}{}]", self.count, self.unit.as_str())
        }
    }
}
