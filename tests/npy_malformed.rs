//! Malformed and hostile `.npy` files (`tests/goldens/npy_malformed/`, from
//! `scripts/goldens/npy_malformed.py`, with NumPy's own verdict in `EXPECTED.txt`), and the
//! inputs cargo-fuzz found (`tests/npy_fuzz_regressions/`): ndio refuses each file NumPy
//! refuses, with an error that says what is wrong, never panics, and never allocates from
//! the header's promises before the file is known to hold the data.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use nd_tests::goldens::{golden_path, read_golden};
use ndcore::prelude::*;

/// The system allocator, remembering the largest single request of each thread, so a test
/// can tell that nothing was sized from a header's shape before the data was there.
struct Largest;

thread_local! {
    static LARGEST: Cell<usize> = const { Cell::new(0) };
}

fn note(size: usize) {
    // `try_with`: the thread-local may be gone while a thread shuts down.
    let _ = LARGEST.try_with(|l| l.set(l.get().max(size)));
}

// SAFETY: every call is forwarded unchanged to the system allocator; `note` only writes a
// const-initialized thread-local Cell (no allocation, no reentry).
unsafe impl GlobalAlloc for Largest {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note(layout.size());
        // SAFETY: the caller's contract for `alloc`, passed on.
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note(layout.size());
        // SAFETY: as `alloc`.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract for `dealloc`, passed on.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note(new_size);
        // SAFETY: the caller's contract for `realloc`, passed on.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOC: Largest = Largest;

/// The largest allocation `f` makes on this thread, and its result.
fn largest_allocation<R>(f: impl FnOnce() -> R) -> (usize, R) {
    LARGEST.with(|l| l.set(0));
    let r = f();
    (LARGEST.with(Cell::get), r)
}

/// Files NumPy loads: ndio loads them too, with NumPy's values.
const ACCEPTED: &[&str] = &["no_padding", "trailing_data", "v1_high_byte_in_name"];

/// File → a substring ndio's error must contain: what is wrong, in NumPy's words where ndio
/// uses them (NumPy's own message is in EXPECTED.txt).
const EXPECTED_ERRORS: &[(&str, &str)] = &[
    (
        "bad_magic",
        "the magic string is not correct; expected b'\\x93NUMPY', got b'\\x93NUMPZ'",
    ),
    (
        "data_missing",
        "Failed to read all data for array. Expected (2, 3) = 6 elements, could only read 0 elements",
    ),
    (
        "data_truncated_1",
        "Failed to read all data for array. Expected (2, 3) = 6 elements, could only read 5 elements",
    ),
    (
        "descr_f9",
        "descr is not a valid dtype descriptor: '<f9' (type '<f9': no 9-byte float)",
    ),
    (
        "descr_int",
        "descr is not a valid dtype descriptor: 5 (expected a type string, a list of fields or a (type, shape) tuple, found an integer)",
    ),
    (
        "descr_object",
        "Object arrays cannot be loaded when allow_pickle=False",
    ),
    (
        "descr_object_field",
        "Object arrays cannot be loaded when allow_pickle=False",
    ),
    (
        "descr_xyz",
        "descr is not a valid dtype descriptor: 'xyz' (type 'xyz': unknown type code",
    ),
    ("empty", "EOF: reading magic string, expected 8 bytes got 0"),
    (
        "five_bytes",
        "EOF: reading magic string, expected 8 bytes got 5",
    ),
    ("fortran_order_int", "fortran_order is not a valid bool: 1"),
    (
        "fortran_order_str",
        "fortran_order is not a valid bool: 'yes'",
    ),
    (
        "header_call",
        "descr is not a valid dtype descriptor: __import__('os').system('true') (unexpected '_'",
    ),
    (
        "header_deep_nesting",
        "descr is not a valid dtype descriptor: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[... (nested more",
    ),
    (
        "header_extra_key",
        "Header does not contain the correct keys: ['descr', 'extra', 'fortran_order', 'shape']",
    ),
    (
        "header_len_past_eof",
        "EOF: reading array header, expected 4096 bytes got 118",
    ),
    (
        "header_len_zero",
        "Header is not a dictionary: the header is empty",
    ),
    (
        "header_missing_shape",
        "Header does not contain the correct keys: ['descr', 'fortran_order']",
    ),
    ("header_not_dict", "Header is not a dictionary: [1, 2]"),
    (
        "header_too_long",
        "Header info length (10166) is large and may not be safe to load securely",
    ),
    (
        "header_trailing_junk",
        "Cannot parse header: text after the dict at character 60: \"xyz",
    ),
    (
        "header_unterminated_string",
        "descr is not a valid dtype descriptor: '<f8 (string starting at byte 0 is not terminated)",
    ),
    (
        "magic_only",
        "EOF: reading array header length, expected 2 bytes got 0",
    ),
    ("shape_bool_entry", "shape is not valid: (True, 2)"),
    (
        "shape_entry_over_int64",
        "shape is not valid: the length 18446744073709551616 does not fit in a 64-bit integer",
    ),
    ("shape_float", "shape is not valid: (2.0, 3)"),
    (
        "shape_huge_data_small",
        "Expected (576460752303423488,) = 576460752303423488 elements, could only read 6 elements",
    ),
    (
        "shape_large_data_small",
        "Expected (1000000,) = 1000000 elements, could only read 6 elements",
    ),
    ("shape_list", "shape is not valid: [2, 3]"),
    (
        "shape_nbytes_overflow",
        "shape (2305843009213693952,) of float64 elements is too big: its byte size overflows",
    ),
    ("shape_negative", "shape is not valid: (-2, 3)"),
    ("shape_negative_pair", "shape is not valid: (-2, -3)"),
    ("shape_not_tuple_int", "shape is not valid: 6"),
    (
        "shape_product_overflow",
        "shape (1099511627776, 1099511627776) of float64 elements is too big",
    ),
    (
        "struct_duplicate_names",
        "descr is not a valid dtype descriptor: [('a', '<i4'), ('a', '<f8')] (field 'a' occurs more than once)",
    ),
    (
        "struct_field_bad_type",
        "descr is not a valid dtype descriptor: [('a', '<q9')] (field 'a': type '<q9': unknown type code 'q')",
    ),
    (
        "struct_field_not_tuple",
        "descr is not a valid dtype descriptor: ['a'] (a field must be a tuple",
    ),
    (
        "struct_huge_subarray",
        "descr is not a valid dtype descriptor: [('a', '<f8', (1099511627776, 1099511627776))] (field 'a': dimension 1099511627776 does not fit",
    ),
    (
        "struct_negative_subarray",
        "descr is not a valid dtype descriptor: [('a', '<f8', (-1,))] (field 'a': negative dimension -1",
    ),
    (
        "truncated_header_len",
        "EOF: reading array header length, expected 2 bytes got 1",
    ),
    (
        "v1_high_byte_outside_string",
        "Cannot parse header: text after the dict at character 59: \"ÿ",
    ),
    (
        "v2_header_len_ffffffff",
        "EOF: reading array header, expected 4294967295 bytes got 164",
    ),
    ("v3_invalid_utf8", "the header is not valid UTF-8"),
    (
        "version_0_0",
        "we only support format version (1,0), (2,0), and (3,0), not (0, 0)",
    ),
    (
        "version_1_1",
        "we only support format version (1,0), (2,0), and (3,0), not (1, 1)",
    ),
    (
        "version_4_0",
        "we only support format version (1,0), (2,0), and (3,0), not (4, 0)",
    ),
];

fn malformed_dir() -> PathBuf {
    golden_path("npy_malformed")
}

fn regressions_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("npy_fuzz_regressions")
}

/// The `.npy` files of a folder, sorted by name.
fn npy_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "npy"))
        .collect();
    files.sort();
    files
}

fn stem(p: &Path) -> String {
    p.file_stem().unwrap().to_string_lossy().into_owned()
}

/// Runs `f`, turning a panic into an `Err` naming what panicked.
fn no_panic<R>(what: &str, f: impl FnOnce() -> R) -> Result<R, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
        .map_err(|_| format!("{what} panicked"))
}

/// What every reader of ndio says about a file: `load_any`, `read_header`, `read_npy` of
/// its bytes and a typed `load`, each as `Ok(())` or its error text.
type Verdicts = [(&'static str, Result<(), String>); 4];

fn verdicts(path: &Path) -> Result<Verdicts, String> {
    let bytes = std::fs::read(path).unwrap();
    let text = |r: Result<(), ndio::Error>| r.map_err(|e| e.to_string());
    Ok([
        (
            "load_any",
            text(no_panic("load_any", || ndio::load_any(path).map(drop))?),
        ),
        (
            "read_header",
            text(no_panic("read_header", || {
                ndio::read_header(path).map(drop)
            })?),
        ),
        (
            "read_npy",
            text(no_panic("read_npy", || ndio::read_npy(&bytes).map(drop))?),
        ),
        (
            "load::<f64, IxDyn>",
            text(no_panic("load", || {
                ndio::load::<f64, IxDyn>(path).map(drop)
            })?),
        ),
    ])
}

#[test]
fn the_table_covers_every_file_and_numpy_agrees() {
    let files: Vec<String> = npy_files(&malformed_dir())
        .iter()
        .map(|p| stem(p))
        .collect();
    let mut table: Vec<&str> = EXPECTED_ERRORS.iter().map(|(f, _)| *f).collect();
    table.extend(ACCEPTED);
    table.sort();
    assert_eq!(
        files, table,
        "every file of npy_malformed needs a row in EXPECTED_ERRORS or ACCEPTED"
    );
    // NumPy's verdicts: OK exactly for the accepted files.
    for line in read_golden("npy_malformed/EXPECTED.txt").lines() {
        let (file, verdict) = line.split_once('\t').expect("file<TAB>verdict");
        let name = file.strip_suffix(".npy").expect(".npy");
        assert_eq!(
            verdict == "OK",
            ACCEPTED.contains(&name),
            "{file}: NumPy says {verdict}"
        );
    }
}

#[test]
fn every_malformed_file_is_an_error_that_says_what_is_wrong() {
    let dir = malformed_dir();
    let mut failures = Vec::new();
    for (name, want) in EXPECTED_ERRORS {
        let path = dir.join(format!("{name}.npy"));
        let results = match verdicts(&path) {
            Ok(r) => r,
            Err(panic) => {
                failures.push(format!("  {name}: {panic}"));
                continue;
            }
        };
        for (reader, r) in results {
            match r {
                Ok(()) => failures.push(format!("  {name}: {reader} accepted it")),
                Err(e) if !e.contains(want) => failures.push(format!(
                    "  {name}: {reader} says\n      {e:?}\n    which lacks\n      {want:?}"
                )),
                Err(_) => {}
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn errors_from_files_name_the_file() {
    let path = malformed_dir().join("shape_list.npy");
    let e = ndio::load_any(&path).unwrap_err().to_string();
    assert!(e.starts_with(&path.display().to_string()), "{e}");
    // From memory there is no file to name: the message starts with what is wrong.
    let e = ndio::read_npy(&std::fs::read(&path).unwrap())
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("shape is not valid"), "{e}");
}

#[test]
fn files_numpy_accepts_load_with_numpy_values() {
    let dir = malformed_dir();
    let want = array![[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]];
    for name in ["no_padding", "trailing_data"] {
        let path = dir.join(format!("{name}.npy"));
        assert_eq!(ndio::load::<f64, Ix2>(&path).unwrap(), want, "{name}");
        let any = ndio::load_any(&path).unwrap();
        assert_eq!(format!("{any:?}"), format!("{want:?}"), "{name}");
        let h = ndio::read_header(&path).unwrap();
        assert_eq!((h.shape.as_slice(), h.fortran_order), (&[2, 3][..], false));
        let bytes = std::fs::read(&path).unwrap();
        let from_memory = ndio::read_npy(&bytes).unwrap();
        assert_eq!(format!("{from_memory:?}"), format!("{want:?}"), "{name}");
    }
    // The unpadded header ends where NumPy's reader stops: 10 + 59 bytes.
    let h = ndio::read_header(dir.join("no_padding.npy")).unwrap();
    assert_eq!(h.data_offset, 69);

    // A latin-1 header: byte 0xFF is the field name 'ÿ'.
    let path = dir.join("v1_high_byte_in_name.npy");
    let any = ndio::load_any(&path).unwrap();
    assert_eq!(
        format!("{any:?}"),
        "array([(0.,), (1.,), (2.,), (3.,), (4.,), (5.,)], dtype=[('ÿ', '<f8')])"
    );
    assert_eq!(any.dtype().descr(), "[('ÿ', '<f8')]");
    assert_eq!(any.dtype().field("ÿ").map(|f| f.offset), Some(0));
    let bytes = any.as_bytes().unwrap();
    let values: Vec<f64> = bytes
        .chunks_exact(8)
        .map(|c| f64::from_le_bytes(c.try_into().unwrap()))
        .collect();
    assert_eq!(values, vec![0.0, 1.0, 2.0, 3.0, 4.0, 5.0]);
}

#[test]
fn nothing_is_allocated_from_the_header_before_the_data_is_there() {
    // NumPy allocates 4 EiB for shape_huge_data_small before reading (a MemoryError);
    // ndio compares the promise with the file's size first. No reader allocates more than
    // the file's size and its buffers.
    let dir = malformed_dir();
    for path in npy_files(&dir) {
        let name = stem(&path);
        let size = std::fs::metadata(&path).unwrap().len() as usize;
        let bytes = std::fs::read(&path).unwrap();
        let start = Instant::now();
        let (most, _) = largest_allocation(|| ndio::load_any(&path).map(drop));
        let (most_h, _) = largest_allocation(|| ndio::read_header(&path).map(drop));
        let (most_m, _) = largest_allocation(|| ndio::read_npy(&bytes).map(drop));
        let elapsed = start.elapsed();
        let limit = size.max(1 << 20);
        for (reader, n) in [
            ("load_any", most),
            ("read_header", most_h),
            ("read_npy", most_m),
        ] {
            assert!(
                n <= limit,
                "{name}: {reader} allocated {n} bytes at once for a {size}-byte file"
            );
        }
        assert!(elapsed < Duration::from_secs(2), "{name}: took {elapsed:?}");
    }
}

#[test]
fn a_smaller_header_cap_is_obeyed() {
    // The cap (NumPy's max_header_size) is checked before the header's bytes are read.
    let path = golden_path("npy/struct_200_fields_2.npy");
    assert!(ndio::load_any(&path).is_ok());
    let opts = ndio::LoadOptions {
        max_header_size: 100,
    };
    let e = ndio::load_any_with(&path, &opts).unwrap_err().to_string();
    assert!(
        e.contains("is large and may not be safe to load securely"),
        "{e}"
    );
}

#[test]
fn fuzz_regressions_never_panic() {
    // Inputs cargo-fuzz once crashed ndio with (ndio/fuzz/README.md): any verdict but a
    // panic will do; each must still read the same way from a file and from memory.
    let dir = regressions_dir();
    let files = npy_files(&dir);
    let mut failures = Vec::new();
    for path in &files {
        let name = stem(path);
        match verdicts(path) {
            Err(panic) => failures.push(format!("  {name}: {panic}")),
            Ok([(_, from_file), _, (_, from_memory), _]) => {
                if from_file.is_ok() != from_memory.is_ok() {
                    failures.push(format!(
                        "  {name}: load_any {from_file:?} but read_npy {from_memory:?}"
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    eprintln!("{} fuzz regressions read without a panic", files.len());
}

/// A version 1.0 file with this header dict text and data.
fn npy_bytes(descr: &str, shape: &str, data: &[u8]) -> Vec<u8> {
    let text = format!("{{'descr': {descr}, 'fortran_order': False, 'shape': {shape}, }}");
    let mut out = b"\x93NUMPY\x01\x00".to_vec();
    out.extend_from_slice(&(text.len() as u16).to_le_bytes());
    out.extend_from_slice(text.as_bytes());
    out.extend_from_slice(data);
    out
}

#[test]
fn zero_size_dtypes_take_no_memory() {
    // A dtype of 0 bytes holds any number of elements in no data, and NumPy loads such
    // files. ndcore once counted each element as one byte, so a 130-byte file asked for
    // a 2**60-byte buffer (and failed with "Unable to allocate 0 bytes").
    for (descr, shape, repr) in [
        (
            "'|V0'",
            "(1152921504606846976,)",
            "array([b'', b'', b'', ..., b'', b'', b''],\n      shape=(1152921504606846976,), dtype='|V0')",
        ),
        (
            "'|S0'",
            "(1000000000000,)",
            "array([b'', b'', b'', ..., b'', b'', b''],\n      shape=(1000000000000,), dtype='|S0')",
        ),
        (
            "[]",
            "(1152921504606846976,)",
            "array([(), (), (), ..., (), (), ()],\n      shape=(1152921504606846976,), dtype=[])",
        ),
    ] {
        let bytes = npy_bytes(descr, shape, b"");
        let (most, a) = largest_allocation(|| ndio::read_npy(&bytes));
        let a = a.unwrap_or_else(|e| panic!("{descr} {shape}: {e}"));
        assert!(most < 1 << 20, "{descr} {shape}: allocated {most} bytes");
        assert_eq!(a.nbytes(), 0);
        assert_eq!(format!("{a:?}"), repr, "{descr} {shape}");
        // And written back: the same header, no data.
        let mut out = Vec::new();
        ndio::write_npy(&mut out, &a, None).unwrap();
        let b = ndio::read_npy(&out).unwrap();
        assert_eq!((b.dtype(), b.shape()), (a.dtype(), a.shape()));
    }
}
