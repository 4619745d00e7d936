//! Sort keys: every sortable element maps to an unsigned integer whose order is NumPy's
//! sort order, so one radix sort and one comparison serve every element type.

use ndcore::Element;

/// An unsigned integer key, widened to 64 bits for the radix sort.
pub trait RadixKey: Copy + Ord + Send + Sync + 'static {
    /// The key as a `u64` (same order).
    fn to_u64(self) -> u64;
}

macro_rules! radix_key {
    ($($t:ty),*) => {$(
        impl RadixKey for $t {
            #[inline(always)]
            fn to_u64(self) -> u64 {
                u64::from(self)
            }
        }
    )*};
}
radix_key!(u8, u16, u32, u64);

/// An element type nd sorts, searches and deduplicates in NumPy's order (NumPy's
/// `np.sort` order): numbers ascending, `false` before `true`, and for floats `-0.0` equal
/// to `0.0` and every NaN after `+inf`, all NaNs equal to each other.
///
/// Implemented for `bool`, the integers and the floats.
pub trait Sortable: Element {
    /// The key type: an unsigned integer of the element's width.
    type Key: RadixKey;

    /// The element's key: `a.key() < b.key()` exactly when NumPy sorts `a` before `b`, and
    /// equal keys for the elements NumPy's sort treats as equal (`-0.0` and `0.0`, NaNs).
    fn key(self) -> Self::Key;

    /// Whether the element is a NaN (never, for integers and booleans).
    #[inline(always)]
    fn is_nan_value(self) -> bool {
        false
    }

    /// Sorts `v` in this order, stably as far as can be seen in the values, by a faster
    /// way than the radix sort where the type has one (`f64` on AVX-512 CPUs); returns
    /// `false`, leaving `v` alone, where it has none (the default).
    #[inline(always)]
    fn sort_values_fast(v: &mut [Self]) -> bool {
        let _ = v;
        false
    }
}

macro_rules! sortable_unsigned {
    ($($t:ty),*) => {$(
        impl Sortable for $t {
            type Key = $t;
            #[inline(always)]
            fn key(self) -> $t {
                self
            }
        }
    )*};
}
sortable_unsigned!(u8, u16, u32, u64);

macro_rules! sortable_signed {
    ($($t:ty => $u:ty),*) => {$(
        impl Sortable for $t {
            type Key = $u;
            #[inline(always)]
            fn key(self) -> $u {
                // Flipping the sign bit maps MIN..=MAX onto 0..=MAX of the unsigned type.
                (self as $u) ^ (1 << (<$u>::BITS - 1))
            }
        }
    )*};
}
sortable_signed!(i8 => u8, i16 => u16, i32 => u32, i64 => u64);

macro_rules! sortable_float {
    ($($t:ty => $u:ty),*) => {$(
        impl Sortable for $t {
            type Key = $u;
            #[inline(always)]
            fn key(self) -> $u {
                const SIGN: $u = 1 << (<$u>::BITS - 1);
                if self.is_nan() {
                    return <$u>::MAX;
                }
                // `+ 0.0` turns -0.0 into 0.0 (and leaves every other value alone), so
                // the two zeros get one key. Negative numbers: all bits flipped (larger
                // magnitude, smaller key); positive: the sign bit set.
                let bits = (self + 0.0).to_bits();
                if bits & SIGN != 0 { !bits } else { bits | SIGN }
            }
            #[inline(always)]
            fn is_nan_value(self) -> bool {
                self.is_nan()
            }
        }
    )*};
}
sortable_float!(f32 => u32);

impl Sortable for f64 {
    type Key = u64;
    #[inline(always)]
    fn key(self) -> u64 {
        const SIGN: u64 = 1 << 63;
        if self.is_nan() {
            return u64::MAX;
        }
        let bits = (self + 0.0).to_bits();
        if bits & SIGN != 0 { !bits } else { bits | SIGN }
    }
    #[inline(always)]
    fn is_nan_value(self) -> bool {
        self.is_nan()
    }
    fn sort_values_fast(v: &mut [f64]) -> bool {
        super::simd::sort_f64(v)
    }
}

impl Sortable for bool {
    type Key = u8;
    #[inline(always)]
    fn key(self) -> u8 {
        self as u8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_keys_follow_numpy_order() {
        let v = [
            f64::NEG_INFINITY,
            -1e300,
            -1.0,
            -f64::MIN_POSITIVE,
            -0.0,
            0.0,
            5e-324,
            1.0,
            f64::MAX,
            f64::INFINITY,
            f64::NAN,
        ];
        for w in v.windows(2) {
            assert!(w[0].key() <= w[1].key(), "{} {}", w[0], w[1]);
            assert_eq!(w[0].key() == w[1].key(), w[0] == w[1], "{} {}", w[0], w[1]);
        }
        assert_eq!((-f64::NAN).key(), f64::NAN.key());
        assert!(f64::INFINITY.key() < (-f64::NAN).key());
        assert_eq!((-0.0f32).key(), 0.0f32.key());
    }

    #[test]
    fn integer_keys_follow_value_order() {
        let v = [i64::MIN, -5, -1, 0, 1, i64::MAX];
        for w in v.windows(2) {
            assert!(w[0].key() < w[1].key());
        }
        assert!((-1i8).key() < 0i8.key() && i8::MIN.key() == 0);
        assert!(false.key() < true.key());
    }
}
