//! `choice`: samples of `0..n` or of an array's rows, with or without replacement, with
//! optional probabilities, by NumPy's `Generator.choice` algorithms (uniform integers, the
//! inverse CDF, Floyd's sampling or a tail shuffle) so the same samples come out.

use super::generator::Generator;
use super::integers::bounded_u64;
use crate::Select;
use ndcore::error::{Error, Result};
use ndcore::{Array, Array1, ArrayD, ArrayRef, Axis, Dimension, Element, IntoDimension};

/// NumPy's tolerance on `sum(p) - 1` for float64 probabilities: `sqrt(eps)`.
const P_ATOL: f64 = 1.490_116_119_384_765_6e-8;

fn value_err<T>(msg: &str) -> Result<T> {
    Err(Error::Value(msg.to_string()))
}

/// Compensated sum, NumPy's `kahan_sum`, which checks that `p` sums to 1.
fn kahan_sum(v: &[f64]) -> f64 {
    let Some((&first, rest)) = v.split_first() else {
        return 0.0;
    };
    let (mut sum, mut c) = (first, 0.0);
    for &x in rest {
        let y = x - c;
        let t = sum + y;
        c = (t - sum) - y;
        sum = t;
    }
    sum
}

/// NumPy's checks of `p` against a population of `pop_size`.
fn check_p(p: &[f64], pop_size: usize) -> Result<()> {
    if p.len() != pop_size {
        return value_err("a and p must have same size");
    }
    let sum = kahan_sum(p);
    if sum.is_nan() {
        return value_err("Probabilities contain NaN");
    }
    if p.iter().any(|&v| v < 0.0) {
        return value_err("Probabilities are not non-negative");
    }
    if (sum - 1.0).abs() > P_ATOL {
        return value_err(
            "Probabilities do not sum to 1. See Notes section of docstring for more information.",
        );
    }
    Ok(())
}

/// `cumsum(p) / cumsum(p)[-1]`, summed in order as `np.cumsum` does.
fn cdf(p: &[f64]) -> Vec<f64> {
    let mut acc = 0.0;
    let mut c: Vec<f64> = p
        .iter()
        .map(|&v| {
            acc += v;
            acc
        })
        .collect();
    let last = acc;
    c.iter_mut().for_each(|v| *v /= last);
    c
}

/// `cdf.searchsorted(u, side='right')`: the number of entries `<= u`.
fn search_right(cdf: &[f64], u: f64) -> i64 {
    cdf.partition_point(|&c| c <= u) as i64
}

/// The keyword arguments of NumPy's `Generator.choice`: `replace=True`, `p=None`,
/// `axis=0`, `shuffle=True` by default.
///
/// ```
/// use ndops::prelude::*;
/// use ndops::random::{ChoiceOptions, default_rng};
/// // rng.choice(x, 2, replace=False, axis=1, shuffle=False)
/// let x = arange(6i64).reshape((2, 3)).unwrap();
/// let opts = ChoiceOptions { replace: false, axis: Axis(1), shuffle: false, ..Default::default() };
/// let s = default_rng(0).choice_from_with(&x, 2, &opts).unwrap();
/// assert_eq!(s.shape(), &[2, 2]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChoiceOptions<'a> {
    /// Whether a value may be drawn more than once (`replace`).
    pub replace: bool,
    /// The probability of each value (`p`), or `None` for uniform.
    pub p: Option<&'a [f64]>,
    /// The axis of an array population that is sampled (`axis`).
    pub axis: Axis,
    /// Whether samples drawn without replacement are shuffled (`shuffle`); without it they
    /// come out in the order NumPy's sampler finds them, cheaper to draw.
    pub shuffle: bool,
}

impl Default for ChoiceOptions<'_> {
    fn default() -> Self {
        ChoiceOptions {
            replace: true,
            p: None,
            axis: Axis(0),
            shuffle: true,
        }
    }
}

impl Generator {
    /// Random samples of `0..n` as int64. Like `rng.choice(n, size, replace, p)`.
    ///
    /// With replacement (`replace = true`, NumPy's default) the samples are
    /// `integers(0, n, size)`, or, with probabilities `p`, `p`'s inverse CDF at uniform
    /// draws; without, Floyd's algorithm or a partial shuffle (NumPy's choice between them,
    /// then its shuffle of the result), or repeated inverse-CDF rounds with `p`.
    ///
    /// # Errors
    /// NumPy's: `n == 0` with samples to take ("a must be a positive integer unless no
    /// samples are taken"); `p` of another length ("a and p must have same size"), with NaN
    /// ("Probabilities contain NaN"), negative ("Probabilities are not non-negative"), not
    /// summing to 1 within `sqrt(eps)` ("Probabilities do not sum to 1. See Notes section
    /// of docstring for more information."); without replacement, more samples than `n`
    /// ("Cannot take a larger sample than population when replace is False") or than
    /// positive `p`s ("Fewer non-zero entries in p than size").
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// let mut rng = default_rng(0);
    /// let a = rng.choice(5, 3, true, None).unwrap(); // rng.choice(5, 3)
    /// assert!(a.iter().all(|&i| (0..5).contains(&i)));
    /// let b = rng.choice(5, 5, false, None).unwrap(); // rng.choice(5, 5, replace=False)
    /// let mut s = b.to_vec();
    /// s.sort();
    /// assert_eq!(s, vec![0, 1, 2, 3, 4]);
    /// let c = rng.choice(3, 4, true, Some(&[0.0, 0.0, 1.0])).unwrap();
    /// assert_eq!(c.to_vec(), vec![2, 2, 2, 2]);
    /// let e = rng.choice(3, 5, false, None).unwrap_err();
    /// assert_eq!(
    ///     e.to_string(),
    ///     "Cannot take a larger sample than population when replace is False"
    /// );
    /// ```
    pub fn choice<Sh: IntoDimension>(
        &mut self,
        n: usize,
        shape: Sh,
        replace: bool,
        p: Option<&[f64]>,
    ) -> Result<Array<i64, Sh::Dim>> {
        let opts = ChoiceOptions {
            replace,
            p,
            ..Default::default()
        };
        self.choice_with(n, shape, &opts)
    }

    /// Random samples of `0..n` with all of `choice`'s options (the axis is unused). Like
    /// `rng.choice(n, size, replace, p, shuffle=...)`.
    ///
    /// # Errors
    /// As [`choice`](Self::choice).
    ///
    /// ```
    /// use ndops::random::{ChoiceOptions, default_rng};
    /// let opts = ChoiceOptions { replace: false, shuffle: false, ..Default::default() };
    /// let s = default_rng(0).choice_with(100, 5, &opts).unwrap();
    /// assert_eq!(s.len(), 5);
    /// ```
    pub fn choice_with<Sh: IntoDimension>(
        &mut self,
        n: usize,
        shape: Sh,
        opts: &ChoiceOptions,
    ) -> Result<Array<i64, Sh::Dim>> {
        self.choice_indices(
            n,
            shape,
            opts,
            "a must be a positive integer unless no samples are taken",
        )
    }

    /// Random samples of an array's sub-arrays along its first axis. Like
    /// `rng.choice(a, size, replace, p)` with an array `a`: the result's shape is `size`
    /// followed by `a`'s shape without its first axis.
    ///
    /// # Errors
    /// As [`choice`](Self::choice), with "a cannot be empty unless no samples are taken"
    /// for an empty first axis; a 0-d `a`: "axis 0 is out of bounds for array of
    /// dimension 0".
    ///
    /// ```
    /// use ndops::prelude::*;
    /// use ndops::random::default_rng;
    /// let colors = array![10, 20, 30];
    /// let mut rng = default_rng(0);
    /// let s = rng.choice_from(&colors, 4, true, None).unwrap(); // rng.choice(colors, 4)
    /// assert!(s.iter().all(|v| [10, 20, 30].contains(v)));
    /// let rows = arange(6i64).reshape((3, 2)).unwrap();
    /// let r = rng.choice_from(&rows, 2, false, None).unwrap();
    /// assert_eq!(r.shape(), &[2, 2]);
    /// ```
    pub fn choice_from<T: Element, D: Dimension, Sh: IntoDimension>(
        &mut self,
        a: &ArrayRef<T, D>,
        shape: Sh,
        replace: bool,
        p: Option<&[f64]>,
    ) -> Result<ArrayD<T>> {
        let opts = ChoiceOptions {
            replace,
            p,
            ..Default::default()
        };
        self.choice_from_with(a, shape, &opts)
    }

    /// Random samples of an array's sub-arrays along `opts.axis`, with all of `choice`'s
    /// options. Like `rng.choice(a, size, replace, p, axis, shuffle)`: the result's shape is
    /// `a`'s with the axis replaced by `size`.
    ///
    /// # Errors
    /// As [`choice_from`](Self::choice_from); an axis out of bounds: "axis 2 is out of
    /// bounds for array of dimension 2" (NumPy raises `IndexError: tuple index out of
    /// range`).
    ///
    /// ```
    /// use ndops::prelude::*;
    /// use ndops::random::{ChoiceOptions, default_rng};
    /// let x = arange(6i64).reshape((3, 2)).unwrap();
    /// let opts = ChoiceOptions { axis: Axis(1), ..Default::default() };
    /// let s = default_rng(0).choice_from_with(&x, 4, &opts).unwrap(); // axis=1
    /// assert_eq!(s.shape(), &[3, 4]);
    /// ```
    pub fn choice_from_with<T: Element, D: Dimension, Sh: IntoDimension>(
        &mut self,
        a: &ArrayRef<T, D>,
        shape: Sh,
        opts: &ChoiceOptions,
    ) -> Result<ArrayD<T>> {
        let axis = opts.axis.0;
        if axis >= a.ndim() {
            return Err(Error::AxisOutOfBounds {
                axis: axis as isize,
                ndim: a.ndim(),
            });
        }
        let idx = self.choice_indices(
            a.shape()[axis],
            shape,
            opts,
            "a cannot be empty unless no samples are taken",
        )?;
        a.take(&idx, Some(opts.axis))
    }

    fn choice_indices<Sh: IntoDimension>(
        &mut self,
        pop_size: usize,
        shape: Sh,
        opts: &ChoiceOptions,
        empty_msg: &str,
    ) -> Result<Array<i64, Sh::Dim>> {
        let (replace, p) = (opts.replace, opts.p);
        let dim = shape.into_dimension()?;
        let size = dim.size_checked().ok_or_else(|| Error::Overflow {
            shape: dim.as_ref().to_vec(),
        })?;
        if pop_size == 0 && size != 0 {
            return value_err(empty_msg);
        }
        if let Some(p) = p {
            check_p(p, pop_size)?;
        }
        let flat = match (replace, p) {
            (true, Some(p)) => {
                let cdf = cdf(p);
                let u = self.random(size)?;
                u.iter().map(|&u| search_right(&cdf, u)).collect()
            }
            (true, None) => {
                return self.integers(0i64, pop_size as i64, dim);
            }
            (false, _) if size > pop_size => {
                return value_err(
                    "Cannot take a larger sample than population when replace is False",
                );
            }
            (false, Some(p)) => self.choice_p_unique(p, size)?,
            (false, None) => self.choice_unique(pop_size, size, opts.shuffle)?,
        };
        Array1::from_vec(flat).into_shape(dim)
    }

    /// Without replacement, with probabilities: rounds of inverse-CDF draws, each round's
    /// new values kept in order of first appearance, the found ones' weights zeroed.
    fn choice_p_unique(&mut self, p: &[f64], size: usize) -> Result<Vec<i64>> {
        if p.iter().filter(|&&v| v > 0.0).count() < size {
            return value_err("Fewer non-zero entries in p than size");
        }
        let mut p = p.to_vec();
        let mut found: Vec<i64> = Vec::with_capacity(size);
        let mut seen = vec![false; p.len()];
        while found.len() < size {
            let x = self.random(size - found.len())?;
            for &i in &found {
                p[i as usize] = 0.0;
            }
            let cdf = cdf(&p);
            let mut batch: Vec<i64> = Vec::new();
            for &u in x.iter() {
                let i = search_right(&cdf, u);
                if !seen[i as usize] {
                    seen[i as usize] = true;
                    batch.push(i);
                }
            }
            // `seen` marks within one round only, as NumPy's `np.unique` of the round.
            for &i in &batch {
                seen[i as usize] = false;
            }
            found.extend(batch);
        }
        Ok(found)
    }

    /// Without replacement, uniform: a partial shuffle of `0..pop_size` for large samples
    /// of large populations (NumPy's heuristic cutoff: past 1/50 of the population, 1/20
    /// without `shuffle`), else Floyd's algorithm, then a shuffle if asked.
    fn choice_unique(&mut self, pop_size: usize, size: usize, shuffle: bool) -> Result<Vec<i64>> {
        let bg = self.bit_generator_mut();
        let (pop, size) = (pop_size as u64, size as u64);
        let cutoff = if shuffle { 50 } else { 20 };
        if pop > 10_000 && size > pop / cutoff {
            let mut idx = int64_vec(pop_size)?;
            idx.extend(0..pop as i64);
            shuffle_tail(bg, &mut idx, (pop - size).max(1) as usize);
            return Ok(idx.split_off((pop - size) as usize));
        }
        let mut out = int64_vec(size as usize)?;
        let mut set = std::collections::HashSet::new();
        set.try_reserve(size as usize)
            .map_err(|_| alloc_error(size as usize))?;
        for j in pop - size..pop {
            let val = bounded_u64(bg, j);
            // Floyd: `val` if new, else `j`, which no earlier round could pick.
            let pick = if set.insert(val) {
                val
            } else {
                set.insert(j);
                j
            };
            out.push(pick as i64);
        }
        if shuffle {
            shuffle_tail(bg, &mut out, 1);
        }
        Ok(out)
    }
}

/// NumPy's `MemoryError` for `n` int64 indices.
fn alloc_error(n: usize) -> Error {
    Error::Alloc {
        shape: vec![n],
        dtype: "int64".to_string(),
        itemsize: 8,
    }
}

/// An empty vector with room for `n` indices, or NumPy's `MemoryError`.
fn int64_vec(n: usize) -> Result<Vec<i64>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| alloc_error(n))?;
    Ok(v)
}

/// Swaps each of `v[n-1]`, …, `v[first]` with a partner in `[0, i]` drawn by Lemire's
/// method (NumPy's `_shuffle_int`).
fn shuffle_tail(bg: &mut super::Pcg64, v: &mut [i64], first: usize) {
    for i in (first..v.len()).rev() {
        let j = bounded_u64(bg, i as u64) as usize;
        v.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_past_memory_are_errors_not_aborts() {
        let mut rng = super::super::default_rng(0);
        let e = rng.choice(1 << 60, 1 << 59, false, None).unwrap_err();
        assert!(e.to_string().starts_with("Unable to allocate"), "{e}");
        // Floyd's branch only holds the sample.
        assert_eq!(rng.choice(1 << 60, 3, false, None).unwrap().len(), 3);
    }

    #[test]
    fn kahan_sum_compensates() {
        let v = [1.0, 1e-16, 1e-16, 1e-16, 1e-16];
        assert_eq!(kahan_sum(&v), 1.0000000000000004);
        assert_eq!(kahan_sum(&[]), 0.0);
    }

    #[test]
    fn search_right_counts_entries_at_most_u() {
        let c = [0.25, 0.25, 1.0];
        assert_eq!(search_right(&c, 0.0), 0);
        assert_eq!(search_right(&c, 0.25), 2);
        assert_eq!(search_right(&c, 0.99), 2);
    }
}
