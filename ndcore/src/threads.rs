//! Threads: how many nd uses, and the pool that runs them.
//!
//! Large element-wise work (the operators, ufuncs and `zip_map`-style drivers of
//! [`crate::ops`], lazy expressions' evaluation), reductions (ndops' `sum`, `mean`, `min`,
//! … of large arrays, and of lazy expressions) and products split across this many threads; small work stays on the calling thread, where
//! starting threads would cost more than it saves. That is why the closures given to the
//! drivers must be `Sync`: on a large array several threads call them at once. The count is, in order: what
//! [`set_num_threads`] set, the environment variable `ND_NUM_THREADS`, or the machine's
//! cores ([`std::thread::available_parallelism`]). `1` turns threads off.
//!
//! Results do not depend on the count: element-wise results are computed element by
//! element the same way whichever thread computes them, and reductions combine fixed
//! blocks in a fixed order, so 1, 2 or 3 threads give the same bits.
//!
//! ```
//! use ndcore::threads;
//! threads::set_num_threads(2);
//! assert_eq!(threads::num_threads(), 2);
//! let mut parts = vec![0usize; 4];
//! threads::for_each_part(&mut parts, |i, p| *p = i * 10);
//! assert_eq!(parts, vec![0, 10, 20, 30]);
//! threads::set_num_threads(0); // back to ND_NUM_THREADS or the cores
//! ```

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// Element-wise work on fewer elements than this stays on one thread (below it, a
/// thread's start-up costs more than half the work saves).
pub const PARALLEL_MIN_ELEMENTS: usize = 1 << 17;

/// 0: not set (environment or cores); otherwise the count.
static REQUESTED: AtomicUsize = AtomicUsize::new(0);

/// The pool, with the count it was built for.
static POOL: Mutex<Option<(usize, Arc<rayon::ThreadPool>)>> = Mutex::new(None);

/// Sets the number of threads nd uses; 0 goes back to `ND_NUM_THREADS` or the machine's
/// cores.
pub fn set_num_threads(n: usize) {
    REQUESTED.store(n, Ordering::Relaxed);
}

/// The number of threads nd uses (at least 1).
pub fn num_threads() -> usize {
    match REQUESTED.load(Ordering::Relaxed) {
        0 => from_env(),
        n => n,
    }
}

fn from_env() -> usize {
    static ENV: AtomicUsize = AtomicUsize::new(0);
    match ENV.load(Ordering::Relaxed) {
        0 => {
            let n = std::env::var("ND_NUM_THREADS")
                .ok()
                .and_then(|v| v.trim().parse::<usize>().ok())
                .filter(|&n| n > 0)
                .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
            ENV.store(n, Ordering::Relaxed);
            n
        }
        n => n,
    }
}

/// The pool for `n > 1` threads (built on first use, rebuilt when the count changes), or
/// `None` if it cannot be built (work then runs on the calling thread).
fn pool(n: usize) -> Option<Arc<rayon::ThreadPool>> {
    let mut slot = POOL.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((count, pool)) = slot.as_ref()
        && *count == n
    {
        return Some(Arc::clone(pool));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("nd-{i}"))
        .build()
        .ok()?;
    let pool = Arc::new(pool);
    *slot = Some((n, Arc::clone(&pool)));
    Some(pool)
}

/// Runs `f` inside nd's pool, so that rayon work it starts (a product's) uses nd's
/// threads; on the calling thread when nd uses one thread.
pub fn install<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    let n = num_threads();
    match (n > 1).then(|| pool(n)).flatten() {
        Some(p) => p.install(f),
        None => f(),
    }
}

/// Calls `f(i, &mut parts[i])` for every part, the parts shared among nd's threads in
/// contiguous runs. One thread, or one part: in order, on the calling thread.
pub fn for_each_part<P: Send>(parts: &mut [P], f: impl Fn(usize, &mut P) + Sync) {
    for_each_part_with(parts, || (), |(), i, p| f(i, p));
}

/// Like [`for_each_part`], with a scratch value `init()` made once per thread and passed to
/// each of its calls (a buffer, say).
pub fn for_each_part_with<P: Send, S>(
    parts: &mut [P],
    init: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, usize, &mut P) + Sync,
) {
    let n = num_threads().min(parts.len());
    let pool = if n > 1 { pool(n) } else { None };
    let Some(pool) = pool else {
        let mut scratch = init();
        parts
            .iter_mut()
            .enumerate()
            .for_each(|(i, p)| f(&mut scratch, i, p));
        return;
    };
    let per = parts.len().div_ceil(n);
    let (f, init) = (&f, &init);
    pool.scope(|s| {
        for (c, chunk) in parts.chunks_mut(per).enumerate() {
            s.spawn(move |_| {
                let mut scratch = init();
                for (k, p) in chunk.iter_mut().enumerate() {
                    f(&mut scratch, c * per + k, p);
                }
            });
        }
    });
}

/// How many parts to split `n` elements of work into: nd's thread count, fewer so that
/// each part has at least [`PARALLEL_MIN_ELEMENTS`], at least 1.
pub fn parts_for(n: usize) -> usize {
    num_threads().min(n / PARALLEL_MIN_ELEMENTS).max(1)
}
