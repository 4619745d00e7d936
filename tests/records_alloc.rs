//! Field views of records allocate nothing: `x.time()`, `x.pos().x()`, `x.pos_mut()` are the
//! records' memory with a byte offset and the records' strides, counted by a global
//! allocator that records every allocation this thread makes while a test looks.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::hint::black_box;

use ndcore::prelude::*;

struct Counting;

thread_local! {
    /// Counting is per thread: the harness's own threads allocate while a test runs.
    static ON: Cell<bool> = const { Cell::new(false) };
    static COUNT: Cell<usize> = const { Cell::new(0) };
}

fn note() {
    // `try_with`: the thread-locals may be gone while a thread shuts down.
    let _ = ON.try_with(|on| {
        if on.get() {
            let _ = COUNT.try_with(|c| c.set(c.get() + 1));
        }
    });
}

// SAFETY: forwards to the system allocator; counting touches only const-initialized
// thread-locals, which allocate nothing.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note();
        // SAFETY: the caller's layout is forwarded unchanged.
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note();
        // SAFETY: forwarded unchanged.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note();
        // SAFETY: forwarded unchanged.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// How many allocations `f` makes on this thread.
fn allocations<R>(f: impl FnOnce() -> R) -> (R, usize) {
    COUNT.with(|c| c.set(0));
    ON.with(|on| on.set(true));
    let r = f();
    ON.with(|on| on.set(false));
    (r, COUNT.with(Cell::get))
}

// The paper's dt = np.dtype([('time', np.uint64), ('pos', [('x', float), ('y', float)])])
#[derive(Record, Clone, Copy, Debug, PartialEq)]
#[repr(C)]
struct Pos {
    x: f64,
    y: f64,
}

#[derive(Record, Clone, Copy, Debug, PartialEq)]
#[repr(C)]
struct Rec {
    time: u64,
    pos: Pos,
}

fn records(n: usize) -> Array1<Rec> {
    Array1::from_vec(
        (0..n)
            .map(|i| Rec {
                time: i as u64 % 4,
                pos: Pos {
                    x: i as f64 * 0.5,
                    y: -(i as f64),
                },
            })
            .collect(),
    )
}

#[test]
fn the_counter_counts() {
    let (_, n) = allocations(|| black_box(vec![1u8; 16]));
    assert_eq!(n, 1);
}

#[test]
fn field_views_allocate_nothing() {
    let mut x = records(1000);
    let (sum, n) = allocations(|| {
        let time = black_box(x.time());
        let px = black_box(x.pos().x());
        black_box(time[[3]]) + black_box(px.iter().sum::<f64>()) as u64
    });
    assert_eq!(n, 0, "x.time(), x.pos().x(): {n} allocations");
    assert_eq!(sum, 3 + 249_750);

    let ((), n) = allocations(|| {
        let mut pos = black_box(x.pos_mut());
        pos[[0]].y = 7.0;
        let mut px = x.pos_mut().x_mut();
        px[[1]] = -1.0;
        black_box(x.time_mut())[[2]] = 9;
    });
    assert_eq!(
        n, 0,
        "x.pos_mut(), x.pos_mut().x_mut(), x.time_mut(): {n} allocations"
    );
    assert_eq!(x[[0]].pos.y, 7.0);
    assert_eq!(x[[1]].pos.x, -1.0);
    assert_eq!(x[[2]].time, 9);
}

#[test]
fn fields_of_views_and_of_two_axes_allocate_nothing() {
    let x = records(24).into_shape((4, 6)).unwrap();
    let v = x.slice(s![1.., ..;2]);
    let (px, n) = allocations(|| {
        let t = v.time();
        let px = v.pos().x();
        black_box(t);
        black_box(px)
    });
    assert_eq!(n, 0, "fields of a 2-d stepped view: {n} allocations");
    assert_eq!(px.shape(), &[3, 3]);
    assert_eq!(px.strides(), &[6 * 24, 2 * 24]);
    assert_eq!(px[[0, 1]], 4.0);
}

#[test]
fn fields_of_dynamic_rank_allocate_nothing() {
    let x = records(24).into_shape((2, 3, 4)).unwrap().into_dyn();
    let (px, n) = allocations(|| black_box(x.pos().x()));
    assert_eq!(n, 0, "fields of an ArrayD: {n} allocations");
    assert_eq!(px.shape(), &[2, 3, 4]);
}
