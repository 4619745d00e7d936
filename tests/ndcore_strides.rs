//! The unsafe paths of ndcore with odd strides — negative, zero, non-contiguous, empty,
//! 0-d — and the errors a user meets, with NumPy's text.

use nd_tests::panic_text;
use ndcore::engine::{IterOrder, Lane, Plan};
use ndcore::prelude::*;
use ndcore::{ArcArray, Error, Ix2, Ix3};

fn range(start: Option<isize>, stop: Option<isize>, step: isize) -> SliceInfoElem {
    Slice::new(start, stop, step).into()
}

fn err<T>(r: Result<T, Error>) -> String {
    match r {
        Ok(_) => panic!("expected an error"),
        Err(e) => e.to_string(),
    }
}

fn addr<T>(p: *const T) -> usize {
    p as usize
}

// ---------------------------------------------------------------------------------------
// Negative strides

#[test]
fn negative_strides_read_write_and_copy() {
    let mut a = arange(10i64);
    let base = addr(a.as_ptr());
    {
        let r = a.slice(&[range(None, None, -1)]);
        assert_eq!(r.strides(), &[-8]);
        assert_eq!(addr(r.as_ptr()), base + 72);
        assert_eq!(r.to_vec(), (0..10).rev().collect::<Vec<_>>());
        assert_eq!(r.iter().sum::<i64>(), 45);
        assert!(r.as_slice().is_none());
        let block = r
            .as_slice_memory_order()
            .expect("a reversed block is still a block");
        assert_eq!((addr(block.as_ptr()), block.len()), (base, 10));
        let o = r.to_owned();
        assert_eq!(o.strides(), &[8]);
        assert_eq!(o.to_vec(), (0..10).rev().collect::<Vec<_>>());
        // a[5:1:-1], NumPy's meaning (ndarray's differs).
        assert_eq!(
            a.slice(&[range(Some(5), Some(1), -1)]).to_vec(),
            vec![5, 4, 3, 2]
        );
        assert_eq!(
            a.slice(&[range(Some(-2), None, -3)]).to_vec(),
            vec![8, 5, 2]
        );
    }
    a.slice_mut(&[range(None, None, -2)]).fill(-1);
    assert_eq!(a.to_vec(), vec![0, -1, 2, -1, 4, -1, 6, -1, 8, -1]);
    let mut r = a.slice_mut(&[range(None, None, -1)]);
    r.assign(&arange(10i64)).unwrap();
    assert_eq!(a.to_vec(), (0..10).rev().collect::<Vec<_>>());
}

#[test]
fn negative_strides_in_2d_iterate_in_c_order() {
    let x = arange(12i64).into_shape([3, 4]).unwrap();
    let y = x.slice(&[range(None, None, -1), range(None, None, -2)]);
    assert_eq!(y.strides(), &[-32, -16]);
    assert_eq!(y.to_vec(), vec![11, 9, 7, 5, 3, 1]);
    let rows: Vec<Vec<i64>> = y.axis_iter(Axis(0)).map(|r| r.to_vec()).collect();
    assert_eq!(rows, vec![vec![11, 9], vec![7, 5], vec![3, 1]]);
    let cols: Vec<Vec<i64>> = y.lanes(Axis(0)).map(|l| l.to_vec()).collect();
    assert_eq!(cols, vec![vec![11, 7, 3], vec![9, 5, 1]]);
    let t = y.t();
    assert_eq!(t.to_vec(), vec![11, 7, 3, 9, 5, 1]);
    // Rows and columns both step back by 2 elements per column: one strided run.
    let flat = y.reshape([6]).expect("evenly spaced");
    assert_eq!(
        (flat.strides(), flat.to_vec()),
        (&[-16][..], vec![11, 9, 7, 5, 3, 1])
    );
    assert!(t.reshape([6]).is_err(), "the transpose needs a copy");
    assert_eq!(t.to_shape([6]).unwrap().to_vec(), vec![11, 7, 3, 9, 5, 1]);
    // A full reversal of both axes of a C array reshapes without a copy.
    let z = x.slice(&[range(None, None, -1), range(None, None, -1)]);
    let flat = z
        .reshape([12])
        .expect("a reversed C array is one strided run");
    assert_eq!(flat.strides(), &[-8]);
    assert_eq!(flat.to_vec(), (0..12).rev().collect::<Vec<_>>());
}

#[test]
fn shared_arrays_copy_on_write_keep_offsets() {
    let a = ArcArray::<i64, _>::from_vec((0..6).collect());
    let r = a.clone().slice_move(&[range(None, None, -2)]).unwrap();
    let mut w = r.clone();
    w[[0]] = 100; // copies the buffer: the clone shares it
    assert_eq!(w.to_vec(), vec![100, 3, 1]);
    assert_eq!(r.to_vec(), vec![5, 3, 1]);
    assert_eq!(a.to_vec(), (0..6).collect::<Vec<_>>());
}

// ---------------------------------------------------------------------------------------
// Zero strides

#[test]
fn zero_strides_repeat_elements() {
    let v = arange(4i64);
    let b = v.broadcast_to([3, 4]).unwrap();
    assert_eq!(b.strides(), &[0, 8]);
    assert_eq!(b.to_vec(), [0, 1, 2, 3].repeat(3));
    assert_eq!(b.iter().sum::<i64>(), 18);
    assert!(!b.flags().c_contiguous && !b.flags().f_contiguous && !b.flags().writeable);
    assert!(b.as_slice().is_none() && b.as_slice_memory_order().is_none());
    assert!(b.reshape([12]).is_err());
    let c = b.to_shape([2, 6]).unwrap();
    assert!(!c.is_view());
    assert_eq!(c.to_vec(), [0, 1, 2, 3].repeat(3));
    assert_eq!(b.t().to_vec(), vec![0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3]);
    let lanes: Vec<Vec<i64>> = b.lanes(Axis(0)).map(|l| l.to_vec()).collect();
    assert_eq!(lanes, vec![vec![0; 3], vec![1; 3], vec![2; 3], vec![3; 3]]);

    // A broadcast scalar: every stride 0; reshaping it stays a view (as NumPy's does).
    let s = Array::<f64, Ix0>::full([], 2.5);
    let b = s.broadcast_to([2, 3]).unwrap();
    assert_eq!(b.strides(), &[0, 0]);
    let r = b.reshape([6]).expect("all strides 0");
    assert_eq!(r.strides(), &[0]);
    assert_eq!(r.to_vec(), vec![2.5; 6]);
    let mut dst = Array::<f64, _>::zeros([2, 3]).reversed_axes();
    dst.assign(&s).unwrap();
    assert_eq!(dst.to_vec(), vec![2.5; 6]);
}

#[test]
fn the_engine_hands_out_scalar_contiguous_and_strided_runs() {
    let out = [0i64; 6];
    let shape = [2usize, 3];
    let plan = Plan::<3>::new(&shape, [&[24, 8], &[0, 8], &[-8, 16]], IterOrder::Memory);
    let p = out.as_ptr() as *mut u8;
    let mut kinds = Vec::new();
    // SAFETY: the kernel only classifies the runs; nothing is dereferenced.
    unsafe {
        plan.for_each_run([p; 3], |r| {
            kinds.push((
                matches!(Lane::<i64>::of(&r, 0), Lane::Contiguous(_)),
                matches!(Lane::<i64>::of(&r, 1), Lane::Contiguous(_)),
                matches!(Lane::<i64>::of(&r, 2), Lane::Strided(_, 16)),
                r.len,
            ))
        })
    };
    assert_eq!(kinds, vec![(true, true, true, 3), (true, true, true, 3)]);
    let plan = Plan::<2>::new(&shape, [&[24, 8], &[8, 0]], IterOrder::C);
    let mut lens = Vec::new();
    // SAFETY: as above.
    unsafe {
        plan.for_each_run([p; 2], |r| {
            assert!(matches!(Lane::<i64>::of(&r, 1), Lane::Scalar(_)));
            lens.push(r.len);
        })
    };
    assert_eq!(lens, vec![3, 3]);
}

// ---------------------------------------------------------------------------------------
// Non-contiguous

#[test]
fn non_contiguous_views_copy_and_write_through() {
    let mut x = arange(20i64).into_shape([4, 5]).unwrap();
    let every2 = range(None, None, 2);
    let y = x.slice(&[every2, range(Some(1), None, 2)]);
    assert_eq!(y.strides(), &[80, 16]);
    assert_eq!(y.to_vec(), vec![1, 3, 11, 13]);
    assert!(!y.is_c_contiguous() && y.as_slice_memory_order().is_none());
    assert_eq!(y.map(|v| v * 2).to_vec(), vec![2, 6, 22, 26]);
    assert_eq!(y.cast::<f32>().to_vec(), vec![1.0, 3.0, 11.0, 13.0]);
    let mut w = x.slice_mut(&[every2, range(Some(1), None, 2)]);
    w.zip_mut_with(&arange(2i64), |a, &b| *a = -b - 1).unwrap();
    assert_eq!(x.row(0).to_vec(), vec![0, -1, 2, -2, 4]);
    assert_eq!(x.row(2).to_vec(), vec![10, -1, 12, -2, 14]);
    assert_eq!(x.row(1).to_vec(), vec![5, 6, 7, 8, 9]);
    // F order is contiguous too, in memory order.
    let f = x.t();
    assert!(f.flags().f_contiguous && !f.flags().c_contiguous);
    assert_eq!(f.as_slice_memory_order().unwrap().len(), 20);
}

#[test]
fn split_and_diagonal_views() {
    let mut x = arange(12i64).into_shape([3, 4]).unwrap();
    let (a, b) = x.split_at(Axis(1), 1).unwrap();
    assert_eq!(
        (a.to_vec(), b.to_vec()),
        (vec![0, 4, 8], vec![1, 2, 3, 5, 6, 7, 9, 10, 11])
    );
    let (a, b) = x.split_at(Axis(0), 3).unwrap();
    assert_eq!((a.shape(), b.shape()), (&[3, 4][..], &[0, 4][..]));
    {
        let (mut top, mut bottom) = x.split_at_mut(Axis(0), 1).unwrap();
        top.fill(0);
        bottom.fill(1);
    }
    let mut want = vec![0i64; 4];
    want.extend([1; 8]);
    assert_eq!(x.to_vec(), want);
    let x = arange(12i64).into_shape([3, 4]).unwrap();
    let r = x.slice(&[range(None, None, -1)]);
    assert_eq!(r.diagonal(0, 0, 1).unwrap().to_vec(), vec![8, 5, 2]);
    assert_eq!(r.diagonal(-1, 0, 1).unwrap().to_vec(), vec![4, 1]);
    assert_eq!(x.diagonal(3, 0, 1).unwrap().to_vec(), vec![3]);
    assert_eq!(x.diagonal(4, 0, 1).unwrap().shape(), &[0]);
    assert_eq!(x.diagonal(0, 1, 0).unwrap().strides(), &[40]);
}

// ---------------------------------------------------------------------------------------
// Empty arrays

#[test]
fn empty_arrays_walk_nothing_and_keep_their_pointer() {
    let mut a = Array::<i64, _>::zeros([0, 5]);
    let base = addr(a.as_ptr());
    // Slicing the nonempty axis of an empty array must not move the pointer past the
    // (empty) allocation.
    let s = a.slice(&[SliceInfoElem::FULL, range(Some(3), None, 1)]);
    assert_eq!(s.shape(), &[0, 2]);
    assert_eq!(addr(s.as_ptr()), base);
    assert_eq!(a.index_axis(Axis(1), 4).unwrap().shape(), &[0]);
    assert_eq!(addr(a.index_axis(Axis(1), 4).unwrap().as_ptr()), base);
    assert_eq!(addr(a.diagonal(2, 0, 1).unwrap().as_ptr()), base);
    let mut inv = a.view();
    inv.invert_axis(Axis(1)).unwrap();
    assert_eq!(addr(inv.as_ptr()), base);
    assert_eq!(a.iter().count(), 0);
    assert_eq!(a.as_slice(), Some(&[][..]));
    assert_eq!(a.to_vec(), Vec::<i64>::new());
    assert_eq!(a.t().to_owned().shape(), &[5, 0]);
    assert_eq!(a.axis_iter(Axis(1)).count(), 5);
    assert!(
        a.axis_iter(Axis(1))
            .all(|c| c.is_empty() && c.to_vec().is_empty())
    );
    assert_eq!(a.lanes(Axis(1)).count(), 0);
    // Lanes along an empty axis: one per index of the other axes, each empty.
    let e = Array::<i64, _>::zeros([3, 0]);
    let lanes: Vec<_> = e.lanes(Axis(1)).collect();
    assert_eq!(lanes.len(), 3);
    assert!(
        lanes
            .iter()
            .all(|l| l.is_empty() && l.as_slice() == Some(&[][..]))
    );
    a.fill(7);
    a.assign(&arange(5i64)).unwrap();
    assert!(a.view().reshape([5, 0, 3]).is_ok());
    assert_eq!(a.to_shape([0]).unwrap().shape(), &[0]);
    let sl = a
        .slice_move(&[range(None, None, -1), range(Some(2), None, 1)])
        .unwrap();
    assert_eq!(addr(sl.as_ptr()), base);
    // NumPy's strides for an empty slice: the axis' own, whatever the step.
    let x = arange(10i64);
    assert_eq!(x.slice(&[range(Some(5), Some(1), 1)]).strides(), &[8]);
    assert_eq!(x.slice(&[range(Some(1), Some(5), -1)]).strides(), &[8]);
}

#[test]
fn empty_misaligned_views_give_aligned_empty_slices() {
    // An empty u8 run one byte into a u64 buffer, seen as u64: no element is misaligned
    // (there are none), and no slice of it may be made from the odd pointer.
    let words = Array::from_vec(vec![0u64; 2]);
    let bytes = words.view_as::<u8>().unwrap();
    let raw = bytes.as_slice().unwrap();
    let empty = ArrayView::from_slice_shape([0], &raw[1..1]).unwrap();
    assert_eq!(addr(empty.as_ptr()) % 8, 1);
    let e = empty
        .view_as::<u64>()
        .expect("no elements, nothing misaligned");
    assert_eq!(e.shape(), &[0]);
    assert_eq!(e.as_slice(), Some(&[][..]));
    assert_eq!(e.as_slice_memory_order(), Some(&[][..]));
    assert_eq!(e.to_owned().shape(), &[0]);
    assert_eq!(e.to_vec(), Vec::<u64>::new());
    // A 2-d empty array whose last axis is not contiguous may change item size (NumPy).
    let x = Array::<i64, _>::zeros([0, 4]);
    let y = x.slice(&[SliceInfoElem::FULL, range(None, None, 2)]);
    assert_eq!(y.view_as::<u8>().unwrap().shape(), &[0, 16]);
}

// ---------------------------------------------------------------------------------------
// 0-d arrays

#[test]
fn zero_d_arrays() {
    let mut a = Array::<i64, Ix0>::full([], 7);
    assert_eq!(
        (a.ndim(), a.size(), a.shape(), a.strides()),
        (0, 1, &[][..], &[][..])
    );
    assert_eq!(a[[]], 7);
    assert_eq!(a.get([]), Some(&7));
    assert_eq!(a.iter().copied().collect::<Vec<_>>(), vec![7]);
    assert_eq!(a.indexed_iter().count(), 1);
    assert!(a.flags().c_contiguous && a.flags().f_contiguous);
    assert_eq!(a.t().to_vec(), vec![7]);
    a.fill(9);
    assert_eq!(a.to_owned().to_vec(), vec![9]);
    assert_eq!(a.view().reshape([1, 1]).unwrap().strides(), &[8, 8]);
    assert_eq!(a.broadcast_to([2]).unwrap().to_vec(), vec![9, 9]);
    assert_eq!(a.view_as::<u64>().unwrap()[[]], 9);
    assert_eq!(
        err(a.view_as::<u8>()),
        "Changing the dtype of a 0d array is only supported if the itemsize is unchanged"
    );
    assert_eq!(a.cast::<f64>()[[]], 9.0);
    let d = a.view().into_dyn();
    assert_eq!(d.slice(&[SliceInfoElem::NewAxis]).shape(), &[1]);
    assert_eq!(
        err(d.try_slice(&[SliceInfoElem::Index(0)])),
        "too many indices for array: array is 0-dimensional, but 1 were indexed"
    );
    let plan = Plan::<1>::new(&[], [&[]], IterOrder::Memory);
    assert_eq!((plan.inner_len(), plan.lens().len()), (1, 0));
}

// ---------------------------------------------------------------------------------------
// Errors with NumPy's text

#[test]
fn reshape_and_index_errors() {
    let x = arange(9i64).into_shape([3, 3]).unwrap();
    assert_eq!(
        err(reshape(&x, [4, 2])),
        "cannot reshape array of size 9 into shape (4,2)"
    );
    assert_eq!(
        err(x.to_shape([4, 2])),
        "cannot reshape array of size 9 into shape (4,2)"
    );
    assert_eq!(
        err(arange(3i64).into_shape([2, 0])),
        "cannot reshape array of size 3 into shape (2,0)"
    );
    assert!(err(x.t().reshape([9])).contains("use `to_shape`"));
    assert_eq!(
        err(x.try_get([3, 0])),
        "index 3 is out of bounds for axis 0 with size 3"
    );
    assert_eq!(x.get([0, 3]), None);
    assert_eq!(
        panic_text(|| {
            std::hint::black_box(x[[0, 3]]);
        }),
        "index 3 is out of bounds for axis 1 with size 3"
    );
    assert_eq!(
        err(x.try_slice(&[SliceInfoElem::Index(-4)])),
        "index -4 is out of bounds for axis 0 with size 3"
    );
    assert_eq!(
        err(x.try_slice(&[SliceInfoElem::Index(0); 3])),
        "too many indices for array: array is 2-dimensional, but 3 were indexed"
    );
    assert_eq!(
        err(x.try_get(&[0, 0, 0][..])),
        "too many indices for array: array is 2-dimensional, but 3 were indexed"
    );
    assert_eq!(
        err(x.try_slice(&[range(None, None, 0)])),
        "slice step cannot be zero"
    );
    assert_eq!(
        err(x.try_slice(&[SliceInfoElem::Ellipsis, SliceInfoElem::Ellipsis])),
        "an index can only have a single ellipsis ('...')"
    );
}

#[test]
fn axis_errors() {
    let x = arange(6i64).into_shape([2, 3]).unwrap();
    let msg = "axis 2 is out of bounds for array of dimension 2";
    assert_eq!(err(x.index_axis(Axis(2), 0)), msg);
    assert_eq!(err(x.split_at(Axis(2), 0)), msg);
    assert_eq!(err(x.swapped_axes(0, 2)), msg);
    assert_eq!(err(x.permuted_axes(&[0, 2])), msg);
    assert_eq!(
        err(x.expand_dims(Axis(3))),
        "axis 3 is out of bounds for array of dimension 3"
    );
    assert_eq!(err(x.permuted_axes(&[0])), "axes don't match array");
    assert_eq!(err(x.permuted_axes(&[1, 1])), "repeated axis in transpose");
    assert_eq!(
        err(x.split_at(Axis(1), 4)),
        "index 4 is out of bounds for axis 1 with size 3"
    );
    assert_eq!(
        err(x.diagonal(0, 1, 1)),
        "axis1 and axis2 cannot be the same"
    );
    assert_eq!(
        err(arange(3i64).diagonal(0, 0, 1)),
        "diag requires an array of at least two dimensions"
    );
    assert_eq!(
        panic_text(|| {
            let _ = x.axis_iter(Axis(2));
        }),
        msg
    );
}

#[test]
fn broadcast_errors() {
    let x = Array::<f64, _>::zeros([2, 1]);
    assert_eq!(
        err(x.broadcast_to([3, 4])),
        "operands could not be broadcast together with remapped shapes [original->remapped]: \
         (2,1)  and requested shape (3,4)"
    );
    assert_eq!(
        err(x.broadcast_to([3])),
        "input operand has more dimensions than allowed by the axis remapping"
    );
    assert_eq!(
        err(x.broadcast_to([0usize; 0])),
        "cannot broadcast a non-scalar to a scalar array"
    );
    assert!(err(x.broadcast_to([usize::MAX, 2, 1])).starts_with("array is too big"));
    let mut y = Array::<f64, _>::zeros([2, 3]);
    assert_eq!(
        err(y.assign(&Array::<f64, _>::zeros([2]))),
        "could not broadcast input array from shape (2,) into shape (2,3)"
    );
    // NumPy strips the leading length-1 axes of a source with more axes, and names the
    // stripped shape.
    y.assign(&Array::<f64, _>::ones([1, 1, 2, 3])).unwrap();
    assert_eq!(y.to_vec(), vec![1.0; 6]);
    assert_eq!(
        err(y.assign(&Array::<f64, _>::zeros([1, 1, 4]))),
        "could not broadcast input array from shape (1,4) into shape (2,3)"
    );
    assert_eq!(
        err(y.assign(&Array::<f64, _>::zeros([2, 2, 3]))),
        "could not broadcast input array from shape (2,2,3) into shape (2,3)"
    );
}

#[test]
fn view_as_errors_and_alignment() {
    let words = Array::from_vec(vec![0x0102_0304_0506_0708u64, 0, 1]);
    let bytes = words.view_as::<u8>().unwrap();
    assert_eq!((bytes.shape(), bytes.strides()), (&[24][..], &[1][..]));
    // One byte in: every u64 would be misaligned.
    let odd = bytes.slice(&[range(Some(1), Some(17), 1)]);
    assert!(err(odd.view_as::<u64>()).contains("is not aligned to 8 bytes"));
    assert!(odd.view_as::<u16>().is_err());
    let even = bytes.slice(&[range(Some(8), None, 1)]);
    assert_eq!(even.view_as::<u64>().unwrap().to_vec(), vec![0, 1]);
    // Rows 12 bytes apart: fine for u32, misaligned for u64.
    let rows = bytes.into_shape([2, 12]).unwrap();
    assert_eq!(rows.view_as::<u32>().unwrap().strides(), &[12, 4]);
    let firsts = rows.slice(&[SliceInfoElem::FULL, range(None, Some(8), 1)]);
    assert_eq!(
        err(firsts.view_as::<u64>()),
        "stride 12 of axis 0 is not aligned to 8 bytes"
    );
    assert_eq!(
        err(rows.view_as::<u64>()),
        "When changing to a larger dtype, its size must be a divisor of the total size in \
         bytes of the last axis of the array."
    );
    assert_eq!(
        err(rows
            .slice(&[SliceInfoElem::FULL, range(None, None, 2)])
            .view_as::<u16>()),
        "To change to a dtype of a different size, the last axis must be contiguous"
    );
    // bool accepts only the bytes 0 and 1.
    let flags = Array::from_vec(vec![0u8, 1, 1, 0]);
    assert_eq!(
        flags.view_as::<bool>().unwrap().to_vec(),
        vec![false, true, true, false]
    );
    let bad = Array::from_vec(vec![0u8, 1, 2]);
    assert_eq!(
        err(bad.view_as::<bool>()),
        "element 2 holds bytes that are not a valid bool"
    );
    assert!(words.view_as::<bool>().is_err());
}

#[test]
fn as_strided_errors() {
    let a = arange(6i64);
    assert_eq!(
        err(a.as_strided([5, 3], &[8, 8])),
        "shape (5,3) with strides (8,8) reaches memory outside the allocation of 48 bytes"
    );
    assert!(err(a.as_strided([2], &[-8])).contains("outside the allocation"));
    assert!(err(a.as_strided([2], &[4])).contains("not aligned to 8 bytes"));
    assert!(err(a.view().as_strided([2], &[8])).contains("as_strided_unchecked"));
    // From a pointer in the middle of the buffer, backwards is fine.
    let mid = a.clone().slice_move(&[range(Some(3), None, 1)]).unwrap();
    assert_eq!(
        mid.as_strided([4], &[-8]).unwrap().to_vec(),
        vec![3, 2, 1, 0]
    );
    assert!(mid.as_strided([5], &[-8]).is_err());
    let mut m = a.clone();
    assert!(err(m.as_strided_mut([2, 2], &[8, 8])).contains("overlap"));
    m.as_strided_mut([3], &[16]).unwrap().fill(-1);
    assert_eq!(m.to_vec(), vec![-1, 1, -1, 3, -1, 5]);
    assert!(
        a.as_strided([0, 7], &[1000, 3]).is_ok(),
        "an empty view reaches nothing"
    );
}

#[test]
fn overflowing_shapes_and_ranks() {
    let e = err(Array::<u8, _>::from_shape_vec([usize::MAX, 2], vec![]));
    assert!(e.starts_with("array is too big"), "{e}");
    let x = arange(4i64);
    assert!(err(reshape(&x, [usize::MAX, 2])).starts_with("array is too big"));
    assert!(err(x.to_shape([usize::MAX, 3])).starts_with("array is too big"));
    assert!(
        panic_text(|| drop(Array::<u8, _>::zeros([usize::MAX, 2]))).starts_with("array is too big")
    );
    assert!(
        panic_text(|| drop(Array::<u64, _>::zeros([usize::MAX / 4])))
            .starts_with("array is too big")
    );
    let d = ArrayD::<i64>::zeros(vec![2, 3, 4]);
    assert_eq!(
        err(d.clone().into_rank::<Ix2>()),
        "array has 3 dimension(s) where 2 were expected"
    );
    let s = d.into_rank::<Ix3>().unwrap();
    assert_eq!(s.strides(), &[96, 32, 8]);
    assert_eq!(s.into_dyn().shape(), &[2, 3, 4]);
}

#[test]
fn huge_slice_steps_and_bounds() {
    let a = arange(10i64);
    // NumPy: a[::2**61] is [0] (stride 8 * 2**61 wraps to 0); a[::-2**63] is [9] with
    // stride 8 (CPython clamps the step to -(2**63 - 1)).
    let s = a.slice(&[range(None, None, 1 << 61)]);
    assert_eq!((s.to_vec(), s.strides()), (vec![0], &[0][..]));
    let s = a.slice(&[range(None, None, isize::MIN)]);
    assert_eq!((s.to_vec(), s.strides()), (vec![9], &[8][..]));
    let s = a.slice(&[range(Some(isize::MIN), Some(isize::MAX), isize::MAX)]);
    assert_eq!(s.to_vec(), vec![0]);
    let s = a.slice(&[range(Some(isize::MAX), Some(isize::MIN), -3)]);
    assert_eq!(s.to_vec(), vec![9, 6, 3, 0]);
}
