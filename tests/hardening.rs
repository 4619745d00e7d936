//! Regression tests for the holes at the edges of ndcore's contracts (issue 10): each one
//! reproduced the way a user would reach it, with NumPy's answer where NumPy has one.

use bytemuck::{CheckedBitPattern, NoUninit, Zeroable};
use nd_tests::panic_text;
use ndcore::prelude::*;
use ndcore::{Element, Error};
use ndlinalg::prelude::*;
use ndops::prelude::*;

fn err<T>(r: Result<T, Error>) -> String {
    match r {
        Ok(_) => panic!("expected an error"),
        Err(e) => e.to_string(),
    }
}

// ---------------------------------------------------------------------------------------
// 1. Bit validity never trusts a safe promise.

/// A record over one `bool`, described the way a user would by hand.
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Flag(pub bool);

// SAFETY: a bool's zero is `false`.
unsafe impl Zeroable for Flag {}
// SAFETY: one bool, no padding.
unsafe impl NoUninit for Flag {}
// SAFETY: `u8` has Flag's size and alignment; only 0 and 1 are valid.
unsafe impl CheckedBitPattern for Flag {
    type Bits = u8;
    fn is_valid_bit_pattern(bits: &u8) -> bool {
        *bits <= 1
    }
}
// SAFETY: the dtype is NumPy's bool, one byte, Flag's layout.
unsafe impl Element for Flag {
    fn dtype() -> DType {
        DType::bool()
    }
}

#[test]
fn viewing_bytes_as_a_bool_record_checks_every_byte() {
    let bytes = Array::from_vec(vec![0u8, 1, 2, 255]);
    let e = err(bytes.view_as::<Flag>());
    assert!(e.contains("element 2"), "{e}");
    let ok = Array::from_vec(vec![0u8, 1, 1, 0]);
    let v = ok.view_as::<Flag>().expect("0 and 1 are bools");
    assert_eq!(
        v.to_vec(),
        vec![Flag(false), Flag(true), Flag(true), Flag(false)]
    );
    // Also through a strided, reversed view: only the bytes the view reaches count.
    let mixed = Array::from_vec(vec![1u8, 7, 0, 9, 1]);
    let every_other = mixed.slice(s![..;-2]);
    assert_eq!(
        every_other.view_as::<bool>().expect("1, 0, 1").to_vec(),
        vec![true, false, true]
    );
    assert!(mixed.slice(s![1..;2]).view_as::<bool>().is_err());
}

// ---------------------------------------------------------------------------------------
// 2. No array has more than 64 axes.

const TOO_MANY: &str = "maximum supported dimension for an ndarray is currently 64, found 65";

#[test]
fn sixty_five_axes_are_refused_where_shapes_come_in() {
    assert_eq!(
        err(Array::from_shape_vec(vec![1usize; 65], vec![1.0])),
        TOO_MANY
    );
    assert_eq!(
        err(Array::from_shape_vec(&[1usize; 65][..], vec![1.0])),
        TOO_MANY
    );
    let a = arange(1.0f64);
    assert_eq!(err(reshape(&a, vec![1usize; 65])), TOO_MANY);
    assert_eq!(err(a.broadcast_to(vec![1usize; 65])), TOO_MANY);
    assert_eq!(err(a.to_shape(vec![1usize; 65])), TOO_MANY);
    assert_eq!(err(a.clone().into_shape(vec![1usize; 65])), TOO_MANY);
    let data = [1.0f64];
    assert_eq!(
        err(ArrayView::from_slice_shape(vec![1usize; 65], &data[..])),
        TOO_MANY
    );
    assert_eq!(err(a.as_strided(vec![1usize; 65], &[0; 65])), TOO_MANY);
    // 64 is fine, and every reduction works on it.
    let b = Array::from_shape_vec(vec![1usize; 64], vec![2.0]).expect("64 axes");
    assert_eq!(b.ndim(), 64);
    assert_eq!(b.sum(), 2.0);
    assert_eq!(b.max().expect("one element"), 2.0);
    assert_eq!(b.sum_axis(Axis(3)).expect("axis 3").ndim(), 63);
    assert_eq!(b.sum_axes([0, 5], false).expect("two axes").ndim(), 62);
    assert_eq!(b.cumsum_axis(Axis(63)).expect("last axis").ndim(), 64);
    assert_eq!(b.iter().count(), 1);
    assert_eq!(
        b.expand_dims(Axis(0))
            .map(|_| ())
            .map_err(|e| e.to_string()),
        Err("maximum supported dimension for an ndarray is currently 64, found 65".into())
    );
}

// ---------------------------------------------------------------------------------------
// 3. Diagonal offsets at the ends of isize.

#[test]
fn diagonal_offsets_at_the_limits_are_empty() {
    let x = arange(9i64).into_shape([3, 3]).expect("9 elements");
    for off in [isize::MIN, isize::MIN + 1, isize::MAX, 3, -3] {
        let d = x.diagonal(off, 0, 1).expect("an empty diagonal");
        assert_eq!(d.shape(), &[0], "offset {off}");
    }
    assert_eq!(x.diagonal(-2, 0, 1).expect("one").to_vec(), vec![6]);
}

// ---------------------------------------------------------------------------------------
// 4. A view's size in bytes fits in isize, as NumPy requires of every array.

#[test]
fn broadcasting_past_the_address_space_is_an_error() {
    let a = arange(1.0f64);
    let e = err(a.broadcast_to([1usize << 61]));
    assert!(e.contains("too big"), "{e}");
    // The largest that fits works, and the element-wise paths do not panic on it.
    let b = a.broadcast_to([1usize << 59]).expect("2^62 bytes fit");
    assert_eq!(b.len(), 1 << 59);
    let bytes = arange_with(0u8, 1, 1).unwrap();
    let wide = bytes
        .broadcast_to([1usize << 62])
        .expect("2^62 bytes of u8");
    // A result of 4 EiB cannot be allocated: NumPy's MemoryError text, never a panic.
    let e = err(ndops::add(&wide, &wide));
    assert!(
        e.starts_with("Unable to allocate 4.00 EiB for an array with shape (4611686018427387904,)"),
        "{e}"
    );
}

// ---------------------------------------------------------------------------------------
// 5. arange's length rule.

#[test]
fn arange_refuses_what_numpy_refuses() {
    // Each text is what NumPy 2.4 raises for the same call.
    let too_big = "array is too big; `arr.size * arr.dtype.itemsize` is larger than the \
                   maximum possible size.";
    assert_eq!(err(arange_with(0i64, i64::MAX, 1)), too_big);
    assert_eq!(err(arange_with(0.0f64, 2e18, 1.0)), too_big);
    assert_eq!(
        err(arange_with(0.0f64, 9.3e18, 1.0)),
        "Maximum allowed size exceeded"
    );
    for stop in [f64::INFINITY, f64::NEG_INFINITY, 1e19] {
        assert_eq!(
            err(arange_with(0.0f64, stop, 1.0)),
            "Maximum allowed size exceeded"
        );
    }
    assert_eq!(
        err(arange_with(0.0f64, f64::NAN, 1.0)),
        "arange: cannot compute length"
    );
    assert_eq!(
        err(arange_with(0.0f64, 1.0, f64::NAN)),
        "arange: cannot compute length"
    );
    assert_eq!(err(arange_with(0, 10, 0)), "division by zero");
    assert_eq!(err(arange_with(0.0, 10.0, 0.0)), "float division by zero");
    assert_eq!(arange_with(0u8, 255, 1).expect("255 values").len(), 255);
    assert_eq!(arange_with(i64::MIN, i64::MIN + 3, 1).expect("3").len(), 3);
    assert_eq!(
        arange_with(i64::MAX, i64::MIN, -1 << 62).expect("4").len(),
        4
    );
    // The infallible form panics with NumPy's text instead of returning nothing.
    for stop in [f64::INFINITY, 1e19, f64::NAN] {
        let text = panic_text(move || {
            arange(stop);
        });
        assert!(text == "Maximum allowed size exceeded" || text == "arange: cannot compute length");
    }
    assert_eq!(arange(-2.5f64).len(), 0);
}

// ---------------------------------------------------------------------------------------
// 6. Length-1 axes may have any stride; products must not care.

#[test]
fn products_accept_odd_strides_on_length_one_axes() {
    let data = [2.0f64, 5.0, 7.0];
    let x = ArrayView::from_slice_strides([1usize], [12isize], &data[..]).expect("one element");
    assert_eq!(x.dot(&x).expect("1-d dot"), 4.0);
    let m = ArrayView::from_slice_strides([1usize, 3], [4isize, 8], &data[..]).expect("a row");
    let c = ArrayView::from_slice_strides([3usize, 1], [8isize, 3], &data[..]).expect("a col");
    assert_eq!(m.dot(&c).expect("1x3 . 3x1")[[0, 0]], 78.0);
    assert_eq!(c.dot(&m).expect("3x1 . 1x3")[[2, 2]], 49.0);
    assert_eq!(
        m.dot(&x.broadcast_to([3]).expect("b")).expect("mv")[[0]],
        28.0
    );
}
