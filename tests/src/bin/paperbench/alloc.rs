//! Peak memory of one call: a counting global allocator (the process's, so it sees every
//! thread's allocations) that keeps the bytes live since counting began and their
//! highest point. NumPy's side reports `tracemalloc`'s peak, which counts the same thing:
//! bytes allocated and not yet freed during the call, inputs made before it excluded.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering::Relaxed};

struct Counting;

/// Whether allocations are counted now: off while timing, so the timed code pays one
/// relaxed load per allocation and nothing else.
static ON: AtomicBool = AtomicBool::new(false);
/// Bytes allocated minus bytes freed since counting began (below 0 when a block made
/// before is freed).
static LIVE: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);

fn grew(bytes: usize) {
    if ON.load(Relaxed) {
        let live = LIVE.fetch_add(bytes as isize, Relaxed) + bytes as isize;
        PEAK.fetch_max(live, Relaxed);
    }
}

fn shrank(bytes: usize) {
    if ON.load(Relaxed) {
        LIVE.fetch_sub(bytes as isize, Relaxed);
    }
}

// SAFETY: every method forwards to the system allocator with the caller's arguments;
// counting touches only atomics, which allocate nothing.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's layout is forwarded unchanged.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded unchanged.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            shrank(layout.size());
            grew(new_size);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        shrank(layout.size());
        // SAFETY: forwarded unchanged.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The most bytes `f` held at once: allocated during the call and not yet freed.
pub fn peak_of(f: impl FnOnce()) -> usize {
    LIVE.store(0, Relaxed);
    PEAK.store(0, Relaxed);
    ON.store(true, Relaxed);
    f();
    ON.store(false, Relaxed);
    PEAK.load(Relaxed).max(0) as usize
}

/// The peak of one call of a case's closure with ndcore's large-buffer pool off, so that
/// every array buffer is a real allocation (with the pool on, a call that reuses pooled
/// buffers would count none). The pool's cap is restored afterwards.
pub fn peak_of_call(f: &mut dyn FnMut()) -> usize {
    ndcore::alloc::set_pool_capacity(0);
    let peak = peak_of(f);
    ndcore::alloc::set_pool_capacity(pool_capacity());
    peak
}

/// The cap ndcore takes from `ND_BUFFER_POOL` (bytes, or 0/off), else its default.
fn pool_capacity() -> usize {
    match std::env::var("ND_BUFFER_POOL") {
        Ok(v) if v.trim() == "0" || v.trim().eq_ignore_ascii_case("off") => 0,
        Ok(v) => v
            .trim()
            .parse()
            .unwrap_or(ndcore::alloc::DEFAULT_POOL_BYTES),
        Err(_) => ndcore::alloc::DEFAULT_POOL_BYTES,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hint::black_box;

    const MB: usize = 1 << 20;

    /// Counting is process-wide: these tests take turns (the other tests of this binary
    /// allocate little).
    static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

    fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
        SERIAL.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Other test threads may allocate or free a little while counting is on.
    fn about(peak: usize, expected: usize) -> bool {
        (expected - 64 * 1024..expected + 64 * 1024).contains(&peak)
    }

    #[test]
    fn peak_counts_what_is_held_at_once() {
        let _turn = one_at_a_time();
        // 1 MB, then 2 MB while the first is alive (3 MB), both freed, then 512 KB.
        let peak = peak_of(|| {
            let a = black_box(Vec::<u8>::with_capacity(MB));
            let b = black_box(Vec::<u8>::with_capacity(2 * MB));
            drop((a, b));
            black_box(Vec::<u8>::with_capacity(MB / 2));
        });
        assert!(about(peak, 3 * MB), "peak {peak}");

        // A realloc counts as the new block replacing the old one.
        let peak = peak_of(|| {
            let mut v = Vec::<u8>::with_capacity(MB);
            v.resize(MB, 1);
            v.reserve_exact(MB); // realloc: 1 MB -> 2 MB
            black_box(v);
        });
        assert!(about(peak, 2 * MB), "peak {peak}");
    }

    #[test]
    fn inputs_made_before_are_not_counted() {
        let _turn = one_at_a_time();
        let input = vec![1.0f64; MB];
        let peak = peak_of(|| {
            black_box(input.iter().map(|x| x * 2.0).collect::<Vec<f64>>());
        });
        assert!(about(peak, 8 * MB), "peak {peak}");
    }

    #[test]
    fn nd_arrays_count_with_the_pool_off() {
        let _turn = one_at_a_time();
        use ndcore::prelude::*;
        let x = arange(1_000_000.0f64);
        // x * 2.0 + 1.0: an 8 MB temporary, then the result (in the temporary's buffer
        // or a new one): at least one array of 1e6 f64, at most two.
        let mut call = || {
            black_box(&x * 2.0 + 1.0);
        };
        let peak = peak_of_call(&mut call);
        assert!((8_000_000..=16_100_000).contains(&peak), "peak {peak}");
    }
}
