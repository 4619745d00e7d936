//! Buffers for owned arrays, and the large-buffer pool.
//!
//! Fresh large allocations are expensive here not because of `malloc` but because glibc
//! hands big blocks back to the OS on `free`, so every new 1 MB–100 MB buffer page-faults
//! on first touch (about 1.6 µs per 4 KiB page on this machine). NumPy pays that on
//! every temporary. nd keeps freed large buffers (≥ [`POOL_MIN_BYTES`]) in a small,
//! size-bucketed, capped, thread-safe pool and hands them out again.
//!
//! The pool is on by default with a cap of [`DEFAULT_POOL_BYTES`]. Turn it off with the
//! environment variable `ND_BUFFER_POOL=0`, or set its cap with
//! [`set_pool_capacity`] (0 turns it off and frees what it holds).

use std::alloc::{self, Layout};
use std::ptr::NonNull;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Buffers at least this large go through the pool.
pub const POOL_MIN_BYTES: usize = 128 * 1024;
/// Default cap on the bytes the pool keeps.
pub const DEFAULT_POOL_BYTES: usize = 1 << 30;
/// Alignment of pooled buffers: a cache line, and enough for any SIMD load.
pub const LARGE_ALIGN: usize = 64;
const PAGE: usize = 4096;
const MAX_ENTRIES: usize = 64;

static CAPACITY: AtomicUsize = AtomicUsize::new(usize::MAX);
static POOL: Mutex<Pool> = Mutex::new(Pool {
    bufs: Vec::new(),
    bytes: 0,
});

struct Pool {
    bufs: Vec<(NonNull<u8>, Layout)>,
    bytes: usize,
}

// SAFETY: the pool only stores pointers to allocations nobody else references; they are
// handed out to one owner at a time under the mutex.
unsafe impl Send for Pool {}

fn capacity() -> usize {
    let c = CAPACITY.load(Ordering::Relaxed);
    if c != usize::MAX {
        return c;
    }
    let c = match std::env::var("ND_BUFFER_POOL") {
        Ok(v) if v.trim() == "0" || v.trim().eq_ignore_ascii_case("off") => 0,
        Ok(v) => v.trim().parse::<usize>().unwrap_or(DEFAULT_POOL_BYTES),
        Err(_) => DEFAULT_POOL_BYTES,
    };
    CAPACITY.store(c, Ordering::Relaxed);
    c
}

/// Sets the most bytes the large-buffer pool keeps; 0 turns the pool off and frees its
/// buffers.
pub fn set_pool_capacity(bytes: usize) {
    CAPACITY.store(bytes, Ordering::Relaxed);
    let freed = {
        let mut pool = POOL.lock().unwrap_or_else(|e| e.into_inner());
        let mut freed = Vec::new();
        while pool.bytes > bytes {
            match pool.bufs.pop() {
                Some(b) => {
                    pool.bytes -= b.1.size();
                    freed.push(b);
                }
                None => break,
            }
        }
        freed
    };
    for (p, l) in freed {
        // SAFETY: pooled buffers were allocated with exactly this layout and are unowned.
        unsafe { alloc::dealloc(p.as_ptr(), l) };
    }
}

/// Bytes the pool holds now (for benchmarks and tests).
pub fn pool_bytes() -> usize {
    POOL.lock().unwrap_or_else(|e| e.into_inner()).bytes
}

/// Where a buffer of `size` bytes with `align` comes from: the layout actually allocated.
fn layout_for(size: usize, align: usize) -> Option<Layout> {
    if size >= POOL_MIN_BYTES {
        let rounded = size.checked_add(PAGE - 1)? & !(PAGE - 1);
        Layout::from_size_align(rounded, align.max(LARGE_ALIGN)).ok()
    } else {
        Layout::from_size_align(size, align).ok()
    }
}

/// Allocates `size` bytes aligned to `align`, zeroed if asked. Returns the pointer and the
/// layout to free it with, or `None` if the size overflows or the allocator refuses: the
/// caller reports NumPy's `MemoryError` (`Vec` would abort the process instead). A zero
/// size gives a dangling, aligned pointer and a zero-size layout.
pub(crate) fn allocate(size: usize, align: usize, zeroed: bool) -> Option<(NonNull<u8>, Layout)> {
    let layout = layout_for(size, align)?;
    if layout.size() == 0 {
        // `align` is a power of two, so this is a well-aligned dangling pointer.
        return Some((NonNull::new(layout.align() as *mut u8)?, layout));
    }
    if layout.size() >= POOL_MIN_BYTES && capacity() > 0 {
        let hit = {
            let mut pool = POOL.lock().unwrap_or_else(|e| e.into_inner());
            let i = pool.bufs.iter().position(|&(_, l)| l == layout);
            i.map(|i| {
                let b = pool.bufs.swap_remove(i);
                pool.bytes -= b.1.size();
                b
            })
        };
        if let Some((p, l)) = hit {
            if zeroed {
                // SAFETY: `p` is an unowned allocation of `l.size()` bytes.
                unsafe { std::ptr::write_bytes(p.as_ptr(), 0, l.size()) };
            }
            return Some((p, l));
        }
    }
    // Huge-page advice must come before the first touch of the pages: for a large buffer
    // allocate untouched memory, advise, then zero it ourselves (std's `alloc_zeroed`
    // zeroes over-aligned blocks with a memset right away, faulting in small pages).
    let huge = huge::wanted(layout.size());
    // SAFETY: the layout has a nonzero size.
    let p = unsafe {
        if zeroed && !huge {
            alloc::alloc_zeroed(layout)
        } else {
            alloc::alloc(layout)
        }
    };
    let p = NonNull::new(p)?;
    if huge {
        huge::advise(p, layout.size());
        if zeroed {
            // SAFETY: `p` is a fresh allocation of `layout.size()` bytes.
            unsafe { std::ptr::write_bytes(p.as_ptr(), 0, layout.size()) };
        }
    }
    Some((p, layout))
}

/// Transparent huge pages for large fresh buffers, as NumPy asks for them
/// (`madvise(MADV_HUGEPAGE)` on buffers of 4 MiB and more).
///
/// Streaming through a large array with 4 KiB pages costs a TLB miss every 512 doubles;
/// on this machine (a VM, where a miss walks two page tables) a 1e7-element f64 sum took
/// 12.3 ms with 4 KiB pages and 2.8 ms with huge pages, and NumPy's own sum 7.1–7.9 ms
/// with its huge-page advice turned off against 4.9–5.2 ms with it. The advice is only a
/// hint: where the kernel's THP mode is `never` it does nothing. `ND_HUGEPAGES=0` turns
/// it off.
mod huge {
    use std::ptr::NonNull;
    use std::sync::atomic::{AtomicU8, Ordering};

    /// Buffers at least this large are advised (NumPy's threshold).
    pub(super) const HUGE_MIN_BYTES: usize = 4 << 20;

    #[cfg(target_os = "linux")]
    unsafe extern "C" {
        /// glibc's `madvise(2)`; std links the C library on Linux.
        fn madvise(addr: *mut std::ffi::c_void, len: usize, advice: i32) -> i32;
    }
    #[cfg(target_os = "linux")]
    const MADV_HUGEPAGE: i32 = 14;

    /// 0: not read yet, 1: on, 2: off.
    static STATE: AtomicU8 = AtomicU8::new(0);

    fn enabled() -> bool {
        match STATE.load(Ordering::Relaxed) {
            1 => true,
            2 => false,
            _ => {
                let off = std::env::var("ND_HUGEPAGES")
                    .is_ok_and(|v| v.trim() == "0" || v.trim().eq_ignore_ascii_case("off"));
                STATE.store(if off { 2 } else { 1 }, Ordering::Relaxed);
                !off
            }
        }
    }

    /// Whether a fresh buffer of `size` bytes gets the advice.
    pub(super) fn wanted(size: usize) -> bool {
        cfg!(target_os = "linux") && size >= HUGE_MIN_BYTES && enabled()
    }

    /// Advises huge pages for the whole pages inside `[p, p + size)`.
    pub(super) fn advise(p: NonNull<u8>, size: usize) {
        #[cfg(target_os = "linux")]
        {
            let addr = p.as_ptr() as usize;
            let start = addr.next_multiple_of(super::PAGE);
            let end = (addr + size) & !(super::PAGE - 1);
            if end > start {
                // SAFETY: the range lies inside an allocation this process owns; the advice
                // changes how the kernel backs it, never its contents; failure is ignored
                // (the buffer works the same without huge pages).
                unsafe { madvise(start as *mut std::ffi::c_void, end - start, MADV_HUGEPAGE) };
            }
        }
        #[cfg(not(target_os = "linux"))]
        let _ = p;
    }
}

/// Frees a buffer from [`allocate`] (or a `Vec`'s, given its layout), keeping large ones
/// in the pool while it has room.
///
/// # Safety
/// `ptr` must have been allocated by the global allocator with `layout`, and must not be
/// used after this call.
pub(crate) unsafe fn release(ptr: NonNull<u8>, layout: Layout) {
    if layout.size() == 0 {
        return;
    }
    if layout.size() >= POOL_MIN_BYTES && layout.align() == LARGE_ALIGN {
        let cap = capacity();
        let mut pool = POOL.lock().unwrap_or_else(|e| e.into_inner());
        if pool.bufs.len() < MAX_ENTRIES && pool.bytes + layout.size() <= cap {
            pool.bytes += layout.size();
            pool.bufs.push((ptr, layout));
            return;
        }
    }
    // SAFETY: the caller guarantees `ptr` was allocated with `layout`.
    unsafe { alloc::dealloc(ptr.as_ptr(), layout) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_buffers_come_back_from_the_pool() {
        let size = 3 * POOL_MIN_BYTES + 5;
        let (p, l) = allocate(size, 8, true).unwrap();
        assert!(l.size() >= size && l.align() == LARGE_ALIGN);
        // SAFETY: p is a fresh allocation of l.size() bytes.
        unsafe {
            std::ptr::write_bytes(p.as_ptr(), 7, l.size());
            release(p, l);
        }
        let (q, l2) = allocate(size, 8, true).unwrap();
        assert_eq!(l, l2);
        // SAFETY: q is an allocation of l2.size() bytes, zeroed on request.
        let s = unsafe { std::slice::from_raw_parts(q.as_ptr(), l2.size()) };
        assert!(s.iter().all(|&b| b == 0));
        // SAFETY: q was allocated with l2.
        unsafe { release(q, l2) };
    }

    #[test]
    fn zero_size_is_dangling_and_aligned() {
        let (p, l) = allocate(0, 8, false).unwrap();
        assert_eq!(l.size(), 0);
        assert_eq!(p.as_ptr() as usize % 8, 0);
        assert!(allocate(usize::MAX - 10, 8, false).is_none());
    }
}
