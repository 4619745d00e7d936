//! Record elements written by hand (what `#[derive(Record)]` will generate): `#[repr(C)]`
//! structs with a manual `Element` impl whose dtype describes their bytes, so the printer
//! formats them through their `DType` alone.

use super::recipe::{make_vec, print_with, shape};
use bytemuck::{CheckedBitPattern, NoUninit, Pod, Zeroable};
use ndcore::fmt::PrintOptions;
use ndcore::prelude::*;
use ndcore::{ByteOrder, Element, Kind};

/// The paper's position: two `f64`.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pos {
    pub x: f64,
    pub y: f64,
}

/// The paper's record: `[('time', '<u8'), ('pos', [('x', '<f8'), ('y', '<f8')])]`.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Paper {
    pub time: u64,
    pub pos: Pos,
}

// SAFETY: repr(C) of u64 and two f64: no padding, every bit pattern valid, zero is valid.
unsafe impl Zeroable for Paper {}
// SAFETY: as above.
unsafe impl Pod for Paper {}

// SAFETY: the dtype describes Paper's bytes exactly (size, field offsets, kinds).
unsafe impl Element for Paper {
    fn dtype() -> DType {
        DType::from_descr("[('time', '<u8'), ('pos', [('x', '<f8'), ('y', '<f8')])]")
            .expect("paper dtype")
    }
}

/// A C struct with a bool, padding, and two sub-array fields:
/// `np.dtype([('a', '?'), ('b', '<i4', (3,)), ('c', '<f4', (2,))], align=True)`.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mixed {
    pub a: bool,
    pub pad: [u8; 3],
    pub b: [i32; 3],
    pub c: [f32; 2],
}

/// `Mixed`'s bits with the bool as a byte, to check bool validity.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct MixedBits {
    a: u8,
    pad: [u8; 3],
    b: [i32; 3],
    c: [f32; 2],
}

// SAFETY: repr(C), 24 bytes with the padding spelled out as a field: no uninit bytes, and
// all zeros is a valid value (false, zeros).
unsafe impl Zeroable for Mixed {}
// SAFETY: no padding bytes (see above).
unsafe impl NoUninit for Mixed {}
// SAFETY: as for Mixed; every bit pattern of MixedBits is valid.
unsafe impl Zeroable for MixedBits {}
// SAFETY: as above.
unsafe impl Pod for MixedBits {}
// SAFETY: MixedBits has Mixed's layout; the only invalid patterns are bools other than
// 0 and 1, which `is_valid_bit_pattern` rejects.
unsafe impl CheckedBitPattern for Mixed {
    type Bits = MixedBits;
    fn is_valid_bit_pattern(bits: &MixedBits) -> bool {
        bits.a <= 1
    }
}

// SAFETY: the dtype describes Mixed's bytes exactly (size, field offsets, kinds).
unsafe impl Element for Mixed {
    fn dtype() -> DType {
        let sub = |base: DType, n: usize| DType::subarray(base, [n]).expect("sub-array");
        DType::structured(
            [
                ("a", DType::bool()),
                ("b", sub(DType::int(4).expect("i4"), 3)),
                ("c", sub(DType::float(4).expect("f4"), 2)),
            ],
            true,
        )
        .expect("mixed dtype")
    }
}

/// One field: `[('v', '<i2')]`.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Single {
    pub v: i16,
}

// SAFETY: one i16.
unsafe impl Zeroable for Single {}
// SAFETY: one i16.
unsafe impl Pod for Single {}

// SAFETY: the dtype describes Single's bytes exactly (size, field offsets, kinds).
unsafe impl Element for Single {
    fn dtype() -> DType {
        DType::structured([("v", DType::int(2).expect("i2"))], false).expect("single dtype")
    }
}

/// A big-endian field: `[('a', '>i4'), ('b', '<f4')]`, `a` kept as its four bytes.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Big {
    pub a: [u8; 4],
    pub b: f32,
}

// SAFETY: four bytes and an f32: no padding, any bits valid.
unsafe impl Zeroable for Big {}
// SAFETY: as above.
unsafe impl Pod for Big {}

// SAFETY: the dtype describes Big's bytes exactly (size, field offsets, kinds).
unsafe impl Element for Big {
    fn dtype() -> DType {
        let be = DType::scalar(Kind::Int, 4, ByteOrder::Big).expect(">i4");
        DType::structured([("a", be), ("b", DType::float(4).expect("f4"))], false)
            .expect("big dtype")
    }
}

/// A 2×3 block and a byte: `np.dtype([('m', '<f8', (2, 3)), ('k', 'u1')], align=True)`.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Grid {
    pub m: [[f64; 3]; 2],
    pub k: u8,
    pub pad: [u8; 7],
}

// SAFETY: repr(C): 48 bytes of f64, a byte and 7 explicit padding bytes; any bits valid.
unsafe impl Zeroable for Grid {}
// SAFETY: as above.
unsafe impl Pod for Grid {}

// SAFETY: the dtype describes Grid's bytes exactly (size, field offsets, kinds).
unsafe impl Element for Grid {
    fn dtype() -> DType {
        let m = DType::subarray(DType::float(8).expect("f8"), [2, 3]).expect("sub-array");
        DType::structured([("m", m), ("k", DType::uint(1).expect("u1"))], true).expect("grid dtype")
    }
}

/// Three `f64` as one element: `np.dtype(('<f8', (3,)))`, whose axis NumPy makes the
/// array's last.
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Vec3(pub [f64; 3]);

// SAFETY: three f64, transparent.
unsafe impl Zeroable for Vec3 {}
// SAFETY: as above.
unsafe impl Pod for Vec3 {}

// SAFETY: the dtype describes Vec3's bytes exactly (size, field offsets, kinds).
unsafe impl Element for Vec3 {
    fn dtype() -> DType {
        DType::subarray(DType::float(8).expect("f8"), [3]).expect("sub-array")
    }
}

/// Three raw bytes: NumPy's `V3`.
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Raw3(pub [u8; 3]);

// SAFETY: three bytes.
unsafe impl Zeroable for Raw3 {}
// SAFETY: as above.
unsafe impl Pod for Raw3 {}

// SAFETY: the dtype describes Raw3's bytes exactly (size, field offsets, kinds).
unsafe impl Element for Raw3 {
    fn dtype() -> DType {
        DType::void(3).expect("V3")
    }
}

/// A four-byte string: NumPy's `S4`.
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct S4(pub [u8; 4]);

// SAFETY: four bytes.
unsafe impl Zeroable for S4 {}
// SAFETY: as above.
unsafe impl Pod for S4 {}

// SAFETY: the dtype describes S4's bytes exactly (size, field offsets, kinds).
unsafe impl Element for S4 {
    fn dtype() -> DType {
        DType::bytes(4).expect("S4")
    }
}

/// `K` consecutive values of `v` per element.
fn chunks<T: Copy, const K: usize>(v: &[T]) -> impl Iterator<Item = [T; K]> + '_ {
    v.chunks_exact(K).map(|c| std::array::from_fn(|j| c[j]))
}

/// `str` and `repr` of a record recipe: `kind | shape | gen&gen&… | view` with options.
pub fn print_record(
    kind: &str,
    shape_text: &str,
    gens: &str,
    view: &str,
    opts: &PrintOptions,
) -> (String, String) {
    let sh = shape(shape_text);
    let n: usize = sh.iter().product();
    let g: Vec<&str> = gens.split('&').collect();
    match kind {
        "paper" => {
            let (t, x, y) = (
                make_vec::<u64>(n, g[0]),
                make_vec::<f64>(n, g[1]),
                make_vec::<f64>(n, g[2]),
            );
            let v = (0..n)
                .map(|i| Paper {
                    time: t[i],
                    pos: Pos { x: x[i], y: y[i] },
                })
                .collect();
            print_with(sh, v, view, opts)
        }
        "mixed" => {
            let (a, b, c) = (
                make_vec::<bool>(n, g[0]),
                make_vec::<i32>(3 * n, g[1]),
                make_vec::<f32>(2 * n, g[2]),
            );
            let v = (0..n)
                .map(|i| Mixed {
                    a: a[i],
                    pad: [0; 3],
                    b: [b[3 * i], b[3 * i + 1], b[3 * i + 2]],
                    c: [c[2 * i], c[2 * i + 1]],
                })
                .collect();
            print_with(sh, v, view, opts)
        }
        "single" => {
            let v = make_vec::<i16>(n, g[0])
                .into_iter()
                .map(|v| Single { v })
                .collect();
            print_with(sh, v, view, opts)
        }
        "big" => {
            let (a, b) = (make_vec::<i32>(n, g[0]), make_vec::<f32>(n, g[1]));
            let v = (0..n)
                .map(|i| Big {
                    a: a[i].to_be_bytes(),
                    b: b[i],
                })
                .collect();
            print_with(sh, v, view, opts)
        }
        "grid" => {
            let (m, k) = (make_vec::<f64>(6 * n, g[0]), make_vec::<u8>(n, g[1]));
            let v = (0..n)
                .map(|i| {
                    let r =
                        |j: usize| [m[6 * i + 3 * j], m[6 * i + 3 * j + 1], m[6 * i + 3 * j + 2]];
                    Grid {
                        m: [r(0), r(1)],
                        k: k[i],
                        pad: [0; 7],
                    }
                })
                .collect();
            print_with(sh, v, view, opts)
        }
        "vec3" => {
            let v = chunks(&make_vec::<f64>(3 * n, g[0])).map(Vec3).collect();
            print_with(sh, v, view, opts)
        }
        "raw3" => {
            let v = chunks(&make_vec::<u8>(3 * n, g[0])).map(Raw3).collect();
            print_with(sh, v, view, opts)
        }
        "s4" => {
            let v = chunks(&make_vec::<u8>(4 * n, g[0])).map(S4).collect();
            print_with(sh, v, view, opts)
        }
        other => panic!("unknown record kind {other}"),
    }
}
