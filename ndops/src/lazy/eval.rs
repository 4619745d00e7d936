//! Running a lazy expression: into a new array, into `out`, or reduced block by block.
//!
//! Element-wise evaluation hands the expression's per-element function and its operands to
//! ndcore's fused loop ([`zip_map_n`]), which broadcasts them, walks any layout, and
//! compiles the loop for the CPU's SIMD level. Reductions evaluate fixed blocks of the
//! broadcast shape (the operands all contiguous: straight from their slices, no buffer;
//! otherwise into one L2-sized buffer) and combine the blocks' results in a fixed pairwise
//! order, so the result does not depend on how the blocks are shared among threads.

use ndcore::dimension::IxDyn;
use ndcore::ops::{Kernel, MAX_OPERANDS, dispatch, zip_map_n, zip_map_n_into};
use ndcore::{Array, ArrayRef, ArrayView, ArrayViewMut, Axis, Dimension, Error, Result};

use super::{Expr, Lazy, LeafList};
use crate::reduce::{Accumulator, FloatAcc, pairwise_sum};
use crate::ufunc::Num;

/// The most array operands one expression reads (ndcore's fused loop's limit), each use
/// of an array counted: `x * x` reads two.
pub const MAX_ARRAYS: usize = MAX_OPERANDS;

/// Elements per reduction block: a contiguous block is pairwise-summed straight from the
/// operands; any other is evaluated into a buffer of this many elements (128 KiB of f64,
/// which stays in L2) and reduced from there.
const BLOCK: usize = 1 << 14;

/// Calls `$f::<.., N>($args)` for the run-time `N` in 1..=7, `N` the last generic
/// argument (the operand count is a constant of each expression type, so the other arms
/// are dead code the compiler drops).
macro_rules! with_n {
    ($n:expr, $f:ident::<$($pre:tt),*>($($arg:expr),*)) => {
        match $n {
            1 => $f::<$($pre,)* 1>($($arg),*),
            2 => $f::<$($pre,)* 2>($($arg),*),
            3 => $f::<$($pre,)* 3>($($arg),*),
            4 => $f::<$($pre,)* 4>($($arg),*),
            5 => $f::<$($pre,)* 5>($($arg),*),
            6 => $f::<$($pre,)* 6>($($arg),*),
            7 => $f::<$($pre,)* 7>($($arg),*),
            n => Err(too_many(n)),
        }
    };
}

fn too_many(n: usize) -> Error {
    Error::Value(format!(
        "a lazy expression reads at most {MAX_ARRAYS} arrays, this one {n}: evaluate part \
         of it first"
    ))
}

fn internal() -> Error {
    Error::Value("lazy expression: its operand list does not match its type".into())
}

/// The `len` operands `get` gives, as `N` array references.
fn operands<'v, A: 'v, const N: usize>(
    len: usize,
    get: impl Fn(usize) -> Option<&'v ArrayRef<A, IxDyn>>,
) -> Result<[&'v ArrayRef<A, IxDyn>; N]> {
    let out: [Option<&'v ArrayRef<A, IxDyn>>; N] = std::array::from_fn(&get);
    match out.iter().all(Option::is_some) && len == N {
        true => Ok(out.map(|o| o.unwrap_or_else(|| unreachable!("checked above")))),
        false => Err(internal()),
    }
}

/// The operands of `list`, for [`operands`].
fn from_list<'l, 'a, A>(
    list: &'l LeafList<'a, A>,
) -> impl Fn(usize) -> Option<&'l ArrayRef<A, IxDyn>> {
    move |k| list.get(k).map(|v| &**v)
}

/// The operands of `views`, for [`operands`].
fn from_views<'l, A>(
    views: &'l [ArrayView<'_, A, IxDyn>],
) -> impl Fn(usize) -> Option<&'l ArrayRef<A, IxDyn>> {
    move |k| views.get(k).map(|v| &**v)
}

impl<'a, E: Expr> Lazy<'a, E> {
    fn list(&self) -> Result<LeafList<'_, E::Elem>> {
        let mut list = LeafList::new();
        self.e.leaves(&mut list);
        if list.len() > MAX_ARRAYS {
            return Err(too_many(list.len()));
        }
        Ok(list)
    }

    /// Evaluates the expression into a new array of the broadcast shape: one pass over the
    /// operands, one allocation.
    ///
    /// # Errors
    /// If the operands do not broadcast together (NumPy's message), more than
    /// [`MAX_ARRAYS`] operands, or the allocation fails.
    pub fn eval(&self) -> Result<Array<E::Out, E::Dim>> {
        let list = self.list()?;
        if E::LEAVES == 0 {
            let v = self.e.at(&[], 0);
            return Array::<E::Out, IxDyn>::try_full(IxDyn::from_slice(&[])?, v)?.into_rank();
        }
        if let Some((shape, parts)) = parallel_shape(&list, None) {
            // SAFETY: the parts below write every element before the array is returned
            // (on an error it is dropped unread; its elements are `Copy`).
            let mut out =
                unsafe { Array::<E::Out, IxDyn>::try_uninit(IxDyn::from_slice(&shape)?) }?;
            self.par_into(&list, &shape, out.view_mut(), parts)?;
            return out.into_rank();
        }
        fn go<'a, E: Expr, const N: usize>(
            e: &E,
            list: &LeafList<'a, E::Elem>,
        ) -> Result<Array<E::Out, IxDyn>> {
            let ins = operands::<E::Elem, N>(list.len(), from_list(list))?;
            // The tree by value: a closure that reads it through a reference reloads its
            // scalars on every element (the compiler cannot tell the output does not
            // overwrite them), which stops vectorization.
            let e = *e;
            zip_map_n(ins, move |v: [E::Elem; N]| e.at(&v, 0))
        }
        let out: Array<E::Out, IxDyn> = with_n!(E::LEAVES, go::<_>(&self.e, &list))?;
        out.into_rank()
    }

    /// Evaluates the expression into `out` (NumPy's `out=`): no allocation. The operands
    /// broadcast to `out`'s shape. `out` cannot be one of the expression's operands (the
    /// borrow checker refuses it).
    ///
    /// # Errors
    /// If the operands and `out` do not broadcast together to `out`'s shape (NumPy's
    /// messages), or more than [`MAX_ARRAYS`] operands.
    pub fn eval_into<D2: Dimension>(&self, out: &mut ArrayRef<E::Out, D2>) -> Result<()> {
        let list = self.list()?;
        if E::LEAVES == 0 {
            out.fill(self.e.at(&[], 0));
            return Ok(());
        }
        if let Some((shape, parts)) = parallel_shape(&list, Some(out.shape())) {
            let view = out.view_mut().into_dyn();
            return self.par_into(&list, &shape, view, parts);
        }
        eval_views(&self.e, list.len(), from_list(&list), out)
    }

    /// Evaluates into `out` (of the broadcast `shape`) in `parts` pieces along the first
    /// axis, one per thread.
    fn par_into<'l>(
        &self,
        list: &LeafList<'l, E::Elem>,
        shape: &[usize],
        out: ArrayViewMut<'_, E::Out, IxDyn>,
        parts: usize,
    ) -> Result<()> {
        let dim = IxDyn::from_slice(shape)?;
        let mut ins: Vec<ArrayView<'l, E::Elem, IxDyn>> = (0..list.len())
            .filter_map(|k| list.get(k).cloned())
            .map(|v| v.into_broadcast(dim.clone()))
            .collect::<Result<_>>()?;
        let rows = shape[0];
        let mut out = out;
        let mut pieces = Vec::with_capacity(parts);
        let mut done = 0;
        for p in 1..=parts {
            let end = rows * p / parts;
            let (o, rest) = out.into_split_at(Axis(0), end - done)?;
            let mut here = Vec::with_capacity(ins.len());
            let mut later = Vec::with_capacity(ins.len());
            for v in ins {
                let (a, b) = v.into_split_at(Axis(0), end - done)?;
                here.push(a);
                later.push(b);
            }
            pieces.push((o, here, None::<Error>));
            (out, ins, done) = (rest, later, end);
        }
        let e = self.e;
        ndcore::threads::for_each_part(&mut pieces, |_, (o, ins, err)| {
            if let Err(x) = eval_views(&e, ins.len(), from_views(ins), o) {
                *err = Some(x);
            }
        });
        match pieces.into_iter().find_map(|(_, _, err)| err) {
            Some(x) => Err(x),
            None => Ok(()),
        }
    }

    /// The expression's blocks: fixed pieces of its broadcast shape, for reductions.
    fn blocks(&self) -> Result<Blocks<'_, E::Elem>> {
        let list = self.list()?;
        let views: Vec<ArrayView<'_, E::Elem, IxDyn>> = (0..list.len())
            .filter_map(|k| list.get(k).cloned())
            .collect();
        let shapes: Vec<&[usize]> = views.iter().map(|v| v.shape()).collect();
        let shape = if E::LEAVES == 0 {
            Vec::new()
        } else {
            ndcore::ops::broadcast_shapes(&shapes)?
        };
        let n: usize = shape.iter().product();
        if views
            .iter()
            .all(|v| v.shape() == &shape[..] && v.as_slice().is_some())
        {
            let slices = views
                .iter()
                .filter_map(|v| v.clone().into_slice())
                .collect();
            return Ok(Blocks {
                slices,
                views: Vec::new(),
                n,
                shape,
                split: 0,
                rows: BLOCK,
            });
        }
        let views = views
            .into_iter()
            .map(|v| v.into_broadcast(IxDyn::from_slice(&shape)?))
            .collect::<Result<Vec<_>>>()?;
        // Split at the first axis whose trailing axes hold at most a block; step along it.
        let split = (0..shape.len())
            .find(|&s| shape[s + 1..].iter().product::<usize>() <= BLOCK)
            .unwrap_or(0);
        let inner: usize = shape.get(split + 1..).map_or(1, |t| t.iter().product());
        let rows = (BLOCK / inner.max(1)).max(1);
        Ok(Blocks {
            slices: Vec::new(),
            views,
            n,
            shape,
            split,
            rows,
        })
    }

    /// The values of block `i` of `blocks`, written to `buf`; returns how many.
    fn eval_block(
        &self,
        blocks: &Blocks<'a, E::Elem>,
        i: usize,
        buf: &mut [E::Out],
    ) -> Result<usize> {
        if E::LEAVES == 0 {
            buf[0] = self.e.at(&[], 0);
            return Ok(1);
        }
        let views = blocks.block_views(i)?;
        let m = views.first().map_or(1, |v| v.len());
        let shape: Vec<usize> = views.first().map_or(Vec::new(), |v| v.shape().to_vec());
        let mut out = ArrayViewMut::from_slice_shape(IxDyn::from_slice(&shape)?, &mut buf[..m])?;
        eval_views(&self.e, views.len(), from_views(&views), &mut out)?;
        Ok(m)
    }

    /// Reduces the values: `block` gives each block's result from its values, `combine`
    /// joins results pairwise in block order. Returns the result (`empty` for no
    /// elements) and the number of elements.
    fn reduce<R: Copy + Send>(
        &self,
        empty: R,
        block: impl Fn(&[E::Out]) -> R + Sync,
        combine: impl Fn(R, R) -> R,
    ) -> Result<(R, usize)> {
        let blocks = self.blocks()?;
        let count = blocks.count();
        let new_buf = || vec![<E::Out as bytemuck::Zeroable>::zeroed(); BLOCK.min(blocks.n.max(1))];
        let mut acc = Pairwise::new(&combine);
        if ndcore::threads::parts_for(blocks.n) > 1 && count > 1 {
            // The blocks' results computed by the threads, then combined in block order as
            // on one thread: the same result whatever the thread count.
            let mut results: Vec<Option<Result<R>>> = (0..count).map(|_| None).collect();
            ndcore::threads::for_each_part_with(&mut results, new_buf, |buf, i, slot| {
                *slot = Some(self.eval_block(&blocks, i, buf).map(|m| block(&buf[..m])));
            });
            for r in results {
                acc.push(r.unwrap_or_else(|| Err(internal()))?);
            }
            return Ok((acc.finish(empty), blocks.n));
        }
        let mut buf = new_buf();
        for i in 0..count {
            let m = self.eval_block(&blocks, i, &mut buf)?;
            acc.push(block(&buf[..m]));
        }
        Ok((acc.finish(empty), blocks.n))
    }

    /// The sum of the values, without storing them (NumPy's `np.sum(expr)`): pairwise
    /// (NumPy's algorithm) within blocks of 16384 elements and across blocks, so within a
    /// few ulps of NumPy's sum of the evaluated array, and the same for any thread count.
    /// An empty expression sums to 0.
    ///
    /// # Errors
    /// As [`eval`](Self::eval).
    ///
    /// ```
    /// use ndops::prelude::*;
    /// use ndops::lazy::LazyExt;
    /// let x = arange(1e6);
    /// let xl = x.lazy();
    /// assert_eq!((xl * xl).sum()?, 333332833333500000.0);
    /// # Ok::<(), ndcore::Error>(())
    /// ```
    pub fn sum(&self) -> Result<E::Out>
    where
        E::Out: FloatAcc,
    {
        let blocks = self.blocks()?;
        if !blocks.slices.is_empty() {
            // Contiguous operands: each block summed straight from them, no buffer.
            let mut acc = Pairwise::new(|a: E::Out, b: E::Out| a.add(b));
            let block = |i: usize| {
                let (s, e) = (i * BLOCK, ((i + 1) * BLOCK).min(blocks.n));
                with_n!(E::LEAVES, sum_slices::<_>(&self.e, &blocks.slices, s, e))
            };
            let count = blocks.count();
            if ndcore::threads::parts_for(blocks.n) > 1 && count > 1 {
                // As in `reduce`: the threads' block sums, combined in block order.
                let mut results: Vec<Option<Result<E::Out>>> = (0..count).map(|_| None).collect();
                ndcore::threads::for_each_part(&mut results, |i, slot| *slot = Some(block(i)));
                for r in results {
                    acc.push(r.unwrap_or_else(|| Err(internal()))?);
                }
            } else {
                for i in 0..count {
                    acc.push(block(i)?);
                }
            }
            return Ok(acc.finish(<E::Out as crate::reduce::Accumulator>::ZERO));
        }
        let (v, _) = self.reduce(
            <E::Out as crate::reduce::Accumulator>::ZERO,
            |b| pairwise_sum(b.len(), |i| b[i]),
            |a, b| a.add(b),
        )?;
        Ok(v)
    }
}

impl<'a, E: Expr> Lazy<'a, E>
where
    E::Out: FloatAcc,
{
    /// The mean of the values, without storing them (NumPy's `np.mean(expr)`): the
    /// [`sum`](Self::sum) divided by the number of elements; nan for none.
    ///
    /// # Errors
    /// As [`eval`](Self::eval).
    pub fn mean(&self) -> Result<E::Out> {
        let n = self.blocks()?.n;
        let s = self.sum()?;
        if n == 0 {
            return Ok(<E::Out as FloatAcc>::NAN);
        }
        Ok(s.div(<E::Out as FloatAcc>::from_f64(n as f64)))
    }
}

fn no_identity(op: &str) -> Error {
    Error::Value(format!(
        "zero-size array to reduction operation {op} which has no identity"
    ))
}

impl<'a, E: Expr> Lazy<'a, E>
where
    E::Out: Num,
{
    /// The largest value, without storing them (NumPy's `np.max(expr)`): nan if any is
    /// nan.
    ///
    /// # Errors
    /// NumPy's for an empty expression (`zero-size array to reduction operation maximum
    /// which has no identity`); as [`eval`](Self::eval).
    pub fn max(&self) -> Result<E::Out> {
        let (v, n) = self.reduce(
            None,
            |b| fold(b, <E::Out as Num>::maximum),
            |a, b| pick(a, b, <E::Out as Num>::maximum),
        )?;
        v.filter(|_| n > 0).ok_or_else(|| no_identity("maximum"))
    }

    /// The smallest value, without storing them (NumPy's `np.min(expr)`): nan if any is
    /// nan.
    ///
    /// # Errors
    /// As [`max`](Self::max), naming `minimum`.
    pub fn min(&self) -> Result<E::Out> {
        let (v, n) = self.reduce(
            None,
            |b| fold(b, <E::Out as Num>::minimum),
            |a, b| pick(a, b, <E::Out as Num>::minimum),
        )?;
        v.filter(|_| n > 0).ok_or_else(|| no_identity("minimum"))
    }
}

/// `f` folded over a block, in 8 independent lanes (so that the loop vectorizes) joined
/// at the end.
#[inline(always)]
fn fold<T: Copy>(b: &[T], f: impl Fn(T, T) -> T + Copy) -> Option<T> {
    let first = *b.first()?;
    let mut acc = [first; 8];
    let chunks = b.chunks_exact(8);
    let rest = chunks.remainder();
    for c in chunks {
        for k in 0..8 {
            acc[k] = f(acc[k], c[k]);
        }
    }
    let mut v = acc.into_iter().reduce(f).unwrap_or(first);
    for &x in rest {
        v = f(v, x);
    }
    Some(v)
}

fn pick<T>(a: Option<T>, b: Option<T>, f: impl Fn(T, T) -> T) -> Option<T> {
    match (a, b) {
        (Some(a), Some(b)) => Some(f(a, b)),
        (a, b) => a.or(b),
    }
}

impl<'a, E: Expr<Out = bool>> Lazy<'a, E> {
    /// Whether any value is true, without storing them (NumPy's `np.any(expr)`); false
    /// for an empty expression.
    ///
    /// # Errors
    /// As [`eval`](Self::eval).
    pub fn any(&self) -> Result<bool> {
        Ok(self
            .reduce(false, |b| b.iter().any(|&x| x), |a, b| a || b)?
            .0)
    }

    /// Whether every value is true, without storing them (NumPy's `np.all(expr)`); true
    /// for an empty expression.
    ///
    /// # Errors
    /// As [`eval`](Self::eval).
    pub fn all(&self) -> Result<bool> {
        Ok(self
            .reduce(true, |b| b.iter().all(|&x| x), |a, b| a && b)?
            .0)
    }
}

/// Fixed pieces of an expression's broadcast shape, numbered in C order.
struct Blocks<'a, A> {
    /// The operands' elements, when all are C-contiguous with the full shape: blocks are
    /// ranges of them.
    slices: Vec<&'a [A]>,
    /// Otherwise the operands broadcast to the full shape.
    views: Vec<ArrayView<'a, A, IxDyn>>,
    /// Elements in all.
    n: usize,
    shape: Vec<usize>,
    /// The axis blocks step along (the axes before it are indexed one by one).
    split: usize,
    /// Steps along `split` per block.
    rows: usize,
}

impl<'a, A: ndcore::Element> Blocks<'a, A> {
    /// How many blocks.
    fn count(&self) -> usize {
        if self.n == 0 {
            return 0;
        }
        if !self.slices.is_empty() || self.shape.is_empty() {
            return self.n.div_ceil(BLOCK);
        }
        let outer: usize = self.shape[..self.split].iter().product();
        outer * self.shape[self.split].div_ceil(self.rows)
    }

    /// Views of block `i` of the operands (of the block's shape).
    fn block_views(&self, i: usize) -> Result<Vec<ArrayView<'a, A, IxDyn>>> {
        if !self.slices.is_empty() {
            let (s, e) = (i * BLOCK, ((i + 1) * BLOCK).min(self.n));
            return self
                .slices
                .iter()
                .map(|x| ArrayView::from_slice_shape(IxDyn::from_slice(&[e - s])?, &x[s..e]))
                .collect();
        }
        if self.shape.is_empty() {
            return Ok(self.views.clone());
        }
        let per = self.shape[self.split].div_ceil(self.rows);
        let (mut o, r) = (i / per, i % per);
        let mut index = vec![0usize; self.split];
        for k in (0..self.split).rev() {
            index[k] = o % self.shape[k];
            o /= self.shape[k];
        }
        let (r0, r1) = (
            r * self.rows,
            ((r + 1) * self.rows).min(self.shape[self.split]),
        );
        self.views
            .iter()
            .map(|v| {
                let mut v = v.clone();
                for &k in &index {
                    v = v.into_index_axis(Axis(0), k as isize)?.into_dyn();
                }
                let (_, tail) = v.into_split_at(Axis(0), r0)?;
                Ok(tail.into_split_at(Axis(0), r1 - r0)?.0)
            })
            .collect()
    }
}

/// The pairwise sum of the expression over elements `s..e` of contiguous operands.
fn sum_slices<E: Expr, const N: usize>(
    e: &E,
    slices: &[&[E::Elem]],
    s: usize,
    end: usize,
) -> Result<E::Out>
where
    E::Out: FloatAcc,
{
    if slices.len() != N {
        return Err(internal());
    }
    let ins: [&[E::Elem]; N] = std::array::from_fn(|k| &slices[k][s..end]);
    Ok(dispatch(SumKernel {
        f: {
            let e = *e; // by value: see `eval`
            move |v: [E::Elem; N]| e.at(&v, 0)
        },
        ins,
    }))
}

/// The pairwise sum of `f` over contiguous slices, compiled per SIMD level.
struct SumKernel<'s, F, A, const N: usize> {
    f: F,
    ins: [&'s [A]; N],
}

impl<F, A: Copy, O: FloatAcc, const N: usize> Kernel for SumKernel<'_, F, A, N>
where
    F: Fn([A; N]) -> O,
{
    type Output = O;
    #[inline(always)]
    fn run(self) -> O {
        let SumKernel { f, ins } = self;
        // The slices are ranges of one length (of operands of one shape); the shortest
        // bounds the loop all the same.
        let n = ins.iter().map(|s| s.len()).min().unwrap_or(0);
        let f = &f;
        // SAFETY: `pairwise_sum` reads `f(i)` for `i < n` only, and every slice holds at
        // least `n` elements. Unchecked, so that the loop vectorizes.
        pairwise_sum(n, move |i| f(ins.map(|s| unsafe { *s.get_unchecked(i) })))
    }
}

/// The expression over its `len` operands (`get`; of `out`'s shape or broadcasting to
/// it), written to `out`.
fn eval_views<'a, 'v, E: Expr, D2: Dimension>(
    e: &E,
    len: usize,
    get: impl Fn(usize) -> Option<&'v ArrayRef<E::Elem, IxDyn>>,
    out: &mut ArrayRef<E::Out, D2>,
) -> Result<()>
where
    E::Elem: 'v,
{
    fn go<'v, E: Expr, D2: Dimension, const N: usize>(
        e: &E,
        len: usize,
        get: &dyn Fn(usize) -> Option<&'v ArrayRef<E::Elem, IxDyn>>,
        out: &mut ArrayRef<E::Out, D2>,
    ) -> Result<()> {
        let ins = operands::<E::Elem, N>(len, get)?;
        let e = *e; // by value: see `eval`
        zip_map_n_into(ins, out, move |v: [E::Elem; N]| e.at(&v, 0))
    }
    with_n!(E::LEAVES, go::<_, _>(e, len, &get, out))
}

/// The broadcast shape (of the operands, and `out` if given, which it must equal) and how
/// many threads to split it over along its first axis, when that is more than one.
fn parallel_shape<A>(list: &LeafList<'_, A>, out: Option<&[usize]>) -> Option<(Vec<usize>, usize)> {
    if ndcore::threads::num_threads() == 1 || !may_be_large(list, out) {
        return None;
    }
    let mut shapes: Vec<&[usize]> = (0..list.len())
        .filter_map(|k| list.get(k).map(|v| v.shape()))
        .collect();
    shapes.extend(out);
    let shape = ndcore::ops::broadcast_shapes(&shapes).ok()?;
    if out.is_some_and(|o| o != &shape[..]) {
        return None;
    }
    let parts = ndcore::threads::parts_for(shape.iter().product());
    (parts > 1 && shape.first().is_some_and(|&rows| rows >= parts)).then_some((shape, parts))
}

/// Whether the broadcast shape may hold enough elements for threads: a bound computed
/// without allocating (small expressions skip the work of finding their shape twice).
fn may_be_large<A>(list: &LeafList<'_, A>, out: Option<&[usize]>) -> bool {
    let mut longest = [1usize; 8];
    let mut shapes = (0..list.len()).filter_map(|k| list.get(k).map(|v| v.shape()));
    let mut fold = |s: &[usize]| {
        if s.len() > longest.len() {
            return false;
        }
        for (k, &n) in s.iter().rev().enumerate() {
            longest[k] = longest[k].max(n);
        }
        true
    };
    if !shapes.all(&mut fold) || !out.is_none_or(&mut fold) {
        return true;
    }
    longest
        .iter()
        .try_fold(1usize, |acc, &n| acc.checked_mul(n))
        .is_none_or(|n| n >= ndcore::threads::PARALLEL_MIN_ELEMENTS)
}

/// Partial results combined as a pairwise tree over their order, whatever their number:
/// a binary counter of subtotals (no allocation, O(log n) of them).
struct Pairwise<R, C> {
    levels: [(Option<R>, usize); 64],
    depth: usize,
    combine: C,
}

impl<R: Copy, C: Fn(R, R) -> R> Pairwise<R, C> {
    fn new(combine: C) -> Self {
        Pairwise {
            levels: [(None, 0); 64],
            depth: 0,
            combine,
        }
    }

    fn push(&mut self, v: R) {
        let (mut v, mut size) = (v, 1usize);
        while self.depth > 0 && self.levels[self.depth - 1].1 == size {
            self.depth -= 1;
            let left = self.levels[self.depth].0.take();
            if let Some(l) = left {
                v = (self.combine)(l, v);
            }
            size *= 2;
        }
        self.levels[self.depth] = (Some(v), size);
        self.depth += 1;
    }

    fn finish(mut self, init: R) -> R {
        let mut v: Option<R> = None;
        while self.depth > 0 {
            self.depth -= 1;
            let l = self.levels[self.depth].0.take();
            v = match (l, v) {
                (Some(l), Some(r)) => Some((self.combine)(l, r)),
                (l, r) => l.or(r),
            };
        }
        v.unwrap_or(init)
    }
}
