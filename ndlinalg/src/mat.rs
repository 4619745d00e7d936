//! Raw strided matrices: what the kernels see of an operand.
//!
//! A kernel gets a pointer, two lengths and two strides in ELEMENTS (arrays keep byte
//! strides; every product element type has its size equal to its alignment, so a byte
//! stride of an aligned array always divides exactly). Nothing here is checked: the
//! product functions build these from arrays whose layout ndcore has already checked.

/// A read-only matrix: element `(i, j)` is at `ptr + i*rs + j*cs`.
pub struct Mat<T> {
    /// Element `(0, 0)`.
    pub ptr: *const T,
    /// Number of rows.
    pub rows: usize,
    /// Number of columns.
    pub cols: usize,
    /// Row stride in elements (may be negative or zero).
    pub rs: isize,
    /// Column stride in elements (may be negative or zero).
    pub cs: isize,
}

/// A writable matrix whose elements are distinct: element `(i, j)` is at `ptr + i*rs + j*cs`.
pub struct MatMut<T> {
    /// Element `(0, 0)`.
    pub ptr: *mut T,
    /// Number of rows.
    pub rows: usize,
    /// Number of columns.
    pub cols: usize,
    /// Row stride in elements.
    pub rs: isize,
    /// Column stride in elements.
    pub cs: isize,
}

impl<T> Clone for Mat<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Mat<T> {}
impl<T> Clone for MatMut<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for MatMut<T> {}

/// Converts a byte stride of an array of `T` to elements.
///
/// ndcore aligns every stride of an axis longer than 1, and a product element's size is
/// its alignment, so such strides divide exactly. An axis of length 0 or 1 may keep any
/// stride (NumPy's rule, and ndcore's): it is never multiplied by a nonzero index, so 0
/// stands for a stride that does not divide.
#[inline]
pub fn elems<T>(byte_stride: isize) -> isize {
    let size = std::mem::size_of::<T>() as isize;
    debug_assert!(size > 0);
    if byte_stride % size == 0 {
        byte_stride / size
    } else {
        0
    }
}

impl<T> Mat<T> {
    /// The transpose (no copy).
    #[inline]
    pub fn t(self) -> Self {
        Mat {
            ptr: self.ptr,
            rows: self.cols,
            cols: self.rows,
            rs: self.cs,
            cs: self.rs,
        }
    }

    /// Pointer to element `(i, j)`.
    #[inline]
    pub fn at(&self, i: usize, j: usize) -> *const T {
        self.ptr
            .wrapping_offset(i as isize * self.rs + j as isize * self.cs)
    }
}

impl<T> MatMut<T> {
    /// The transpose (no copy).
    #[inline]
    pub fn t(self) -> Self {
        MatMut {
            ptr: self.ptr,
            rows: self.cols,
            cols: self.rows,
            rs: self.cs,
            cs: self.rs,
        }
    }

    /// Pointer to element `(i, j)`.
    #[inline]
    pub fn at(&self, i: usize, j: usize) -> *mut T {
        self.ptr
            .wrapping_offset(i as isize * self.rs + j as isize * self.cs)
    }

    /// The same matrix, read-only.
    #[inline]
    pub fn as_const(&self) -> Mat<T> {
        Mat {
            ptr: self.ptr,
            rows: self.rows,
            cols: self.cols,
            rs: self.rs,
            cs: self.cs,
        }
    }
}

#[cfg(feature = "blas")]
/// A contiguous row-major copy of `a` (the "pack once" step for layouts a kernel cannot
/// take), and the matrix that reads it.
///
/// # Safety
/// Every element of `a` must be readable.
pub unsafe fn pack<T: Copy>(a: Mat<T>) -> (Vec<T>, usize) {
    let mut v = Vec::with_capacity(a.rows * a.cols);
    for i in 0..a.rows {
        for j in 0..a.cols {
            // SAFETY: (i, j) is an element of `a`, readable by the caller's contract.
            v.push(unsafe { *a.at(i, j) });
        }
    }
    (v, a.cols.max(1))
}
