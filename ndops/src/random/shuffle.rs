//! `shuffle` and `permutation`: Fisher–Yates from the last index down, each swap partner
//! drawn by masked rejection (`random_interval`), as NumPy's `Generator` does.

use super::generator::Generator;
use super::integers::interval;
use crate::Select;
use ndcore::error::{Error, Result};
use ndcore::{Array, Array1, ArrayRef, Axis, Dimension, Element};

impl Generator {
    /// The swaps of a shuffle of `n` items: `(i, j)` for `i` from `n - 1` down to 1, each
    /// `j` drawn in `[0, i]`.
    fn swaps(&mut self, n: usize) -> Vec<(usize, usize)> {
        let bg = self.bit_generator_mut();
        (1..n)
            .rev()
            .map(|i| (i, interval(bg, i as u64) as usize))
            .collect()
    }

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
        let swaps = self.swaps(x.shape()[axis.0]);
        if x.ndim() == 1
            && let Some(s) = x.as_slice_mut()
        {
            swaps.iter().for_each(|&(i, j)| s.swap(i, j));
            return Ok(());
        }
        for mut lane in x.lanes_mut(axis) {
            for &(i, j) in &swaps {
                let t = lane[i];
                lane[i] = lane[j];
                lane[j] = t;
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
        let mut v: Vec<i64> = Vec::new();
        v.try_reserve_exact(n)
            .map_err(|_| ndcore::Error::Overflow { shape: vec![n] })?;
        v.extend(0..n as i64);
        for (i, j) in self.swaps(n) {
            v.swap(i, j);
        }
        Ok(Array1::from_vec(v))
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
