//! A naive reference model of NumPy's strided views, for the property tests of
//! `ndcore_props.rs`.
//!
//! A view is held extensionally: its shape and, for every element in C order, the byte
//! offset of that element from the start of the base buffer. Every operation is written
//! from NumPy's documented meaning (which element of the input each output index names),
//! by enumerating indices, never from stride arithmetic, so it shares no logic with the
//! code under test.

#![allow(dead_code)]

use ndcore::SliceInfoElem;

/// A view: its shape and the byte offset of each element, in C (row-major) order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Model {
    /// Length of each axis.
    pub shape: Vec<usize>,
    /// Byte offset of each element from the base pointer, in C order.
    pub offs: Vec<isize>,
}

/// Number of elements of `shape` (1 for a 0-d shape).
pub fn size(shape: &[usize]) -> usize {
    shape.iter().product()
}

/// Every index of `shape` in C order (the last axis fastest).
pub fn c_indices(shape: &[usize]) -> Vec<Vec<usize>> {
    let n = size(shape);
    let mut out = Vec::with_capacity(n);
    for mut k in 0..n {
        let mut idx = vec![0; shape.len()];
        for ax in (0..shape.len()).rev() {
            idx[ax] = k % shape[ax];
            k /= shape[ax];
        }
        out.push(idx);
    }
    out
}

/// Every index of `shape` in Fortran order (the first axis fastest).
pub fn f_indices(shape: &[usize]) -> Vec<Vec<usize>> {
    let rev: Vec<usize> = shape.iter().rev().copied().collect();
    c_indices(&rev)
        .into_iter()
        .map(|i| i.into_iter().rev().collect())
        .collect()
}

/// Position of `idx` in the C-order enumeration of `shape`.
pub fn c_position(shape: &[usize], idx: &[usize]) -> usize {
    idx.iter().zip(shape).fold(0, |acc, (&i, &n)| acc * n + i)
}

/// The elements of `range(n)[start:stop:step]`, by CPython's `PySlice_AdjustIndices`
/// (computed in i128 so no bound can overflow).
pub fn python_range(
    n: usize,
    start: Option<isize>,
    stop: Option<isize>,
    step: isize,
) -> Vec<usize> {
    assert!(step != 0);
    let (n, step) = (n as i128, step as i128);
    let adjust = |v: Option<isize>, none: i128| -> i128 {
        let v = match v {
            None => none,
            Some(v) => v as i128,
        };
        if v < 0 {
            let v = v + n;
            if v < 0 {
                if step < 0 { -1 } else { 0 }
            } else {
                v
            }
        } else if v >= n {
            if step < 0 { n - 1 } else { n }
        } else {
            v
        }
    };
    let start = adjust(start, if step < 0 { i128::MAX } else { 0 });
    let stop = adjust(stop, if step < 0 { i128::MIN } else { i128::MAX });
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        i += step;
    }
    out
}

impl Model {
    /// A C-contiguous array of `shape` with items of `item` bytes, from offset 0.
    pub fn contiguous(shape: &[usize], item: usize) -> Model {
        Model {
            shape: shape.to_vec(),
            offs: (0..size(shape)).map(|k| (k * item) as isize).collect(),
        }
    }

    /// Shape and offsets given by `f(index)` for every index of `shape`.
    pub fn build(shape: &[usize], f: impl Fn(&[usize]) -> isize) -> Model {
        Model {
            shape: shape.to_vec(),
            offs: c_indices(shape).iter().map(|i| f(i)).collect(),
        }
    }

    /// The offset of the element at `idx`.
    pub fn at(&self, idx: &[usize]) -> isize {
        self.offs[c_position(&self.shape, idx)]
    }

    /// Number of elements.
    pub fn size(&self) -> usize {
        self.offs.len()
    }

    /// NumPy's `a.transpose(perm)`: output axis `i` is input axis `perm[i]`.
    pub fn transpose(&self, perm: &[usize]) -> Model {
        let shape: Vec<usize> = perm.iter().map(|&p| self.shape[p]).collect();
        Model::build(&shape, |idx| {
            let mut src = vec![0; idx.len()];
            for (i, &p) in perm.iter().enumerate() {
                src[p] = idx[i];
            }
            self.at(&src)
        })
    }

    /// NumPy's basic indexing `a[elems]`, or NumPy's error message.
    pub fn slice(&self, elems: &[SliceInfoElem]) -> Result<Model, String> {
        let nd = self.shape.len();
        let is_consuming =
            |e: &&SliceInfoElem| matches!(e, SliceInfoElem::Index(_) | SliceInfoElem::Slice { .. });
        let consuming = elems.iter().filter(is_consuming).count();
        let ellipses = elems
            .iter()
            .filter(|e| matches!(e, SliceInfoElem::Ellipsis))
            .count();
        if ellipses > 1 {
            return Err("an index can only have a single ellipsis ('...')".into());
        }
        if consuming > nd {
            return Err(format!(
                "too many indices for array: array is {nd}-dimensional, but {consuming} were indexed"
            ));
        }
        // Spell out the ellipsis (or the implicit one at the end) as full slices.
        let mut full = Vec::new();
        for &e in elems {
            if e == SliceInfoElem::Ellipsis {
                full.extend(std::iter::repeat_n(SliceInfoElem::FULL, nd - consuming));
            } else {
                full.push(e);
            }
        }
        if ellipses == 0 {
            full.extend(std::iter::repeat_n(SliceInfoElem::FULL, nd - consuming));
        }
        // Each output axis walks a list of positions of one input axis (or is a new axis);
        // integer indices pin their input axis.
        let mut pinned = vec![0usize; nd];
        let mut outs: Vec<(Option<usize>, Vec<usize>)> = Vec::new();
        let mut ax = 0;
        for e in full {
            match e {
                SliceInfoElem::Index(i) => {
                    let n = self.shape[ax] as i128;
                    let j = if i < 0 { i as i128 + n } else { i as i128 };
                    if j < 0 || j >= n {
                        return Err(format!(
                            "index {i} is out of bounds for axis {ax} with size {n}"
                        ));
                    }
                    pinned[ax] = j as usize;
                    ax += 1;
                }
                SliceInfoElem::Slice { start, stop, step } => {
                    if step == 0 {
                        return Err("slice step cannot be zero".into());
                    }
                    outs.push((Some(ax), python_range(self.shape[ax], start, stop, step)));
                    ax += 1;
                }
                SliceInfoElem::NewAxis => outs.push((None, vec![0])),
                SliceInfoElem::Ellipsis => unreachable!("spelled out above"),
            }
        }
        let shape: Vec<usize> = outs.iter().map(|(_, p)| p.len()).collect();
        Ok(Model::build(&shape, |idx| {
            let mut src = pinned.clone();
            for (k, (axis, positions)) in outs.iter().enumerate() {
                if let Some(a) = axis {
                    src[*a] = positions[idx[k]];
                }
            }
            self.at(&src)
        }))
    }

    /// The same elements in C order with another shape (what any reshape means).
    pub fn reshaped(&self, shape: &[usize]) -> Model {
        assert_eq!(size(shape), self.size());
        Model {
            shape: shape.to_vec(),
            offs: self.offs.clone(),
        }
    }

    /// Whether some byte strides for `shape` reach exactly this view's elements in C order:
    /// when a reshape can be a view. Found by brute force: the strides are read off the
    /// unit indices and then checked on every element.
    pub fn reshape_is_view(&self, shape: &[usize]) -> bool {
        if self.size() <= 1 {
            return true;
        }
        let base = self.offs[0];
        let strides: Vec<isize> = (0..shape.len())
            .map(|ax| {
                if shape[ax] < 2 {
                    return 0;
                }
                let mut e = vec![0; shape.len()];
                e[ax] = 1;
                self.offs[c_position(shape, &e)] - base
            })
            .collect();
        c_indices(shape).iter().enumerate().all(|(k, idx)| {
            let off: isize = idx
                .iter()
                .zip(&strides)
                .map(|(&i, &s)| i as isize * s)
                .sum();
            self.offs[k] == base + off
        })
    }

    /// NumPy's broadcasting of this view to `to` (right-aligned; axes of length 1 repeat).
    pub fn broadcast_to(&self, to: &[usize]) -> Option<Model> {
        if self.shape.len() > to.len() {
            return None;
        }
        let lead = to.len() - self.shape.len();
        for (i, &n) in self.shape.iter().enumerate() {
            if n != 1 && n != to[lead + i] {
                return None;
            }
        }
        Some(Model::build(to, |idx| {
            let src: Vec<usize> = self
                .shape
                .iter()
                .enumerate()
                .map(|(i, &n)| if n == 1 { 0 } else { idx[lead + i] })
                .collect();
            self.at(&src)
        }))
    }

    /// `a[:, …, i, …]` with `i` on `axis` (negative counts from the end), or `None` if out
    /// of bounds.
    pub fn index_axis(&self, axis: usize, i: isize) -> Option<Model> {
        let n = self.shape[axis] as isize;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return None;
        }
        let mut shape = self.shape.clone();
        shape.remove(axis);
        Some(Model::build(&shape, |idx| {
            let mut src = idx.to_vec();
            src.insert(axis, j as usize);
            self.at(&src)
        }))
    }

    /// Positions `range` of `axis` (as `a[..., lo:hi, ...]`).
    pub fn take_range(&self, axis: usize, lo: usize, hi: usize) -> Model {
        let mut shape = self.shape.clone();
        shape[axis] = hi - lo;
        Model::build(&shape, |idx| {
            let mut src = idx.to_vec();
            src[axis] += lo;
            self.at(&src)
        })
    }

    /// `a[..., ::-1, ...]` on `axis`.
    pub fn inverted(&self, axis: usize) -> Model {
        let n = self.shape[axis];
        Model::build(&self.shape, |idx| {
            let mut src = idx.to_vec();
            src[axis] = n - 1 - idx[axis];
            self.at(&src)
        })
    }

    /// NumPy's `a.diagonal(offset, axis1, axis2)`: the elements `a[..., i, ..., i + offset]`
    /// (or `a[..., i - offset, ..., i]` for a negative offset), the two axes removed and
    /// the diagonal appended last.
    pub fn diagonal(&self, offset: isize, a1: usize, a2: usize) -> Model {
        let (n1, n2) = (self.shape[a1] as isize, self.shape[a2] as isize);
        let pos = |k: isize| {
            if offset >= 0 {
                (k, k + offset)
            } else {
                (k - offset, k)
            }
        };
        let mut len = 0;
        while {
            let (i, j) = pos(len as isize);
            i < n1 && j < n2
        } {
            len += 1;
        }
        let rest: Vec<usize> = (0..self.shape.len())
            .filter(|&a| a != a1 && a != a2)
            .collect();
        let mut shape: Vec<usize> = rest.iter().map(|&a| self.shape[a]).collect();
        shape.push(len);
        Model::build(&shape, |idx| {
            let mut src = vec![0; self.shape.len()];
            for (k, &a) in rest.iter().enumerate() {
                src[a] = idx[k];
            }
            let (i, j) = pos(idx[idx.len() - 1] as isize);
            src[a1] = i as usize;
            src[a2] = j as usize;
            self.at(&src)
        })
    }

    /// The bytes of each element of `item` bytes seen as `new`-byte items along a
    /// rescaled last axis (NumPy's `a.view(dtype)`), assuming NumPy's checks passed.
    pub fn reinterpreted(&self, item: usize, new: usize) -> Model {
        let mut shape = self.shape.clone();
        let last = shape.len() - 1;
        shape[last] = shape[last] * item / new;
        Model::build(&shape, |idx| {
            let byte = idx[last] * new;
            let mut src = idx.to_vec();
            src[last] = byte / item;
            self.at(&src) + (byte % item) as isize
        })
    }

    /// The lanes along `axis`: one per index of the other axes, in C order.
    pub fn lanes(&self, axis: usize) -> Vec<Model> {
        let mut others = self.shape.clone();
        others.remove(axis);
        c_indices(&others)
            .iter()
            .map(|o| {
                Model::build(&[self.shape[axis]], |i| {
                    let mut src = o.clone();
                    src.insert(axis, i[0]);
                    self.at(&src)
                })
            })
            .collect()
    }

    /// Whether the elements, walked in C (or F) order, sit at consecutive items: NumPy's
    /// C (or F) contiguity. Empty arrays are contiguous.
    pub fn is_contiguous(&self, item: usize, fortran: bool) -> bool {
        let order = if fortran {
            f_indices(&self.shape)
        } else {
            c_indices(&self.shape)
        };
        let Some(first) = self.offs.first() else {
            return true;
        };
        order
            .iter()
            .enumerate()
            .all(|(k, idx)| self.at(idx) == first + (k * item) as isize)
    }

    /// When the elements fill a gapless block of items without repeats: its first offset.
    pub fn memory_block(&self, item: usize) -> Option<isize> {
        let mut sorted = self.offs.clone();
        sorted.sort_unstable();
        let first = *sorted.first()?;
        sorted
            .iter()
            .enumerate()
            .all(|(k, &o)| o == first + (k * item) as isize)
            .then_some(first)
    }
}
