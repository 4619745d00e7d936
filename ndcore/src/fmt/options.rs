//! The knobs of NumPy's `np.set_printoptions`, as a value passed per call.

/// How to print an array: NumPy's print options (`np.set_printoptions`), passed per call
/// instead of set globally.
///
/// `PrintOptions::default()` is NumPy's default (`precision=8`, `threshold=1000`,
/// `edgeitems=3`, `linewidth=75`, `suppress=False`, `sign='-'`, `floatmode='maxprec'`).
/// Use it with [`ArrayRef::display_with`](crate::ArrayRef::display_with) (`str`) and
/// [`ArrayRef::repr_with`](crate::ArrayRef::repr_with) (`repr`); `{:.3}` in a format string
/// sets only the precision.
///
/// # Example
/// ```
/// use ndcore::prelude::*;
/// use ndcore::fmt::PrintOptions;
/// let a = linspace(0.0, 1.0, 4);
/// assert_eq!(format!("{a:?}"), "array([0.        , 0.33333333, 0.66666667, 1.        ])");
/// let opts = PrintOptions { precision: 3, ..PrintOptions::default() };
/// assert_eq!(a.repr_with(&opts).to_string(), "array([0.   , 0.333, 0.667, 1.   ])");
/// assert_eq!(format!("{a:.2}"), "[0.   0.33 0.67 1.  ]");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PrintOptions {
    /// Digits after the decimal point of floats (NumPy's `precision`, default 8); with
    /// [`FloatMode::MaxPrec`] it is a maximum, fewer are printed when they suffice.
    pub precision: usize,
    /// Arrays with more elements than this are summarized with `...` (NumPy's `threshold`,
    /// default 1000; `usize::MAX` never summarizes).
    pub threshold: usize,
    /// Items kept at the start and at the end of each axis of a summarized array (NumPy's
    /// `edgeitems`, default 3).
    pub edgeitems: usize,
    /// Characters per line before wrapping (NumPy's `linewidth`, default 75).
    pub linewidth: usize,
    /// Never use scientific notation for small floats: they print as `0.` when smaller than
    /// the precision shows (NumPy's `suppress`, default `false`).
    pub suppress: bool,
    /// What to print before non-negative numbers (NumPy's `sign`).
    pub sign: Sign,
    /// How many digits floats get (NumPy's `floatmode`).
    pub floatmode: FloatMode,
}

impl Default for PrintOptions {
    fn default() -> Self {
        PrintOptions {
            precision: 8,
            threshold: 1000,
            edgeitems: 3,
            linewidth: 75,
            suppress: false,
            sign: Sign::Minus,
            floatmode: FloatMode::MaxPrec,
        }
    }
}

/// NumPy's `sign` print option: what non-negative numbers get in front.
///
/// # Example
/// ```
/// use ndcore::prelude::*;
/// use ndcore::fmt::{PrintOptions, Sign};
/// let a = Array::from_vec(vec![-1i64, 0, 1]);
/// let opts = PrintOptions { sign: Sign::Plus, ..PrintOptions::default() };
/// assert_eq!(a.repr_with(&opts).to_string(), "array([-1, +0, +1])");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Sign {
    /// `'-'`: only negative numbers get a sign (the default).
    #[default]
    Minus,
    /// `'+'`: every number gets a sign.
    Plus,
    /// `' '`: non-negative numbers get a space where the sign would be.
    Space,
}

/// NumPy's `floatmode` print option: how many fractional digits floats get.
///
/// # Example
/// ```
/// use ndcore::prelude::*;
/// use ndcore::fmt::{FloatMode, PrintOptions};
/// let a = Array::from_vec(vec![0.5, 0.25]);
/// let fixed = PrintOptions { floatmode: FloatMode::Fixed, precision: 3, ..Default::default() };
/// assert_eq!(a.repr_with(&fixed).to_string(), "array([0.500, 0.250])");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum FloatMode {
    /// `'fixed'`: always exactly `precision` fractional digits.
    Fixed,
    /// `'unique'`: the fewest digits that identify each value, ignoring `precision`.
    Unique,
    /// `'maxprec'`: at most `precision` digits, fewer when they identify the value (the
    /// default).
    #[default]
    MaxPrec,
    /// `'maxprec_equal'`: at most `precision` digits, the same number for every element.
    MaxPrecEqual,
}
