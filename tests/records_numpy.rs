//! Records and NumPy, both ways: NumPy writes structured `.npy` files
//! (`scripts/goldens/records.py`: the paper's nested records, sub-array fields in NumPy's
//! packed and aligned layouts, big-endian, packed and aligned pairs); Rust loads each into a
//! `#[derive(Record)]` type, checks the values through the field accessors and NumPy's
//! repr, saves it unchanged (NumPy's bytes exactly) and changed (through `*_mut` views, or
//! whole records for packed types); NumPy then loads the changed file and compares its
//! dtype and every field with the expected values. Also: a memory map of the paper's
//! records written through `time_mut()`, and `AnyArray` downcast to a record type.
//!
//! The NumPy side needs the pinned NumPy: `cargo xtask test` sets `ND_PYTHON`; without it
//! the test says so and checks the Rust side only.

use std::path::{Path, PathBuf};
use std::process::Command;

use nd_tests::goldens::{golden_path, read_golden};
use nd_tests::nd_python;
use ndcore::endian::BigEndian;
use ndcore::prelude::*;
use ndio::mmap::{Flush, mode};

type TestResult = Result<(), Box<dyn std::error::Error>>;

// dt = np.dtype([('time', np.uint64), ('pos', [('x', float), ('y', float)])])
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

// np.dtype([('v', '<f4', (3,)), ('m', '<f8', (2, 2))]): NumPy's default layout puts m at
// offset 12, unaligned for f64: a packed record.
#[derive(Record, Clone, Copy, Debug, PartialEq)]
#[repr(C, packed)]
struct Sub {
    v: [f32; 3],
    m: [[f64; 2]; 2],
}

// The same with align=True: 4 bytes of padding put m at offset 16.
#[derive(Record, Clone, Copy, Debug, PartialEq)]
#[repr(C)]
struct SubAligned {
    v: [f32; 3],
    #[record(pad)]
    _pad: [u8; 4],
    m: [[f64; 2]; 2],
}

// np.dtype([('a', '>i4'), ('b', '>f8')]): itemsize 12, b at offset 4.
#[derive(Record, Clone, Copy, Debug, PartialEq)]
#[repr(C, packed)]
struct Be {
    a: BigEndian<i32>,
    b: BigEndian<f64>,
}

// np.dtype([('a', 'u1'), ('b', '<i8')]): itemsize 9.
#[derive(Record, Clone, Copy, Debug, PartialEq)]
#[repr(C, packed)]
struct Packed {
    a: u8,
    b: i64,
}

// np.dtype([('a', 'u1'), ('b', '<i8')], align=True): itemsize 16.
#[derive(Record, Clone, Copy, Debug, PartialEq)]
#[repr(C)]
struct Aligned {
    a: u8,
    #[record(pad)]
    _pad: [u8; 7],
    b: i64,
}

/// Records in every file (`N` in records.py).
const N: usize = 4;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("nd-records-numpy-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `tests/goldens/records/<name>.npy`, loaded as `T`, printed as NumPy printed it, and
/// saved back unchanged with NumPy's bytes.
fn load_golden<T: Element>(
    name: &str,
    dir: &Path,
) -> Result<Array1<T>, Box<dyn std::error::Error>> {
    let file = golden_path(&format!("records/{name}.npy"));
    let x = ndio::load::<T, Ix1>(&file)?;
    assert_eq!(
        format!("{x:?}\n"),
        read_golden(&format!("records/{name}.repr.txt")),
        "{name}: repr"
    );
    let same = dir.join(format!("{name}-same.npy"));
    ndio::save(&same, &x)?;
    assert_eq!(
        std::fs::read(&same)?,
        std::fs::read(&file)?,
        "{name}: bytes saved back"
    );
    Ok(x)
}

/// NumPy loads `path` and checks its dtype is exactly `dtype` (Python source), its shape
/// `(n,)`, and each field equals the expected values: Python expressions over
/// `i = np.arange(n)` and what `setup` defines.
fn numpy_checks(
    path: &Path,
    dtype: &str,
    n: usize,
    setup: &str,
    fields: &[(&str, &str)],
) -> TestResult {
    let Some(python) = nd_python() else {
        eprintln!(
            "ND_PYTHON is not set (run through `cargo xtask test`): NumPy's check of {} skipped",
            path.display()
        );
        return Ok(());
    };
    let mut script = format!(
        "import numpy as np\n\
         a = np.load({path:?})\n\
         want = np.dtype({dtype})\n\
         assert a.dtype == want, f'dtype {{a.dtype!r}} != {{want!r}}'\n\
         assert a.dtype.itemsize == want.itemsize and a.dtype.fields == want.fields, (a.dtype.fields, want.fields)\n\
         assert a.shape == ({n},), a.shape\n\
         i = np.arange({n})\n\
         {setup}\n",
        path = path.to_string_lossy(),
    );
    for (field, expected) in fields {
        let index: String = field.split('.').map(|f| format!("[{f:?}]")).collect();
        script.push_str(&format!(
            "got, exp = a{index}, np.asarray({expected})\n\
             assert got.shape == exp.shape and (got == exp).all(), ({field:?}, got, exp)\n"
        ));
    }
    let out = Command::new(python).args(["-c", &script]).output()?;
    assert!(
        out.status.success(),
        "NumPy's check of {} failed:\n{}\n{script}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    Ok(())
}

const PAPER_DT: &str = "[('time', np.uint64), ('pos', [('x', float), ('y', float)])]";

#[test]
fn nested_the_papers_records() -> TestResult {
    let dir = temp_dir("nested");
    let mut x = load_golden::<Rec>("nested", &dir)?;
    assert_eq!(x.time().to_vec(), vec![1, 2, 3]);
    assert_eq!(x.pos().x().to_vec(), vec![0.0, 0.0, 5.5]);
    assert_eq!(x.pos().y().to_vec(), vec![0.5, 10.3, 1.1]);
    // x['time'] *= 10; x['pos']['x'] += 1
    let mut time = x.time_mut();
    time *= 10;
    let mut px = x.pos_mut().x_mut();
    px += 1.0;
    let path = dir.join("nested.npy");
    ndio::save(&path, &x)?;
    assert_eq!(ndio::load::<Rec, Ix1>(&path)?, x);
    numpy_checks(
        &path,
        PAPER_DT,
        3,
        "",
        &[
            ("time", "[10, 20, 30]"),
            ("pos.x", "[1.0, 1.0, 6.5]"),
            ("pos.y", "[0.5, 10.3, 1.1]"),
        ],
    )?;
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

/// records.py's sub-array recipe: v = arange(N * 3).reshape(N, 3) * 0.5,
/// m = arange(N * 4).reshape(N, 2, 2) + 0.25.
fn sub_values(k: usize) -> ([f32; 3], [[f64; 2]; 2]) {
    let v = |j: usize| (3 * k + j) as f32 * 0.5;
    let m = |j: usize| (4 * k + j) as f64 + 0.25;
    ([v(0), v(1), v(2)], [[m(0), m(1)], [m(2), m(3)]])
}

const SUB_SETUP: &str = "v = np.arange(N * 3).reshape(N, 3) * 0.5\n\
                         m = np.arange(N * 4).reshape(N, 2, 2) + 0.25";

#[test]
fn subarray_fields_packed() -> TestResult {
    let dir = temp_dir("subarray");
    let mut x = load_golden::<Sub>("subarray", &dir)?;
    assert_eq!(std::mem::size_of::<Sub>(), 44);
    // Packed: the fields are copies (x.m() is an owned array of [[f64; 2]; 2]).
    let (v, m) = (x.v(), x.m());
    for k in 0..N {
        assert_eq!((v[[k]], m[[k]]), sub_values(k), "record {k}");
    }
    // a['m'][:, 0, 1] += 1, record by record: a packed field is read and written by value.
    for r in x.iter_mut() {
        let mut m = r.m;
        m[0][1] += 1.0;
        r.m = m;
    }
    let path = dir.join("subarray.npy");
    ndio::save(&path, &x)?;
    numpy_checks(
        &path,
        "[('v', '<f4', (3,)), ('m', '<f8', (2, 2))]",
        N,
        &format!("N = {N}\n{SUB_SETUP}\nm[:, 0, 1] += 1"),
        &[("v", "v"), ("m", "m")],
    )?;
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

#[test]
fn subarray_fields_aligned() -> TestResult {
    let dir = temp_dir("subarray-aligned");
    let mut x = load_golden::<SubAligned>("subarray_aligned", &dir)?;
    assert_eq!(SubAligned::dtype().field("m").map(|f| f.offset), Some(16));
    // Views of [f32; 3] and [[f64; 2]; 2] elements, the record's stride.
    let (v, m) = (x.v(), x.m());
    assert_eq!(m.strides(), &[48]);
    for k in 0..N {
        assert_eq!((v[[k]], m[[k]]), sub_values(k), "record {k}");
    }
    // a['m'][:, 1, 1] *= -1; a['v'][:, 0] += 100
    for m in x.m_mut().iter_mut() {
        m[1][1] = -m[1][1];
    }
    for v in x.v_mut().iter_mut() {
        v[0] += 100.0;
    }
    let path = dir.join("subarray_aligned.npy");
    ndio::save(&path, &x)?;
    numpy_checks(
        &path,
        "[('v', '<f4', (3,)), ('m', '<f8', (2, 2))], align=True",
        N,
        &format!("N = {N}\n{SUB_SETUP}\nm[:, 1, 1] *= -1\nv[:, 0] += 100"),
        &[("v", "v"), ("m", "m")],
    )?;
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

#[test]
fn big_endian_fields() -> TestResult {
    let dir = temp_dir("bigendian");
    let mut x = load_golden::<Be>("bigendian", &dir)?;
    assert_eq!(std::mem::size_of::<Be>(), 12);
    assert_eq!(Be::dtype().descr(), "[('a', '>i4'), ('b', '>f8')]");
    // The values, not the swapped bytes: a = i * 100000 - 7, b = i / 4 - 0.5.
    assert_eq!(
        x.a().map(|a| a.get()).to_vec(),
        vec![-7, 99_993, 199_993, 299_993]
    );
    assert_eq!(
        x.b().map(|b| b.get()).to_vec(),
        vec![-0.5, -0.25, 0.0, 0.25]
    );
    // a['a'] = -a['a']; a['b'] *= 4
    for r in x.iter_mut() {
        r.a = BigEndian::new(-r.a.get());
        r.b = BigEndian::new(r.b.get() * 4.0);
    }
    let path = dir.join("bigendian.npy");
    ndio::save(&path, &x)?;
    // Still big-endian on disk.
    assert_eq!(
        ndio::load_any(&path)?.dtype().descr(),
        "[('a', '>i4'), ('b', '>f8')]"
    );
    numpy_checks(
        &path,
        "[('a', '>i4'), ('b', '>f8')]",
        N,
        "",
        &[("a", "-(i * 100000 - 7)"), ("b", "(i / 4 - 0.5) * 4")],
    )?;
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

#[test]
fn packed_fields() -> TestResult {
    let dir = temp_dir("packed");
    let mut x = load_golden::<Packed>("packed", &dir)?;
    assert_eq!(std::mem::size_of::<Packed>(), 9);
    // a = 250 + i, b = -(i * 2**40) - 1
    assert_eq!(x.a().to_vec(), vec![250, 251, 252, 253]);
    assert_eq!(
        x.b().to_vec(),
        (0..N as i64).map(|i| -(i << 40) - 1).collect::<Vec<_>>()
    );
    // a['b'] += 1
    for r in x.iter_mut() {
        r.b += 1;
    }
    let path = dir.join("packed.npy");
    ndio::save(&path, &x)?;
    numpy_checks(
        &path,
        "[('a', 'u1'), ('b', '<i8')]",
        N,
        "",
        &[("a", "250 + i"), ("b", "-(i * 2**40)")],
    )?;
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

#[test]
fn aligned_fields() -> TestResult {
    let dir = temp_dir("aligned");
    let mut x = load_golden::<Aligned>("aligned", &dir)?;
    assert_eq!(
        Aligned::dtype().descr(),
        "[('a', '|u1'), ('', '|V7'), ('b', '<i8')]"
    );
    assert_eq!(x.a().to_vec(), vec![250, 251, 252, 253]);
    assert_eq!(x.b().strides(), &[16]);
    assert_eq!(
        x.b().to_vec(),
        (0..N as i64).map(|i| -(i << 40) - 1).collect::<Vec<_>>()
    );
    // a['a'] -= 200; a['b'] *= 2
    let mut a = x.a_mut();
    a -= 200;
    let mut b = x.b_mut();
    b *= 2;
    let path = dir.join("aligned.npy");
    ndio::save(&path, &x)?;
    numpy_checks(
        &path,
        "[('a', 'u1'), ('b', '<i8')], align=True",
        N,
        "",
        &[("a", "50 + i"), ("b", "(-(i * 2**40) - 1) * 2")],
    )?;
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

#[test]
fn memory_map_of_the_papers_records() -> TestResult {
    let dir = temp_dir("mmap");
    let path = dir.join("x.npy");
    std::fs::copy(golden_path("records/nested.npy"), &path)?;
    {
        // x = np.load(path, mmap_mode='r+'); x['time'] += 100; x['pos']['y'][1] = -1
        let mut x = ndio::open_npy::<Rec, Ix1, _>(&path, mode::RPlus)?;
        assert_eq!(x.time().to_vec(), vec![1, 2, 3]);
        let mut time = x.time_mut();
        time += 100;
        x.pos_mut().y_mut()[[1]] = -1.0;
        x.flush()?;
    }
    let x = ndio::open_npy::<Rec, Ix1, _>(&path, mode::R)?;
    assert_eq!(x.time().to_vec(), vec![101, 102, 103]);
    assert_eq!(x.pos().y().to_vec(), vec![0.5, -1.0, 1.1]);
    assert_eq!(ndio::load::<Rec, Ix1>(&path)?, x.to_owned());
    drop(x);
    numpy_checks(
        &path,
        PAPER_DT,
        3,
        "",
        &[
            ("time", "[101, 102, 103]"),
            ("pos.x", "[0.0, 0.0, 5.5]"),
            ("pos.y", "[0.5, -1.0, 1.1]"),
        ],
    )?;
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

#[test]
fn any_array_downcast_then_fields() -> TestResult {
    // A file whose type is known only at run time: load_any, then a checked downcast.
    let a = ndio::load_any(golden_path("records/nested.npy"))?;
    let x = a.downcast::<Rec, Ix1>()?;
    assert_eq!(x.time().to_vec(), vec![1, 2, 3]);
    // The view keeps the AnyArray's lifetime through the chain.
    let px = x.pos().x();
    assert_eq!(px.to_vec(), vec![0.0, 0.0, 5.5]);
    // The same memory as the run-time path a['pos']['x'].
    let by_name = a.field("pos.x")?;
    assert_eq!(by_name.downcast::<f64, Ix1>()?, px);
    assert_eq!(by_name.as_ptr(), px.as_ptr().cast::<u8>());
    // Another record type is refused, naming both dtypes.
    let e = a.downcast::<Aligned, Ix1>().unwrap_err().to_string();
    assert!(
        e.contains("[('time', '<u8'), ('pos', [") && e.contains("('b', '<i8')]"),
        "{e}"
    );
    // Big-endian records downcast to their BigEndian fields, never swapped silently.
    let be = ndio::load_any(golden_path("records/bigendian.npy"))?;
    let be = be.downcast::<Be, Ix1>()?;
    assert_eq!(
        be.a().map(|a| a.get()).to_vec(),
        vec![-7, 99_993, 199_993, 299_993]
    );
    Ok(())
}

#[test]
fn a_file_of_other_records_names_both_dtypes() {
    let e = ndio::load::<Aligned, Ix1>(golden_path("records/nested.npy"))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains(
            "holds void192 ([('time', '<u8'), ('pos', [('x', '<f8'), ('y', '<f8')])]), \
             not void128 ([('a', '|u1'), ('', '|V7'), ('b', '<i8')])"
        ),
        "{e}"
    );
}
