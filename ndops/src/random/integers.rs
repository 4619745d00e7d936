//! Bounded random integers as NumPy's `Generator.integers` draws them: Lemire's
//! multiply-and-reject on 64-bit words for ranges past 32 bits, on 32-bit draws otherwise,
//! and on 16- and 8-bit pieces of a 32-bit draw for the narrow types (`distributions.c`,
//! `_bounded_integers.pyx`).

use super::pcg64::Pcg64;
use ndcore::Element;

/// Lemire's unbiased `[0, rng]` from 64-bit words (`bounded_lemire_uint64`); `rng` is below
/// `u64::MAX`.
#[inline]
fn lemire_u64(bg: &mut Pcg64, rng: u64) -> u64 {
    let excl = rng.wrapping_add(1);
    let mut m = u128::from(bg.next_u64()) * u128::from(excl);
    let mut leftover = m as u64;
    if leftover < excl {
        let threshold = (u64::MAX - rng) % excl;
        while leftover < threshold {
            m = u128::from(bg.next_u64()) * u128::from(excl);
            leftover = m as u64;
        }
    }
    (m >> 64) as u64
}

/// Lemire's `[0, rng]` from 32-bit draws (`buffered_bounded_lemire_uint32`); `rng` is
/// below `u32::MAX`.
#[inline]
fn lemire_u32(bg: &mut Pcg64, rng: u32) -> u32 {
    let excl = rng.wrapping_add(1);
    let mut m = u64::from(bg.next_u32()) * u64::from(excl);
    let mut leftover = m as u32;
    if leftover < excl {
        let threshold = (u32::MAX - rng) % excl;
        while leftover < threshold {
            m = u64::from(bg.next_u32()) * u64::from(excl);
            leftover = m as u32;
        }
    }
    (m >> 32) as u32
}

/// 16-bit, 8-bit or 1-bit pieces of 32-bit draws, lowest first, as one call of NumPy's
/// takes them (the pieces left over are dropped at the end of the call).
#[doc(hidden)]
#[derive(Default)]
pub struct Pieces<const BITS: u32> {
    buf: u32,
    left: u32,
}

impl<const BITS: u32> Pieces<BITS> {
    #[inline]
    fn next(&mut self, bg: &mut Pcg64) -> u32 {
        if self.left == 0 {
            self.buf = bg.next_u32();
            self.left = 32 / BITS - 1;
        } else {
            self.buf >>= BITS;
            self.left -= 1;
        }
        self.buf & (u32::MAX >> (32 - BITS))
    }

    /// Lemire's `[0, rng]` on pieces (`buffered_bounded_lemire_uint16` / `_uint8`); `rng`
    /// is below the piece's maximum.
    #[inline]
    fn lemire(&mut self, bg: &mut Pcg64, rng: u32) -> u32 {
        let mask = (1u32 << BITS) - 1;
        let excl = rng + 1;
        let mut m = self.next(bg) * excl;
        let mut leftover = m & mask;
        if leftover < excl {
            let threshold = (mask - rng) % excl;
            while leftover < threshold {
                m = self.next(bg) * excl;
                leftover = m & mask;
            }
        }
        m >> BITS
    }
}

/// `[0, rng]` for one 64-bit value, as `random_bounded_uint64(state, 0, rng, 0, 0)` (used
/// by `choice` and its shuffles).
#[inline]
pub(crate) fn bounded_u64(bg: &mut Pcg64, rng: u64) -> u64 {
    if rng == 0 {
        0
    } else if rng < 0xFFFF_FFFF {
        u64::from(lemire_u32(bg, rng as u32))
    } else if rng == 0xFFFF_FFFF {
        u64::from(bg.next_u32())
    } else if rng == u64::MAX {
        bg.next_u64()
    } else {
        lemire_u64(bg, rng)
    }
}

/// `[0, max]` by masked rejection (`random_interval`), as `shuffle` and `permutation` draw.
#[inline]
pub(crate) fn interval(bg: &mut Pcg64, max: u64) -> u64 {
    if max == 0 {
        return 0;
    }
    let mask = u64::MAX >> max.leading_zeros();
    if max <= 0xFFFF_FFFF {
        loop {
            let v = u64::from(bg.next_u32()) & mask;
            if v <= max {
                return v;
            }
        }
    }
    loop {
        let v = bg.next_u64() & mask;
        if v <= max {
            return v;
        }
    }
}

/// `[0, rng]` in 32 bits (`random_buffered_bounded_uint32`).
#[inline]
fn bounded_u32(bg: &mut Pcg64, rng: u32) -> u32 {
    match rng {
        0 => 0,
        u32::MAX => bg.next_u32(),
        _ => lemire_u32(bg, rng),
    }
}

/// `[0, rng]` in `BITS` (16 or 8) bits from pieces of 32-bit draws kept in `p`
/// (`random_buffered_bounded_uint16` / `_uint8`).
#[inline]
fn bounded_pieces<const BITS: u32>(bg: &mut Pcg64, p: &mut Pieces<BITS>, rng: u32) -> u32 {
    if rng == 0 {
        0
    } else if rng == (1 << BITS) - 1 {
        p.next(bg)
    } else {
        p.lemire(bg, rng)
    }
}

mod sealed {
    pub trait Sealed {}
}

/// The integer types `Generator::integers` draws: NumPy's `dtype=` choices `int8` …
/// `int64`, `uint8` … `uint64` and `bool`.
///
/// Each draws as NumPy draws that dtype, so the same call gives the same numbers and uses
/// the same words of the stream. Sealed: implemented for `i8`, `i16`, `i32`, `i64`, `u8`,
/// `u16`, `u32`, `u64` and `bool`.
pub trait RandomInt: Element + Copy + sealed::Sealed {
    /// NumPy's name of the type (`"int64"`).
    const NAME: &'static str;
    /// The random bits one call keeps between its draws (NumPy's `buf`, `bcnt`).
    #[doc(hidden)]
    type Buffer: Default;
    /// The value as a wide integer.
    fn to_i128(self) -> i128;
    /// One value in the closed range `[low, low + rng]` (wrapping), drawn as NumPy draws
    /// it; `rng` fits the type's unsigned width.
    #[doc(hidden)]
    fn draw_closed(bg: &mut Pcg64, buf: &mut Self::Buffer, low: Self, rng: u64) -> Self;
}

/// Fills `out` with values in `[low, low + rng]`, one call's worth of draws (its buffer
/// starts empty, as each NumPy call's does).
pub(crate) fn fill_closed<T: RandomInt>(bg: &mut Pcg64, low: T, rng: u64, out: &mut [T]) {
    let mut buf = T::Buffer::default();
    for o in out {
        *o = T::draw_closed(bg, &mut buf, low, rng);
    }
}

/// One `RandomInt` impl per line: type, its unsigned twin, NumPy's name, the buffer, and
/// the draw of `[0, rng]` in the unsigned twin.
macro_rules! random_int {
    ($t:ty, $u:ty, $name:literal, $buf:ty, |$bg:ident, $b:ident, $rng:ident| $draw:expr) => {
        impl sealed::Sealed for $t {}
        impl RandomInt for $t {
            const NAME: &'static str = $name;
            type Buffer = $buf;
            fn to_i128(self) -> i128 {
                self as i128
            }
            #[inline]
            fn draw_closed($bg: &mut Pcg64, $b: &mut $buf, low: $t, $rng: u64) -> $t {
                (low as $u).wrapping_add($draw as $u) as $t
            }
        }
    };
}

random_int!(u64, u64, "uint64", (), |bg, _b, rng| bounded_u64(bg, rng));
random_int!(i64, u64, "int64", (), |bg, _b, rng| bounded_u64(bg, rng));
random_int!(u32, u32, "uint32", (), |bg, _b, rng| bounded_u32(
    bg, rng as u32
));
random_int!(i32, u32, "int32", (), |bg, _b, rng| bounded_u32(
    bg, rng as u32
));
random_int!(u16, u16, "uint16", Pieces<16>, |bg, b, rng| bounded_pieces(
    bg, b, rng as u32
));
random_int!(i16, u16, "int16", Pieces<16>, |bg, b, rng| bounded_pieces(
    bg, b, rng as u32
));
random_int!(u8, u8, "uint8", Pieces<8>, |bg, b, rng| bounded_pieces(
    bg, b, rng as u32
));
random_int!(i8, u8, "int8", Pieces<8>, |bg, b, rng| bounded_pieces(
    bg, b, rng as u32
));

impl sealed::Sealed for bool {}
impl RandomInt for bool {
    const NAME: &'static str = "bool";
    type Buffer = Pieces<1>;
    fn to_i128(self) -> i128 {
        self.into()
    }
    /// One bit of a 32-bit draw (`buffered_bounded_bool`); `low` itself when `rng` is 0.
    fn draw_closed(bg: &mut Pcg64, buf: &mut Pieces<1>, low: bool, rng: u64) -> bool {
        if rng == 0 { low } else { buf.next(bg) == 1 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_split_a_draw_lowest_first() {
        let mut bg = Pcg64::new(9u64);
        let w = bg.clone().next_u32();
        let mut p = Pieces::<8>::default();
        let got: Vec<u32> = (0..4).map(|_| p.next(&mut bg)).collect();
        assert_eq!(
            got,
            vec![w & 0xff, (w >> 8) & 0xff, (w >> 16) & 0xff, w >> 24]
        );
    }

    #[test]
    fn interval_stays_in_range() {
        let mut bg = Pcg64::new(1u64);
        for max in [1u64, 2, 5, 1 << 32, (1 << 40) + 3] {
            for _ in 0..200 {
                assert!(interval(&mut bg, max) <= max);
            }
        }
        assert_eq!(interval(&mut bg, 0), 0);
    }
}
