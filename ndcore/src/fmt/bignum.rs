//! Just enough arbitrary-precision arithmetic for printing floats exactly: comparing a
//! decimal number with a float (Dragon4 decides whether to print trailing zeros by whether
//! the rounded digits fell short of the value, equal it, or passed it), and the scaled
//! integers of [`super::dragon4`].

use std::cmp::Ordering;

/// A non-negative integer, little-endian base-2³² limbs, no leading zero limbs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Big(Vec<u32>);

impl Big {
    pub(crate) fn from_u64(v: u64) -> Big {
        let mut b = Big(vec![v as u32, (v >> 32) as u32]);
        b.trim();
        b
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    pub(crate) fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    /// `self = self * m + a`.
    fn mul_add_small(&mut self, m: u32, a: u32) {
        let mut carry = u64::from(a);
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(m) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
        self.trim();
    }

    /// `self · m`.
    pub(crate) fn mul_small(&mut self, m: u32) {
        self.mul_add_small(m, 0);
    }

    fn mul_pow5(&mut self, mut k: u32) {
        // 5^13 is the largest power of 5 below 2^32.
        while k >= 13 {
            self.mul_small(1_220_703_125);
            k -= 13;
        }
        self.mul_small(5u32.pow(k));
    }

    /// `self · 10ⁿ`.
    pub(crate) fn mul_pow10(&mut self, mut n: u32) {
        while n >= 9 {
            self.mul_small(1_000_000_000);
            n -= 9;
        }
        self.mul_small(10u32.pow(n));
    }

    /// `self · 2ⁿ`.
    pub(crate) fn shl(&mut self, bits: u32) {
        if self.is_zero() {
            return;
        }
        let (limbs, rest) = ((bits / 32) as usize, bits % 32);
        if rest > 0 {
            let mut carry = 0u32;
            for limb in &mut self.0 {
                let v = (u64::from(*limb) << rest) | u64::from(carry);
                *limb = v as u32;
                carry = (v >> 32) as u32;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, limbs));
    }

    /// `self + other`.
    pub(crate) fn add(&self, other: &Big) -> Big {
        let (long, short) = if self.0.len() >= other.0.len() {
            (self, other)
        } else {
            (other, self)
        };
        let mut out = Vec::with_capacity(long.0.len() + 1);
        let mut carry = 0u64;
        for (i, &a) in long.0.iter().enumerate() {
            let v = u64::from(a) + u64::from(short.0.get(i).copied().unwrap_or(0)) + carry;
            out.push(v as u32);
            carry = v >> 32;
        }
        if carry > 0 {
            out.push(carry as u32);
        }
        Big(out)
    }

    /// `self - other`, which must not be negative.
    pub(crate) fn sub_assign(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let v = i64::from(*limb) - i64::from(other.0.get(i).copied().unwrap_or(0)) - borrow;
            borrow = i64::from(v < 0);
            *limb = (v + (borrow << 32)) as u32;
        }
        self.trim();
    }

    /// The integer whose decimal digits are `digits` (ASCII).
    fn from_decimal(digits: &str) -> Big {
        let mut b = Big(Vec::new());
        for chunk in digits.as_bytes().chunks(9) {
            let mut v = 0u32;
            for &d in chunk {
                v = v * 10 + u32::from(d - b'0');
            }
            b.mul_add_small(10u32.pow(chunk.len() as u32), v);
        }
        b
    }
}

impl PartialOrd for Big {
    fn partial_cmp(&self, other: &Big) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Big {
    fn cmp(&self, other: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

/// How `digits · 10^c` compares with `m · 2^e` (both non-negative), exactly.
pub(crate) fn cmp_decimal_binary(digits: &str, c: i32, m: u64, e: i32) -> Ordering {
    let mut lhs = Big::from_decimal(digits);
    let mut rhs = Big::from_u64(m);
    // Move every factor to the side where its exponent is positive.
    if c >= 0 {
        lhs.mul_pow5(c as u32);
    } else {
        rhs.mul_pow5(c.unsigned_abs());
    }
    let twos = c - e;
    if twos >= 0 {
        lhs.shl(twos as u32);
    } else {
        rhs.shl(twos.unsigned_abs());
    }
    lhs.cmp(&rhs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_comparisons() {
        // 0.1 (f64) = 3602879701896397 · 2^-55 is a little above one tenth.
        let (m, e) = (3_602_879_701_896_397u64, -55);
        assert_eq!(cmp_decimal_binary("100", -3, m, e), Ordering::Less);
        assert_eq!(
            cmp_decimal_binary("1000000000000000056", -19, m, e),
            Ordering::Greater
        );
        // 1.0 = 1 · 2^0.
        assert_eq!(cmp_decimal_binary("100", -2, 1, 0), Ordering::Equal);
        // 1e300 is not a float: the float nearest is above it.
        let x = 1e300f64;
        let (m, e) = (
            x.to_bits() & ((1 << 52) - 1) | 1 << 52,
            ((x.to_bits() >> 52) as i32) - 1075,
        );
        assert_eq!(cmp_decimal_binary("1", 300, m, e), Ordering::Less);
        assert_eq!(cmp_decimal_binary("0", 0, 0, 0), Ordering::Equal);
        assert_eq!(Big::from_decimal("4294967296"), Big(vec![0, 1]));
    }
}
