//! What may stand on either side of an element-wise operation: arrays by value, by
//! reference, as `&ArrayRef`, and scalars of the array's element type.

use crate::array::{Array, ArrayBase, ArrayRef, ArrayView, CowArray};
use crate::dimension::{Dimension, Ix0, IxDyn, SmallVec};
use crate::element::Element;
use crate::layout::Order;
use crate::storage::OwnedRepr;
use crate::storage::{Data, RawData};
use std::ptr::NonNull;

/// An operand of an element-wise operation: an array (owned, a view, `&` either, or
/// `&ArrayRef`) or a scalar of the element type `T`.
///
/// Owned operands passed by value lend their buffer to the result when it has the
/// result's shape, so `&x * &x - 3.0 * &x + 4.0` allocates two buffers, not four
/// (NumPy's temporary elision, decided at compile time here).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be an operand of an element-wise operation on `{T}` arrays",
    note = "operands are arrays of the same element type (owned, views, `&` of either, `&ArrayRef`) or a scalar of that exact type: write `2.0 * &x` for an f64 array, `2 * &n` for an i64 array"
)]
pub trait Operand<T: Element>: Sized {
    /// The operand's rank (`Ix0` for scalars).
    type Dim: Dimension;

    /// Where the loop reads the operand.
    fn source(&self) -> Source<'_, T>;

    /// The operand as an owned, uniquely held array with `shape`, if it is one; the
    /// operand back otherwise.
    fn into_reusable(self, shape: &[usize]) -> Result<Array<T, Self::Dim>, Self> {
        let _ = shape;
        Err(self)
    }
}

/// How an element-wise loop reads an operand: an array's elements, or one value.
#[derive(Copy, Clone, Debug)]
pub struct Source<'a, T> {
    kind: SourceKind<'a, T>,
}

#[derive(Copy, Clone, Debug)]
pub(crate) enum SourceKind<'a, T> {
    Array {
        ptr: *const T,
        shape: &'a [usize],
        strides: &'a [isize],
    },
    Scalar(T),
}

impl<'a, T> Source<'a, T> {
    /// Reads the elements of `a`.
    pub fn array<D: Dimension>(a: &'a ArrayRef<T, D>) -> Self {
        Source {
            kind: SourceKind::Array {
                ptr: a.as_ptr(),
                shape: a.shape(),
                strides: a.strides(),
            },
        }
    }

    /// Reads `value` at every index.
    pub fn scalar(value: T) -> Self {
        Source {
            kind: SourceKind::Scalar(value),
        }
    }

    /// The shape (empty for a scalar).
    pub fn shape(&self) -> &'a [usize] {
        match self.kind {
            SourceKind::Array { shape, .. } => shape,
            SourceKind::Scalar(_) => &[],
        }
    }

    /// The operand as an array: a view of an array operand's elements, or a 0-d array
    /// holding a scalar (for operations that walk their operands themselves).
    ///
    /// ```
    /// use ndcore::prelude::*;
    /// use ndcore::ops::Source;
    /// let x = arange(3i64);
    /// assert_eq!(Source::array(&x).to_array().to_vec(), vec![0, 1, 2]);
    /// assert_eq!(Source::scalar(7i64).to_array().shape(), &[] as &[usize]);
    /// ```
    pub fn to_array(&self) -> CowArray<'a, T, IxDyn>
    where
        T: Element,
    {
        match self.kind {
            SourceKind::Array {
                ptr,
                shape,
                strides,
            } => {
                let dim = IxDyn(SmallVec::from_slice(shape));
                let strides = SmallVec::from_slice(strides);
                // SAFETY: the pointer, shape and strides are an array's, borrowed for 'a by
                // `Source::array` (the only way to make this variant); an array's pointer is
                // never null.
                let v: ArrayView<'a, T, IxDyn> = unsafe {
                    ArrayView::from_raw_parts(NonNull::new_unchecked(ptr.cast_mut()), dim, strides)
                };
                v.into_cow()
            }
            SourceKind::Scalar(v) => {
                Array::from_owned(OwnedRepr::from_vec(vec![v]), IxDyn::default(), Order::C)
                    .into_cow()
            }
        }
    }

    pub(crate) fn kind(&self) -> &SourceKind<'a, T> {
        &self.kind
    }

    /// Whether the elements are F- and not C-contiguous (for picking the result's order).
    pub(crate) fn is_f_only(&self) -> bool {
        match self.kind {
            SourceKind::Array { shape, strides, .. } => {
                let item = std::mem::size_of::<T>();
                crate::layout::is_f_contiguous(shape, strides, item)
                    && !crate::layout::is_c_contiguous(shape, strides, item)
            }
            SourceKind::Scalar(_) => false,
        }
    }
}

impl<T: Element, S: Data<Elem = T>, D: Dimension> Operand<T> for ArrayBase<S, D> {
    type Dim = D;
    fn source(&self) -> Source<'_, T> {
        Source::array(self)
    }
    fn into_reusable(self, shape: &[usize]) -> Result<Array<T, D>, Self> {
        if self.shape() != shape {
            return Err(self);
        }
        let ArrayBase { parts, data } = self;
        let span = data.span();
        match data.into_owned_buffer() {
            // The same buffer under the same layout, now owned by the result; owned
            // arrays never overlap, so it can be written.
            Ok(o) => {
                // `Data`'s contract, checked rather than trusted: a storage defined
                // elsewhere that handed over another buffer would have the result written
                // to memory it does not own.
                assert!(
                    span.is_some() && o.span() == span,
                    "Data::into_owned_buffer returned a buffer other than its span"
                );
                Ok(ArrayBase { parts, data: o })
            }
            Err(data) => Err(ArrayBase { parts, data }),
        }
    }
}

impl<T: Element, S: Data<Elem = T>, D: Dimension> Operand<T> for &ArrayBase<S, D> {
    type Dim = D;
    fn source(&self) -> Source<'_, T> {
        Source::array(self)
    }
}

impl<T: Element, D: Dimension> Operand<T> for &ArrayRef<T, D> {
    type Dim = D;
    fn source(&self) -> Source<'_, T> {
        Source::array(self)
    }
}

macro_rules! scalar_operand {
    ($($t:ty)*) => {$(
        impl Operand<$t> for $t {
            type Dim = Ix0;
            fn source(&self) -> Source<'_, $t> {
                Source::scalar(*self)
            }
        }
    )*};
}
scalar_operand!(bool i8 i16 i32 i64 u8 u16 u32 u64 f32 f64);
