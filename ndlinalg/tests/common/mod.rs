//! Shared by the integration tests: random data, operands in every kind of layout, and a
//! naive reference (NumPy's definitions as triple loops over C-order copies).

#![allow(dead_code)]

use ndcore::prelude::*;
use ndcore::{ArrayViewD, SliceInfoElem};
use ndlinalg::LinalgScalar;

/// A small reproducible generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Element types the tests draw: floats hold small integers, so every summation order
/// gives the same exact result and backends can be compared with `==`; integers use
/// their whole range, so wrapping is exercised.
pub trait Draw: LinalgScalar {
    fn draw(rng: &mut Rng) -> Self;
}
macro_rules! draw_float {
    ($($t:ty),*) => {$(impl Draw for $t {
        fn draw(rng: &mut Rng) -> Self { (rng.below(9) as $t) - 4.0 }
    })*};
}
draw_float!(f32, f64);
macro_rules! draw_int {
    ($($t:ty),*) => {$(impl Draw for $t {
        fn draw(rng: &mut Rng) -> Self { rng.next() as $t }
    })*};
}
draw_int!(i8, i16, i32, i64, u8, u16, u32, u64);
impl Draw for bool {
    fn draw(rng: &mut Rng) -> Self {
        rng.below(3) == 0
    }
}

pub fn random<T: Draw>(shape: &[usize], rng: &mut Rng) -> ArrayD<T> {
    Array::from_fn(shape.to_vec(), |_| T::draw(rng))
}

/// How an operand is laid out in memory.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Layout {
    /// C-contiguous.
    C,
    /// Every axis reversed in memory (`base.t()` of a C array): F-contiguous.
    Transposed,
    /// The last two axes swapped (a stack of transposed matrices).
    SwapLast,
    /// Every second element of a larger array along every axis (no unit stride).
    Stepped,
    /// Every axis reversed (`a[::-1, ::-1]`): negative strides.
    Negative,
    /// One axis repeated with stride 0 (`broadcast_to`).
    Broadcast,
    /// Rows sliced from a wider array (unit column stride, a row stride > columns).
    Padded,
}

pub const LAYOUTS: [Layout; 7] = [
    Layout::C,
    Layout::Transposed,
    Layout::SwapLast,
    Layout::Stepped,
    Layout::Negative,
    Layout::Broadcast,
    Layout::Padded,
];

/// Calls `f` with a view of `shape` in `layout`, filled with random values.
pub fn with_layout<T: Draw, R>(
    shape: &[usize],
    layout: Layout,
    rng: &mut Rng,
    f: impl FnOnce(ArrayViewD<'_, T>) -> R,
) -> R {
    let nd = shape.len();
    match layout {
        Layout::C => f(random::<T>(shape, rng).view()),
        Layout::Transposed => {
            let rev: Vec<usize> = shape.iter().rev().copied().collect();
            let base = random::<T>(&rev, rng);
            f(base.t())
        }
        Layout::SwapLast if nd >= 2 => {
            let mut s = shape.to_vec();
            s.swap(nd - 2, nd - 1);
            let base = random::<T>(&s, rng);
            f(base.swapped_axes(nd - 2, nd - 1).unwrap())
        }
        Layout::Stepped => {
            let big: Vec<usize> = shape.iter().map(|&n| 2 * n + 1).collect();
            let base = random::<T>(&big, rng);
            let info: Vec<SliceInfoElem> = (0..nd)
                .map(|_| Slice::new(Some(1), None, 2).into())
                .collect();
            let v = base.slice(&info);
            assert_eq!(v.shape(), shape);
            f(v)
        }
        Layout::Negative => {
            let base = random::<T>(shape, rng);
            let mut v = base.view();
            for ax in 0..nd {
                v.invert_axis(Axis(ax)).unwrap();
            }
            f(v)
        }
        Layout::Broadcast if nd >= 1 => {
            let ax = rng.below(nd);
            let mut small = shape.to_vec();
            small[ax] = 1;
            let base = random::<T>(&small, rng);
            f(base.broadcast_to(shape.to_vec()).unwrap())
        }
        Layout::Padded if nd >= 1 => {
            let mut wide = shape.to_vec();
            wide[nd - 1] += 3;
            let base = random::<T>(&wide, rng);
            let mut info: Vec<SliceInfoElem> = vec![SliceInfoElem::FULL; nd];
            info[nd - 1] = Slice::new(Some(1), Some(1 + shape[nd - 1] as isize), 1).into();
            f(base.slice(&info))
        }
        _ => f(random::<T>(shape, rng).view()),
    }
}

/// C-order strides in elements.
fn c_strides(shape: &[usize]) -> Vec<usize> {
    let mut s = vec![1; shape.len()];
    for i in (0..shape.len().saturating_sub(1)).rev() {
        s[i] = s[i + 1] * shape[i + 1];
    }
    s
}

fn offset(idx: &[usize], strides: &[usize]) -> usize {
    idx.iter().zip(strides).map(|(i, s)| i * s).sum()
}

/// Every index of `shape` in C order.
pub fn indices(shape: &[usize]) -> Vec<Vec<usize>> {
    let n: usize = shape.iter().product();
    let st = c_strides(shape);
    (0..n)
        .map(|flat| {
            shape
                .iter()
                .zip(&st)
                .map(|(&d, &s)| (flat / s) % d.max(1))
                .collect()
        })
        .collect()
}

/// NumPy's `np.dot` by its definition.
pub fn dot_ref<T: LinalgScalar>(
    a: &ArrayViewD<'_, T>,
    b: &ArrayViewD<'_, T>,
) -> (Vec<usize>, Vec<T>) {
    let (av, bv) = (a.to_vec(), b.to_vec());
    let (ash, bsh) = (a.shape(), b.shape());
    let (r, s) = (ash.len(), bsh.len());
    if r == 0 {
        return (bsh.to_vec(), bv.iter().map(|&y| av[0].times(y)).collect());
    }
    if s == 0 {
        return (ash.to_vec(), av.iter().map(|&x| x.times(bv[0])).collect());
    }
    let k = ash[r - 1];
    let bk = if s == 1 { 0 } else { s - 2 };
    let mut shape = ash[..r - 1].to_vec();
    shape.extend_from_slice(&bsh[..bk]);
    if s >= 2 {
        shape.push(bsh[s - 1]);
    }
    let (ast, bst) = (c_strides(ash), c_strides(bsh));
    let (sa, sb) = (ast[r - 1], bst[bk]);
    let out = indices(&shape)
        .into_iter()
        .map(|idx| {
            let oa = offset(&idx[..r - 1], &ast[..r - 1]);
            let mut ob = offset(&idx[r - 1..r - 1 + bk], &bst[..bk]);
            if s >= 2 {
                ob += idx[idx.len() - 1] * bst[s - 1];
            }
            (0..k).fold(T::ZERO, |acc, p| {
                acc.plus(av[oa + p * sa].times(bv[ob + p * sb]))
            })
        })
        .collect();
    (shape, out)
}

/// NumPy's `np.matmul` by its definition (batch broadcasting, 1-d promotion).
pub fn matmul_ref<T: LinalgScalar>(
    a: &ArrayViewD<'_, T>,
    b: &ArrayViewD<'_, T>,
) -> (Vec<usize>, Vec<T>) {
    let (av, bv) = (a.to_vec(), b.to_vec());
    let mut ash = a.shape().to_vec();
    let mut bsh = b.shape().to_vec();
    let (r, s) = (ash.len(), bsh.len());
    if r == 1 {
        ash.insert(0, 1);
    }
    if s == 1 {
        bsh.push(1);
    }
    let (ab, bb) = (&ash[..ash.len() - 2], &bsh[..bsh.len() - 2]);
    let nb = ab.len().max(bb.len());
    let mut batch = vec![1; nb];
    for (src, lead) in [(ab, nb - ab.len()), (bb, nb - bb.len())] {
        for (i, &d) in src.iter().enumerate() {
            if d != 1 {
                batch[lead + i] = d;
            }
        }
    }
    let (n, k, m) = (ash[ash.len() - 2], ash[ash.len() - 1], bsh[bsh.len() - 1]);
    let (ast, bst) = (c_strides(&ash), c_strides(&bsh));
    let mut full = batch.clone();
    full.extend([n, m]);
    let pick = |src: &[usize], bi: &[usize]| -> Vec<usize> {
        let lead = nb - src.len();
        src.iter()
            .enumerate()
            .map(|(i, &d)| if d == 1 { 0 } else { bi[lead + i] })
            .collect()
    };
    let out: Vec<T> = indices(&full)
        .into_iter()
        .map(|idx| {
            let bi = &idx[..nb];
            let (i, j) = (idx[nb], idx[nb + 1]);
            let oa = offset(&pick(ab, bi), &ast[..ab.len()]) + i * ast[ab.len()];
            let ob = offset(&pick(bb, bi), &bst[..bb.len()]) + j * bst[bb.len() + 1];
            let (sa, sb) = (ast[ab.len() + 1], bst[bb.len()]);
            (0..k).fold(T::ZERO, |acc, p| {
                acc.plus(av[oa + p * sa].times(bv[ob + p * sb]))
            })
        })
        .collect();
    let mut shape = batch;
    if r >= 2 {
        shape.push(n);
    }
    if s >= 2 {
        shape.push(m);
    }
    (shape, out)
}
