//! One draw of each continuous distribution, as NumPy's `distributions.c` makes it: the
//! same words taken from the bit generator and the same arithmetic, so the same numbers.

use super::pcg64::Pcg64;
use super::ziggurat::{
    EXP_R, EXP_R_F, FE_DOUBLE, FE_FLOAT, FI_DOUBLE, FI_FLOAT, KE_DOUBLE, KE_FLOAT, KI_DOUBLE,
    KI_FLOAT, NOR_INV_R, NOR_INV_R_F, NOR_R, NOR_R_F, WE_DOUBLE, WE_FLOAT, WI_DOUBLE, WI_FLOAT,
};

/// A standard normal float64 by the ziggurat (`random_standard_normal`).
///
/// One 64-bit word: 8 bits pick the layer, 1 the sign, 52 the magnitude; 99.3% of draws
/// stop there.
#[inline(always)]
pub(crate) fn standard_normal(bg: &mut Pcg64) -> f64 {
    loop {
        let r = bg.next_u64();
        let idx = (r & 0xff) as usize;
        let r = r >> 8;
        let rabs = (r >> 1) & 0x000f_ffff_ffff_ffff;
        let mut x = rabs as f64 * WI_DOUBLE[idx];
        if r & 1 == 1 {
            x = -x;
        }
        if rabs < KI_DOUBLE[idx] {
            return x;
        }
        if let Some(x) = normal_unlikely(bg, idx, rabs, x) {
            return x;
        }
    }
}

/// The rare rest of [`standard_normal`]: the tail beyond `R` for layer 0, else the
/// density test at a layer's edge; `None` starts over with a new word.
#[cold]
#[inline(never)]
fn normal_unlikely(bg: &mut Pcg64, idx: usize, rabs: u64, x: f64) -> Option<f64> {
    if idx == 0 {
        loop {
            // 1 - U, not U, so that log never sees 0 (NumPy's gh-13361).
            let xx = -NOR_INV_R * (-bg.next_f64()).ln_1p();
            let yy = -(-bg.next_f64()).ln_1p();
            if yy + yy > xx * xx {
                return Some(if (rabs >> 8) & 1 == 1 {
                    -(NOR_R + xx)
                } else {
                    NOR_R + xx
                });
            }
        }
    }
    let f = (FI_DOUBLE[idx - 1] - FI_DOUBLE[idx]) * bg.next_f64() + FI_DOUBLE[idx];
    (f < (-0.5 * x * x).exp()).then_some(x)
}

/// A standard normal float32 by the ziggurat on 32-bit draws (`random_standard_normal_f`).
#[inline(always)]
pub(crate) fn standard_normal_f32(bg: &mut Pcg64) -> f32 {
    loop {
        let r = bg.next_u32();
        let idx = (r & 0xff) as usize;
        let rabs = (r >> 9) & 0x007f_ffff;
        let mut x = rabs as f32 * WI_FLOAT[idx];
        if (r >> 8) & 1 == 1 {
            x = -x;
        }
        if rabs < KI_FLOAT[idx] {
            return x;
        }
        if let Some(x) = normal_unlikely_f32(bg, idx, rabs, x) {
            return x;
        }
    }
}

/// The rare rest of [`standard_normal_f32`]. The edge test compares with a float64
/// `exp`, as NumPy's C does (`exp(-0.5 * x * x)` with `x` a float).
#[cold]
#[inline(never)]
fn normal_unlikely_f32(bg: &mut Pcg64, idx: usize, rabs: u32, x: f32) -> Option<f32> {
    if idx == 0 {
        loop {
            let xx = -NOR_INV_R_F * (-bg.next_f32()).ln_1p();
            let yy = -(-bg.next_f32()).ln_1p();
            if yy + yy > xx * xx {
                return Some(if (rabs >> 8) & 1 == 1 {
                    -(NOR_R_F + xx)
                } else {
                    NOR_R_F + xx
                });
            }
        }
    }
    let f = (FI_FLOAT[idx - 1] - FI_FLOAT[idx]) * bg.next_f32() + FI_FLOAT[idx];
    let x64 = f64::from(x);
    (f64::from(f) < (-0.5 * x64 * x64).exp()).then_some(x)
}

/// A standard exponential float64 by the ziggurat (`random_standard_exponential`).
#[inline(always)]
pub(crate) fn standard_exponential(bg: &mut Pcg64) -> f64 {
    loop {
        let r = bg.next_u64() >> 3;
        let idx = (r & 0xff) as usize;
        let r = r >> 8;
        let x = r as f64 * WE_DOUBLE[idx];
        if r < KE_DOUBLE[idx] {
            return x;
        }
        if idx == 0 {
            return EXP_R - (-bg.next_f64()).ln_1p();
        }
        if (FE_DOUBLE[idx - 1] - FE_DOUBLE[idx]) * bg.next_f64() + FE_DOUBLE[idx] < (-x).exp() {
            return x;
        }
    }
}

/// A standard exponential float32 by the ziggurat on 32-bit draws
/// (`random_standard_exponential_f`).
#[inline(always)]
pub(crate) fn standard_exponential_f32(bg: &mut Pcg64) -> f32 {
    loop {
        let r = bg.next_u32() >> 1;
        let idx = (r & 0xff) as usize;
        let r = r >> 8;
        let x = r as f32 * WE_FLOAT[idx];
        if r < KE_FLOAT[idx] {
            return x;
        }
        if idx == 0 {
            return EXP_R_F - (-bg.next_f32()).ln_1p();
        }
        if (FE_FLOAT[idx - 1] - FE_FLOAT[idx]) * bg.next_f32() + FE_FLOAT[idx] < (-x).exp() {
            return x;
        }
    }
}
