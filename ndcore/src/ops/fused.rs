//! Fused expressions: one loop over several arrays, no temporaries.
//!
//! `(y[1:] - y[:-1]) / (x[1:] - x[:-1])` written with operators makes three passes and two
//! temporary arrays; [`zip_map_n`] makes one pass, reading the four operands together and
//! writing one result (what numexpr does for NumPy). The operands broadcast by NumPy's
//! rules and are walked by the same loop engine as the operators. A run where every
//! operand is contiguous goes straight to the closure, compiled for the CPU's SIMD level;
//! any other run (a broadcast operand, a strided or transposed one, a strided output)
//! is processed in chunks of [`CHUNK`] elements, its odd operands gathered into stack
//! buffers first, so the closure always runs vectorized over slices.

use super::api::{alloc_out, check_output};
use super::broadcast::{ShapeBuf, broadcast_error, broadcast_strides, same_shape};
use super::driver::{Out, input, level, single_run};
use super::kernel::{Store, fill, store_for, stream_fence};
use super::operand::Source;
use super::simd::{Cost, Kernel, SimdLevel, dispatch_at};
use super::walk::{for_each_run_tiled, wants_tiles};
use crate::array::{Array, ArrayRef};
use crate::dimension::Dimension;
use crate::element::Element;
use crate::engine::{IterOrder, Plan, Run};
use crate::error::Result;
use std::mem::{MaybeUninit, size_of};

/// The most arrays one fused expression reads (the loop engine walks at most eight
/// operands, the output among them).
pub const MAX_OPERANDS: usize = 7;

/// Operands of a walk: the output and up to [`MAX_OPERANDS`] inputs.
const K: usize = MAX_OPERANDS + 1;

/// Elements per chunk when a run needs gathering (a few KiB per operand: stays in L1).
const CHUNK: usize = 256;

/// `f([a[i], b[i], …])` for every index of the operands broadcast together: one pass over
/// all of them, no temporary arrays (a fused NumPy expression).
///
/// The operands share the element type `A` and the rank type `D` (lengths may differ and
/// broadcast; give operands of other ranks the same rank with `into_shape` or
/// `into_dyn`; capture scalars in the closure); at most [`MAX_OPERANDS`] of them, which
/// the compiler checks.
///
/// # Errors
/// If the shapes do not broadcast together (NumPy's message, every shape listed).
///
/// ```
/// use ndcore::prelude::*;
/// use ndcore::ops::zip_map_n;
/// // The paper's forward divided differences, In [40], in one loop.
/// let x = arange_with(0.0f64, 10.0, 2.0).unwrap();
/// let y = &x * &x;
/// let (y1, y0) = (y.slice(s![1..]), y.slice(s![..-1]));
/// let (x1, x0) = (x.slice(s![1..]), x.slice(s![..-1]));
/// let dy_dx = zip_map_n([&y1, &y0, &x1, &x0], |[a, b, c, d]| (a - b) / (c - d)).unwrap();
/// assert_eq!(dy_dx.to_vec(), vec![2.0, 6.0, 10.0, 14.0]);
///
/// let col = arange(3.0f64).into_shape([3, 1]).unwrap();
/// let row = arange(2.0f64).into_shape([1, 2]).unwrap();
/// let z = zip_map_n([&col, &row], |[a, b]| a * 10.0 + b).unwrap();
/// assert_eq!(z.to_vec(), vec![0.0, 1.0, 10.0, 11.0, 20.0, 21.0]);
/// let e = zip_map_n([&col, &row, &arange(4.0f64).into_shape([1, 4]).unwrap()], |[a, ..]| a);
/// assert_eq!(
///     e.unwrap_err().to_string(),
///     "operands could not be broadcast together with shapes (3,1) (1,2) (1,4) "
/// );
/// ```
///
/// More than [`MAX_OPERANDS`] operands do not compile:
///
/// ```compile_fail
/// use ndcore::prelude::*;
/// let x = arange(3.0f64);
/// let _ = ndcore::ops::zip_map_n([&x, &x, &x, &x, &x, &x, &x, &x], |v| v[0]);
/// ```
pub fn zip_map_n<A, O, D, F, const N: usize>(ins: [&ArrayRef<A, D>; N], f: F) -> Result<Array<O, D>>
where
    A: Element,
    O: Element,
    D: Dimension,
    F: Fn([A; N]) -> O,
{
    const { assert!(N >= 1 && N <= MAX_OPERANDS, "zip_map_n reads 1 to 7 arrays") };
    // The common case first, without the general walk's set-up (it costs more than the
    // arithmetic on small arrays): operands of one shape, all C-contiguous.
    let first = ins[0].shape();
    if ins.iter().all(|a| same_shape(a.shape(), first)) {
        let slices = ins.map(|a| a.as_slice());
        if slices.iter().all(Option::is_some) {
            let slices = slices.map(|s| s.unwrap_or_default());
            let mut out = alloc_out::<O, D>(first, false)?;
            let n = slices[0].len();
            let lv = super::simd::simd_level();
            let st = store_for(n.saturating_mul(size_of::<O>()), false, lv);
            // SAFETY: a fresh C-contiguous output of `n` elements, written here before
            // anything reads it; it overlaps no input.
            let o = unsafe {
                std::slice::from_raw_parts_mut(out.as_mut_ptr().cast::<MaybeUninit<O>>(), n)
            };
            let f = &f;
            zip_n(lv, st, o, slices, f);
            stream_fence(st);
            return Ok(out);
        }
    }
    let shapes: [&[usize]; N] = ins.map(|a| a.shape());
    let mut sh = ShapeBuf::new();
    let shape = if shapes.iter().all(|s| same_shape(s, shapes[0])) {
        shapes[0]
    } else if shapes.iter().all(|s| sh.merge(s)) {
        sh.as_slice()
    } else {
        return Err(broadcast_error(&shapes));
    };
    let sources = ins.map(Source::array);
    let mut out = alloc_out::<O, D>(shape, wants_f_order(shape, &sources))?;
    // SAFETY: a fresh output of the broadcast shape, distinct from the inputs.
    unsafe { zipn_raw(Out::of(&mut out), &sources, &f) };
    Ok(out)
}

/// Writes `f([a[i], b[i], …])` into `out`, the operands broadcast to `out`'s shape: the
/// fused expression with NumPy's `out=`.
///
/// # Errors
/// If the operands and `out` do not broadcast together, or broadcast to a shape other
/// than `out`'s (NumPy's messages).
///
/// ```
/// use ndcore::prelude::*;
/// let mut out = Array::<f64, _>::zeros([2, 3]);
/// let (a, b) = (arange(3.0f64).into_shape([1, 3]).unwrap(), Array::full([2, 1], 1.0f64));
/// ndcore::ops::zip_map_n_into([&a, &b, &a], &mut out, |[x, y, z]| x * z + y).unwrap();
/// assert_eq!(out.to_vec(), vec![1.0, 2.0, 5.0, 1.0, 2.0, 5.0]);
/// assert!(ndcore::ops::zip_map_n_into([&a], &mut Array::zeros(4), |[x]| x).is_err());
/// ```
pub fn zip_map_n_into<A, O, D, E, F, const N: usize>(
    ins: [&ArrayRef<A, D>; N],
    out: &mut ArrayRef<O, E>,
    f: F,
) -> Result<()>
where
    A: Element,
    O: Element,
    D: Dimension,
    E: Dimension,
    F: Fn([A; N]) -> O,
{
    const { assert!(N >= 1 && N <= MAX_OPERANDS, "zip_map_n reads 1 to 7 arrays") };
    let shapes: [&[usize]; N] = ins.map(|a| a.shape());
    check_output(out.shape(), &shapes)?;
    let sources = ins.map(Source::array);
    // SAFETY: `out` is borrowed exclusively, so it overlaps no input; the shapes were
    // checked to broadcast to it.
    unsafe { zipn_raw(Out::of(out), &sources, &f) };
    Ok(())
}

/// Fortran order for the result when every operand of the full shape is F- and not
/// C-contiguous (NumPy's `order='K'` in the common cases), as the operators choose.
fn wants_f_order<A>(shape: &[usize], sources: &[Source<'_, A>]) -> bool {
    if shape.iter().filter(|&&n| n > 1).count() < 2 {
        return false;
    }
    let mut full = sources
        .iter()
        .filter(|s| same_shape(s.shape(), shape))
        .peekable();
    full.peek().is_some() && full.all(|s| s.is_f_only())
}

/// `out = f(ins)` over `out.shape`, the inputs broadcast to it.
///
/// # Safety
/// The layouts must describe valid, aligned elements: readable for the inputs, writable
/// for `out`; the inputs must broadcast to `out.shape`; `out` must not overlap an input.
unsafe fn zipn_raw<A, O, F, const N: usize>(out: Out<'_>, ins: &[Source<'_, A>; N], f: &F)
where
    A: Element,
    O: Element,
    F: Fn([A; N]) -> O,
{
    let shape = out.shape();
    if shape.contains(&0) {
        return;
    }
    let raw = ins.each_ref().map(|s| (input(s), size_of::<A>()));
    let lv = level(Cost::Heavy, shape, size_of::<O>(), &raw);
    let bytes = shape
        .iter()
        .product::<usize>()
        .saturating_mul(size_of::<O>());
    // A user closure is `Heavy`: its level is already the best one.
    let st = store_for(bytes, false, lv);
    let mut ptrs = [out.ptr(); K];
    for (k, (x, _)) in raw.iter().enumerate() {
        ptrs[k + 1] = x.ptr().cast_mut();
    }
    let mut strides = [0isize; K];
    if let Some(len) = single_run(out, size_of::<O>(), &raw, &mut strides[..=N]) {
        // SAFETY: forwarded from the caller; the run covers exactly the output's elements.
        unsafe { zipn_run::<A, O, F, N>(lv, st, Run { ptrs, strides, len }, f) };
        stream_fence(st);
        return;
    }
    let bstrides = raw.map(|(x, _)| broadcast_strides(x.shape(), x.strides(), shape));
    // Operands past the last input are never read: the output's strides stand in.
    let mut all: [&[isize]; K] = [out.strides(); K];
    for (k, s) in bstrides.iter().enumerate() {
        all[k + 1] = s.as_slice();
    }
    let plan = Plan::<K>::new(shape, all, IterOrder::Memory);
    // SAFETY: the plan walks the layouts in step over `shape` (in tiles or not, each
    // element once); validity of each element is the caller's guarantee.
    unsafe {
        if wants_tiles(&plan) {
            for_each_run_tiled(
                &plan,
                ptrs,
                |r| zipn_run::<A, O, F, N>(lv, st, r, f),
                |_, _, _| 0,
            )
        } else {
            plan.for_each_run(ptrs, |r| zipn_run::<A, O, F, N>(lv, st, r, f))
        }
    };
    stream_fence(st);
}

/// `out[i] = f([ins[0][i], …])` over slices: the loop compiled per SIMD level.
struct ZipN<'a, A, O, F, const N: usize> {
    out: &'a mut [MaybeUninit<O>],
    store: Store,
    ins: [&'a [A]; N],
    f: &'a F,
}

impl<A: Copy, O, F: Fn([A; N]) -> O, const N: usize> Kernel for ZipN<'_, A, O, F, N> {
    type Output = ();
    #[inline(always)]
    fn run(self) {
        let ZipN { out, store, ins, f } = self;
        let n = out.len();
        // Callers pass runs of one length; returning here instead would leave the
        // output uninitialized.
        assert!(
            ins.iter().all(|s| s.len() >= n),
            "zip_n: an input is shorter than the output"
        );
        fill(out, store, |i| {
            f(std::array::from_fn(|k| {
                // SAFETY: `i < n`, and every input holds at least `n` elements (checked
                // above).
                unsafe { *ins[k].get_unchecked(i) }
            }))
        });
    }
}

/// Runs [`ZipN`] at `lv`.
#[inline]
fn zip_n<A: Copy, O, F: Fn([A; N]) -> O, const N: usize>(
    lv: SimdLevel,
    store: Store,
    out: &mut [MaybeUninit<O>],
    ins: [&[A]; N],
    f: &F,
) {
    dispatch_at(lv, ZipN { out, store, ins, f });
}

/// One run of the fused loop.
///
/// # Safety
/// As [`zipn_raw`], for the run's elements: operand `k + 1` is input `k`.
unsafe fn zipn_run<A, O, F, const N: usize>(lv: SimdLevel, st: Store, r: Run<K>, f: &F)
where
    A: Element,
    O: Element,
    F: Fn([A; N]) -> O,
{
    let (len, asz, osz) = (r.len, size_of::<A>() as isize, size_of::<O>() as isize);
    let out_contiguous = r.strides[0] == osz;
    if out_contiguous && (1..=N).all(|k| r.strides[k] == asz) {
        // SAFETY: contiguous runs of `len` elements: readable inputs, a writable output
        // that overlaps none of them (the caller's guarantee).
        unsafe {
            let ins = std::array::from_fn(|k| {
                std::slice::from_raw_parts(r.ptrs[k + 1].cast::<A>().cast_const(), len)
            });
            let out = std::slice::from_raw_parts_mut(r.ptrs[0].cast::<MaybeUninit<O>>(), len);
            zip_n(lv, st, out, ins, f);
        }
        return;
    }
    let mut bufs = [[MaybeUninit::<A>::uninit(); CHUNK]; N];
    let mut obuf = [MaybeUninit::<O>::uninit(); CHUNK];
    // An operand read twice (`x * x` of a broadcast `x`) is gathered once: `from[k]` is the
    // first operand with its pointer and stride, whose buffer it shares.
    let from: [usize; N] = std::array::from_fn(|k| {
        (0..k)
            .find(|&j| r.ptrs[j + 1] == r.ptrs[k + 1] && r.strides[j + 1] == r.strides[k + 1])
            .unwrap_or(k)
    });
    // A repeated value fills its buffer once for the whole run.
    for (k, buf) in bufs.iter_mut().enumerate() {
        if r.strides[k + 1] == 0 && from[k] == k {
            // SAFETY: a stride-0 operand's one element is readable (caller).
            let v = unsafe { r.ptrs[k + 1].cast::<A>().read() };
            buf[..CHUNK.min(len)].fill(MaybeUninit::new(v));
        }
    }
    let mut c = 0;
    while c < len {
        let m = CHUNK.min(len - c);
        for (k, buf) in bufs.iter_mut().enumerate() {
            let s = r.strides[k + 1];
            if s != 0 && s != asz && from[k] == k {
                let p = r.ptrs[k + 1].wrapping_offset(c as isize * s);
                for (i, slot) in buf[..m].iter_mut().enumerate() {
                    // SAFETY: element `c + i` of the run is readable (caller).
                    *slot =
                        MaybeUninit::new(unsafe { p.offset(i as isize * s).cast::<A>().read() });
                }
            }
        }
        let ins: [&[A]; N] = std::array::from_fn(|k| {
            let s = r.strides[k + 1];
            if s == asz {
                let p = r.ptrs[k + 1].wrapping_offset(c as isize * s).cast::<A>();
                // SAFETY: elements `c..c + m` of a contiguous run are readable (caller).
                unsafe { std::slice::from_raw_parts(p.cast_const(), m) }
            } else {
                // SAFETY: the buffer's first `m` elements were written above (a stride-0
                // buffer holds at least `min(CHUNK, len) >= m`); `from[k]` has the same
                // layout as `k` and was filled in its place.
                unsafe { std::slice::from_raw_parts(bufs[from[k]].as_ptr().cast::<A>(), m) }
            }
        });
        let po = r.ptrs[0].wrapping_offset(c as isize * r.strides[0]);
        if out_contiguous {
            // SAFETY: elements `c..c + m` of the output run are writable and overlap no
            // input (caller).
            let out = unsafe { std::slice::from_raw_parts_mut(po.cast::<MaybeUninit<O>>(), m) };
            zip_n(lv, st, out, ins, f);
        } else {
            zip_n(lv, Store::Cached, &mut obuf[..m], ins, f);
            for (i, v) in obuf[..m].iter().enumerate() {
                // SAFETY: element `c + i` of the output run is writable (caller); the
                // kernel wrote `obuf[..m]` (every input holds `m` elements).
                unsafe {
                    po.offset(i as isize * r.strides[0])
                        .cast::<O>()
                        .write(v.assume_init())
                };
            }
        }
        c += m;
    }
}
