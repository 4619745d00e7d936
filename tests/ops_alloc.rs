//! How many buffers element-wise expressions allocate, counted by a global allocator that
//! records every allocation (the large-buffer pool is turned off, so that each buffer
//! reaches the allocator).
//!
//! The paper's point about temporaries: NumPy's `x**2 - 3*x + 4` makes four arrays (two
//! with its run-time elision); here the owned temporaries are reused by construction.

use ndcore::prelude::*;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::Mutex;

struct Counting;

thread_local! {
    /// Recording is per thread: the test harness's own threads allocate while a test runs
    /// (reporting results), and those allocations are not the expression's.
    static ON: Cell<bool> = const { Cell::new(false) };
}
static SIZES: Mutex<Vec<usize>> = Mutex::new(Vec::new());
/// Tests in one binary share the allocator: run them one at a time.
static SERIAL: Mutex<()> = Mutex::new(());

// SAFETY: forwards to the system allocator; recording happens outside the allocation and
// allocates nothing while recording is on (the vector's capacity is reserved first).
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if ON.with(Cell::get)
            && layout.size() >= 4096
            && let Ok(mut v) = SIZES.try_lock()
            && v.len() < v.capacity()
        {
            v.push(layout.size());
        }
        // SAFETY: the caller's layout is forwarded unchanged.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The sizes (≥ 4 KiB) of the allocations `f` makes.
fn large_allocations<R>(f: impl FnOnce() -> R) -> (R, Vec<usize>) {
    ndcore::alloc::set_pool_capacity(0);
    SIZES.lock().unwrap().reserve(1024);
    ON.with(|on| on.set(true));
    let r = f();
    ON.with(|on| on.set(false));
    let v = std::mem::take(&mut *SIZES.lock().unwrap());
    (r, v)
}

#[test]
fn fx_allocates_two_buffers_not_four() {
    let _g = SERIAL.lock().unwrap();
    let x = arange(100_000.0f64);
    let (y, sizes) = large_allocations(|| &x * &x - 3.0 * &x + 4.0);
    assert_eq!(sizes.len(), 2, "allocations: {sizes:?}");
    assert!(sizes.iter().all(|&s| s >= 800_000));
    assert_eq!(y[[3]], 9.0 - 9.0 + 4.0);
}

#[test]
fn in_place_forms_allocate_nothing() {
    let _g = SERIAL.lock().unwrap();
    let x = arange(100_000.0f64);
    let mut y = &x * &x;
    let (_, sizes) = large_allocations(|| {
        y -= &(3.0 * &x);
        y += 4.0;
        ndops::sqrt_inplace(&mut y);
        ndops::add_into(&x, 1.0, &mut y).unwrap();
    });
    // Only `3.0 * &x`.
    assert_eq!(sizes.len(), 1, "allocations: {sizes:?}");
}

#[test]
fn the_grid_allocates_one_full_size_buffer() {
    let _g = SERIAL.lock().unwrap();
    let v = arange_with(-100.0f64, 100.0, 1.0).unwrap();
    let i = v.clone().into_shape([200, 1, 1]).unwrap();
    let j = v.clone().into_shape([1, 200, 1]).unwrap();
    let k = v.into_shape([1, 1, 200]).unwrap();
    let full = 200 * 200 * 200 * 8;
    let (r, sizes) = large_allocations(|| ndops::sqrt(&i * &i + &j * &j + &k * &k));
    let big: Vec<_> = sizes.iter().filter(|&&s| s >= full).collect();
    assert_eq!(big.len(), 1, "allocations: {sizes:?}");
    // Everything else is the (200, 200, 1) partial sum.
    assert!(
        sizes
            .iter()
            .all(|&s| s >= full || s <= 200 * 200 * 8 + 4096),
        "{sizes:?}"
    );
    assert_eq!(r[[0, 0, 0]], (3.0f64 * 100.0 * 100.0).sqrt());
    assert_eq!(r[[100, 100, 100]], 0.0);
}
