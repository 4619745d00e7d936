//! Random strided layouts for the ndops property tests (reductions and selection): a
//! shape, a step per axis, a permutation and an optional broadcast axis, built as a view of
//! a fresh parent array.

use ndcore::prelude::*;
use proptest::prelude::*;

/// A random layout: the shape, a step per axis, an axis permutation, and whether to
/// broadcast the result along a new leading axis of length 2 (stride 0).
#[derive(Debug, Clone)]
pub struct Layout {
    pub dims: Vec<usize>,
    pub steps: Vec<isize>,
    pub perm: Vec<usize>,
    pub broadcast: bool,
}

pub fn layout() -> impl Strategy<Value = Layout> {
    prop::collection::vec(
        (0usize..5, prop::sample::select(vec![1isize, 2, -1, -2])),
        0..=4,
    )
    .prop_flat_map(|axes| {
        let n = axes.len();
        (
            Just(axes),
            Just((0..n).collect::<Vec<_>>()).prop_shuffle(),
            prop::bool::weighted(0.2),
        )
    })
    .prop_map(|(axes, perm, broadcast)| Layout {
        dims: axes.iter().map(|a| a.0).collect(),
        steps: axes.iter().map(|a| a.1).collect(),
        perm,
        broadcast,
    })
}

/// The parent array (values from `vals`, cycled) and the view the layout describes.
pub fn build<T: Element>(l: &Layout, vals: &[T]) -> (ArrayD<T>, Vec<SliceInfoElem>) {
    let parent: Vec<usize> = l
        .dims
        .iter()
        .zip(&l.steps)
        .map(|(&d, &s)| d * s.unsigned_abs())
        .collect();
    let n: usize = parent.iter().product();
    let data: Vec<T> = (0..n).map(|i| vals[i % vals.len()]).collect();
    let a = Array::from_shape_vec(parent, data).expect("parent");
    let sl = l
        .steps
        .iter()
        .map(|&s| Slice::new(None, None, s).into())
        .collect();
    (a, sl)
}

/// Calls `f` with the view the layout describes (a view of a fresh parent array).
pub fn with_view<T: Element, R>(
    l: &Layout,
    vals: &[T],
    f: impl FnOnce(ArrayViewD<'_, T>) -> R,
) -> R {
    let (a, sl) = build(l, vals);
    let mut v = a.slice(sl.as_slice());
    // Apply the permutation by swaps: position i takes axis perm[i].
    let mut order: Vec<usize> = (0..l.perm.len()).collect();
    for i in 0..l.perm.len() {
        let j = order.iter().position(|&o| o == l.perm[i]).expect("perm");
        v.swap_axes(i, j).expect("swap");
        order.swap(i, j);
    }
    if l.broadcast {
        let mut shape = vec![2];
        shape.extend_from_slice(v.shape());
        f(v.broadcast_to(shape).expect("broadcast"))
    } else {
        f(v)
    }
}
