//! The shape errors of the products, worded as NumPy 2.4 words them.

use ndcore::Error;
use ndcore::error::shape_str;

/// matmul's generalized-ufunc signature, as NumPy prints it.
pub(crate) const MATMUL_SIGNATURE: &str = "(n?,k),(k,m?)->(n?,m?)";

/// `np.dot`'s (and `np.inner`'s) contracted axes that differ:
/// `shapes (3,4) and (5,) not aligned: 4 (dim 1) != 5 (dim 0)`.
pub(crate) fn not_aligned(a: &[usize], b: &[usize], dim_a: usize, dim_b: usize) -> Error {
    Error::Value(format!(
        "shapes {} and {} not aligned: {} (dim {dim_a}) != {} (dim {dim_b})",
        shape_str(a),
        shape_str(b),
        a[dim_a],
        b[dim_b]
    ))
}

/// A matmul operand with no axes.
pub(crate) fn too_few_dims(what: &str, operand: usize, has: usize, requires: usize) -> Error {
    Error::Value(format!(
        "matmul: {what} operand {operand} does not have enough dimensions (has {has}, gufunc \
         core with signature {MATMUL_SIGNATURE} requires {requires})"
    ))
}

/// A matmul core dimension (k of operand 1, or n/m of the output) that differs.
pub(crate) fn core_mismatch(
    what: &str,
    operand: usize,
    dim: usize,
    size: usize,
    expected: usize,
) -> Error {
    Error::Value(format!(
        "matmul: {what} operand {operand} has a mismatch in its core dimension {dim}, with \
         gufunc signature {MATMUL_SIGNATURE} (size {size} is different from {expected})"
    ))
}

/// One operand of a failed matmul broadcast: its shape and how many leading (batch) axes
/// it has; `None` for the output, which NumPy prints unchanged.
pub(crate) struct Remapped<'a> {
    pub shape: &'a [usize],
    pub batch: Option<usize>,
}

/// Batch axes that do not broadcast, NumPy's iterator message:
/// `operands could not be broadcast together with remapped shapes [original->remapped]:
/// (2,3,4)->(2,newaxis,newaxis) (3,4,5)->(3,newaxis,newaxis)  and requested shape (3,5)`.
pub(crate) fn batch_broadcast(operands: &[Remapped<'_>], core_out: &[usize]) -> Error {
    let mut msg = String::from(
        "operands could not be broadcast together with remapped shapes [original->remapped]: ",
    );
    for op in operands {
        let remapped = match op.batch {
            None => shape_str(op.shape),
            Some(0) => "()".to_string(),
            Some(nb) => {
                let mut parts: Vec<String> = op.shape[..nb].iter().map(|n| n.to_string()).collect();
                parts.extend(std::iter::repeat_n("newaxis".to_string(), core_out.len()));
                format!("({})", parts.join(","))
            }
        };
        msg.push_str(&format!("{}->{remapped} ", shape_str(op.shape)));
    }
    let core: Vec<String> = core_out.iter().map(|n| n.to_string()).collect();
    msg.push_str(&format!(" and requested shape ({})", core.join(",")));
    Error::Value(msg)
}

/// An output whose batch axes are smaller than the inputs' broadcast.
pub(crate) fn output_not_broadcastable(out: &[usize], full: &[usize]) -> Error {
    Error::Value(format!(
        "non-broadcastable output operand with shape {} doesn't match the broadcast shape {}",
        shape_str(out),
        shape_str(full)
    ))
}

/// The broadcast of batch shapes (right-aligned, 1 stretches), or `None`.
pub(crate) fn broadcast_shapes(shapes: &[&[usize]]) -> Option<Vec<usize>> {
    let nd = shapes.iter().map(|s| s.len()).max().unwrap_or(0);
    let mut out = vec![1usize; nd];
    for s in shapes {
        let lead = nd - s.len();
        for (i, &n) in s.iter().enumerate() {
            let o = &mut out[lead + i];
            if *o == 1 {
                *o = n;
            } else if n != 1 && n != *o {
                return None;
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages() {
        assert_eq!(
            not_aligned(&[3, 4], &[5], 1, 0).to_string(),
            "shapes (3,4) and (5,) not aligned: 4 (dim 1) != 5 (dim 0)"
        );
        assert_eq!(
            batch_broadcast(
                &[
                    Remapped {
                        shape: &[2, 3, 4],
                        batch: Some(1)
                    },
                    Remapped {
                        shape: &[4],
                        batch: Some(0)
                    },
                    Remapped {
                        shape: &[5, 3],
                        batch: None
                    },
                ],
                &[3]
            )
            .to_string(),
            "operands could not be broadcast together with remapped shapes [original->remapped]: \
             (2,3,4)->(2,newaxis) (4,)->() (5,3)->(5,3)  and requested shape (3)"
        );
        assert_eq!(broadcast_shapes(&[&[2, 1], &[3], &[]]), Some(vec![2, 3]));
        assert_eq!(broadcast_shapes(&[&[2], &[3]]), None);
    }
}
