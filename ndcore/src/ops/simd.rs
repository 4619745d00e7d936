//! SIMD run-time dispatch: the widest vector instructions this CPU has, chosen once.
//!
//! A default build targets baseline x86-64 (SSE2), where the compiler vectorizes loops 2
//! `f64` wide. The same loops compiled for AVX2+FMA or AVX-512 run up to 2× faster on
//! compute-bound work (sqrt, division) and on data that sits in cache, so every
//! element-wise kernel is compiled three times and [`dispatch`] picks the copy for the
//! CPU it runs on, as NumPy does. Elsewhere (other architectures) the baseline copy runs,
//! and so do unoptimized builds (those with debug assertions: see [`dispatch`]).
//!
//! How: a [`Kernel`] is a value whose `run` is `#[inline(always)]`; [`dispatch`] calls it
//! through a `#[target_feature]` function, so the loop is inlined into, and vectorized
//! for, that feature set. The level is detected once (`is_x86_feature_detected!`) and
//! cached; `ND_SIMD=scalar|avx2|avx512` in the environment, or [`set_simd_level`], caps
//! it (for tests and benchmarks of the other paths).

use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};

/// An instruction-set level kernels are compiled for.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SimdLevel {
    /// The target's baseline (SSE2 on x86-64): what a default build uses everywhere.
    Baseline,
    /// x86-64-v3: AVX2, FMA, BMI1/2 (256-bit vectors).
    Avx2,
    /// x86-64-v4: AVX-512 F/BW/CD/DQ/VL (512-bit vectors).
    Avx512,
}

const UNKNOWN: u8 = u8::MAX;
static LEVEL: AtomicU8 = AtomicU8::new(UNKNOWN);

impl SimdLevel {
    fn from_u8(v: u8) -> SimdLevel {
        match v {
            2 => SimdLevel::Avx512,
            1 => SimdLevel::Avx2,
            _ => SimdLevel::Baseline,
        }
    }

    fn as_u8(self) -> u8 {
        self as u8
    }
}

/// The best level this CPU supports (not capped by `ND_SIMD`).
///
/// ```
/// use ndcore::ops::{detected_simd_level, SimdLevel};
/// assert!(detected_simd_level() >= SimdLevel::Baseline);
/// ```
pub fn detected_simd_level() -> SimdLevel {
    #[cfg(target_arch = "x86_64")]
    {
        let v4 = std::arch::is_x86_feature_detected!("avx512f")
            && std::arch::is_x86_feature_detected!("avx512bw")
            && std::arch::is_x86_feature_detected!("avx512cd")
            && std::arch::is_x86_feature_detected!("avx512dq")
            && std::arch::is_x86_feature_detected!("avx512vl");
        // Every feature the level's kernels enable (x86::run_v3/run_v4, and kernels in
        // other crates that dispatch on this level) must be checked: enabling one the CPU
        // lacks is undefined behaviour.
        let v3 = std::arch::is_x86_feature_detected!("avx2")
            && std::arch::is_x86_feature_detected!("avx")
            && std::arch::is_x86_feature_detected!("fma")
            && std::arch::is_x86_feature_detected!("bmi1")
            && std::arch::is_x86_feature_detected!("bmi2")
            && std::arch::is_x86_feature_detected!("lzcnt")
            && std::arch::is_x86_feature_detected!("popcnt")
            && std::arch::is_x86_feature_detected!("sse4.1")
            && std::arch::is_x86_feature_detected!("sse4.2")
            && std::arch::is_x86_feature_detected!("ssse3");
        if v4 && v3 {
            return SimdLevel::Avx512;
        }
        if v3 {
            return SimdLevel::Avx2;
        }
    }
    SimdLevel::Baseline
}

/// The level kernels run at: the detected one, capped by `ND_SIMD` or [`set_simd_level`].
///
/// ```
/// use ndcore::ops::{simd_level, detected_simd_level};
/// assert!(simd_level() <= detected_simd_level());
/// ```
#[inline]
pub fn simd_level() -> SimdLevel {
    let v = LEVEL.load(Ordering::Relaxed);
    if v != UNKNOWN {
        return SimdLevel::from_u8(v);
    }
    let mut level = detected_simd_level();
    if let Ok(cap) = std::env::var("ND_SIMD") {
        let cap = match cap.trim().to_ascii_lowercase().as_str() {
            "scalar" | "baseline" | "sse2" | "0" | "off" => SimdLevel::Baseline,
            "avx2" => SimdLevel::Avx2,
            _ => SimdLevel::Avx512,
        };
        level = level.min(cap);
    }
    LEVEL.store(level.as_u8(), Ordering::Relaxed);
    level
}

/// Caps the level kernels run at (never above what the CPU has) and returns the level
/// now in effect. For tests and benchmarks of each code path; affects every thread.
///
/// ```
/// use ndcore::ops::{set_simd_level, detected_simd_level, SimdLevel};
/// assert_eq!(set_simd_level(SimdLevel::Baseline), SimdLevel::Baseline);
/// set_simd_level(detected_simd_level());
/// ```
pub fn set_simd_level(level: SimdLevel) -> SimdLevel {
    let level = level.min(detected_simd_level());
    LEVEL.store(level.as_u8(), Ordering::Relaxed);
    level
}

/// How much arithmetic an element-wise function does per element: with little, a loop
/// over arrays larger than the last-level cache is bound by memory, and there narrow
/// vectors stream faster on this machine than wide ones.
///
/// Measured here (AMD EPYC, 32 MiB L3) on `out = a + b`, f64, output preallocated: at
/// 1e5 elements AVX2/AVX-512 are 12% faster than SSE2 (data in cache); at 1e6 AVX2 is
/// best; at 1e7 (240 MB touched) SSE2 takes 7.7 ms, AVX2 8.3 ms, AVX-512 10.1 ms. A
/// compute-bound loop (`sqrt` over 64 MB) is 1.7× faster with AVX-512 all the same.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Cost {
    /// An add, a compare, a bitwise operation: memory-bound on large arrays.
    Light,
    /// A division, a square root, a library call, a user closure: compute-bound.
    Heavy,
}

/// Bytes touched above which a [`Cost::Light`] loop runs at the baseline level: the
/// last-level cache of the machine measured (32 MiB).
pub(crate) const STREAM_BYTES: usize = 32 << 20;

/// Outputs of at least this many bytes are written with non-temporal (streaming) stores;
/// `usize::MAX` until first read from `ND_STREAM_BYTES` or the default.
static STREAM_OUT: AtomicUsize = AtomicUsize::new(usize::MAX);

/// The size from which element-wise operations write a fresh output with non-temporal
/// stores, bypassing the cache: by default the last-level cache of the machine measured
/// (32 MiB), where such stores take `a + b` over 1e7 `f64` from 8.0 to 6.0 ms (the
/// output's lines are no longer read from memory only to be overwritten;
/// `paperbench --filter add_f64_1e7`). `ND_STREAM_BYTES` in
/// the environment or [`set_stream_threshold`] changes it (`0`: always; a huge value:
/// never). Results are the same either way.
///
/// ```
/// assert!(ndcore::ops::stream_threshold() > 0 || std::env::var("ND_STREAM_BYTES").is_ok());
/// ```
#[inline]
pub fn stream_threshold() -> usize {
    let v = STREAM_OUT.load(Ordering::Relaxed);
    if v != usize::MAX {
        return v;
    }
    init_stream_threshold()
}

#[cold]
fn init_stream_threshold() -> usize {
    let v = std::env::var("ND_STREAM_BYTES")
        .ok()
        .and_then(|s| s.trim().parse::<usize>().ok())
        .unwrap_or(STREAM_BYTES)
        .min(usize::MAX - 1);
    STREAM_OUT.store(v, Ordering::Relaxed);
    v
}

/// Sets [`stream_threshold`] for every thread; returns the previous value.
///
/// ```
/// let old = ndcore::ops::set_stream_threshold(0);
/// let x = ndcore::prelude::arange(10.0f64);
/// assert_eq!((&x + &x)[[3]], 6.0); // streamed, same result
/// ndcore::ops::set_stream_threshold(old);
/// ```
pub fn set_stream_threshold(bytes: usize) -> usize {
    let old = stream_threshold();
    STREAM_OUT.store(bytes.min(usize::MAX - 1), Ordering::Relaxed);
    old
}

/// The level a loop of `cost` touching `bytes` runs at.
#[inline]
pub(crate) fn level_for(cost: Cost, bytes: usize) -> SimdLevel {
    let best = simd_level();
    if cost == Cost::Light && bytes >= STREAM_BYTES {
        SimdLevel::Baseline
    } else {
        best
    }
}

/// A loop to compile once per SIMD level: implement `run` with `#[inline(always)]` and
/// call it through [`dispatch`].
///
/// ```
/// use ndcore::ops::{dispatch, Kernel};
/// struct Scale<'a>(&'a mut [f64], f64);
/// impl Kernel for Scale<'_> {
///     type Output = ();
///     #[inline(always)]
///     fn run(self) {
///         for x in self.0.iter_mut() {
///             *x *= self.1;
///         }
///     }
/// }
/// let mut v = vec![1.0, 2.0, 3.0];
/// dispatch(Scale(&mut v, 2.0));
/// assert_eq!(v, [2.0, 4.0, 6.0]);
/// ```
pub trait Kernel {
    /// What the loop returns.
    type Output;
    /// The loop. Mark it `#[inline(always)]`, or it is compiled once, for the baseline.
    fn run(self) -> Self::Output;
}

/// Runs `kernel` compiled for the best SIMD level in effect ([`simd_level`]); in builds
/// with debug assertions (unoptimized, nothing vectorized), compiled for the baseline.
#[inline]
pub fn dispatch<K: Kernel>(kernel: K) -> K::Output {
    dispatch_at(simd_level(), kernel)
}

/// Runs `kernel` compiled for `level`, which must not exceed [`simd_level`].
///
/// Builds with debug assertions (unoptimized builds: nothing is vectorized there, so a
/// kernel compiled for AVX-512 is the baseline's code again) run every kernel as
/// compiled for the baseline. The explicit intrinsics a kernel uses (streamed stores,
/// transposed blocks) are `#[target_feature]` functions, called as such at any level, so
/// every path still runs; what is saved is two more copies of every kernel, which made
/// the debug builds of code with many kernels (lazy expressions, the ufunc goldens)
/// take minutes.
#[inline]
pub(crate) fn dispatch_at<K: Kernel>(level: SimdLevel, kernel: K) -> K::Output {
    debug_assert!(level <= detected_simd_level());
    #[cfg(all(target_arch = "x86_64", not(debug_assertions)))]
    match level {
        // SAFETY: the level is at most `simd_level()`, itself at most what
        // `detected_simd_level` found on this CPU, so every feature the function is
        // compiled for is present.
        SimdLevel::Avx512 => return unsafe { x86::run_v4(kernel) },
        // SAFETY: as above.
        SimdLevel::Avx2 => return unsafe { x86::run_v3(kernel) },
        SimdLevel::Baseline => {}
    }
    kernel.run()
}

#[cfg(target_arch = "x86_64")]
#[cfg_attr(debug_assertions, allow(dead_code))] // see `dispatch_at`
mod x86 {
    use super::Kernel;

    /// # Safety
    /// The CPU must have every feature enabled here.
    #[target_feature(enable = "avx2,fma,bmi1,bmi2,lzcnt,popcnt,avx,sse4.1,sse4.2,ssse3")]
    pub(super) unsafe fn run_v3<K: Kernel>(k: K) -> K::Output {
        k.run()
    }

    /// # Safety
    /// The CPU must have every feature enabled here.
    #[target_feature(
        enable = "avx512f,avx512bw,avx512cd,avx512dq,avx512vl,avx2,fma,bmi1,bmi2,lzcnt,popcnt,avx,sse4.1,sse4.2,ssse3"
    )]
    pub(super) unsafe fn run_v4<K: Kernel>(k: K) -> K::Output {
        k.run()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn light_loops_over_huge_arrays_run_narrow() {
        let best = simd_level();
        assert_eq!(level_for(Cost::Light, STREAM_BYTES), SimdLevel::Baseline);
        assert_eq!(level_for(Cost::Light, STREAM_BYTES - 1), best);
        assert_eq!(level_for(Cost::Heavy, usize::MAX), best);
    }

    #[test]
    fn capping_never_exceeds_the_cpu() {
        let best = detected_simd_level();
        assert_eq!(set_simd_level(SimdLevel::Avx512), best);
        assert_eq!(simd_level(), best);
    }
}
