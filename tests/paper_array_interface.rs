//! The paper's "array interface for foreign blocks of memory", In [57]–[62]: a
//! `MutableString` allocates its bytes outside ndcore and exposes them through the array
//! interface; `np.asarray` views them as `uint8` without a copy; `am += 2` changes the
//! string itself, which then reads `cdefg`. Then the same block through every way in:
//! the interface's dict text, a lent buffer, a raw address with an owner.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use ndcore::prelude::*;
use ndio::interface::{ArrayInterface, ArrayInterfaceSource, asarray, asarray_mut};

/// The paper's class: a block of memory ndcore knows nothing about (Python's
/// `ctypes.create_string_buffer`), described by `__array_interface__`.
struct MutableString {
    s: Box<[u8]>,
}

impl MutableString {
    fn new(s: &str) -> MutableString {
        MutableString {
            s: s.as_bytes().into(),
        }
    }
}

// SAFETY: the interface describes `s`'s bytes, which self owns and which `&mut self`
// borrows exclusively; '|u1' is one byte per element; not read-only.
unsafe impl ArrayInterfaceSource for MutableString {
    fn array_interface(&self) -> ArrayInterface {
        ArrayInterface::new(
            self.s.as_ptr() as usize, // 'data': (ctypes.addressof(self._s), False)
            false,
            vec![self.s.len()], // 'shape': (len(s),)
            "|u1",              // 'typestr': '|u1'
        )
        .expect("'|u1' is a type string")
    }
}

impl std::fmt::Display for MutableString {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&String::from_utf8_lossy(&self.s))
    }
}

#[test]
fn in_57_to_62_mutable_string() -> Result<(), Box<dyn std::error::Error>> {
    // In [57]: m = MutableString('abcde')
    let mut m = MutableString::new("abcde");
    let address = m.s.as_ptr();
    {
        // In [58]: am = np.asarray(m)
        let mut am = asarray_mut::<u8, Ix1>(&mut m)?;
        assert_eq!(am.as_ptr(), address, "a view of the string's own bytes");
        // In [59]: am
        assert_eq!(
            format!("{am:?}"),
            "array([ 97,  98,  99, 100, 101], dtype=uint8)"
        );
        // In [60]: am += 2
        am += 2;
        // In [61]: am
        assert_eq!(
            format!("{am:?}"),
            "array([ 99, 100, 101, 102, 103], dtype=uint8)"
        );
    }
    // In [62]: print m
    assert_eq!(m.to_string(), "cdefg");
    // Read-only, as many times as wanted while m is borrowed shared.
    let (a, b) = (asarray::<u8, Ix1>(&m)?, asarray::<u8, Ix1>(&m)?);
    assert_eq!(a, b);
    assert_eq!(
        ArrayInterface::of(&a).to_string(),
        format!(
            "{{'data': ({}, True), 'strides': None, 'descr': [('', '|u1')], 'typestr': '|u1', \
             'shape': (5,), 'version': 3}}",
            address as usize
        )
    );
    Ok(())
}

#[test]
fn the_wrong_type_or_a_read_only_block_is_an_error() {
    let mut m = MutableString::new("abcdefgh");
    let e = asarray::<u16, Ix1>(&m).unwrap_err().to_string();
    assert_eq!(
        e,
        "__array_interface__: typestr '|u1' (uint8) does not match the element type u16 ('<u2')"
    );
    assert!(
        asarray_mut::<u8, Ix2>(&mut m)
            .unwrap_err()
            .to_string()
            .contains("not 2")
    );

    struct Constant([u8; 4]);
    // SAFETY: the interface describes self's bytes, read-only.
    unsafe impl ArrayInterfaceSource for Constant {
        fn array_interface(&self) -> ArrayInterface {
            ArrayInterface::new(self.0.as_ptr() as usize, true, vec![4], "|u1").unwrap()
        }
    }
    let mut k = Constant(*b"wxyz");
    assert_eq!(asarray::<u8, Ix1>(&k).unwrap().to_vec(), b"wxyz");
    assert!(
        asarray_mut::<u8, Ix1>(&mut k)
            .unwrap_err()
            .to_string()
            .contains("read-only")
    );
}

/// The same block through the interface's text, a lent buffer and an owner: the values
/// agree, the address is the block's, and the owner goes once the last array does.
#[test]
fn the_dict_text_a_lent_buffer_and_an_owner() -> Result<(), Box<dyn std::error::Error>> {
    let m = MutableString::new("abcde");
    let text = m.array_interface().to_string();
    let parsed = ArrayInterface::parse(&text)?;
    assert_eq!(parsed, m.array_interface());
    let lent = parsed.view::<u8, Ix1>(&m.s)?;
    assert_eq!(lent.to_vec(), b"abcde");

    /// Holds the bytes; counts its drop.
    struct Owner {
        _bytes: Box<[u8]>,
        drops: Arc<AtomicUsize>,
    }
    impl Drop for Owner {
        fn drop(&mut self) {
            self.drops.fetch_add(1, Ordering::SeqCst);
        }
    }
    let drops = Arc::new(AtomicUsize::new(0));
    let bytes: Box<[u8]> = b"abcde".as_slice().into();
    let mut i = ArrayInterface::new(bytes.as_ptr() as usize + 4, false, vec![5], "|u1")?;
    i.strides = Some(vec![-1]);
    // SAFETY: the owner holds the boxed bytes the interface describes, which do not move
    // with it, and nobody else touches them.
    let mut owned = unsafe {
        i.into_array_mut::<u8, Ix1>(Owner {
            _bytes: bytes,
            drops: Arc::clone(&drops),
        })
    }?;
    owned += 2;
    assert_eq!(format!("{owned}"), "[103 102 101 100  99]");
    drop(owned);
    assert_eq!(drops.load(Ordering::SeqCst), 1);
    Ok(())
}
