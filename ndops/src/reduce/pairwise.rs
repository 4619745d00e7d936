//! Pairwise (blocked) summation of floats, the algorithm NumPy uses for `np.add.reduce`.
//!
//! A run of `n` values is split in halves (at multiples of 8) until a piece has at most
//! [`BLOCK`] values; a piece is summed by 8 independent accumulators (which the compiler
//! keeps in SIMD registers) that are added pairwise at the end. The rounding error grows
//! like `O(log2(n / BLOCK) + BLOCK / 8)` ulps instead of the `O(n)` of a sequential loop,
//! and because the split points, the block size and the order of the final additions are
//! NumPy's, a run sums to the same bits as NumPy's inner loop.

use super::num::FloatAcc;

/// Pieces of at most this many values are summed directly (NumPy's `PW_BLOCKSIZE`).
pub(crate) const BLOCK: usize = 128;

/// The pairwise sum of `f(0), f(1), …, f(n-1)`.
///
/// `f` loads (and converts, or transforms) element `i`; it is inlined, so a contiguous
/// load vectorizes. The recursion of NumPy's algorithm is unrolled onto a small stack so
/// that the whole sum inlines into the caller, and so into the SIMD-dispatched kernels
/// (a recursive function would be compiled once, for the baseline instruction set).
#[inline(always)]
pub(crate) fn pairwise_sum<A: FloatAcc, F: Fn(usize) -> A + Copy>(n: usize, f: F) -> A {
    if n <= BLOCK {
        return leaf(0, n, f);
    }
    // Each entry: a right half still to sum, and the sum of its left sibling once known.
    // Halving down to a block of 128 takes log2(n / 128) + 1 levels: 48 covers 2^54
    // elements, more than any address space holds.
    let mut stack = [(0usize, 0usize, A::ZERO, false); 48];
    let mut depth = 0;
    let (mut start, mut len) = (0usize, n);
    loop {
        // Descend to the leftmost block of the current piece, remembering right halves.
        while len > BLOCK {
            let n2 = pairwise_half(len);
            stack[depth] = (start + n2, len - n2, A::ZERO, false);
            depth += 1;
            len = n2;
        }
        let mut v = leaf(start, len, f);
        // Climb: a finished left half waits for its right sibling; a finished right half
        // completes its parent, `left + right`, as the recursion returns.
        loop {
            if depth == 0 {
                return v;
            }
            let top = &mut stack[depth - 1];
            if top.3 {
                v = top.2.add(v);
                depth -= 1;
            } else {
                top.2 = v;
                top.3 = true;
                (start, len) = (top.0, top.1);
                break;
            }
        }
    }
}

/// Where a run of `len > BLOCK` values is halved: `len / 2` rounded down to a multiple of 8.
#[inline(always)]
pub(crate) fn pairwise_half(len: usize) -> usize {
    let n2 = len / 2;
    n2 - n2 % 8
}

/// A piece of at most [`BLOCK`] values.
#[inline(always)]
fn leaf<A: FloatAcc, F: Fn(usize) -> A + Copy>(start: usize, n: usize, f: F) -> A {
    if n < 8 {
        // -0.0 so that a sum of -0.0 stays -0.0; `x + -0.0` is `x` for every x.
        let mut res = A::NEG_ZERO;
        for i in start..start + n {
            res = res.add(f(i));
        }
        res
    } else {
        block_sum(start, n, f)
    }
}

/// `((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7))`, NumPy's order. Kept out of line on purpose: seen
/// together with the block loop, LLVM keeps the accumulators in pairs of 128-bit registers
/// shuffled to suit this final sum; kept apart, they stay one wide vector (one AVX-512
/// register), which is what makes the loop run at memory speed. Called once per block.
#[inline(never)]
fn combine8<A: FloatAcc>(r: [A; 8]) -> A {
    (r[0].add(r[1]).add(r[2].add(r[3]))).add(r[4].add(r[5]).add(r[6].add(r[7])))
}

/// One block: 8 accumulators, combined as `((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7))`, then the
/// tail added in order.
#[inline(always)]
fn block_sum<A: FloatAcc, F: Fn(usize) -> A + Copy>(start: usize, n: usize, f: F) -> A {
    let mut r = [A::ZERO; 8];
    for (j, rj) in r.iter_mut().enumerate() {
        *rj = f(start + j);
    }
    let body = n - n % 8;
    let mut i = 8;
    while i < body {
        for (j, rj) in r.iter_mut().enumerate() {
            *rj = rj.add(f(start + i + j));
        }
        i += 8;
    }
    let mut res = combine8(r);
    while i < n {
        res = res.add(f(start + i));
        i += 1;
    }
    res
}

/// Combines partial results of a sequence of runs pairwise, like a binary counter: a new
/// partial merges with the newest one of the same level, so `m` runs cost
/// `O(log2 m)` roundings instead of `m`. Used where a reduction is split into many runs
/// (a full sum of a non-contiguous array), where NumPy adds the runs one after another.
pub(crate) struct Cascade<A, C> {
    stack: [(A, u32); 64],
    len: usize,
    combine: C,
}

impl<A: Copy, C: Fn(A, A) -> A> Cascade<A, C> {
    /// An empty cascade that merges partials with `combine(older, newer)`.
    pub(crate) fn new(zero: A, combine: C) -> Self {
        Cascade {
            stack: [(zero, 0); 64],
            len: 0,
            combine,
        }
    }

    /// Adds the partial result of the next run.
    pub(crate) fn push(&mut self, mut v: A) {
        let mut level = 0u32;
        while self.len > 0 && self.stack[self.len - 1].1 == level {
            self.len -= 1;
            v = (self.combine)(self.stack[self.len].0, v);
            level += 1;
        }
        // A binary counter of at most 2^64 runs never needs more than 64 levels.
        self.stack[self.len] = (v, level);
        self.len += 1;
    }

    /// The combination of every partial, or `None` if none was pushed.
    pub(crate) fn finish(self) -> Option<A> {
        let mut parts = self.stack[..self.len].iter().rev();
        let mut acc = parts.next()?.0;
        for &(p, _) in parts {
            acc = (self.combine)(p, acc);
        }
        Some(acc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// NumPy's `pairwise_sum`, transcribed as plainly as possible, as the reference.
    fn reference(a: &[f64]) -> f64 {
        let n = a.len();
        if n < 8 {
            a.iter().fold(-0.0, |s, &x| s + x)
        } else if n <= BLOCK {
            let mut r = [0.0; 8];
            r.copy_from_slice(&a[..8]);
            let mut i = 8;
            while i < n - n % 8 {
                for j in 0..8 {
                    r[j] += a[i + j];
                }
                i += 8;
            }
            let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for &x in &a[i..] {
                res += x;
            }
            res
        } else {
            let mut n2 = n / 2;
            n2 -= n2 % 8;
            reference(&a[..n2]) + reference(&a[n2..])
        }
    }

    #[test]
    fn same_bits_as_numpys_algorithm() {
        let a: Vec<f64> = (0..5000)
            .map(|i| ((i * 7919) % 1013) as f64 / 7.0 - 70.0)
            .collect();
        for n in [
            0, 1, 7, 8, 9, 15, 16, 127, 128, 129, 255, 256, 1000, 4999, 5000,
        ] {
            let got = pairwise_sum(n, |i| a[i]);
            assert_eq!(got.to_bits(), reference(&a[..n]).to_bits(), "n = {n}");
        }
        assert_eq!(pairwise_sum(2, |_| -0.0f64).to_bits(), (-0.0f64).to_bits());
    }

    #[test]
    fn cascade_combines_in_order() {
        // (first, last, in order so far): merging is only in order if ranges abut.
        let combine = |a: (usize, usize, bool), b: (usize, usize, bool)| {
            (a.0, b.1, a.2 && b.2 && a.1 + 1 == b.0)
        };
        for m in 1..70usize {
            let mut c = Cascade::new((0, 0, true), combine);
            for i in 0..m {
                c.push((i, i, true));
            }
            assert_eq!(c.finish(), Some((0, m - 1, true)), "m = {m}");
        }
        assert_eq!(Cascade::new(0, |a: i32, b| a + b).finish(), None);
    }
}
