//! Test layouts for the ndcore property tests (`ndcore_props.rs`, `ndcore_walks.rs`):
//! strategies for shapes, slices and strided layouts, the arrays built from them (each
//! paired with its reference model, `ndcore_model.rs`), and the element-by-address check.

#![allow(dead_code)]

use crate::model::{Model, c_indices, size};
use ndcore::ArrayViewMutD;
use ndcore::prelude::*;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

/// The element size of the test arrays (`i64`).
pub const ITEM: usize = std::mem::size_of::<i64>();

/// 256 cases from a fixed seed, so runs are deterministic; no regression files.
pub fn config() -> Config {
    Config {
        cases: 256,
        failure_persistence: None,
        rng_seed: RngSeed::Fixed(0x6e64_636f_7265),
        ..Config::default()
    }
}

// ---------------------------------------------------------------------------------------
// Strategies

/// An axis length: mostly 2–4, often 1, sometimes 0.
pub fn axis_len() -> impl Strategy<Value = usize> {
    prop_oneof![10 => 2usize..=4, 4 => Just(1usize), 1 => Just(0usize)]
}

pub fn shape(max_ndim: usize) -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(axis_len(), 0..=max_ndim)
}

/// A slice bound: absent, small (often out of range), or extreme.
pub fn bound() -> impl Strategy<Value = Option<isize>> {
    prop_oneof![
        2 => Just(None),
        6 => (-7isize..=7).prop_map(Some),
        1 => prop_oneof![Just(isize::MIN), Just(isize::MAX)].prop_map(Some),
    ]
}

pub fn step() -> impl Strategy<Value = isize> {
    prop_oneof![
        4 => Just(1isize),
        2 => Just(-1isize),
        4 => prop_oneof![-3isize..=-2, 2isize..=3],
        1 => prop_oneof![Just(isize::MIN), Just(isize::MAX), Just(1isize << 61)],
    ]
}

pub fn range_elem() -> impl Strategy<Value = SliceInfoElem> {
    (bound(), bound(), step()).prop_map(|(start, stop, step)| SliceInfoElem::Slice {
        start,
        stop,
        step,
    })
}

/// A range for building test layouts: mostly whole axes (stepped either way), so that
/// layouts are seldom empty.
pub fn layout_range() -> impl Strategy<Value = SliceInfoElem> {
    let step = prop_oneof![-2isize..=-1, 1isize..=2];
    prop_oneof![
        4 => step.clone().prop_map(|step| SliceInfoElem::Slice { start: None, stop: None, step }),
        2 => (0isize..=1, step).prop_map(|(a, step)| SliceInfoElem::Slice {
            start: Some(if step < 0 { -1 - a } else { a }),
            stop: None,
            step,
        }),
        1 => range_elem(),
    ]
}

pub fn any_elem() -> impl Strategy<Value = SliceInfoElem> {
    prop_oneof![
        6 => range_elem(),
        3 => (-5isize..=5).prop_map(SliceInfoElem::Index),
        2 => Just(SliceInfoElem::NewAxis),
        1 => Just(SliceInfoElem::Ellipsis),
    ]
}

/// How a test array is laid out: a C-contiguous base of `shape` holding `0, 1, 2, …`,
/// seen with its axes permuted by `perm` and then sliced by `slices` (one range per axis).
#[derive(Clone, Debug)]
pub struct Sliced {
    pub shape: Vec<usize>,
    pub perm: Vec<usize>,
    pub slices: Vec<SliceInfoElem>,
}

pub fn sliced() -> impl Strategy<Value = Sliced> {
    shape(5).prop_flat_map(|shape| {
        let n = shape.len();
        (
            Just(shape),
            Just((0..n).collect::<Vec<_>>()).prop_shuffle(),
            prop::collection::vec(layout_range(), n),
        )
            .prop_map(|(shape, perm, slices)| Sliced {
                shape,
                perm,
                slices,
            })
    })
}

/// Any byte strides (element multiples, including 0 and negative) over a buffer.
#[derive(Clone, Debug)]
pub struct Strided {
    pub shape: Vec<usize>,
    /// Strides in elements.
    pub steps: Vec<isize>,
}

pub fn strided() -> impl Strategy<Value = Strided> {
    shape(4).prop_flat_map(|shape| {
        let n = shape.len();
        (Just(shape), prop::collection::vec(-3isize..=3, n))
            .prop_map(|(shape, steps)| Strided { shape, steps })
    })
}

/// A read-only test array: sliced (distinct elements) or strided (elements may repeat).
#[derive(Clone, Debug)]
pub enum Src {
    Sliced(Sliced),
    Strided(Strided),
}

pub fn src() -> impl Strategy<Value = Src> {
    prop_oneof![3 => sliced().prop_map(Src::Sliced), 1 => strided().prop_map(Src::Strided)]
}

impl Sliced {
    pub fn model(&self) -> Model {
        Model::contiguous(&self.shape, ITEM)
            .transpose(&self.perm)
            .slice(&self.slices)
            .expect("ranges never fail")
    }
}

impl Strided {
    /// (first element's index into the buffer, buffer length).
    pub fn extent(&self) -> (usize, usize) {
        if self.shape.contains(&0) {
            return (0, 1);
        }
        let (mut lo, mut hi) = (0isize, 0isize);
        for (&n, &s) in self.shape.iter().zip(&self.steps) {
            let reach = (n as isize - 1) * s;
            if reach < 0 { lo += reach } else { hi += reach }
        }
        ((-lo) as usize, (hi - lo) as usize + 1)
    }

    pub fn model(&self) -> Model {
        let (start, _) = self.extent();
        Model::build(&self.shape, |idx| {
            let k: isize = idx
                .iter()
                .zip(&self.steps)
                .map(|(&i, &s)| i as isize * s)
                .sum();
            (start as isize + k) * ITEM as isize
        })
    }
}

impl Src {
    pub fn model(&self) -> Model {
        match self {
            Src::Sliced(s) => s.model(),
            Src::Strided(s) => s.model(),
        }
    }

    /// Builds the array and calls `f(view, model, base pointer)`; the base holds `0, 1, …`
    /// so an element's value is its offset / 8.
    pub fn with<R>(&self, f: impl FnOnce(ArrayViewD<'_, i64>, &Model, *const u8) -> R) -> R {
        let m = self.model();
        match self {
            Src::Sliced(s) => {
                let n = size(&s.shape);
                let base = ArrayD::from_shape_vec(s.shape.clone(), (0..n as i64).collect())
                    .expect("size matches");
                let p = base.permuted_axes(&s.perm).expect("a permutation");
                let v = p.try_slice(&s.slices[..]).expect("ranges never fail");
                f(v, &m, base.as_ptr().cast())
            }
            Src::Strided(s) => {
                // An owned buffer whose pointer is moved to the first element, so that
                // `as_strided` may reach back to the buffer's start.
                let (start, len) = s.extent();
                let data = Array::from_vec((0..len as i64).collect());
                let base = data.as_ptr().cast::<u8>();
                let first = Slice::new(Some(start as isize), None, 1).into();
                let data = data.slice_move(&[first]).expect("start < len");
                let bytes: Vec<isize> = s.steps.iter().map(|&k| k * ITEM as isize).collect();
                let v = data
                    .as_strided(s.shape.clone(), &bytes)
                    .expect("inside the buffer");
                f(v, &m, base)
            }
        }
    }
}

/// A writable sliced array: the permutation applied by axis swaps on a mutable view.
pub fn with_mut<R>(
    s: &Sliced,
    f: impl FnOnce(ArrayViewMutD<'_, i64>, &Model, *const u8) -> R,
) -> (R, Vec<i64>) {
    let m = s.model();
    let n = size(&s.shape);
    let mut base =
        ArrayD::from_shape_vec(s.shape.clone(), (0..n as i64).collect()).expect("size matches");
    let ptr = base.as_ptr().cast::<u8>();
    let mut v = base.view_mut();
    let mut cur: Vec<usize> = (0..s.perm.len()).collect();
    for i in 0..s.perm.len() {
        let j = cur
            .iter()
            .position(|&a| a == s.perm[i])
            .expect("a permutation");
        v.swap_axes(i, j).expect("in bounds");
        cur.swap(i, j);
    }
    let v = v.slice_move(&s.slices[..]).expect("ranges never fail");
    let r = f(v, &m, ptr);
    (r, base.to_vec())
}

// ---------------------------------------------------------------------------------------
// Checks

pub fn offset_of<T>(r: &T, base: *const u8) -> isize {
    (r as *const T as *const u8 as isize) - base as isize
}

/// The array has the model's shape, and each element (by `get`, and by `iter` in C order)
/// sits at the model's address.
pub fn check<T, D: Dimension>(a: &ArrayRef<T, D>, m: &Model, base: *const u8) {
    assert_eq!(a.shape(), &m.shape[..], "shape");
    assert_eq!(a.size(), m.size(), "size");
    for (k, idx) in c_indices(&m.shape).iter().enumerate() {
        let e = a
            .get(&idx[..])
            .unwrap_or_else(|| panic!("index {idx:?} in bounds"));
        assert_eq!(offset_of(e, base), m.offs[k], "element {idx:?}");
    }
    let walked: Vec<isize> = a.iter().map(|e| offset_of(e, base)).collect();
    assert_eq!(walked, m.offs, "iter() order");
}

pub fn values(m: &Model) -> Vec<i64> {
    m.offs
        .iter()
        .map(|&o| o / ITEM as i64 as isize)
        .map(|o| o as i64)
        .collect()
}

pub fn err_text<T>(r: Result<T, ndcore::Error>) -> String {
    match r {
        Ok(_) => panic!("expected an error"),
        Err(e) => e.to_string(),
    }
}

/// A shape with `n` elements built from `seed`: `n`'s prime factors shuffled into a few
/// axes, with axes of length 1 mixed in (for `n == 0`, a 0 among small lengths).
pub fn shape_of_size(n: usize, seed: u64) -> Vec<usize> {
    let mut r = seed | 1;
    let mut next = move |m: u64| {
        r ^= r << 13;
        r ^= r >> 7;
        r ^= r << 17;
        (r % m.max(1)) as usize
    };
    let axes = next(5);
    let mut shape = vec![1usize; axes.max(1)];
    if n == 0 {
        let i = next(shape.len() as u64);
        shape.iter_mut().for_each(|d| *d = next(4));
        shape[i] = 0;
        return shape;
    }
    let (mut rest, mut p) = (n, 2);
    while rest > 1 {
        if rest % p == 0 {
            let i = next(shape.len() as u64);
            shape[i] *= p;
            rest /= p;
        } else {
            p += 1;
        }
    }
    if axes == 0 && n == 1 && next(2) == 0 {
        shape.clear();
    }
    shape
}
