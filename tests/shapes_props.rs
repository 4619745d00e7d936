//! Shape tools on random shapes (0–4 axes, empty and length-1 axes included) and layouts
//! (C, transposed, one axis flipped, one axis taken with step 2), checked element by element
//! against naive index arithmetic: `array_split` + `concatenate` give the array back, the
//! pieces follow NumPy's sizes and are views; `flip`, `roll`, `tile`, `repeat` and `pad`
//! agree with a per-index reference. Also: views share memory with their source.

use ndcore::prelude::*;
use ndops::prelude::*;
use ndops::shape::{array_split_mut, roll_axes, split_mut};
use proptest::prelude::*;

/// A shape and a layout to view it through.
#[derive(Clone, Debug)]
struct Src {
    shape: Vec<usize>,
    layout: u8,
    axis: usize,
}

fn src() -> impl Strategy<Value = Src> {
    (prop::collection::vec(0usize..=4, 0..=4), 0u8..4, 0usize..4).prop_map(
        |(shape, layout, axis)| {
            let axis = if shape.is_empty() {
                0
            } else {
                axis % shape.len()
            };
            Src {
                shape,
                layout,
                axis,
            }
        },
    )
}

impl Src {
    /// Calls `f` with a view of values 0, 1, 2, … (in the view's C order) laid out as asked.
    fn with<R>(&self, f: impl FnOnce(ArrayViewD<'_, i64>) -> R) -> R {
        let nd = self.shape.len();
        let mut base_shape = self.shape.clone();
        if self.layout == 1 {
            base_shape.reverse();
        }
        if self.layout == 3 && nd > 0 {
            base_shape[self.axis] *= 2;
        }
        let size: usize = base_shape.iter().product();
        let base = arange(size as i64).into_shape(base_shape).unwrap();
        let view = match self.layout {
            1 => base.t(),
            2 if nd > 0 => base.flip(Axis(self.axis)).unwrap(),
            3 if nd > 0 => {
                let mut sel = vec![SliceInfoElem::FULL; nd];
                sel[self.axis] = Slice::new(None, None, 2).into();
                base.slice(sel.as_slice())
            }
            _ => base.view(),
        };
        assert_eq!(view.shape(), self.shape.as_slice());
        f(view)
    }
}

/// Every index of `shape`, in C order.
fn indices(shape: &[usize]) -> Vec<Vec<usize>> {
    let size: usize = shape.iter().product();
    let mut out = Vec::with_capacity(size);
    let mut idx = vec![0usize; shape.len()];
    for _ in 0..size {
        out.push(idx.clone());
        for ax in (0..shape.len()).rev() {
            idx[ax] += 1;
            if idx[ax] < shape[ax] {
                break;
            }
            idx[ax] = 0;
        }
    }
    out
}

/// Checks `got[i] == a[map(i)]` for every index `i` of `got`.
fn agrees<D: Dimension, E: Dimension>(
    got: &ArrayRef<i64, D>,
    a: &ArrayRef<i64, E>,
    map: impl Fn(&[usize]) -> Vec<usize>,
) {
    for i in indices(got.shape()) {
        let want = *a
            .get(map(&i).as_slice())
            .expect("the reference index is in bounds");
        assert_eq!(*got.get(i.as_slice()).unwrap(), want, "at {i:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn array_split_then_concatenate_gives_the_array_back(s in src(), n in 1isize..6, cuts in prop::collection::vec(-6isize..8, 0..4)) {
        prop_assume!(!s.shape.is_empty());
        s.with(|v| {
            let ax = s.axis;
            let len = v.shape()[ax];
            let pieces = array_split(&v, n, Axis(ax)).unwrap();
            assert_eq!(pieces.len(), n as usize);
            for (k, p) in pieces.iter().enumerate() {
                // NumPy's rule: the first len % n pieces are one longer.
                let want = len / n as usize + usize::from(k < len % n as usize);
                assert_eq!(p.shape()[ax], want);
                assert_eq!(p.strides(), v.strides(), "a piece is a view");
            }
            let back = concatenate(&pieces, Axis(ax)).unwrap();
            assert_eq!((back.shape(), back.to_vec()), (v.shape(), v.to_vec()));
            let equal = split(&v, n, Axis(ax));
            assert_eq!(equal.is_ok(), len % n as usize == 0);
            // Cuts at indices (clipped, negative from the end) give the pieces between
            // consecutive cuts; when increasing, they concatenate back too.
            let pieces = array_split(&v, cuts.clone(), Axis(ax)).unwrap();
            assert_eq!(pieces.len(), cuts.len() + 1);
            let clip = |i: isize| if i < 0 { (i + len as isize).max(0) as usize } else { (i as usize).min(len) };
            let mut bounds: Vec<usize> = vec![0];
            bounds.extend(cuts.iter().map(|&c| clip(c)));
            bounds.push(len);
            for (k, p) in pieces.iter().enumerate() {
                let start = bounds[k];
                assert_eq!(p.shape()[ax], bounds[k + 1].saturating_sub(start));
                agrees(p, &v, |i| { let mut j = i.to_vec(); j[ax] += start; j });
            }
            if bounds.windows(2).all(|w| w[0] <= w[1]) {
                let back = concatenate(&pieces, Axis(ax)).unwrap();
                assert_eq!(back.to_vec(), v.to_vec());
            }
        });
    }

    #[test]
    fn flip_matches_reversed_indices(s in src()) {
        s.with(|v| {
            for ax in 0..v.ndim() {
                let f = v.flip(Axis(ax)).unwrap();
                let n = v.shape()[ax];
                agrees(&f, &v, |i| { let mut j = i.to_vec(); j[ax] = n - 1 - i[ax]; j });
            }
            let shape = v.shape().to_vec();
            agrees(&v.flip_all(), &v, |i| i.iter().zip(&shape).map(|(&k, &n)| n - 1 - k).collect());
        });
    }

    #[test]
    fn roll_matches_shifted_indices(s in src(), shift in -20isize..20) {
        s.with(|v| {
            for ax in 0..v.ndim() {
                let r = roll(&v, shift, Some(Axis(ax))).unwrap();
                let n = v.shape()[ax] as isize;
                agrees(&r, &v, |i| {
                    let mut j = i.to_vec();
                    j[ax] = (i[ax] as isize - shift).rem_euclid(n) as usize;
                    j
                });
            }
            let flat = v.to_vec();
            let r = roll(&v, shift, None).unwrap();
            assert_eq!(r.shape(), v.shape());
            let n = flat.len() as isize;
            let want: Vec<i64> = (0..n).map(|i| flat[(i - shift).rem_euclid(n) as usize]).collect();
            assert_eq!(r.to_vec(), want);
        });
    }

    #[test]
    fn roll_axes_equals_rolls_one_after_another(
        s in src(),
        shifts in prop::collection::vec(-9isize..9, 1..4),
        axes in prop::collection::vec(0usize..4, 1..4),
    ) {
        prop_assume!(!s.shape.is_empty());
        s.with(|v| {
            let k = shifts.len().min(axes.len());
            let axes: Vec<usize> = axes[..k].iter().map(|&a| a % v.ndim()).collect();
            let got = roll_axes(&v, &shifts[..k], &axes).unwrap();
            let mut want = v.to_owned();
            for (&sh, &ax) in shifts.iter().zip(&axes) {
                want = roll(&want, sh, Some(Axis(ax))).unwrap();
            }
            assert_eq!(got.to_vec(), want.to_vec());
        });
    }

    #[test]
    fn tile_and_repeat_match_index_arithmetic(s in src(), reps in prop::collection::vec(0usize..3, 0..=5), k in 0usize..3, each in prop::collection::vec(0usize..3, 4)) {
        s.with(|v| {
            let t = tile(&v, &reps).unwrap();
            let nd = v.ndim();
            let extra = t.ndim() - nd;
            agrees(&t, &v, |i| i[extra..].iter().zip(v.shape()).map(|(&a, &n)| a % n).collect());
            if nd > 0 {
                let ax = s.axis;
                let r = repeat(&v, k, Axis(ax)).unwrap();
                assert_eq!(r.shape()[ax], v.shape()[ax] * k);
                agrees(&r, &v, |i| { let mut j = i.to_vec(); j[ax] = i[ax] / k; j });
                let per = &each[..v.shape()[ax]];
                let r = repeat(&v, per, Axis(ax)).unwrap();
                let owner: Vec<usize> = per.iter().enumerate().flat_map(|(e, &c)| std::iter::repeat_n(e, c)).collect();
                assert_eq!(r.shape()[ax], owner.len());
                agrees(&r, &v, |i| { let mut j = i.to_vec(); j[ax] = owner[i[ax]]; j });
            }
        });
    }

    #[test]
    fn pad_matches_numpy_index_rules(s in src(), widths in prop::collection::vec((0usize..7, 0usize..7), 4), mode in 0u8..4) {
        s.with(|v| {
            let nd = v.ndim();
            let w = &widths[..nd];
            let m = match mode {
                0 => PadMode::Edge,
                1 => PadMode::Reflect,
                2 => PadMode::Symmetric,
                _ => PadMode::Wrap,
            };
            let r = pad(&v, w, m);
            if v.is_empty() {
                return;
            }
            let r = r.unwrap();
            // Per axis, position p relative to the data: NumPy's results written as
            // reflections about the ends (period 2(n-1) reflect, 2n symmetric, n wrap).
            let map = |p: isize, n: usize| -> usize {
                let n = n as isize;
                let q = match mode {
                    0 => p.clamp(0, n - 1),
                    1 if n == 1 => 0,
                    1 => { let q = p.rem_euclid(2 * n - 2); if q < n { q } else { 2 * n - 2 - q } }
                    2 => { let q = p.rem_euclid(2 * n); if q < n { q } else { 2 * n - 1 - q } }
                    _ => p.rem_euclid(n),
                };
                q as usize
            };
            agrees(&r, &v, |i| (0..nd).map(|a| map(i[a] as isize - w[a].0 as isize, v.shape()[a])).collect());
            let c = pad(&v, w, PadMode::Constant(-1)).unwrap();
            for i in indices(c.shape()) {
                let inside = (0..nd).all(|a| i[a] >= w[a].0 && i[a] < w[a].0 + v.shape()[a]);
                let got = *c.get(i.as_slice()).unwrap();
                if inside {
                    let j: Vec<usize> = (0..nd).map(|a| i[a] - w[a].0).collect();
                    assert_eq!(got, *v.get(j.as_slice()).unwrap());
                } else {
                    assert_eq!(got, -1);
                }
            }
        });
    }
}

#[test]
fn views_share_memory_with_their_source() {
    let mut x = arange(24i64).into_shape([2, 3, 4]).unwrap();
    let p = x.as_ptr();
    // Writes through a flipped view land in the source, mirrored.
    x.flip_mut(Axis(2)).unwrap()[[1, 2, 0]] = -1;
    assert_eq!(x[[1, 2, 3]], -1);
    // Every other view starts where NumPy's does: no copies.
    let at = |i: [usize; 3]| &x[i] as *const i64;
    assert_eq!(x.flip(Axis(1)).unwrap().as_ptr(), at([0, 2, 0]));
    assert_eq!(x.flip_all().as_ptr(), at([1, 2, 3]));
    assert_eq!(x.flipud().unwrap().as_ptr(), at([1, 0, 0]));
    assert_eq!(x.fliplr().unwrap().as_ptr(), at([0, 2, 0]));
    assert_eq!(x.moveaxis(0, -1).unwrap().as_ptr(), p);
    assert_eq!(x.swapaxes(0, 2).unwrap().as_ptr(), p);
    assert_eq!(x.atleast_3d().as_ptr(), p);
    let y = x.slice(s![.., 1..2, ..]);
    assert_eq!(y.squeeze_axis(Axis(1)).unwrap().as_ptr(), at([0, 1, 0]));
    let pieces = array_split(&x, 3, Axis(2)).unwrap();
    let starts: Vec<*const i64> = pieces.iter().map(|v| v.as_ptr()).collect();
    assert_eq!(starts, vec![at([0, 0, 0]), at([0, 0, 2]), at([0, 0, 3])]);
    let pieces = split(&x, [1], Axis(1)).unwrap();
    assert_eq!(pieces[1].as_ptr(), at([0, 1, 0]));
    // Writable pieces write into the source.
    for (k, mut p) in array_split_mut(&mut x, [1, 3], Axis(2))
        .unwrap()
        .into_iter()
        .enumerate()
    {
        p.fill(100 + k as i64);
    }
    assert_eq!(x.slice(s![0, 0, ..]).to_vec(), vec![100, 101, 101, 102]);
    split_mut(&mut x, 2, Axis(0)).unwrap()[1].fill(-5);
    assert!(x.slice(s![1, .., ..]).iter().all(|&v| v == -5));
    assert!(array_split_mut(&mut x, [3, 1], Axis(2)).is_err());
    let at = |i: [usize; 3]| &x[i] as *const i64;
    // Flips of a view of a view keep pointing into the original.
    let z = x.slice(s![.., ..;-1, ..;2]);
    assert_eq!(z.flip(Axis(1)).unwrap().as_ptr(), at([0, 0, 0]));
}

#[test]
fn static_ranks_follow_numpy() {
    let v = arange(3i64);
    let m: Array2<i64> = vstack(&[&v, &v]).unwrap();
    assert_eq!(m.shape(), &[2, 3]);
    let h: Array1<i64> = hstack(&[&v, &v]).unwrap();
    assert_eq!(h.shape(), &[6]);
    let d: Array3<i64> = dstack(&[&v, &v]).unwrap();
    assert_eq!(d.shape(), &[1, 3, 2]);
    let c: Array2<i64> = column_stack(&[&v, &v]).unwrap();
    assert_eq!(c.shape(), &[3, 2]);
    let x3 = Array::<i64, _>::zeros([2, 3, 4]);
    let v3: Array3<i64> = vstack(&[&x3, &x3]).unwrap();
    assert_eq!(v3.shape(), &[4, 3, 4]);
    let lower: Array2<i64> = tril(&v, 0).unwrap();
    assert_eq!(lower.to_vec(), vec![0, 0, 0, 0, 1, 0, 0, 1, 2]);
    let tr: Array0<i64> = trace(&m, 0).unwrap();
    assert_eq!(tr.item().unwrap(), 1);
    let row = x3.slice(s![0..1, 0, ..]);
    let s: ArrayView1<i64> = row.squeeze_axis(Axis(0)).unwrap();
    assert_eq!(s.shape(), &[4]);
    // Errors where NumPy raises, not panics.
    let z = Array0::full([], 1i64);
    assert!(tril(&z, 0).is_err());
    assert!(z.fliplr().is_err());
    assert!(pad(&Array::<i64, _>::zeros([0]), 1, PadMode::Wrap).is_err());
    assert!(repeat(&v, [1usize, 2], Axis(0)).is_err());
    assert!(array_split(&v, isize::MAX, Axis(0)).is_err());
    assert!(tile(&v, &[usize::MAX, 2]).is_err());
    assert!(repeat(&v, usize::MAX, Axis(0)).is_err());
    assert!(pad(&v, usize::MAX, PadMode::Edge).is_err());
    assert!(v.item_at(isize::MIN).is_err());
    assert!(roll(&v, isize::MIN, Some(Axis(0))).is_ok());
}
