//! Raw binary files: `ndio::fromfile` / `ndio::tofile` against NumPy's `np.fromfile` and
//! `a.tofile` (the cross-checks run when `ND_PYTHON` is set).

use std::path::PathBuf;

use ndcore::DType;
use ndcore::prelude::*;
use ndio::AnyArray;

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("nd-tests-raw-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// NumPy's outputs, one `== name` line before each.
fn sections(out: &str) -> Vec<(String, String)> {
    out.split("== ")
        .skip(1)
        .map(|s| {
            let (name, body) = s.split_once('\n').unwrap();
            (name.to_owned(), body.trim_end().to_owned())
        })
        .collect()
}

#[test]
fn round_trips_in_c_order() {
    let d = temp_dir("rt");
    let p = d.join("a.bin");
    let a = arange(24.0).into_shape((2, 3, 4)).unwrap();
    for view in [a.view(), a.t(), a.slice(s![.., ..;2, 1..])] {
        ndio::tofile(&p, &view).unwrap();
        let back = ndio::fromfile::<f64>(&p, None, 0).unwrap();
        assert_eq!(back, Array::from_iter(view.iter().copied()));
    }
    // count and offset, in elements and bytes.
    ndio::tofile(&p, &arange(10i64)).unwrap();
    assert_eq!(
        ndio::fromfile::<i64>(&p, Some(3), 16).unwrap(),
        array![2, 3, 4]
    );
    assert_eq!(ndio::fromfile::<i64>(&p, Some(30), 72).unwrap(), array![9]);
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn errors_name_the_file() {
    let d = temp_dir("err");
    let p = d.join("short.bin");
    std::fs::write(&p, [1u8, 2, 3]).unwrap();
    let e = ndio::fromfile::<u8>(&p, None, 4).unwrap_err().to_string();
    assert_eq!(
        e,
        format!(
            "{}: offset 4 is past the end of the file (3 bytes)",
            p.display()
        )
    );
    // A trailing partial element is left, as NumPy leaves it.
    assert_eq!(ndio::fromfile::<u16>(&p, None, 0).unwrap().len(), 1);
    let e = ndio::fromfile::<u8>(d.join("nope.bin"), None, 0).unwrap_err();
    assert!(matches!(e, ndio::Error::Io { .. }));
    assert!(e.to_string().contains("nope.bin: cannot open"), "{e}");
    let e = ndio::tofile(d.join("no/such/dir.bin"), &array![1u8]).unwrap_err();
    assert!(e.to_string().contains("dir.bin: cannot create"), "{e}");
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn numpy_reads_what_ndio_writes() {
    let d = temp_dir("to-numpy");
    let c = arange(12i64).into_shape((3, 4)).unwrap();
    ndio::tofile(d.join("c.bin"), &c).unwrap();
    ndio::tofile(d.join("f.bin"), &c.t().to_owned()).unwrap(); // Fortran-order array
    ndio::tofile(d.join("strided.bin"), &c.slice(s![..;2, ..;3])).unwrap();
    let mut be = AnyArray::zeros(DType::from_typestr(">f8").unwrap(), &[2], Order::C).unwrap();
    be.bytes_mut()
        .unwrap()
        .copy_from_slice(&[0x3F, 0xF8, 0, 0, 0, 0, 0, 0, 0xC0, 0, 0, 0, 0, 0, 0, 0]);
    ndio::tofile(d.join("be.bin"), &be).unwrap();
    let script = r#"
import sys, numpy as np
d = sys.argv[1]
for name, dt in [("c", "<i8"), ("f", "<i8"), ("strided", "<i8"), ("be", ">f8")]:
    print("== " + name)
    print(repr(np.fromfile(f"{d}/{name}.bin", dtype=dt)))
print("== offset")
print(repr(np.fromfile(f"{d}/c.bin", dtype="<i8", count=3, offset=40)))
"#;
    let Some(out) = nd_tests::run_python(script, &[&d]) else {
        eprintln!("ND_PYTHON is not set: NumPy cross-check skipped");
        return;
    };
    let want = [
        (
            "c",
            "array([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11])",
        ),
        (
            "f",
            "array([ 0,  4,  8,  1,  5,  9,  2,  6, 10,  3,  7, 11])",
        ),
        ("strided", "array([ 0,  3,  8, 11])"),
        ("be", "array([ 1.5, -2. ], dtype='>f8')"),
        ("offset", "array([5, 6, 7])"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(sections(&out), want);
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn ndio_reads_what_numpy_writes() {
    let d = temp_dir("from-numpy");
    // NumPy writes the files and prints what np.fromfile reads back; ndio must read the
    // same, with the same dtypes.
    let script = r#"
import sys, numpy as np
d = sys.argv[1]
np.arange(12, dtype="<f8").reshape(3, 4).tofile(f"{d}/f8.bin")
np.asfortranarray(np.arange(6, dtype="<i4").reshape(2, 3)).tofile(f"{d}/fortran.bin")
np.array([1, -2, 70000], dtype=">i4").tofile(f"{d}/be.bin")
np.array([(1, 2.5), (-3, 0.125)], dtype=[("a", "<i2"), ("b", ">f4")]).tofile(f"{d}/rec.bin")
open(f"{d}/partial.bin", "wb").write(np.arange(3, dtype="<u2").tobytes() + b"\x01")
cases = [
    ("f8", "<f8", -1, 0), ("offset", "<f8", 4, 24), ("fortran", "<i4", -1, 0),
    ("be", ">i4", -1, 0), ("be_offset", ">i4", 1, 4), ("rec", [("a", "<i2"), ("b", ">f4")], -1, 0),
    ("partial", "<u2", -1, 0), ("count_past_end", "<u2", 100, 2), ("at_end", "<u2", -1, 7),
]
for name, dt, count, offset in cases:
    print("== " + name)
    file = {"offset": "f8", "be_offset": "be", "count_past_end": "partial", "at_end": "partial"}.get(name, name)
    print(repr(np.fromfile(f"{d}/{file}.bin", dtype=dt, count=count, offset=offset)))
"#;
    let Some(out) = nd_tests::run_python(script, &[&d]) else {
        eprintln!("ND_PYTHON is not set: NumPy cross-check skipped");
        return;
    };
    let rec = "[('a', '<i2'), ('b', '>f4')]";
    let cases: [(&str, &str, &str, Option<usize>, u64); 9] = [
        ("f8", "f8", "'<f8'", None, 0),
        ("offset", "f8", "'<f8'", Some(4), 24),
        ("fortran", "fortran", "'<i4'", None, 0),
        ("be", "be", "'>i4'", None, 0),
        ("be_offset", "be", "'>i4'", Some(1), 4),
        ("rec", "rec", rec, None, 0),
        ("partial", "partial", "'<u2'", None, 0),
        ("count_past_end", "partial", "'<u2'", Some(100), 2),
        ("at_end", "partial", "'<u2'", None, 7),
    ];
    let got: Vec<(String, String)> = cases
        .iter()
        .map(|&(name, file, descr, count, offset)| {
            let dt = DType::from_descr(descr).unwrap();
            let a = ndio::fromfile_any(d.join(format!("{file}.bin")), dt, count, offset).unwrap();
            (name.to_owned(), format!("{a:?}"))
        })
        .collect();
    assert_eq!(got, sections(&out));
    // The typed reader agrees, big-endian values converted by the caller.
    assert_eq!(
        ndio::fromfile::<f64>(d.join("f8.bin"), None, 0).unwrap(),
        arange(12.0)
    );
    let be = ndio::fromfile_any(
        d.join("be.bin"),
        DType::from_typestr(">i4").unwrap(),
        None,
        0,
    )
    .unwrap()
    .to_native_byteorder()
    .unwrap()
    .into_array::<i32, Ix1>()
    .unwrap();
    assert_eq!(be, array![1, -2, 70000]);
    std::fs::remove_dir_all(d).unwrap();
}
