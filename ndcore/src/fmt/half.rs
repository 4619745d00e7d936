//! `float16` for printing: widening to `f32`, NumPy's rounding back to half, and Dragon4's
//! shortest digits of a half value.
//!
//! The digits must be those of the half itself: `np.float16(0.1)` prints as `0.1`, while its
//! exact value widened to `f32` prints as `0.099975586`. Half values are small enough that
//! Dragon4's scaled integers fit in a `u128`, so [`shortest`] follows NumPy's `Dragon4()` in
//! `dragon4.c` step for step with plain integers.

use super::digits::Sci;

/// The value of half-precision bits, widened exactly (NumPy's `npy_half_to_float`).
pub(crate) fn to_f32(h: u16) -> f32 {
    let sign = u32::from(h & 0x8000) << 16;
    let exp = u32::from((h >> 10) & 0x1f);
    let frac = u32::from(h & 0x3ff);
    let bits = match (exp, frac) {
        (0, 0) => sign,
        // Subnormal: frac · 2⁻²⁴, exact in f32.
        (0, _) => sign | (frac as f32 * f32::powi(2.0, -24)).to_bits(),
        (0x1f, 0) => sign | 0x7f80_0000,
        (0x1f, _) => sign | 0x7fc0_0000 | (frac << 13),
        _ => sign | ((exp + 112) << 23) | (frac << 13),
    };
    f32::from_bits(bits)
}

/// `x` rounded to the nearest half, ties to even, overflowing to infinity: NumPy's
/// `npy_float_to_half`, which its `float16` arithmetic applies to an `f32` result.
pub(crate) fn from_f32(x: f32) -> u16 {
    let bits = x.to_bits();
    let sign = ((bits >> 16) & 0x8000) as u16;
    let exp = ((bits >> 23) & 0xff) as i32;
    let frac = bits & 0x7f_ffff;
    if exp == 0xff {
        return sign | 0x7c00 | if frac != 0 { 0x200 } else { 0 };
    }
    // |x| = m · 2^(e) with a 24-bit significand.
    let (m, e) = if exp == 0 {
        (frac, -149)
    } else {
        (frac | 0x80_0000, exp - 150)
    };
    if m == 0 {
        return sign;
    }
    // A half is q · 2^k with k >= -24 and, for normals, q < 2¹¹; find the shift that brings
    // m · 2^e to a whole number of the half's last place.
    let top = 31 - m.leading_zeros() as i32 + e; // floor(log2 |x|)
    let k = (top - 10).max(-24);
    let shift = k - e;
    let q = if shift <= 0 {
        u64::from(m) << (-shift)
    } else if shift >= 32 {
        0
    } else {
        let q = u64::from(m >> shift);
        let rem = m & ((1u32 << shift) - 1);
        let half = 1u32 << (shift - 1);
        if rem > half || (rem == half && q & 1 == 1) {
            q + 1
        } else {
            q
        }
    };
    // q · 2^k, q < 2¹² (rounding may carry into the next binade).
    let (q, k) = if q >= 1 << 11 {
        (q >> 1, k + 1)
    } else {
        (q, k)
    };
    if q < 1 << 10 {
        // Subnormal (k == -24) or zero.
        return sign | q as u16;
    }
    let biased = k + 25;
    if biased >= 0x1f {
        return sign | 0x7c00;
    }
    sign | ((biased as u16) << 10) | (q as u16 & 0x3ff)
}

/// The shortest digits that identify the finite half `h` among halves, as NumPy's Dragon4
/// (`DigitMode_Unique`, no cutoff) produces them; the sign is ignored.
pub(crate) fn shortest(h: u16) -> Sci {
    let frac = u32::from(h & 0x3ff);
    let exp_bits = i32::from((h >> 10) & 0x1f);
    let (mantissa, exponent, mantissa_bit, unequal_margins) = if exp_bits != 0 {
        (
            frac | 1 << 10,
            exp_bits - 25,
            10,
            exp_bits != 1 && frac == 0,
        )
    } else {
        (frac, -24, 31 - frac.leading_zeros() as i32, false)
    };
    if mantissa == 0 {
        return Sci {
            digits: "0".into(),
            exp: 0,
        };
    }
    let is_even = mantissa % 2 == 0;
    let m = u128::from(mantissa);
    // value = scaled / scale; the margins are half the distances to the neighbours.
    let (mut scaled, mut scale, mut margin_low) = match (unequal_margins, exponent > 0) {
        (true, true) => (m << (exponent + 2), 4u128, 1u128 << exponent),
        (true, false) => (m << 2, 1u128 << (-exponent + 2), 1),
        (false, true) => (m << (exponent + 1), 2, 1u128 << exponent),
        (false, false) => (m << 1, 1u128 << (-exponent + 1), 1),
    };
    let high_factor = if unequal_margins { 2 } else { 1 };

    // Burger and Dybvig's estimate of the first digit's exponent, one too low at worst.
    let log10_2 = std::f64::consts::LOG10_2;
    let mut digit_exp = (f64::from(mantissa_bit + exponent) * log10_2 - 0.69).ceil() as i32;
    match digit_exp.cmp(&0) {
        std::cmp::Ordering::Greater => scale *= 10u128.pow(digit_exp as u32),
        std::cmp::Ordering::Less => {
            let p = 10u128.pow((-digit_exp) as u32);
            scaled *= p;
            margin_low *= p;
        }
        std::cmp::Ordering::Equal => {}
    }
    if scaled >= scale {
        digit_exp += 1;
    } else {
        scaled *= 10;
        margin_low *= 10;
    }
    let exp = digit_exp - 1;

    let mut digits = Vec::new();
    let (mut low, mut high, mut digit);
    loop {
        digit = (scaled / scale) as u8;
        scaled %= scale;
        let value_high = scaled + margin_low * high_factor;
        low = if is_even {
            scaled <= margin_low
        } else {
            scaled < margin_low
        };
        high = if is_even {
            value_high >= scale
        } else {
            value_high > scale
        };
        if low || high {
            break;
        }
        digits.push(digit);
        scaled *= 10;
        margin_low *= 10;
    }
    // Round the last digit: down if only the low side is in reach, up if only the high
    // side is, else to the nearer, ties to the even digit.
    let round_down = if low == high {
        match (scaled * 2).cmp(&scale) {
            std::cmp::Ordering::Less => true,
            std::cmp::Ordering::Equal => digit % 2 == 0,
            std::cmp::Ordering::Greater => false,
        }
    } else {
        low
    };
    let mut exp = exp;
    if super::dragon4::push_last_digit(&mut digits, digit, round_down) {
        exp += 1;
    }
    while digits.len() > 1 && digits.last() == Some(&0) {
        digits.pop();
    }
    Sci {
        digits: digits.iter().map(|d| char::from(b'0' + d)).collect(),
        exp,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sh(h: u16) -> (String, i32) {
        let s = shortest(h);
        (s.digits, s.exp)
    }

    #[test]
    fn widening_and_rounding_round_trip() {
        for h in 0..=u16::MAX {
            let x = to_f32(h);
            if x.is_nan() {
                assert!(to_f32(from_f32(x)).is_nan());
            } else {
                assert_eq!(from_f32(x), h, "{h:#06x}");
            }
        }
        assert_eq!(to_f32(0x3c00), 1.0);
        assert_eq!(to_f32(0x0001), 2f32.powi(-24));
        assert_eq!(to_f32(0x8001), -(2f32.powi(-24)));
        assert_eq!(to_f32(0x7bff), 65504.0);
        // Ties to even, overflow to infinity, underflow to zero.
        assert_eq!(from_f32(1.0 + 2f32.powi(-11)), 0x3c00);
        assert_eq!(from_f32(1.0 + 3.0 * 2f32.powi(-11)), 0x3c02);
        assert_eq!(from_f32(65520.0), 0x7c00);
        assert_eq!(from_f32(65519.0), 0x7bff);
        assert_eq!(from_f32(2f32.powi(-26)), 0);
        assert_eq!(from_f32(3.0 * 2f32.powi(-26)), 1);
        assert_eq!(from_f32(-1e-30), 0x8000);
    }

    #[test]
    fn shortest_digits_of_halves() {
        assert_eq!(sh(0x3c00), ("1".into(), 0));
        assert_eq!(sh(0x2e66), ("1".into(), -1)); // float16(0.1)
        assert_eq!(sh(0x7bff), ("655".into(), 4)); // 65504
        assert_eq!(sh(0x0001), ("6".into(), -8)); // 5.96e-08
        assert_eq!(sh(0x3555), ("3333".into(), -1)); // float16(1/3)
        assert_eq!(sh(0x0000), ("0".into(), 0));
    }
}
