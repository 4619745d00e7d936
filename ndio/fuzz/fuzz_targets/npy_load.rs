//! `ndio::read_npy` on arbitrary bytes: an `Ok` or an `Err`, never a panic, a hang or an
//! allocation the input does not pay for. What loads is also printed (which walks every
//! element) and written back, and the written file must read back the same.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(a) = ndio::read_npy(data) else {
        return;
    };
    let repr = format!("{a:?}");
    let _ = format!("{a}");
    let mut out = Vec::new();
    ndio::write_npy(&mut out, &a, None).expect("writing to memory cannot fail");
    let b = ndio::read_npy(&out).expect("what ndio writes, ndio reads");
    assert_eq!(a.dtype(), b.dtype());
    assert_eq!(a.shape(), b.shape());
    assert_eq!(a.as_bytes(), b.as_bytes());
    assert_eq!(repr, format!("{b:?}"));
});
