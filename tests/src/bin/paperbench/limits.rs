//! What this machine allows, measured in the same run as the cases: memory bandwidth from
//! a STREAM-style triad (`a[i] = b[i] + s * c[i]`, 24 bytes per element counted as
//! STREAM does) over a ladder of working sets from L2-sized to far past any cache, on one
//! thread and on all; and the FP64 peak from independent fused multiply-adds in the widest
//! vectors the CPU has. xtask turns them into each case's floor: the bytes it must move
//! over the triad bandwidth at the largest rung no larger than those bytes (bandwidth only
//! falls as the working set grows, so the floor stays below the truth), or its flops over
//! the peak.
//!
//! Rates use the best (minimum) time, as STREAM does.

use std::hint::black_box;
use std::time::Duration;

use ndcore::prelude::*;

use crate::harness::measure;

/// One measured limit, as a JSON line for xtask.
pub struct Limit {
    case: &'static str,
    title: &'static str,
    /// Working-set bytes (triad) or flops per call (peak).
    n: usize,
    threads: usize,
    median: f64,
    min: f64,
    max: f64,
    /// `bytes_per_s` or `flops_per_s`.
    unit: &'static str,
    rate: f64,
    /// The triad's faster store kind, `ordinary` or `streaming` (empty for the peak).
    stores: &'static str,
}

impl Limit {
    pub fn json(&self) -> String {
        let stores = match self.stores {
            "" => String::new(),
            s => format!(", \"stores\": \"{s}\""),
        };
        format!(
            "{{\"figure\": \"limits\", \"title\": \"{}\", \"case\": \"{}\", \"impl\": \"limit\", \"n\": {}, \"median_s\": {:e}, \"min_s\": {:e}, \"max_s\": {:e}, \"peak_bytes\": null, \"threads\": {}, \"{}\": {:e}{stores}}}",
            self.title,
            self.case,
            self.n,
            self.median,
            self.min,
            self.max,
            self.threads,
            self.unit,
            self.rate
        )
    }
}

/// Triad working sets (all three arrays), doubling from 256 KiB (inside L2) to 512 MiB
/// (past any last-level cache).
const LADDER: [usize; 12] = {
    let mut ladder = [0; 12];
    let mut i = 0;
    while i < 12 {
        ladder[i] = (256 << 10) << i;
        i += 1;
    }
    ladder
};

/// Every limit: the triad ladder on one thread, the largest triad on all threads, the FP64
/// peak on one thread and on all.
pub fn measure_all(quick: bool) -> Vec<Limit> {
    let min_time = Duration::from_millis(if quick { 60 } else { 250 });
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut limits = Vec::new();
    for &bytes in &LADDER {
        limits.push(triad(bytes, 1, min_time));
    }
    if threads > 1 {
        limits.push(triad(LADDER[LADDER.len() - 1], threads, min_time));
    }
    limits.push(fp64_peak(1, min_time));
    if threads > 1 {
        limits.push(fp64_peak(threads, min_time));
    }
    limits
}

/// The triad over `bytes` of working set, split evenly over `threads` threads, with
/// ordinary stores and with streaming (non-temporal) ones, which skip reading the
/// destination's lines first as nd's large kernels do: the faster of the two counts.
fn triad(bytes: usize, threads: usize, min_time: Duration) -> Limit {
    let n = bytes / 24;
    // nd's own buffers (its pool, huge pages where the kernel gives them), so that the
    // limit is measured on memory like the arrays the cases use.
    let mut a_array = Array1::<f64>::zeros(n);
    let (b_array, c_array) = (arange(n as f64), arange(n as f64));
    let a = a_array.as_slice_mut().expect("contiguous");
    let (b, c) = (
        b_array.as_slice().expect("contiguous"),
        c_array.as_slice().expect("contiguous"),
    );
    let chunk = n.div_ceil(threads);
    let mut best: Option<(crate::harness::Timing, &'static str)> = None;
    for (stores, kernel) in [
        (
            "ordinary",
            kernels::triad as fn(&mut [f64], &[f64], &[f64], f64),
        ),
        ("streaming", kernels::triad_streaming),
    ] {
        let mut call = || {
            if threads == 1 {
                kernel(a, b, c, 3.0);
            } else {
                std::thread::scope(|s| {
                    for ((a, b), c) in a
                        .chunks_mut(chunk)
                        .zip(b.chunks(chunk))
                        .zip(c.chunks(chunk))
                    {
                        s.spawn(move || kernel(a, b, c, 3.0));
                    }
                });
            }
            black_box(&mut *a);
        };
        let t = measure(&mut call, min_time);
        if best.as_ref().is_none_or(|(b, _)| t.min < b.min) {
            best = Some((t, stores));
        }
    }
    let (t, stores) = best.expect("two kernels ran");
    Limit {
        case: if threads == 1 {
            "triad_1_thread"
        } else {
            "triad_all_threads"
        },
        title: "memory bandwidth: STREAM triad a = b + s*c, n = working-set bytes",
        n: 24 * n,
        threads,
        median: t.median,
        min: t.min,
        max: t.max,
        unit: "bytes_per_s",
        rate: (24 * n) as f64 / t.min,
        stores,
    }
}

/// The FP64 peak: chains of fused multiply-adds on `threads` threads.
fn fp64_peak(threads: usize, min_time: Duration) -> Limit {
    const ITERS: usize = 200_000;
    let per_thread = *kernels::FMA_FLOPS_PER_ITER * ITERS as f64;
    let mut call = || {
        if threads == 1 {
            black_box(kernels::fma_chains(black_box(ITERS)));
        } else {
            std::thread::scope(|s| {
                for _ in 0..threads {
                    s.spawn(|| black_box(kernels::fma_chains(black_box(ITERS))));
                }
            });
        }
    };
    let t = measure(&mut call, min_time);
    let flops = per_thread * threads as f64;
    Limit {
        case: if threads == 1 {
            "fp64_peak_1_thread"
        } else {
            "fp64_peak_all_threads"
        },
        title: "FP64 peak: independent fused multiply-adds, n = flops per call",
        n: flops as usize,
        threads,
        median: t.median,
        min: t.min,
        max: t.max,
        unit: "flops_per_s",
        rate: flops / t.min,
        stores: "",
    }
}

/// The kernels in the widest vectors this CPU runs, chosen at run time (the build targets
/// baseline x86-64, so the compiler alone would use SSE2).
mod kernels {
    #[cfg(target_arch = "x86_64")]
    use std::arch::x86_64::*;

    /// `a[i] = b[i] + s * c[i]`.
    pub fn triad(a: &mut [f64], b: &[f64], c: &[f64], s: f64) {
        #[cfg(target_arch = "x86_64")]
        {
            if is_x86_feature_detected!("avx512f") {
                // SAFETY: the CPU has AVX-512F, checked just above.
                return unsafe { triad_avx512(a, b, c, s) };
            }
            if is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma") {
                // SAFETY: the CPU has AVX2 and FMA, checked just above.
                return unsafe { triad_avx2(a, b, c, s) };
            }
        }
        triad_portable(a, b, c, s);
    }

    /// `a[i] = b[i] + s * c[i]` with streaming stores where the CPU has them.
    pub fn triad_streaming(a: &mut [f64], b: &[f64], c: &[f64], s: f64) {
        #[cfg(target_arch = "x86_64")]
        {
            if is_x86_feature_detected!("avx512f") {
                // SAFETY: the CPU has AVX-512F, checked just above.
                return unsafe { triad_stream_avx512(a, b, c, s) };
            }
            if is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma") {
                // SAFETY: the CPU has AVX2 and FMA, checked just above.
                return unsafe { triad_stream_avx2(a, b, c, s) };
            }
        }
        triad_portable(a, b, c, s);
    }

    /// Streams `a[i] = b[i] + s * c[i]` in `LANES`-wide vectors: a scalar head up to
    /// `a`'s first `ALIGN`-byte boundary, aligned streaming stores, a scalar tail.
    macro_rules! streamed {
        ($a:ident, $b:ident, $c:ident, $s:ident, $lanes:literal, $align:literal,
         $set1:ident, $loadu:ident, $fmadd:ident, $stream:ident) => {{
            let n = $a.len().min($b.len()).min($c.len());
            let head = $a.as_ptr().align_offset($align).min(n);
            triad_portable(&mut $a[..head], &$b[..head], &$c[..head], $s);
            let body = (n - head) / $lanes * $lanes;
            let sv = $set1($s);
            let mut i = head;
            while i < head + body {
                // SAFETY: i + LANES <= n for all three slices; `a + i` is ALIGN-byte
                // aligned (the head ends at a boundary and i advances by whole vectors).
                unsafe {
                    let vb = $loadu($b.as_ptr().add(i));
                    let vc = $loadu($c.as_ptr().add(i));
                    $stream($a.as_mut_ptr().add(i), $fmadd(sv, vc, vb));
                }
                i += $lanes;
            }
            triad_portable(&mut $a[i..n], &$b[i..n], &$c[i..n], $s);
            // Streaming stores are weakly ordered: fence before the caller reads `a`.
            _mm_sfence();
        }};
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f")]
    fn triad_stream_avx512(a: &mut [f64], b: &[f64], c: &[f64], s: f64) {
        streamed!(
            a,
            b,
            c,
            s,
            8,
            64,
            _mm512_set1_pd,
            _mm512_loadu_pd,
            _mm512_fmadd_pd,
            _mm512_stream_pd
        );
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,fma")]
    fn triad_stream_avx2(a: &mut [f64], b: &[f64], c: &[f64], s: f64) {
        streamed!(
            a,
            b,
            c,
            s,
            4,
            32,
            _mm256_set1_pd,
            _mm256_loadu_pd,
            _mm256_fmadd_pd,
            _mm256_stream_pd
        );
    }

    #[inline(always)]
    fn triad_portable(a: &mut [f64], b: &[f64], c: &[f64], s: f64) {
        for ((a, &b), &c) in a.iter_mut().zip(b).zip(c) {
            *a = b + s * c;
        }
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f")]
    fn triad_avx512(a: &mut [f64], b: &[f64], c: &[f64], s: f64) {
        triad_portable(a, b, c, s);
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,fma")]
    fn triad_avx2(a: &mut [f64], b: &[f64], c: &[f64], s: f64) {
        triad_portable(a, b, c, s);
    }

    /// Flops per iteration of [`fma_chains`] on this CPU.
    #[cfg(target_arch = "x86_64")]
    pub static FMA_FLOPS_PER_ITER: std::sync::LazyLock<f64> = std::sync::LazyLock::new(|| {
        if is_x86_feature_detected!("avx512f") {
            (CHAINS * 8 * 2) as f64
        } else if is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma") {
            (CHAINS * 4 * 2) as f64
        } else {
            (CHAINS * 2 * 2) as f64
        }
    });
    #[cfg(not(target_arch = "x86_64"))]
    pub static FMA_FLOPS_PER_ITER: std::sync::LazyLock<f64> =
        std::sync::LazyLock::new(|| (CHAINS * 2) as f64);

    /// Independent accumulators: enough to cover an FMA's latency on two ports.
    const CHAINS: usize = 12;

    /// `iters` rounds of `acc = acc * a + b` on `CHAINS` independent vectors.
    pub fn fma_chains(iters: usize) -> f64 {
        #[cfg(target_arch = "x86_64")]
        {
            if is_x86_feature_detected!("avx512f") {
                // SAFETY: the CPU has AVX-512F, checked just above.
                return unsafe { fma_avx512(iters) };
            }
            if is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma") {
                // SAFETY: the CPU has AVX2 and FMA, checked just above.
                return unsafe { fma_avx2(iters) };
            }
            // SAFETY: SSE2 is part of x86-64 (two lanes, a multiply and an add).
            unsafe { fma_sse2(iters) }
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            let mut acc = [1.0f64; CHAINS];
            for _ in 0..iters {
                for r in &mut acc {
                    *r = std::hint::black_box(*r) * 0.999_999_9 + 1e-9;
                }
            }
            acc.iter().sum()
        }
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f")]
    fn fma_avx512(iters: usize) -> f64 {
        let (a, b) = (_mm512_set1_pd(0.999_999_9), _mm512_set1_pd(1e-9));
        let mut acc = [_mm512_set1_pd(1.0); CHAINS];
        for _ in 0..iters {
            for r in &mut acc {
                *r = _mm512_fmadd_pd(*r, a, b);
            }
        }
        acc.iter().map(|&r| _mm512_reduce_add_pd(r)).sum()
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,fma")]
    fn fma_avx2(iters: usize) -> f64 {
        let (a, b) = (_mm256_set1_pd(0.999_999_9), _mm256_set1_pd(1e-9));
        let mut acc = [_mm256_set1_pd(1.0); CHAINS];
        for _ in 0..iters {
            for r in &mut acc {
                *r = _mm256_fmadd_pd(*r, a, b);
            }
        }
        let mut lanes = [0.0f64; 4];
        let mut sum = 0.0;
        for r in acc {
            // SAFETY: `lanes` holds 4 f64, the 32 bytes an unaligned store writes.
            unsafe { _mm256_storeu_pd(lanes.as_mut_ptr(), r) };
            sum += lanes.iter().sum::<f64>();
        }
        sum
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "sse2")]
    fn fma_sse2(iters: usize) -> f64 {
        let (a, b) = (_mm_set1_pd(0.999_999_9), _mm_set1_pd(1e-9));
        let mut acc = [_mm_set1_pd(1.0); CHAINS];
        for _ in 0..iters {
            for r in &mut acc {
                *r = _mm_add_pd(_mm_mul_pd(*r, a), b);
            }
        }
        let mut lanes = [0.0f64; 2];
        let mut sum = 0.0;
        for r in acc {
            // SAFETY: `lanes` holds 2 f64, the 16 bytes an unaligned store writes.
            unsafe { _mm_storeu_pd(lanes.as_mut_ptr(), r) };
            sum += lanes.iter().sum::<f64>();
        }
        sum
    }
}
