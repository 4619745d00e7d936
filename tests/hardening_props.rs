//! Extreme layouts fed to every constructor, view, reduction and operation: each call must
//! return `Ok` or `Err`, never panic (issue 10). Shapes have 0, 1, a few, 63, 64 or 65
//! axes, lengths near `isize::MAX / itemsize`, strides from 0 to the ends of `isize`.
//!
//! Arrays over a few thousand elements only get the calls that cost nothing per element
//! (views, shape queries); the rest run on everything small enough to walk.

use ndcore::prelude::*;
use ndcore::{Error, IxDyn, SliceInfoElem};
use ndlinalg::prelude::*;
use ndops::prelude::*;
use proptest::prelude::*;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Most elements a layout may reach for the per-element calls to run on it.
const WALKABLE: usize = 4096;
/// Elements of the buffer views are made over.
const BUF: usize = 1 << 14;

/// Lengths near the limits for an 8-byte element, and ordinary ones.
const HUGE: [usize; 6] = [
    (isize::MAX as usize) / 8,
    (isize::MAX as usize) / 8 + 1,
    1 << 40,
    1 << 61,
    usize::MAX,
    isize::MAX as usize,
];

fn length() -> impl Strategy<Value = usize> {
    prop_oneof![
        40 => Just(1usize),
        8 => 2usize..4,
        2 => Just(0usize),
        3 => proptest::sample::select(HUGE.to_vec()),
    ]
}

fn stride() -> impl Strategy<Value = isize> {
    prop_oneof![
        6 => proptest::sample::select(vec![8isize, -8, 16, -16, 24, 0, 64, -64]),
        2 => proptest::sample::select(vec![4isize, 12, 1, -1]),
        2 => proptest::sample::select(vec![isize::MAX, isize::MIN, 1 << 40, -(1 << 40), isize::MAX - 7]),
    ]
}

fn ndim() -> impl Strategy<Value = usize> {
    prop_oneof![
        6 => 0usize..5,
        1 => Just(6usize),
        1 => Just(63usize),
        2 => Just(64usize),
        2 => Just(65usize),
    ]
}

/// Anything: extreme lengths and strides on any number of axes (mostly refused).
fn extreme_layout() -> impl Strategy<Value = (Vec<usize>, Vec<isize>)> {
    ndim().prop_flat_map(|n| {
        (
            proptest::collection::vec(length(), n),
            proptest::collection::vec(stride(), n),
        )
    })
}

/// Layouts that fit in the test buffer: small lengths, strides that are multiples of the
/// contiguous ones (negative, zero, doubled), padded with length-1 axes up to 64 with wild
/// strides, which such axes may keep.
fn fitting_layout() -> impl Strategy<Value = (Vec<usize>, Vec<isize>)> {
    let len = prop_oneof![1 => Just(0usize), 8 => 1usize..9];
    let axis = (
        len,
        prop_oneof![3 => Just(1isize), 2 => Just(-1), 1 => Just(0), 1 => Just(2), 1 => Just(-2)],
    );
    (
        proptest::collection::vec(axis, 0..5),
        prop_oneof![3 => Just(0usize), 1 => 0usize..60],
        proptest::collection::vec(stride(), 60),
    )
        .prop_map(|(axes, pad, wild)| {
            let mut shape = Vec::new();
            let mut strides = Vec::new();
            let mut step = 8isize;
            for &(n, k) in axes.iter().rev() {
                shape.push(n);
                strides.push(step * k);
                step *= n.max(1) as isize * if k.abs() == 2 { 2 } else { 1 };
            }
            for s in wild.into_iter().take(pad) {
                shape.push(1);
                strides.push(s);
            }
            shape.reverse();
            strides.reverse();
            (shape, strides)
        })
}

/// A shape and strides of the same length: half that fit the buffer, half anything.
fn layout() -> impl Strategy<Value = (Vec<usize>, Vec<isize>)> {
    prop_oneof![fitting_layout(), extreme_layout()]
}

/// An index or offset at the ends of `isize`, or an ordinary one.
fn offset() -> impl Strategy<Value = isize> {
    prop_oneof![
        4 => -3isize..4,
        1 => proptest::sample::select(vec![isize::MIN, isize::MAX, isize::MIN + 1, 1 << 62]),
    ]
}

/// Runs `f` and turns a panic into a test failure naming `what`.
fn no_panic<R>(what: &str, f: impl FnOnce() -> R) -> Result<R, TestCaseError> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|p| {
        let msg = p
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        TestCaseError::fail(format!("{what} panicked: {msg}"))
    })
}

/// The size of a shape, if it is a number.
fn size_of_shape(shape: &[usize]) -> Option<usize> {
    shape.iter().try_fold(1usize, |a, &n| a.checked_mul(n))
}

/// Whether an array a call returned keeps the invariants unsafe code relies on: at most
/// 64 axes, and NumPy's size rule (the lengths, 0 counted as 1, times the item size fit in
/// `isize`).
fn sound<T, D: Dimension>(v: &ArrayRef<T, D>) -> bool {
    let bytes = v
        .shape()
        .iter()
        .try_fold(std::mem::size_of::<T>().max(1), |b, &n| {
            b.checked_mul(n.max(1))
        });
    v.ndim() <= 64 && bytes.is_some_and(|b| b <= isize::MAX as usize)
}

/// Runs a call that returns `Result<array>`: no panic, and an array it returns is sound.
macro_rules! view {
    ($what:expr, $e:expr) => {{
        let r = no_panic($what, || $e.map(|v| sound(&v)))?;
        prop_assert!(r.unwrap_or(true), "{} returned an unsound array", $what);
    }};
}

/// Every view and query that costs nothing per element.
fn views(a: &ArrayView<'_, f64, IxDyn>, off: isize) -> Result<(), TestCaseError> {
    let n = a.ndim();
    no_panic("queries", || {
        let _ = (
            a.shape(),
            a.strides(),
            a.len(),
            a.is_empty(),
            a.size(),
            a.flags(),
        );
        let _ = (
            a.is_c_contiguous(),
            a.is_f_contiguous(),
            a.as_slice_memory_order(),
        );
        let _ = a.get([0usize; 3].as_slice());
        let _ = a.get(vec![usize::MAX; n].as_slice());
    })?;
    prop_assert!(no_panic("t", || sound(&a.t()))?);
    let reversed: Vec<usize> = (0..n).rev().collect();
    view!("reversed permutation", a.permuted_axes(&reversed));
    view!("bad permutation", a.permuted_axes(&[0, 0]));
    view!("swapped_axes", a.swapped_axes(0, n.saturating_sub(1)));
    prop_assert!(no_panic("squeeze", || sound(&a.squeeze()))?);
    for ax in [0, n / 2, n, n + 1] {
        view!("expand_dims", a.expand_dims(Axis(ax)));
        view!("index_axis", a.index_axis(Axis(ax), off));
        view!(
            "split_at",
            a.split_at(Axis(ax), off.unsigned_abs()).map(|v| v.1)
        );
    }
    for (x, y) in [(0, 1), (1, 0), (0, n.saturating_sub(1)), (n, 0)] {
        view!("diagonal", a.diagonal(off, x, y));
    }
    for to in [
        vec![],
        vec![usize::MAX],
        vec![2; 65],
        [vec![3usize], a.shape().to_vec()].concat(),
        [vec![1usize << 62], a.shape().to_vec()].concat(),
        a.shape()
            .iter()
            .map(|&k| if k == 1 { 1 << 40 } else { k })
            .collect(),
    ] {
        view!("broadcast_to", a.broadcast_to(to));
    }
    for to in [
        vec![a.size()],
        vec![1usize; 65],
        vec![0],
        vec![usize::MAX, 2],
        vec![],
    ] {
        view!("reshape", a.reshape(to));
    }
    view!("view_as u8", a.view_as::<u8>());
    view!("view_as u64", a.view_as::<u64>());
    view!("view_as f32", a.view_as::<f32>());
    view!("view_as bool", a.view_as::<bool>());
    let slices: Vec<SliceInfoElem> = (0..n.min(3))
        .map(|k| match k {
            0 => Slice::new(Some(off), None, -1).into(),
            1 => SliceInfoElem::Index(off),
            _ => Slice::new(None, Some(off), 2).into(),
        })
        .collect();
    view!("try_slice", a.try_slice(slices.as_slice()));
    let grow = [SliceInfoElem::NewAxis, SliceInfoElem::Ellipsis];
    view!("try_slice newaxis", a.try_slice(&grow[..]));
    Ok(())
}

/// Every reduction, whole and along axes.
fn reductions(a: &ArrayView<'_, f64, IxDyn>, axes: &[isize]) -> Result<(), TestCaseError> {
    let n = a.ndim();
    no_panic("whole reductions", || {
        let _ = (
            a.sum(),
            a.prod(),
            a.mean(),
            a.var(0.0),
            a.std(1.0),
            a.count_nonzero(),
        );
        let _ = (a.min(), a.max(), a.argmin(), a.argmax());
        let _ = (a.cumsum().len(), a.cumprod().len());
    })?;
    for ax in [0, n.saturating_sub(1), n, usize::MAX] {
        let ax = Axis(ax);
        no_panic("axis reductions", || {
            let _ = (
                a.sum_axis(ax).is_ok(),
                a.prod_axis(ax).is_ok(),
                a.mean_axis(ax).is_ok(),
            );
            let _ = (a.var_axis(ax, 0.0).is_ok(), a.std_axis(ax, 1.0).is_ok());
            let _ = (a.min_axis(ax).is_ok(), a.max_axis(ax).is_ok());
            let _ = (a.argmin_axis(ax).is_ok(), a.argmax_axis(ax).is_ok());
            let _ = (a.count_nonzero_axis(ax).is_ok(), a.cumsum_axis(ax).is_ok());
            let _ = (a.cumprod_axis(ax).is_ok(), a.diff(1, ax).is_ok());
        })?;
    }
    for keep in [false, true] {
        no_panic("axes reductions", || {
            let _ = (
                a.sum_axes(axes, keep).is_ok(),
                a.prod_axes(axes, keep).is_ok(),
            );
            let _ = (
                a.mean_axes(axes, keep).is_ok(),
                a.var_axes(axes, 0.0, keep).is_ok(),
            );
            let _ = (
                a.std_axes(axes, 0.0, keep).is_ok(),
                a.min_axes(axes, keep).is_ok(),
            );
            let _ = (
                a.max_axes(axes, keep).is_ok(),
                a.count_nonzero_axes(axes, keep).is_ok(),
            );
        })?;
    }
    Ok(())
}

/// Every per-element call: reductions, operators, ufuncs, selection, products, printing.
fn walks(a: &ArrayView<'_, f64, IxDyn>, axes: &[isize]) -> Result<(), TestCaseError> {
    let n = a.ndim();
    reductions(a, axes)?;
    no_panic("copies", || {
        let _ = (
            a.to_vec().len(),
            a.to_owned().len(),
            a.as_standard_layout().len(),
        );
        let _ = (a.iter().count(), a.indexed_iter().count());
        let _ = a.to_shape(vec![a.size()]).map(|v| v.len());
    })?;
    no_panic("lanes and axis iterators", || {
        if n > 0 {
            let _ = (a.lanes(Axis(n - 1)).count(), a.axis_iter(Axis(0)).count());
        }
    })?;
    no_panic("printing", || {
        (format!("{a}").len(), format!("{a:?}").len())
    })?;
    no_panic("operators", || {
        let _ = (&*a + &*a).len();
        let _ = (-&*a).len();
        let _ = (2.0 * &*a - 1.0).len();
        let _ = ndops::add(a, &a.t()).map(|r| r.len());
        let _ = ndops::sqrt(a).len();
        let _ = ndops::greater(a, 0.5).map(|m| m.len());
        let _ = ndops::zip_map_n([a, a, a], |[x, y, z]| x * y + z).map(|r| r.len());
        let _ = ndcore::ops::map(a, |x| x as u8).len();
    })?;
    no_panic("selection", || {
        let m = ndops::greater(a, 0.5).map(|m| a.masked(&m).map(|r| r.len()));
        let _ = m;
        let _ = a.nonzero().map(|v| v.len());
        if let Ok(c) = ndops::less(a, 1.0) {
            let _ = where_(&c, a, a).map(|r| r.len());
        }
        let _ = concatenate(&[a.view(), a.view()], Axis(0)).map(|r| r.len());
        let _ = stack(&[a.view(), a.view()], Axis(0)).map(|r| r.len());
        let _ = a.take(&arange(2i64), None).map(|r| r.len());
    })?;
    no_panic("products", || {
        let _ = dot(a, a).map(|r| r.len());
        let _ = matmul(a, a).map(|r| r.len());
        let _ = a.dot(&a.t()).map(|r| r.len());
    })?;
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

    /// Views over a small buffer with any layout: built or refused, and then every call
    /// answers.
    #[test]
    fn views_of_extreme_layouts_never_panic(
        (shape, strides) in layout(),
        start in prop_oneof![Just(BUF / 2), 0usize..BUF],
        off in offset(),
        axes in proptest::collection::vec(-66isize..66, 0..4),
    ) {
        let buf: Vec<f64> = (0..BUF).map(|i| (i % 7) as f64 * 0.5 - 1.0).collect();
        let made = no_panic("from_slice_strides", || {
            ArrayView::from_slice_strides(shape.clone(), strides.clone(), &buf[start..])
        })?;
        let Ok(a) = made else { return Ok(()) };
        prop_assert!(sound(&a));
        views(&a, off)?;
        // An empty array may still have huge axes: iterating over them (lanes, rows)
        // takes as long as in NumPy, so only reductions run there.
        if a.size() <= WALKABLE && a.shape().iter().all(|&k| k <= WALKABLE) {
            walks(&a, &axes)?;
        } else if a.is_empty() {
            reductions(&a, &axes)?;
        }
    }

    /// Constructors with any shape: a value of the right size, or an error.
    #[test]
    fn constructors_of_extreme_shapes_never_panic((shape, strides) in layout()) {
        let size = size_of_shape(&shape);
        let r = no_panic("from_shape_vec", || Array::from_shape_vec(shape.clone(), vec![1.0f64]))?;
        prop_assert_eq!(r.is_ok(), size == Some(1) && shape.len() <= 64);
        view!("from_shape_vec_order", Array::from_shape_vec_order(shape.clone(), Order::F, vec![0u8; 3]));
        // Allocate only what is small or surely refused (more than the address space).
        let bytes = size.and_then(|s| s.checked_mul(8));
        if bytes.is_none_or(|b| b <= 1 << 16 || b > 1 << 50) {
            let z = no_panic("try_zeros", || Array::<f64, IxDyn>::try_zeros(shape.clone()))?;
            if let Err(e) = &z {
                let text = e.to_string();
                prop_assert!(
                    text.starts_with("array is too big")
                        || text.starts_with("Unable to allocate")
                        || text.starts_with("maximum supported dimension"),
                    "{}", text
                );
            }
            view!("try_full", Array::<u8, IxDyn>::try_full(shape.clone(), 7));
        }
        let owned = Array::from_vec((0..16).map(f64::from).collect::<Vec<_>>());
        view!("as_strided", owned.as_strided(shape.clone(), &strides));
        let mut owned = owned;
        view!("as_strided_mut", owned.as_strided_mut(shape.clone(), &strides));
        let mut raw = [0.0f64; 16];
        view!("from_slice_shape", ArrayView::from_slice_shape(shape.clone(), &raw[..]));
        view!("ArrayViewMut::from_slice_strides", ArrayViewMut::from_slice_strides(shape.clone(), strides.clone(), &mut raw[..]));
    }
}

#[test]
fn the_generators_reach_the_limits() {
    // What the properties above rely on: 65 axes refused at every entry, 64 accepted.
    let e: Error =
        ArrayView::from_slice_strides(vec![1usize; 65], vec![8isize; 65], &[1.0][..]).unwrap_err();
    assert!(e.to_string().contains("found 65"));
    assert!(ArrayView::from_slice_strides(vec![1usize; 64], vec![8isize; 64], &[1.0][..]).is_ok());
}
