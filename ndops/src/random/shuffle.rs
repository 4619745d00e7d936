//! `shuffle` and `permutation`: Fisher–Yates from the last index down, each swap partner
//! drawn by masked rejection (`random_interval`), as NumPy's `Generator` does.

use super::generator::Generator;
use super::integers::interval;
use super::pcg64::Pcg64;
use crate::Select;
use ndcore::error::{Error, Result};
use ndcore::{Array, Array1, ArrayRef, Axis, Dimension, Element};

/// Fisher–Yates on a slice, each partner drawn as NumPy's `random_interval` draws it.
fn shuffle_slice<T>(bg: &mut Pcg64, s: &mut [T]) {
    for i in (1..s.len()).rev() {
        let j = interval(bg, i as u64) as usize;
        s.swap(i, j);
    }
}

impl Generator {
    /// Shuffles an array in place along its first axis (the rows of a 2-d array move as
    /// wholes). Like `rng.shuffle(x)`; any layout (strided and negative-stride views too).
    ///
    /// # Errors
    /// A 0-d array: "len() of unsized object" (NumPy's `TypeError`). An empty array is
    /// left as it is and draws nothing.
    ///
    /// ```
    /// use ndops::prelude::*;
    /// use ndops::random::default_rng;
    /// let mut x = arange(10i64);
    /// default_rng(0).shuffle(&mut x).unwrap(); // rng.shuffle(x)
    /// assert_eq!(x.to_vec(), default_rng(0).permutation(10).unwrap().to_vec());
    /// ```
    pub fn shuffle<T: Element, D: Dimension>(&mut self, x: &mut ArrayRef<T, D>) -> Result<()> {
        if x.ndim() == 0 {
            return Err(Error::Value("len() of unsized object".to_string()));
        }
        self.shuffle_axis(x, Axis(0))
    }

    /// Shuffles an array in place along `axis`. Like `rng.shuffle(x, axis=axis)`.
    ///
    /// # Errors
    /// An axis out of bounds: "axis 2 is out of bounds for array of dimension 2".
    ///
    /// ```
    /// use ndops::prelude::*;
    /// use ndops::random::default_rng;
    /// let mut x = arange(6i64).reshape((2, 3)).unwrap();
    /// default_rng(1).shuffle_axis(&mut x, Axis(1)).unwrap(); // rng.shuffle(x, axis=1)
    /// // each row is permuted the same way
    /// let r0 = x.slice(s![0, ..]).to_vec();
    /// assert_eq!(x.slice(s![1, ..]).to_vec(), r0.iter().map(|v| v + 3).collect::<Vec<_>>());
    /// ```
    pub fn shuffle_axis<T: Element, D: Dimension>(
        &mut self,
        x: &mut ArrayRef<T, D>,
        axis: Axis,
    ) -> Result<()> {
        if axis.0 >= x.ndim() {
            return Err(Error::AxisOutOfBounds {
                axis: axis.0 as isize,
                ndim: x.ndim(),
            });
        }
        if x.is_empty() {
            return Ok(());
        }
        let bg = self.bit_generator_mut();
        if x.ndim() == 1
            && let Some(s) = x.as_slice_mut()
        {
            shuffle_slice(bg, s);
            return Ok(());
        }
        // Whole sub-arrays swap (rows of a C-order matrix along axis 0: contiguous runs).
        let mut subs: Vec<_> = x.axis_iter_mut(axis).collect();
        for i in (1..subs.len()).rev() {
            let j = interval(bg, i as u64) as usize;
            if i == j {
                continue;
            }
            let (lo, hi) = subs.split_at_mut(i);
            for (p, q) in lo[j].iter_mut().zip(hi[0].iter_mut()) {
                std::mem::swap(p, q);
            }
        }
        Ok(())
    }

    /// `0..n` in random order, as int64. Like `rng.permutation(n)`.
    ///
    /// # Errors
    /// Memory the allocator refuses.
    ///
    /// ```
    /// use ndops::random::default_rng;
    /// let p = default_rng(0).permutation(5).unwrap(); // rng.permutation(5)
    /// let mut sorted = p.to_vec();
    /// sorted.sort();
    /// assert_eq!(sorted, vec![0, 1, 2, 3, 4]);
    /// ```
    pub fn permutation(&mut self, n: usize) -> Result<Array1<i64>> {
        let mut p = Array1::<i64>::try_zeros(n)?;
        let Some(s) = p.as_slice_mut() else {
            unreachable!("a new array is C-contiguous")
        };
        s.iter_mut().zip(0..).for_each(|(v, i)| *v = i);
        shuffle_slice(self.bit_generator_mut(), s);
        Ok(p)
    }

    /// A shuffled copy of an array along its first axis. Like `rng.permutation(x)`.
    ///
    /// # Errors
    /// A 0-d array: "axis 0 is out of bounds for array of dimension 0", as NumPy.
    ///
    /// ```
    /// use ndops::prelude::*;
    /// use ndops::random::default_rng;
    /// let x = arange(9i64).reshape((3, 3)).unwrap();
    /// let p = default_rng(0).permutation_of(&x).unwrap(); // rng.permutation(x)
    /// assert_eq!(p.shape(), &[3, 3]);
    /// ```
    pub fn permutation_of<T: Element, D: Dimension>(
        &mut self,
        x: &ArrayRef<T, D>,
    ) -> Result<Array<T, D>> {
        self.permutation_axis(x, Axis(0))
    }

    /// A copy of an array shuffled along `axis`. Like `rng.permutation(x, axis=axis)`.
    ///
    /// # Errors
    /// An axis out of bounds, as NumPy's `AxisError`.
    ///
    /// ```
    /// use ndops::prelude::*;
    /// use ndops::random::default_rng;
    /// let x = arange(6i64).reshape((2, 3)).unwrap();
    /// let p = default_rng(0).permutation_axis(&x, Axis(1)).unwrap();
    /// assert_eq!(p.slice(s![0, ..]).sum(), 3);
    /// ```
    pub fn permutation_axis<T: Element, D: Dimension>(
        &mut self,
        x: &ArrayRef<T, D>,
        axis: Axis,
    ) -> Result<Array<T, D>> {
        if axis.0 >= x.ndim() {
            return Err(Error::AxisOutOfBounds {
                axis: axis.0 as isize,
                ndim: x.ndim(),
            });
        }
        if x.ndim() == 1 {
            // NumPy shuffles a copy in place: nothing drawn for an empty array.
            let mut out = x.to_owned();
            self.shuffle_axis(&mut out, axis)?;
            return Ok(out);
        }
        // NumPy shuffles an index of the axis's length (drawing even when other axes are
        // empty) and gathers.
        let idx = self.permutation(x.shape()[axis.0])?;
        x.take(&idx, Some(axis))?.into_rank()
    }
}
