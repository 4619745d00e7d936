//! Property tests of ndcore's views, iterators and loop engine against a naive reference
//! model (`ndcore_model.rs`): random shapes of 0–5 axes (with empty and length-1 axes),
//! random layouts (permuted, sliced with negative steps, arbitrary byte strides with
//! repeats), and every view operation checked element by element — by address, so a view
//! that copied, or pointed one element off, fails.

#[path = "ndcore_model.rs"]
mod model;

use model::{Model, c_indices, size};
use ndcore::engine::{IterOrder, Lane, Plan};
use ndcore::prelude::*;
use ndcore::{ArrayViewMutD, Ix2, Ix3};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

const ITEM: usize = std::mem::size_of::<i64>();

fn config() -> Config {
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
fn axis_len() -> impl Strategy<Value = usize> {
    prop_oneof![10 => 2usize..=4, 4 => Just(1usize), 1 => Just(0usize)]
}

fn shape(max_ndim: usize) -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(axis_len(), 0..=max_ndim)
}

/// A slice bound: absent, small (often out of range), or extreme.
fn bound() -> impl Strategy<Value = Option<isize>> {
    prop_oneof![
        2 => Just(None),
        6 => (-7isize..=7).prop_map(Some),
        1 => prop_oneof![Just(isize::MIN), Just(isize::MAX)].prop_map(Some),
    ]
}

fn step() -> impl Strategy<Value = isize> {
    prop_oneof![
        4 => Just(1isize),
        2 => Just(-1isize),
        4 => prop_oneof![-3isize..=-2, 2isize..=3],
        1 => prop_oneof![Just(isize::MIN), Just(isize::MAX), Just(1isize << 61)],
    ]
}

fn range_elem() -> impl Strategy<Value = SliceInfoElem> {
    (bound(), bound(), step()).prop_map(|(start, stop, step)| SliceInfoElem::Slice {
        start,
        stop,
        step,
    })
}

/// A range for building test layouts: mostly whole axes (stepped either way), so that
/// layouts are seldom empty.
fn layout_range() -> impl Strategy<Value = SliceInfoElem> {
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

fn any_elem() -> impl Strategy<Value = SliceInfoElem> {
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
struct Sliced {
    shape: Vec<usize>,
    perm: Vec<usize>,
    slices: Vec<SliceInfoElem>,
}

fn sliced() -> impl Strategy<Value = Sliced> {
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
struct Strided {
    shape: Vec<usize>,
    /// Strides in elements.
    steps: Vec<isize>,
}

fn strided() -> impl Strategy<Value = Strided> {
    shape(4).prop_flat_map(|shape| {
        let n = shape.len();
        (Just(shape), prop::collection::vec(-3isize..=3, n))
            .prop_map(|(shape, steps)| Strided { shape, steps })
    })
}

/// A read-only test array: sliced (distinct elements) or strided (elements may repeat).
#[derive(Clone, Debug)]
enum Src {
    Sliced(Sliced),
    Strided(Strided),
}

fn src() -> impl Strategy<Value = Src> {
    prop_oneof![3 => sliced().prop_map(Src::Sliced), 1 => strided().prop_map(Src::Strided)]
}

impl Sliced {
    fn model(&self) -> Model {
        Model::contiguous(&self.shape, ITEM)
            .transpose(&self.perm)
            .slice(&self.slices)
            .expect("ranges never fail")
    }
}

impl Strided {
    /// (first element's index into the buffer, buffer length).
    fn extent(&self) -> (usize, usize) {
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

    fn model(&self) -> Model {
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
    fn model(&self) -> Model {
        match self {
            Src::Sliced(s) => s.model(),
            Src::Strided(s) => s.model(),
        }
    }

    /// Builds the array and calls `f(view, model, base pointer)`; the base holds `0, 1, …`
    /// so an element's value is its offset / 8.
    fn with<R>(&self, f: impl FnOnce(ArrayViewD<'_, i64>, &Model, *const u8) -> R) -> R {
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
fn with_mut<R>(
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

fn offset_of<T>(r: &T, base: *const u8) -> isize {
    (r as *const T as *const u8 as isize) - base as isize
}

/// The array has the model's shape, and each element (by `get`, and by `iter` in C order)
/// sits at the model's address.
fn check<T, D: Dimension>(a: &ArrayRef<T, D>, m: &Model, base: *const u8) {
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

fn values(m: &Model) -> Vec<i64> {
    m.offs
        .iter()
        .map(|&o| o / ITEM as i64 as isize)
        .map(|o| o as i64)
        .collect()
}

fn err_text<T>(r: Result<T, ndcore::Error>) -> String {
    match r {
        Ok(_) => panic!("expected an error"),
        Err(e) => e.to_string(),
    }
}

/// A shape with `n` elements built from `seed`: `n`'s prime factors shuffled into a few
/// axes, with axes of length 1 mixed in (for `n == 0`, a 0 among small lengths).
fn shape_of_size(n: usize, seed: u64) -> Vec<usize> {
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

// ---------------------------------------------------------------------------------------
// Views

proptest! {
    #![proptest_config(config())]

    #[test]
    fn layouts_match_the_model(s in src()) {
        s.with(|v, m, base| check(&v, m, base));
    }

    #[test]
    fn slicing_matches_numpy_basic_indexing(
        s in src(),
        elems in prop::collection::vec(any_elem(), 0..=6),
    ) {
        s.with(|v, m, base| match (v.try_slice(&elems[..]), m.slice(&elems)) {
            (Ok(view), Ok(want)) => {
                check(&view, &want, base);
                assert!(!view.flags().writeable);
            }
            (Err(e), Err(want)) => assert_eq!(e.to_string(), want),
            (got, want) => panic!("ndcore {:?} vs model {want:?}", got.map(|g| g.shape().to_vec())),
        });
    }

    #[test]
    fn slice_move_and_slice_mut_agree_with_slice(
        s in sliced(),
        elems in prop::collection::vec(any_elem(), 0..=6),
    ) {
        let want = s.model().slice(&elems);
        let ((), _) = with_mut(&s, |mut v, _, base| {
            match (v.try_slice_mut(&elems[..]), &want) {
                (Ok(view), Ok(w)) => check(&view, w, base),
                (Err(e), Err(w)) => assert_eq!(&e.to_string(), w),
                (got, w) => panic!("{:?} vs {w:?}", got.map(|g| g.shape().to_vec())),
            }
            match (v.slice_move(&elems[..]), &want) {
                (Ok(view), Ok(w)) => check(&view, w, base),
                (Err(e), Err(w)) => assert_eq!(&e.to_string(), w),
                (got, w) => panic!("{:?} vs {w:?}", got.map(|g| g.shape().to_vec())),
            }
        });
    }

    #[test]
    fn transposes_match(s in src(), seed in any::<u64>()) {
        s.with(|v, m, base| {
            let nd = v.ndim();
            let mut perm: Vec<usize> = (0..nd).collect();
            // A permutation from the seed (Fisher–Yates).
            let mut r = seed;
            for i in (1..nd).rev() {
                r = r.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                perm.swap(i, (r >> 33) as usize % (i + 1));
            }
            check(&v.permuted_axes(&perm).expect("a permutation"), &m.transpose(&perm), base);
            let rev: Vec<usize> = (0..nd).rev().collect();
            check(&v.t(), &m.transpose(&rev), base);
            check(&v.clone().reversed_axes(), &m.transpose(&rev), base);
            if nd >= 2 {
                let (a, b) = (perm[0], perm[nd - 1]);
                let mut sw: Vec<usize> = (0..nd).collect();
                sw.swap(a, b);
                check(&v.swapped_axes(a, b).expect("in bounds"), &m.transpose(&sw), base);
            }
        });
    }

    #[test]
    fn bad_transposes_are_numpy_errors(
        nd in 0usize..=4,
        axes in prop::collection::vec(0usize..=5, 0..=5),
    ) {
        let a = ArrayD::<u8>::zeros(vec![2; nd]);
        let want = if axes.len() != nd {
            Some("axes don't match array".to_string())
        } else {
            let mut seen = vec![false; nd];
            axes.iter().find_map(|&x| {
                if x >= nd {
                    Some(format!("axis {x} is out of bounds for array of dimension {nd}"))
                } else if std::mem::replace(&mut seen[x], true) {
                    Some("repeated axis in transpose".to_string())
                } else {
                    None
                }
            })
        };
        match want {
            Some(w) => assert_eq!(err_text(a.permuted_axes(&axes)), w),
            None => assert!(a.permuted_axes(&axes).is_ok()),
        }
    }

    #[test]
    fn reshape_is_a_view_exactly_when_numpy_can_avoid_a_copy(
        s in src(),
        seed in any::<u64>(),
        wrong in prop::bool::weighted(0.1),
    ) {
        s.with(|v, m, base| {
            let n = m.size();
            let target = shape_of_size(if wrong { n + 1 } else { n }, seed);
            if wrong {
                let want = format!(
                    "cannot reshape array of size {n} into shape {}",
                    ndcore::error::shape_str(&target)
                );
                assert_eq!(err_text(v.reshape(target.clone())), want);
                assert_eq!(err_text(v.to_shape(target)), want);
                return;
            }
            let want = m.reshaped(&target);
            match v.reshape(target.clone()) {
                Ok(r) => {
                    assert!(m.reshape_is_view(&target), "a view NumPy would not make");
                    check(&r, &want, base);
                }
                Err(e) => {
                    assert!(!m.reshape_is_view(&target), "needless copy: {e}");
                    assert!(e.to_string().contains("use `to_shape`"), "{e}");
                }
            }
            let c = v.to_shape(target.clone()).expect("to_shape copies when it must");
            assert_eq!(c.is_view(), m.reshape_is_view(&target));
            assert_eq!(c.shape(), &target[..]);
            assert_eq!(c.to_vec(), values(m));
            if c.is_view() {
                check(&c, &want, base);
            } else {
                assert!(c.is_c_contiguous());
            }
        });
    }

    #[test]
    fn broadcast_to_matches(
        s in src(),
        lead in prop::collection::vec(0usize..=3, 0..=2),
        grow in prop::collection::vec(0usize..=3, 5),
        bad in 0usize..8,
    ) {
        s.with(|v, m, base| {
            // Length-1 axes grow and new axes go in front; or the target is made wrong:
            // a mismatched length, too few axes, or a scalar.
            let mut to: Vec<usize> = lead.clone();
            for (i, &n) in m.shape.iter().enumerate() {
                to.push(if n == 1 { grow[i] } else { n });
            }
            match bad {
                0 => {
                    if let Some(i) = m.shape.iter().position(|&n| n != 1) {
                        to[lead.len() + i] = m.shape[i] + 1;
                    }
                }
                1 => {
                    to.drain(..(lead.len() + 1).min(to.len()));
                }
                2 => to.clear(),
                _ => {}
            }
            match (v.broadcast_to(to.clone()), m.broadcast_to(&to)) {
                (Ok(b), Some(want)) => {
                    check(&b, &want, base);
                    assert!(!b.flags().writeable);
                }
                (Err(e), None) => {
                    let want = if to.is_empty() {
                        "cannot broadcast a non-scalar to a scalar array".to_string()
                    } else if m.shape.len() > to.len() {
                        "input operand has more dimensions than allowed by the axis remapping"
                            .to_string()
                    } else {
                        format!(
                            "operands could not be broadcast together with remapped shapes \
                             [original->remapped]: {}  and requested shape {}",
                            ndcore::error::shape_str(&m.shape),
                            ndcore::error::shape_str(&to)
                        )
                    };
                    assert_eq!(e.to_string(), want);
                }
                (got, want) => panic!("{:?} vs {want:?}", got.map(|g| g.shape().to_vec())),
            }
        });
    }

    #[test]
    fn axis_surgery_matches(s in src(), axis in 0usize..6, index in -5isize..=5, at in 0usize..=5) {
        s.with(|v, m, base| {
            let nd = v.ndim();
            if axis >= nd {
                let want = format!("axis {axis} is out of bounds for array of dimension {nd}");
                assert_eq!(err_text(v.index_axis(Axis(axis), 0)), want);
                assert_eq!(err_text(v.split_at(Axis(axis), 0)), want);
                assert_eq!(err_text(v.clone().invert_axis(Axis(axis))), want);
                return;
            }
            let n = m.shape[axis];
            match (v.index_axis(Axis(axis), index), m.index_axis(axis, index)) {
                (Ok(r), Some(want)) => check(&r, &want, base),
                (Err(e), None) => assert_eq!(
                    e.to_string(),
                    format!("index {index} is out of bounds for axis {axis} with size {n}")
                ),
                (got, want) => panic!("{:?} vs {want:?}", got.map(|g| g.shape().to_vec())),
            }
            match v.split_at(Axis(axis), at) {
                Ok((a, b)) => {
                    assert!(at <= n);
                    check(&a, &m.take_range(axis, 0, at), base);
                    check(&b, &m.take_range(axis, at, n), base);
                }
                Err(e) => {
                    assert!(at > n);
                    assert_eq!(
                        e.to_string(),
                        format!("index {at} is out of bounds for axis {axis} with size {n}")
                    );
                }
            }
            let mut inv = v.clone();
            inv.invert_axis(Axis(axis)).expect("in bounds");
            check(&inv, &m.inverted(axis), base);
            let e = v.expand_dims(Axis(axis)).expect("in bounds");
            let mut shape = m.shape.clone();
            shape.insert(axis, 1);
            check(&e, &m.reshaped(&shape), base);
            let sq: Vec<usize> = m.shape.iter().copied().filter(|&d| d != 1).collect();
            check(&v.squeeze(), &m.reshaped(&sq), base);
        });
    }

    #[test]
    fn diagonals_match(s in src(), a1 in 0usize..5, a2 in 0usize..5, offset in -4isize..=4) {
        s.with(|v, m, base| {
            let nd = v.ndim();
            let got = v.diagonal(offset, a1, a2);
            if nd < 2 {
                assert_eq!(err_text(got), "diag requires an array of at least two dimensions");
            } else if a1 >= nd || a2 >= nd {
                assert!(err_text(got).contains("out of bounds for array of dimension"));
            } else if a1 == a2 {
                assert_eq!(err_text(got), "axis1 and axis2 cannot be the same");
            } else {
                check(&got.expect("valid axes"), &m.diagonal(offset, a1, a2), base);
            }
        });
    }

    #[test]
    fn view_as_reinterprets_bytes_like_numpy(s in src()) {
        s.with(|v, m, base| {
            let nd = m.shape.len();
            let last_contiguous = nd > 0 && {
                let n = m.shape[nd - 1];
                n <= 1 || m.size() == 0 || {
                    let mut e = vec![0; nd];
                    e[nd - 1] = 1;
                    m.at(&e) - m.offs[0] == ITEM as isize
                }
            };
            let bytes = v.view_as::<u8>();
            if nd == 0 {
                assert_eq!(
                    err_text(bytes),
                    "Changing the dtype of a 0d array is only supported if the itemsize is unchanged"
                );
                // Same item size: allowed for 0-d too.
                check(&v.view_as::<u64>().expect("same size"), m, base);
                return;
            }
            if !last_contiguous {
                assert_eq!(
                    err_text(bytes),
                    "To change to a dtype of a different size, the last axis must be contiguous"
                );
                assert!(v.view_as::<i32>().is_err());
                return;
            }
            let bytes = bytes.expect("NumPy allows this view");
            check(&bytes, &m.reinterpreted(ITEM, 1), base);
            let back = bytes.view_as::<i64>().expect("the bytes of whole i64s");
            check(&back, m, base);
            let halves = v.view_as::<u32>().expect("4 divides 8");
            check(&halves, &m.reinterpreted(ITEM, 4), base);
            check(&halves.view_as::<f64>().expect("pairs of u32"), m, base);
            check(&bytes.view_as::<u16>().expect("pairs of bytes"), &m.reinterpreted(ITEM, 2), base);
        });
    }
}

// ---------------------------------------------------------------------------------------
// as_strided: every reachable byte inside the allocation, aligned

proptest! {
    #![proptest_config(config())]

    #[test]
    fn as_strided_is_checked_against_the_allocation(
        len in 1usize..=12,
        skip in 0usize..=4,
        shape in shape(3),
        steps in prop::collection::vec(prop_oneof![6 => -4isize..=4, 1 => Just(3isize)], 3),
        half in prop::bool::weighted(0.1),
    ) {
        // An owned array whose pointer is `skip` elements into its buffer.
        let skip = skip.min(len - 1);
        let base = Array::from_vec((0..len as i64).collect());
        let start = base.as_ptr().cast::<u8>();
        let a = base.slice_move(&[Slice::new(Some(skip as isize), None, 1).into()]).unwrap();
        // Byte strides; a 3 read as 4 bytes (half an element) when `half`.
        let bytes: Vec<isize> = steps[..shape.len()]
            .iter()
            .map(|&k| if half && k == 3 { 4 } else { k * ITEM as isize })
            .collect();
        let m = Model::build(&shape, |idx| {
            let o: isize = idx.iter().zip(&bytes).map(|(&i, &s)| i as isize * s).sum();
            o + (skip * ITEM) as isize
        });
        let inside = m.offs.iter().all(|&o| o >= 0 && o as usize + ITEM <= len * ITEM);
        let aligned = m.offs.iter().all(|&o| o % ITEM as isize == 0);
        match a.as_strided(shape.clone(), &bytes) {
            Ok(v) => {
                assert!(inside && aligned, "accepted {shape:?} {bytes:?}");
                check(&v, &m, start);
            }
            Err(e) => {
                assert!(!inside || !aligned, "rejected a valid layout: {e}");
                let t = e.to_string();
                if !inside {
                    assert!(t.contains("outside the allocation"), "{t}");
                } else {
                    assert!(t.contains("is not aligned to 8 bytes"), "{t}");
                }
            }
        }
        // A view cannot vouch for the memory around it.
        assert!(a.view().as_strided(shape.clone(), &bytes).is_err());
        // Writable: also no two elements may share a byte (the check may be conservative,
        // never unsound).
        let mut a = a;
        let overlapping = {
            let mut o = m.offs.clone();
            o.sort_unstable();
            o.windows(2).any(|w| w[1] - w[0] < ITEM as isize)
        };
        if let Ok(v) = a.as_strided_mut(shape, &bytes) {
            assert!(inside && aligned && !overlapping);
            check(&v, &m, start);
        } else {
            assert!(!inside || !aligned || overlapping || m.size() > 1);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Iteration

proptest! {
    #![proptest_config(config())]

    #[test]
    fn iterators_walk_in_c_order(s in src(), stop in 0usize..40) {
        s.with(|v, m, base| {
            // next() for a while, then fold for the rest (fold resumes mid-run).
            let mut it = v.iter();
            let mut seen = Vec::new();
            for _ in 0..stop {
                match it.next() {
                    Some(e) => seen.push(offset_of(e, base)),
                    None => break,
                }
            }
            assert_eq!(it.len(), m.size() - seen.len());
            it.for_each(|e| seen.push(offset_of(e, base)));
            assert_eq!(seen, m.offs);

            let sum: i64 = v.iter().sum();
            assert_eq!(sum, values(m).iter().sum::<i64>());

            let indexed: Vec<(Vec<usize>, isize)> =
                v.indexed_iter().map(|(i, e)| (i.as_slice().to_vec(), offset_of(e, base))).collect();
            let want: Vec<(Vec<usize>, isize)> =
                c_indices(&m.shape).into_iter().zip(m.offs.iter().copied()).collect();
            assert_eq!(indexed, want);

            for axis in 0..m.shape.len() {
                let subs: Vec<_> = v.axis_iter(Axis(axis)).collect();
                assert_eq!(subs.len(), m.shape[axis]);
                for (i, sub) in subs.iter().enumerate() {
                    check(sub, &m.index_axis(axis, i as isize).expect("in range"), base);
                }
                let lanes: Vec<_> = v.lanes(Axis(axis)).collect();
                let want = m.lanes(axis);
                assert_eq!(lanes.len(), want.len());
                for (l, w) in lanes.iter().zip(&want) {
                    check(l, w, base);
                }
            }

            // The same walks with a static rank.
            match m.shape.len() {
                2 => {
                    let s2 = v.clone().into_rank::<Ix2>().expect("2 axes");
                    check(&s2, m, base);
                    check(&s2.t(), &m.transpose(&[1, 0]), base);
                    for (i, row) in s2.axis_iter(Axis(0)).enumerate() {
                        check(&row, &m.index_axis(0, i as isize).expect("in range"), base);
                    }
                }
                3 => {
                    let s3 = v.clone().into_rank::<Ix3>().expect("3 axes");
                    check(&s3, m, base);
                    check(&s3.permuted_axes(&[2, 0, 1]).expect("perm"), &m.transpose(&[2, 0, 1]), base);
                }
                nd => assert!(v.clone().into_rank::<Ix2>().is_err() && nd != 2),
            }
        });
    }

    #[test]
    fn mutable_iterators_reach_each_element_once(s in sliced()) {
        let m = s.model();
        let (_, data) = with_mut(&s, |mut v, m, base| {
            let walked: Vec<isize> = v.iter_mut().map(|e| offset_of(e, base)).collect();
            assert_eq!(walked, m.offs);
            for (k, e) in v.iter_mut().enumerate() {
                *e = -1 - k as i64;
            }
            for axis in 0..m.shape.len() {
                assert_eq!(v.axis_iter_mut(Axis(axis)).count(), m.shape[axis]);
                let lanes: Vec<Vec<isize>> = v
                    .lanes_mut(Axis(axis))
                    .map(|mut l| l.iter_mut().map(|e| offset_of(e, base)).collect())
                    .collect();
                let want: Vec<Vec<isize>> = m.lanes(axis).into_iter().map(|l| l.offs).collect();
                assert_eq!(lanes, want);
            }
        });
        let mut want: Vec<i64> = (0..data.len() as i64).collect();
        for (k, &o) in m.offs.iter().enumerate() {
            want[o as usize / ITEM] = -1 - k as i64;
        }
        assert_eq!(data, want);
    }
}

// ---------------------------------------------------------------------------------------
// The loop engine

fn engine_visits<const K: usize>(
    shape: &[usize],
    strides: &[Vec<isize>],
    order: IterOrder,
) -> (Vec<[isize; K]>, Plan<K>) {
    let refs: [&[isize]; K] = std::array::from_fn(|k| strides[k].as_slice());
    let plan = Plan::<K>::new(shape, refs, order);
    // Fake, never dereferenced pointers: the kernel only records addresses.
    let base = std::ptr::null_mut::<u8>().wrapping_add(1 << 40);
    let mut out = Vec::new();
    // SAFETY: the kernel dereferences nothing.
    unsafe {
        plan.for_each_run([base; K], |r| {
            for k in 0..K {
                let lane = Lane::<i64>::of(&r, k);
                match lane {
                    Lane::Contiguous(_) => assert_eq!(r.strides[k], ITEM as isize),
                    Lane::Scalar(_) => assert_eq!(r.strides[k], 0),
                    Lane::Strided(_, s) => assert!(s != 0 && s != ITEM as isize),
                }
            }
            assert!(r.len > 0);
            for i in 0..r.len as isize {
                out.push(std::array::from_fn(|k| {
                    (r.ptrs[k] as isize - base as isize) + i * r.strides[k]
                }));
            }
        })
    };
    (out, plan)
}

fn engine_matches<const K: usize>(shape: &[usize], strides: &[Vec<isize>]) {
    let want: Vec<[isize; K]> = c_indices(shape)
        .iter()
        .map(|idx| {
            std::array::from_fn(|k| {
                idx.iter()
                    .zip(&strides[k])
                    .map(|(&i, &s)| i as isize * s)
                    .sum()
            })
        })
        .collect();
    let (c, _) = engine_visits::<K>(shape, strides, IterOrder::C);
    assert_eq!(c, want, "IterOrder::C visits in C order");
    let (mut mem, plan) = engine_visits::<K>(shape, strides, IterOrder::Memory);
    let mut sorted = want.clone();
    sorted.sort_unstable();
    mem.sort_unstable();
    assert_eq!(mem, sorted, "IterOrder::Memory visits each element once");
    // One operand without repeats: the innermost run has the smallest stride.
    if K == 1 && plan.lens().len() > 1 && strides[0].iter().all(|&s| s != 0) {
        let inner = plan.inner_strides()[0].unsigned_abs();
        for ax in 0..plan.lens().len() {
            assert!(
                plan.strides_of(ax)[0].unsigned_abs() >= inner,
                "{plan_lens:?}",
                plan_lens = plan.lens()
            );
        }
    }
}

fn engine_strides() -> impl Strategy<Value = isize> {
    prop_oneof![
        2 => Just(0isize),
        6 => (-4isize..=4).prop_map(|k| k * ITEM as isize),
        1 => prop_oneof![Just(4isize), Just(-12isize), Just(1000isize)],
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn engine_walks_every_element(
        shape in shape(5),
        strides in prop::collection::vec(prop::collection::vec(engine_strides(), 5), 3),
    ) {
        let s: Vec<Vec<isize>> = strides.iter().map(|v| v[..shape.len()].to_vec()).collect();
        engine_matches::<1>(&shape, &s[..1]);
        engine_matches::<2>(&shape, &s[..2]);
        engine_matches::<3>(&shape, &s);
    }

    #[test]
    fn engine_walks_array_layouts(a in src(), b in src()) {
        // Two real layouts of one shape: b's model reshaped when sizes allow.
        let (ma, mb) = (a.model(), b.model());
        let shape = ma.shape.clone();
        let sa = strides_of(&ma);
        let sb = if mb.shape == shape { strides_of(&mb) } else { sa.iter().map(|s| -s).collect() };
        engine_matches::<2>(&shape, &[sa, sb]);
    }
}

/// Byte strides read off a model (0 for axes of length < 2).
fn strides_of(m: &Model) -> Vec<isize> {
    (0..m.shape.len())
        .map(|ax| {
            if m.shape[ax] < 2 || m.size() == 0 {
                return 0;
            }
            let mut e = vec![0; m.shape.len()];
            e[ax] = 1;
            m.at(&e) - m.offs[0]
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Copies and writes

/// A shape `src` that broadcasts to `dst` (axes dropped from the front or set to 1, or
/// leading 1s added, which assignment strips), or, when `bad`, one that does not.
fn broadcast_source(dst: &[usize], drop: usize, ones: &[bool], bad: bool) -> Vec<usize> {
    let drop = drop.min(dst.len());
    let mut s: Vec<usize> = dst[drop..]
        .iter()
        .zip(ones)
        .map(|(&n, &one)| if one { 1 } else { n })
        .collect();
    if drop == 0 && ones.first() == Some(&true) {
        s.insert(0, 1);
    }
    if bad {
        match s.iter_mut().find(|n| **n != 1) {
            Some(n) => *n += 1,
            None => s.insert(0, 2),
        }
    }
    s
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn fill_writes_exactly_the_view(s in sliced(), value in any::<i64>()) {
        let m = s.model();
        let (_, data) = with_mut(&s, |mut v, _, _| v.fill(value));
        let mut want: Vec<i64> = (0..data.len() as i64).collect();
        for &o in &m.offs {
            want[o as usize / ITEM] = value;
        }
        assert_eq!(data, want);
    }

    #[test]
    fn assign_broadcasts_like_numpy(
        s in sliced(),
        drop in 0usize..=3,
        ones in prop::collection::vec(prop::bool::weighted(0.3), 6),
        flip in prop::bool::ANY,
        bad in prop::bool::weighted(0.15),
    ) {
        let m = s.model();
        let src_shape = broadcast_source(&m.shape, drop, &ones, bad);
        // The source: F-ordered (a transposed C array), values 1000 + position,
        // maybe reversed along its first axis.
        let rev: Vec<usize> = src_shape.iter().rev().copied().collect();
        let n = size(&src_shape);
        let src_base = ArrayD::from_shape_vec(rev.clone(), (1000..1000 + n as i64).collect()).unwrap();
        let mut src = src_base.t();
        let mut src_model = Model::contiguous(&rev, ITEM)
            .transpose(&(0..rev.len()).rev().collect::<Vec<_>>());
        if flip && !src_shape.is_empty() {
            src.invert_axis(Axis(0)).unwrap();
            src_model = src_model.inverted(0);
        }
        // NumPy strips leading length-1 axes of the source beyond the destination's rank,
        // then broadcasts (and names the stripped shape when it cannot).
        let lead = src_shape.iter().take_while(|&&d| d == 1).count();
        let strip = lead.min(src_shape.len().saturating_sub(m.shape.len()));
        let stripped = src_model
            .slice(&vec![SliceInfoElem::Index(0); strip])
            .expect("leading ones");
        let target = stripped.broadcast_to(&m.shape);
        let (res, data) = with_mut(&s, |mut v, _, _| v.assign(&src));
        match target {
            Some(t) => {
                res.expect("broadcastable");
                let mut want: Vec<i64> = (0..data.len() as i64).collect();
                for (k, &o) in m.offs.iter().enumerate() {
                    want[o as usize / ITEM] = 1000 + t.offs[k] as i64 / ITEM as i64;
                }
                assert_eq!(data, want);
            }
            None => {
                assert_eq!(
                    err_text(res),
                    format!(
                        "could not broadcast input array from shape {} into shape {}",
                        ndcore::error::shape_str(&stripped.shape),
                        ndcore::error::shape_str(&m.shape)
                    )
                );
                assert_eq!(data, (0..data.len() as i64).collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn zip_mut_with_pairs_elements(s in sliced(), flip in prop::bool::ANY) {
        let m = s.model();
        // The other operand: the transpose of a C array of the reversed shape (F order).
        let rev: Vec<usize> = m.shape.iter().rev().copied().collect();
        let n = m.size();
        let other_base = ArrayD::from_shape_vec(rev.clone(), (0..n as i64).collect()).unwrap();
        let mut other = other_base.t();
        let mut om = Model::contiguous(&rev, ITEM).transpose(&(0..rev.len()).rev().collect::<Vec<_>>());
        if flip && !m.shape.is_empty() {
            other.invert_axis(Axis(0)).unwrap();
            om = om.inverted(0);
        }
        let (_, data) = with_mut(&s, |mut v, _, _| {
            v.zip_mut_with(&other, |a, &b| *a = *a * 10_000 + b).unwrap()
        });
        let mut want: Vec<i64> = (0..data.len() as i64).collect();
        for (k, &o) in m.offs.iter().enumerate() {
            let i = o as usize / ITEM;
            want[i] = want[i] * 10_000 + om.offs[k] as i64 / ITEM as i64;
        }
        assert_eq!(data, want);
    }

    #[test]
    fn copies_casts_and_flags_match(s in src()) {
        s.with(|v, m, base| {
            let vals = values(m);
            assert_eq!(v.to_vec(), vals);
            let o = v.to_owned();
            assert_eq!(o.shape(), &m.shape[..]);
            assert_eq!(o.as_slice().expect("C order"), &vals[..]);
            assert!(o.flags().owndata && o.is_c_contiguous());
            assert_eq!(o.cast::<f64>().to_vec(), vals.iter().map(|&x| x as f64).collect::<Vec<_>>());
            assert_eq!(o.cast::<u8>().to_vec(), vals.iter().map(|&x| x as u8).collect::<Vec<_>>());
            assert_eq!(v.cast::<i32>().to_vec(), vals.iter().map(|&x| x as i32).collect::<Vec<_>>());
            assert_eq!(v.cast::<bool>().to_vec(), vals.iter().map(|&x| x != 0).collect::<Vec<_>>());
            let mapped = v.map(|&x| x * 3 + 1);
            assert_eq!(mapped.to_vec(), vals.iter().map(|&x| x * 3 + 1).collect::<Vec<_>>());
            assert_eq!(mapped.shape(), &m.shape[..]);

            let c = m.is_contiguous(ITEM, false);
            let f = m.is_contiguous(ITEM, true);
            assert_eq!(v.flags().c_contiguous, c, "C contiguity");
            assert_eq!(v.flags().f_contiguous, f, "F contiguity");
            assert_eq!(v.is_c_contiguous(), c);
            assert_eq!(v.as_slice().is_some(), c);
            if let Some(sl) = v.as_slice() {
                assert_eq!(sl, &vals[..]);
            }
            match (v.as_slice_memory_order(), m.memory_block(ITEM)) {
                (Some(sl), Some(first)) => {
                    assert_eq!(sl.len(), m.size());
                    assert_eq!(offset_of(&sl[0], base), first);
                }
                (Some(sl), None) => assert!(sl.is_empty() && m.size() == 0),
                (None, want) => assert!(want.is_none(), "a gapless block was missed"),
            }
            let std = v.as_standard_layout();
            assert_eq!(std.to_vec(), vals);
            assert!(std.is_c_contiguous());
            if m.size() > 0 {
                check(&std.view(), &(if c { m.clone() } else { Model::contiguous(&m.shape, ITEM) }),
                      if c { base } else { std.as_ptr().cast() });
            }
        });
    }
}
