//! Stable sorts of slices by [`Sortable::key`]: a least-significant-digit radix sort (one
//! byte per pass, passes over bytes that every key shares skipped) for long slices, std's
//! stable merge sort below [`RADIX_MIN`].
//!
//! Why radix: the keys are fixed-width integers, so `n` elements take at most
//! `size_of::<T>()` linear passes whatever the data, and the sort is stable by
//! construction (NumPy's `kind='stable'` is a radix sort for integers of up to 16 bits
//! and timsort otherwise; nd's result is the same ordering).

use super::key::{RadixKey, Sortable};

use ndcore::error::Result;
use ndcore::{Array1, Element};

/// Below this length a comparison sort beats the radix sort's fixed costs (the counters
/// and a scratch buffer).
pub(crate) const RADIX_MIN: usize = 512;

/// The widest digit: 2^11 counters per pass. Digits are as wide as this allows over the
/// bits in which the keys differ, so i64 values below 2^22 take two passes and uniform
/// f64 in [0, 1) six.
const MAX_DIGIT_BITS: u32 = 11;

/// A scratch buffer of elements, allocated once for many lanes (from ndcore's buffer pool,
/// so a large sort does not page-fault a fresh buffer each call).
pub(crate) struct Scratch<T: Element>(Option<Array1<T>>);

impl<T: Element> Scratch<T> {
    pub(crate) fn new() -> Self {
        Scratch(None)
    }

    /// At least `n` elements of unspecified (but initialized) values.
    fn get(&mut self, n: usize) -> Result<&mut [T]> {
        if self.0.as_ref().is_none_or(|a| a.len() < n) {
            self.0 = Some(Array1::try_zeros(n)?);
        }
        match self.0.as_mut().and_then(|a| a.as_slice_mut()) {
            Some(s) => Ok(&mut s[..n]),
            None => unreachable!("a fresh 1-d array is contiguous"),
        }
    }
}

/// The digits of a sort: `(shift, bits)` for each pass, least significant first, covering
/// the bits in which some keys differ.
fn digits<T>(v: &[T], key: impl Fn(&T) -> u64) -> Vec<(u32, u32)> {
    let (mut or, mut and) = (0u64, u64::MAX);
    for x in v {
        let k = key(x);
        or |= k;
        and &= k;
    }
    let varying = or & !and;
    if varying == 0 {
        return Vec::new();
    }
    let lo = varying.trailing_zeros();
    let width = 64 - varying.leading_zeros() - lo;
    let passes = width.div_ceil(MAX_DIGIT_BITS);
    let bits = width.div_ceil(passes);
    (0..passes).map(|p| (lo + p * bits, bits)).collect()
}

/// The starting offset of each bucket of every digit, from one counting pass.
fn offsets<T>(v: &[T], digits: &[(u32, u32)], key: impl Fn(&T) -> u64) -> Vec<Vec<usize>> {
    let mut c: Vec<Vec<usize>> = digits.iter().map(|&(_, b)| vec![0; 1 << b]).collect();
    for x in v {
        let k = key(x);
        for (t, &(shift, bits)) in c.iter_mut().zip(digits) {
            t[((k >> shift) & ((1 << bits) - 1)) as usize] += 1;
        }
    }
    for t in &mut c {
        let mut sum = 0;
        for x in t.iter_mut() {
            sum += std::mem::replace(x, sum);
        }
    }
    c
}

/// One stable pass: `from` scattered into `to` by one digit of each key.
#[inline]
fn scatter<T: Copy>(
    from: &[T],
    to: &mut [T],
    (shift, bits): (u32, u32),
    offsets: &mut [usize],
    key: &impl Fn(&T) -> u64,
) {
    assert!(to.len() == from.len() && offsets.len() == 1 << bits);
    let mask = (1u64 << bits) - 1;
    for x in from {
        let b = ((key(x) >> shift) & mask) as usize;
        // SAFETY: `b <= mask < offsets.len()`. The offsets are the prefix sums of the
        // counts of each digit value over the same elements (a pass permutes them, so the
        // counts hold for every pass): bucket `b` starts at `offsets[b]` and receives
        // exactly as many elements as it has room for, so `o < from.len() == to.len()`.
        unsafe {
            let o = *offsets.get_unchecked(b);
            *to.get_unchecked_mut(o) = *x;
            *offsets.get_unchecked_mut(b) = o + 1;
        }
    }
}

/// Sorts `v` stably by `key`, passes alternating between `v` and `scratch` (of the same
/// length) so that the last one writes `v`.
fn radix<T: Copy>(v: &mut [T], scratch: &mut [T], key: impl Fn(&T) -> u64) {
    let d = digits(v, &key);
    if d.is_empty() {
        return;
    }
    let mut off = offsets(v, &d, &key);
    // With an odd number of passes the first reads a copy in `scratch`.
    let mut in_v = d.len().is_multiple_of(2);
    if !in_v {
        scratch.copy_from_slice(v);
    }
    for (&dig, o) in d.iter().zip(&mut off) {
        if in_v {
            scatter(v, scratch, dig, o, &key);
        } else {
            scatter(scratch, v, dig, o, &key);
        }
        in_v = !in_v;
    }
    debug_assert!(in_v, "the last pass writes v");
}

/// Sorts `v` stably in NumPy's order.
///
/// # Errors
/// If the scratch buffer cannot be allocated.
pub(crate) fn sort_slice<T: Sortable>(v: &mut [T], scratch: &mut Scratch<T>) -> Result<()> {
    if v.len() < RADIX_MIN {
        v.sort_by_key(|x| x.key());
        return Ok(());
    }
    if T::sort_values_fast(v) {
        return Ok(());
    }
    let s = scratch.get(v.len())?;
    radix(v, s, |x: &T| x.key().to_u64());
    Ok(())
}

/// Writes `src` sorted stably into `out` (of the same length).
///
/// # Errors
/// If the scratch buffer cannot be allocated.
pub(crate) fn sort_into<T: Sortable>(
    src: &[T],
    out: &mut [T],
    scratch: &mut Scratch<T>,
) -> Result<()> {
    if src.len() < RADIX_MIN {
        out.copy_from_slice(src);
        out.sort_by_key(|x| x.key());
        return Ok(());
    }
    out.copy_from_slice(src);
    if T::sort_values_fast(out) {
        return Ok(());
    }
    let s = scratch.get(src.len())?;
    radix(out, s, |x: &T| x.key().to_u64());
    Ok(())
}

/// The stable sorting permutation of `src` (NumPy's `argsort(kind='stable')`) written
/// into `out` as `i64` indices.
pub(crate) fn argsort_into<T: Sortable>(src: &[T], out: &mut [i64]) {
    let n = src.len();
    if n < RADIX_MIN || u32::try_from(n).is_err() {
        let mut idx: Vec<usize> = (0..n).collect();
        idx.sort_by_key(|&i| src[i].key());
        for (o, i) in out.iter_mut().zip(idx) {
            *o = i as i64;
        }
        return;
    }
    // Keys computed once, carried with their 32-bit index through the passes.
    let mut pairs: Vec<(u64, u32)> = src
        .iter()
        .enumerate()
        .map(|(i, x)| (x.key().to_u64(), i as u32))
        .collect();
    let mut scratch = pairs.clone();
    radix(&mut pairs, &mut scratch, |x: &(u64, u32)| x.0);
    for (o, (_, i)) in out.iter_mut().zip(pairs) {
        *o = i64::from(i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sort::tests::lcg;

    #[test]
    fn radix_matches_std_stable_sort_on_floats_with_ties() {
        for n in [0, 1, 5, RADIX_MIN - 1, RADIX_MIN, 3000] {
            let v: Vec<f64> = lcg(n, 7)
                .iter()
                .map(|&r| match r % 9 {
                    0 => f64::NAN,
                    1 => -0.0,
                    2 => 0.0,
                    3 => -f64::NAN,
                    4 => f64::NEG_INFINITY,
                    _ => ((r >> 8) % 50) as f64 - 25.0,
                })
                .collect();
            let mut want = v.clone();
            want.sort_by_key(|x| x.key());
            let bits = |s: &[f64]| s.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            let mut a = v.clone();
            sort_slice(&mut a, &mut Scratch::new()).unwrap();
            assert_eq!(bits(&a), bits(&want), "n = {n}");
            let mut b = vec![0.0; n];
            sort_into(&v, &mut b, &mut Scratch::new()).unwrap();
            assert_eq!(bits(&b), bits(&want), "n = {n}");
            let mut idx = vec![0i64; n];
            argsort_into(&v, &mut idx);
            let mut want_idx: Vec<usize> = (0..n).collect();
            want_idx.sort_by_key(|&i| v[i].key());
            assert!(idx.iter().zip(&want_idx).all(|(&a, &b)| a as usize == b));
        }
    }

    #[test]
    fn radix_sorts_wide_integers_and_skips_shared_bytes() {
        let v: Vec<i64> = lcg(5000, 3).iter().map(|&r| r as i64 - (1 << 52)).collect();
        let mut want = v.clone();
        want.sort();
        let mut a = v.clone();
        sort_slice(&mut a, &mut Scratch::new()).unwrap();
        assert_eq!(a, want);
        // All equal: no pass at all.
        let mut c = vec![7u16; 1000];
        sort_slice(&mut c, &mut Scratch::new()).unwrap();
        assert!(c.iter().all(|&x| x == 7));
    }
}
