//! Every error the products return, with NumPy 2.4.6's own text (each one was produced by
//! `np.dot`/`np.matmul`/… on the same shapes; the few places that differ are marked).

use ndcore::prelude::*;
use ndlinalg::{dot, inner, matmul, matmul_into, vdot};

fn z(shape: &[usize]) -> ArrayD<f64> {
    Array::zeros(shape.to_vec())
}

fn dot_err(a: &[usize], b: &[usize]) -> String {
    dot(&z(a), &z(b)).unwrap_err().to_string()
}

fn matmul_err(a: &[usize], b: &[usize]) -> String {
    matmul(&z(a), &z(b)).unwrap_err().to_string()
}

fn into_err(a: &[usize], b: &[usize], c: &[usize]) -> String {
    matmul_into(1.0, &z(a), &z(b), 0.0, &mut z(c))
        .unwrap_err()
        .to_string()
}

const SIG: &str = "with gufunc signature (n?,k),(k,m?)->(n?,m?)";

#[test]
fn dot_not_aligned() {
    assert_eq!(
        dot_err(&[3, 4], &[5]),
        "shapes (3,4) and (5,) not aligned: 4 (dim 1) != 5 (dim 0)"
    );
    assert_eq!(
        dot_err(&[4], &[5, 3]),
        "shapes (4,) and (5,3) not aligned: 4 (dim 0) != 5 (dim 0)"
    );
    assert_eq!(
        dot_err(&[4], &[5]),
        "shapes (4,) and (5,) not aligned: 4 (dim 0) != 5 (dim 0)"
    );
    assert_eq!(
        dot_err(&[2, 3], &[4, 5]),
        "shapes (2,3) and (4,5) not aligned: 3 (dim 1) != 4 (dim 0)"
    );
    assert_eq!(
        dot_err(&[2, 3, 4], &[5, 6]),
        "shapes (2,3,4) and (5,6) not aligned: 4 (dim 2) != 5 (dim 0)"
    );
    assert_eq!(
        dot_err(&[2, 3, 4], &[3, 5, 6]),
        "shapes (2,3,4) and (3,5,6) not aligned: 4 (dim 2) != 5 (dim 1)"
    );
    assert_eq!(
        dot_err(&[2, 3, 4], &[5]),
        "shapes (2,3,4) and (5,) not aligned: 4 (dim 2) != 5 (dim 0)"
    );
    assert_eq!(
        dot_err(&[3], &[2, 5, 6]),
        "shapes (3,) and (2,5,6) not aligned: 3 (dim 0) != 5 (dim 1)"
    );
    // Static ranks give the same errors.
    let e = dot(&Array::<f64, _>::zeros([3, 4]), &Array::<f64, _>::zeros(5)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "shapes (3,4) and (5,) not aligned: 4 (dim 1) != 5 (dim 0)"
    );
}

#[test]
fn inner_shows_the_swapped_shape_as_numpy_does() {
    let err = |a: &[usize], b: &[usize]| inner(&z(a), &z(b)).unwrap_err().to_string();
    assert_eq!(
        err(&[3, 4], &[5]),
        "shapes (3,4) and (5,) not aligned: 4 (dim 1) != 5 (dim 0)"
    );
    assert_eq!(
        err(&[3, 4], &[2, 5]),
        "shapes (3,4) and (5,2) not aligned: 4 (dim 1) != 5 (dim 0)"
    );
    assert_eq!(
        err(&[4], &[5]),
        "shapes (4,) and (5,) not aligned: 4 (dim 0) != 5 (dim 0)"
    );
    assert_eq!(
        err(&[3, 4], &[2, 3, 5]),
        "shapes (3,4) and (2,5,3) not aligned: 4 (dim 1) != 5 (dim 1)"
    );
    assert_eq!(
        err(&[4], &[2, 3, 5, 6]),
        "shapes (4,) and (2,3,6,5) not aligned: 4 (dim 0) != 6 (dim 2)"
    );
    assert_eq!(
        err(&[3, 4, 7], &[5]),
        "shapes (3,4,7) and (5,) not aligned: 7 (dim 2) != 5 (dim 0)"
    );
}

#[test]
fn vdot_sizes() {
    let err = |a: &[usize], b: &[usize]| vdot(&z(a), &z(b)).unwrap_err().to_string();
    assert_eq!(
        err(&[3, 4], &[5]),
        "cannot reshape array of size 5 into shape (12,)"
    );
    assert_eq!(
        err(&[5], &[4]),
        "cannot reshape array of size 4 into shape (5,)"
    );
    assert_eq!(
        err(&[3, 4], &[2, 7]),
        "cannot reshape array of size 14 into shape (12,)"
    );
    assert_eq!(vdot(&z(&[3, 4]), &z(&[2, 6])).unwrap(), 0.0);
}

#[test]
fn matmul_core_dimensions() {
    let mismatch = |size: usize, from: usize| {
        format!(
            "matmul: Input operand 1 has a mismatch in its core dimension 0, {SIG} (size {size} is different from {from})"
        )
    };
    assert_eq!(matmul_err(&[3, 4], &[5]), mismatch(5, 4));
    assert_eq!(matmul_err(&[3, 4], &[5, 2]), mismatch(5, 4));
    assert_eq!(matmul_err(&[4], &[5, 2]), mismatch(5, 4));
    assert_eq!(matmul_err(&[4], &[5]), mismatch(5, 4));
    assert_eq!(matmul_err(&[2, 3, 4], &[2, 5, 6]), mismatch(5, 4));
    assert_eq!(matmul_err(&[2, 3, 4], &[5]), mismatch(5, 4));
    assert_eq!(matmul_err(&[5], &[2, 3, 4]), mismatch(3, 5));
    // The core is checked before the batch broadcast, as NumPy does.
    assert_eq!(matmul_err(&[2, 3, 4], &[3, 5, 6]), mismatch(5, 4));
}

#[test]
fn matmul_zero_d_operands() {
    assert_eq!(
        matmul_err(&[], &[2, 2]),
        "matmul: Input operand 0 does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)"
    );
    assert_eq!(
        matmul_err(&[2, 2], &[]),
        "matmul: Input operand 1 does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)"
    );
}

#[test]
fn matmul_batch_broadcast() {
    assert_eq!(
        matmul_err(&[2, 3, 4], &[3, 4, 5]),
        "operands could not be broadcast together with remapped shapes [original->remapped]: \
         (2,3,4)->(2,newaxis,newaxis) (3,4,5)->(3,newaxis,newaxis)  and requested shape (3,5)"
    );
    assert_eq!(
        matmul_err(&[2, 2, 3, 4], &[3, 4, 5]),
        "operands could not be broadcast together with remapped shapes [original->remapped]: \
         (2,2,3,4)->(2,2,newaxis,newaxis) (3,4,5)->(3,newaxis,newaxis)  and requested shape (3,5)"
    );
    assert_eq!(
        matmul_err(&[2, 2, 3, 4], &[3, 1, 4, 5]),
        "operands could not be broadcast together with remapped shapes [original->remapped]: \
         (2,2,3,4)->(2,2,newaxis,newaxis) (3,1,4,5)->(3,1,newaxis,newaxis)  and requested shape (3,5)"
    );
}

#[test]
fn matmul_into_output_checks() {
    let out_mismatch = |dim: usize, size: usize, from: usize| {
        format!(
            "matmul: Output operand 0 has a mismatch in its core dimension {dim}, {SIG} (size {size} is different from {from})"
        )
    };
    assert_eq!(into_err(&[3, 4], &[4, 5], &[3, 4]), out_mismatch(1, 4, 5));
    assert_eq!(into_err(&[3, 4], &[4, 5], &[5, 5]), out_mismatch(0, 5, 3));
    assert_eq!(into_err(&[3, 4], &[4, 5], &[1, 5]), out_mismatch(0, 1, 3));
    assert_eq!(
        into_err(&[2, 3, 4], &[2, 4, 5], &[2, 1, 5]),
        out_mismatch(0, 1, 3)
    );
    assert_eq!(
        into_err(&[2, 3, 4], &[2, 4, 5], &[2, 3, 1]),
        out_mismatch(1, 1, 5)
    );
    assert_eq!(
        into_err(&[2, 3, 4], &[2, 4, 5], &[2, 4, 5]),
        out_mismatch(0, 4, 3)
    );
    assert_eq!(into_err(&[4], &[4, 5], &[6]), out_mismatch(0, 6, 5));
    assert_eq!(into_err(&[3, 4], &[4], &[4]), out_mismatch(0, 4, 3));
    assert_eq!(
        into_err(&[2, 3, 4], &[3, 4, 5], &[2, 3, 5]),
        "operands could not be broadcast together with remapped shapes [original->remapped]: \
         (2,3,4)->(2,newaxis,newaxis) (3,4,5)->(3,newaxis,newaxis) (2,3,5)->(2,3,5)  and requested shape (3,5)"
    );
    assert_eq!(
        into_err(&[2, 3, 4], &[2, 4, 5], &[4, 3, 5]),
        "operands could not be broadcast together with remapped shapes [original->remapped]: \
         (2,3,4)->(2,newaxis,newaxis) (2,4,5)->(2,newaxis,newaxis) (4,3,5)->(4,3,5)  and requested shape (3,5)"
    );
    assert_eq!(
        into_err(&[2, 3, 4], &[4], &[5, 3]),
        "operands could not be broadcast together with remapped shapes [original->remapped]: \
         (2,3,4)->(2,newaxis) (4,)->() (5,3)->(5,3)  and requested shape (3)"
    );
    assert_eq!(
        into_err(&[4], &[2, 4, 3], &[5, 3]),
        "operands could not be broadcast together with remapped shapes [original->remapped]: \
         (4,)->() (2,4,3)->(2,newaxis) (5,3)->(5,3)  and requested shape (3)"
    );
    // NumPy adds "[remapped to (5,3,1)]" (its iterator's axis order) after the shape.
    assert_eq!(
        into_err(&[2, 3, 4], &[2, 4, 5], &[1, 3, 5]),
        "non-broadcastable output operand with shape (1,3,5) doesn't match the broadcast shape (2,3,5)"
    );
    // NumPy's iterator reports these as "output operand requires a reduction along
    // dimension -1, but the reduction is not enabled…"; the output is too small.
    assert_eq!(
        into_err(&[3, 4], &[4, 5], &[5]),
        "matmul: Output operand 0 does not have enough dimensions (has 1, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 2)"
    );
    assert_eq!(
        into_err(&[3, 4], &[4], &[]),
        "matmul: Output operand 0 does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)"
    );
    // What NumPy accepts, this accepts: extra output batch axes, and (1,) for a scalar.
    let mut c = z(&[5, 2, 3, 5]);
    matmul_into(1.0, &z(&[2, 3, 4]), &z(&[2, 4, 5]), 0.0, &mut c).unwrap();
    let mut c = z(&[1]);
    matmul_into(1.0, &z(&[4]), &z(&[4]), 0.0, &mut c).unwrap();
    let mut c = z(&[]);
    matmul_into(1.0, &z(&[4]), &z(&[4]), 0.0, &mut c).unwrap();
}

#[test]
fn results_too_large_are_errors_not_panics() {
    let a = Array::<f64, _>::zeros([1, 1]);
    let huge = a.broadcast_to([1 << 40, 1]).unwrap();
    let wide = a.broadcast_to([1, 1 << 40]).unwrap();
    assert!(dot(&huge, &wide).is_err());
    assert!(matmul(&huge, &wide).is_err());
    assert!(ndlinalg::outer(&huge, &wide).is_err());
}
