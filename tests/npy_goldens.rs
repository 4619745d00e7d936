//! `.npy` files NumPy wrote (`tests/goldens/npy/`, from `scripts/goldens/npy.py`): ndio
//! reads each header as NumPy does, loads the data so that it prints as NumPy's `repr`,
//! saves it back byte for byte, and loads typed arrays with the right values (big-endian
//! files swapped, Fortran files kept in Fortran order).

use nd_tests::TempDir;
use std::path::{Path, PathBuf};

use nd_tests::goldens::{golden_path, read_golden};
use ndcore::any::AnyArray;
use ndcore::prelude::*;
use ndio::Version;

/// What `NAME.txt` says about `NAME.npy`.
struct Case {
    name: String,
    version: String,
    descr: String,
    shape: String,
    fortran_order: bool,
    data_offset: usize,
    repr: String,
}

/// Cases NumPy would not write as they are (built by hand by the script): their re-save
/// is NumPy's standard layout, not the file's bytes.
const HAND_BUILT: &[&str] = &["align16_i8", "dquote_f4"];

fn cases() -> Vec<Case> {
    read_golden("npy/INDEX.txt")
        .lines()
        .filter(|l| !l.is_empty())
        .map(|name| parse_case(name, &read_golden(&format!("npy/{name}.txt"))))
        .collect()
}

fn parse_case(name: &str, text: &str) -> Case {
    let (head, repr) = text
        .split_once("\nrepr\n")
        .unwrap_or_else(|| panic!("{name}.txt: no `repr` line"));
    let field = |key: &str| -> String {
        head.lines()
            .find_map(|l| l.strip_prefix(key)?.strip_prefix(' '))
            .unwrap_or_else(|| panic!("{name}.txt: no `{key}` line"))
            .to_string()
    };
    Case {
        name: name.to_string(),
        version: field("version"),
        descr: field("descr"),
        shape: field("shape"),
        fortran_order: field("fortran_order") == "True",
        data_offset: field("data_offset").parse().expect("data_offset"),
        repr: repr.strip_suffix('\n').unwrap_or(repr).to_string(),
    }
}

fn npy_path(name: &str) -> PathBuf {
    golden_path(&format!("npy/{name}.npy"))
}

/// `str()` of the header's descr: a plain string loses its quotes, a list is its repr.
fn descr_str(dt: &DType) -> String {
    let d = dt.descr();
    match d.strip_prefix('\'').and_then(|d| d.strip_suffix('\'')) {
        Some(inner) if !d.starts_with('[') => inner.to_string(),
        _ => d,
    }
}

/// A readable account of where `got` departs from `want`, line by line.
fn diff(want: &str, got: &str) -> String {
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let mut out = String::new();
    for i in 0..w.len().max(g.len()) {
        let (a, b) = (w.get(i).copied(), g.get(i).copied());
        if a != b {
            out += &format!(
                "    line {}:\n      numpy: {a:?}\n      nd:    {b:?}\n",
                i + 1
            );
        }
    }
    out
}

fn check_all(what: &str, failures: Vec<String>) {
    assert!(
        failures.is_empty(),
        "{what}: {} cases differ from NumPy:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn corpus_is_complete() {
    let cases = cases();
    assert!(cases.len() >= 40, "only {} cases in INDEX.txt", cases.len());
    for c in &cases {
        assert!(npy_path(&c.name).exists(), "{}.npy is missing", c.name);
    }
}

#[test]
fn headers_read_as_numpy_reads_them() {
    let mut failures = Vec::new();
    for c in cases() {
        let h = match ndio::read_header(npy_path(&c.name)) {
            Ok(h) => h,
            Err(e) => {
                failures.push(format!("  {}: read_header failed: {e}", c.name));
                continue;
            }
        };
        let got = (
            h.version.to_string(),
            descr_str(&h.dtype),
            ndcore::fmt::py_tuple(&h.shape),
            h.fortran_order,
            h.data_offset,
        );
        let want = (
            c.version.clone(),
            c.descr.clone(),
            c.shape.clone(),
            c.fortran_order,
            c.data_offset,
        );
        if got != want {
            failures.push(format!(
                "  {}:\n    numpy: {want:?}\n    nd:    {got:?}",
                c.name
            ));
        }
    }
    check_all("read_header", failures);
}

#[test]
fn load_any_prints_numpy_repr() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for c in cases() {
        match ndio::load_any(npy_path(&c.name)) {
            Ok(a) => {
                let got = format!("{a:?}");
                if got != c.repr {
                    failures.push(format!("  {}:\n{}", c.name, diff(&c.repr, &got)));
                }
                checked += 1;
            }
            Err(e) => failures.push(format!("  {}: load_any failed: {e}", c.name)),
        }
    }
    check_all("repr of load_any", failures);
    eprintln!("{checked} files print as NumPy's repr");
}

/// Two AnyArrays hold the same dtype, shape and element bytes (in C order).
fn same_any(a: &AnyArray, b: &AnyArray) -> bool {
    let elements = |x: &AnyArray| -> Vec<u8> {
        let mut out = Vec::new();
        let mut index = vec![0usize; x.ndim()];
        for _ in 0..x.len() {
            out.extend_from_slice(x.get_bytes(&index).expect("in bounds"));
            for k in (0..index.len()).rev() {
                index[k] += 1;
                if index[k] < x.shape()[k] {
                    break;
                }
                index[k] = 0;
            }
        }
        out
    };
    a.dtype() == b.dtype() && a.shape() == b.shape() && elements(a) == elements(b)
}

fn version_of(text: &str) -> Version {
    match text {
        "1.0" => Version::V1,
        "2.0" => Version::V2,
        "3.0" => Version::V3,
        other => panic!("unknown version {other}"),
    }
}

#[test]
fn resave_is_byte_identical() {
    let dir = TempDir::new("npy-goldens-resave");
    let mut failures = Vec::new();
    for c in cases() {
        let src = npy_path(&c.name);
        let a = ndio::load_any(&src).expect("load_any");
        let out = dir.path(&format!("{}.npy", c.name));
        if let Err(e) = ndio::save_version(&out, &a, Some(version_of(&c.version))) {
            failures.push(format!("  {}: save_version failed: {e}", c.name));
            continue;
        }
        let (want, got) = (std::fs::read(&src).unwrap(), std::fs::read(&out).unwrap());
        if HAND_BUILT.contains(&c.name.as_str()) {
            // NumPy pads headers to 64 bytes and writes its own key order: the re-save is
            // that standard file, which must load back to the same array.
            let back = ndio::load_any(&out).expect("load back");
            let h = ndio::read_header(&out).expect("header back");
            if !same_any(&a, &back) || !h.data_offset.is_multiple_of(64) {
                failures.push(format!(
                    "  {}: the re-save does not load back equal (offset {})",
                    c.name, h.data_offset
                ));
            }
            continue;
        }
        if want != got {
            let at = want.iter().zip(&got).position(|(x, y)| x != y);
            let show =
                |b: &[u8]| String::from_utf8_lossy(&b[..b.len().min(c.data_offset)]).into_owned();
            failures.push(format!(
                "  {}: {} bytes vs numpy's {}, first difference at {at:?}\n    numpy: {:?}\n    nd:    {:?}",
                c.name,
                got.len(),
                want.len(),
                show(&want),
                show(&got)
            ));
        }
    }
    check_all("re-save", failures);
}

/// The 2x3 values of the `<t>_le_2x3` / `<t>_be_2x3` recipes (`SCALAR_VALUES` in the script).
trait Recipe: Element {
    fn recipe() -> Vec<Self>;
}

macro_rules! int_recipe {
    ($($t:ty: $first:expr),*) => {$(
        impl Recipe for $t {
            fn recipe() -> Vec<$t> {
                // 0x01, 0x0102, 0x01020304, ...: tells the byte order apart.
                let mut be = [0u8; std::mem::size_of::<$t>()];
                for (i, b) in be.iter_mut().enumerate() {
                    *b = i as u8 + 1;
                }
                let pattern = <$t>::from_be_bytes(be);
                let mut v: Vec<$t> = $first;
                if <$t>::MIN == 0 {
                    v.extend([pattern, <$t>::MAX - 1, <$t>::MAX]);
                } else {
                    v.extend([pattern, <$t>::MAX]);
                }
                v
            }
        }
    )*};
}

int_recipe!(
    i8: vec![i8::MIN, -2, -1, 0], i16: vec![i16::MIN, -2, -1, 0],
    i32: vec![i32::MIN, -2, -1, 0], i64: vec![i64::MIN, -2, -1, 0],
    u8: vec![0, 1, 2], u16: vec![0, 1, 2], u32: vec![0, 1, 2], u64: vec![0, 1, 2]
);

impl Recipe for bool {
    fn recipe() -> Vec<bool> {
        vec![true, false, false, true, true, false]
    }
}

impl Recipe for f64 {
    fn recipe() -> Vec<f64> {
        vec![0.5, -1.25, 1e-7, 1e10, f64::NAN, f64::INFINITY]
    }
}

impl Recipe for f32 {
    fn recipe() -> Vec<f32> {
        f64::recipe().into_iter().map(|x| x as f32).collect()
    }
}

fn bytes_of_all<T: Element>(it: impl IntoIterator<Item = T>) -> Vec<u8> {
    it.into_iter()
        .flat_map(|v| bytemuck::bytes_of(&v).to_vec())
        .collect()
}

/// `load::<T, IxDyn>` equals `load_any` brought to this machine's byte order, element for
/// element and bit for bit (NaN included), and keeps the file's memory order.
fn check_typed<T: Element>(c: &Case) -> Result<(), String> {
    let path = npy_path(&c.name);
    let typed = ndio::load::<T, IxDyn>(&path).map_err(|e| format!("load failed: {e}"))?;
    let any = ndio::load_any(&path)
        .and_then(|a| Ok(a.to_native_byteorder()?))
        .map_err(|e| format!("load_any failed: {e}"))?;
    let view = any
        .downcast::<T, IxDyn>()
        .map_err(|e| format!("downcast failed: {e}"))?;
    if typed.shape() != view.shape() {
        return Err(format!("shape {:?} vs {:?}", typed.shape(), view.shape()));
    }
    if bytes_of_all(typed.iter().copied()) != bytes_of_all(view.iter().copied()) {
        return Err(format!("values {typed:?} vs load_any's {view:?}"));
    }
    let f_only = typed.is_f_contiguous() && !typed.is_c_contiguous();
    if c.fortran_order != f_only {
        return Err(format!(
            "fortran_order {} but the array has strides {:?}",
            c.fortran_order,
            typed.strides()
        ));
    }
    if !(typed.is_c_contiguous() || typed.is_f_contiguous()) {
        return Err(format!("not contiguous: strides {:?}", typed.strides()));
    }
    Ok(())
}

/// The typed load of a `<t>_le_2x3` / `<t>_be_2x3` case equals the script's recipe.
fn check_recipe<T: Recipe>(c: &Case) -> Result<(), String> {
    let a = ndio::load::<T, Ix2>(npy_path(&c.name)).map_err(|e| e.to_string())?;
    let want = T::recipe();
    if a.shape() != [2, 3] || bytes_of_all(a.iter().copied()) != bytes_of_all(want.clone()) {
        return Err(format!("values {a:?}, want {want:?} in shape (2, 3)"));
    }
    Ok(())
}

/// Calls `$f::<T>(args)` with `T` the element type of a dtype name (`int32`, `float64`…).
macro_rules! by_name {
    ($name:expr, $f:ident($($arg:expr),*)) => {
        match $name {
            "bool" => Some($f::<bool>($($arg),*)),
            "int8" => Some($f::<i8>($($arg),*)),
            "int16" => Some($f::<i16>($($arg),*)),
            "int32" => Some($f::<i32>($($arg),*)),
            "int64" => Some($f::<i64>($($arg),*)),
            "uint8" => Some($f::<u8>($($arg),*)),
            "uint16" => Some($f::<u16>($($arg),*)),
            "uint32" => Some($f::<u32>($($arg),*)),
            "uint64" => Some($f::<u64>($($arg),*)),
            "float32" => Some($f::<f32>($($arg),*)),
            "float64" => Some($f::<f64>($($arg),*)),
            _ => None,
        }
    };
}

#[test]
fn typed_loads_equal_load_any() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for c in cases() {
        let h = ndio::read_header(npy_path(&c.name)).expect("header");
        if h.dtype.fields().is_some() {
            continue;
        }
        let name = h.dtype.name();
        match by_name!(name.as_str(), check_typed(&c)) {
            Some(Ok(())) => checked += 1,
            Some(Err(e)) => failures.push(format!("  {} ({name}): {e}", c.name)),
            None => failures.push(format!("  {}: no Rust type for {name}", c.name)),
        }
    }
    check_all("typed loads", failures);
    assert!(checked >= 30, "only {checked} scalar cases");
}

#[test]
fn typed_loads_give_the_recipe_values() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for c in cases() {
        let Some(t) = c
            .name
            .strip_suffix("_le_2x3")
            .or_else(|| c.name.strip_suffix("_be_2x3"))
            .or_else(|| c.name.strip_suffix("_2x3").filter(|t| t.len() == 2))
        else {
            continue;
        };
        let name = match t {
            "b1" => "bool",
            "i1" => "int8",
            "i2" => "int16",
            "i4" => "int32",
            "i8" => "int64",
            "u1" => "uint8",
            "u2" => "uint16",
            "u4" => "uint32",
            "u8" => "uint64",
            "f4" => "float32",
            "f8" => "float64",
            other => panic!("unknown recipe type {other}"),
        };
        match by_name!(name, check_recipe(&c)) {
            Some(Ok(())) => checked += 1,
            Some(Err(e)) => failures.push(format!("  {}: {e}", c.name)),
            None => unreachable!(),
        }
    }
    check_all("recipe values", failures);
    // 3 one-byte types, 8 others in both byte orders.
    assert_eq!(checked, 3 + 2 * 8);
}

#[test]
fn big_endian_files_give_the_right_values() {
    let i4 = ndio::load::<i32, Ix2>(npy_path("i4_be_2x3")).unwrap();
    assert_eq!(i4[[1, 1]], 0x0102_0304);
    assert_eq!(i4[[1, 1]], 16909060);
    assert_eq!(i4[[0, 0]], i32::MIN);
    let u2 = ndio::load::<u16, Ix2>(npy_path("u2_be_2x3")).unwrap();
    assert_eq!(u2[[1, 0]], 258);
    let i8 = ndio::load::<i64, Ix2>(npy_path("i8_be_2x3")).unwrap();
    assert_eq!(i8[[1, 1]], 0x0102_0304_0506_0708);
    let f8 = ndio::load::<f64, Ix2>(npy_path("f8_be_2x3")).unwrap();
    assert_eq!(f8.row(0).to_vec(), vec![0.5, -1.25, 1e-7]);
    assert_eq!(f8[[1, 2]], f64::INFINITY);
    assert!(f8[[1, 1]].is_nan());
    let f4 = ndio::load::<f32, IxDyn>(npy_path("f4_be_2x3")).unwrap();
    assert_eq!(f4[[0, 1]], -1.25f32);
    let empty = ndio::load::<i32, Ix1>(npy_path("i4_be_empty_0")).unwrap();
    assert_eq!(empty.shape(), &[0]);
    // The same bytes read through load_any keep NumPy's `>i4`.
    let any = ndio::load_any(npy_path("i4_be_2x3")).unwrap();
    assert_eq!(any.dtype().descr(), "'>i4'");
    assert!(any.downcast::<i32, Ix2>().is_err());
}

#[test]
fn fortran_files_give_fortran_arrays() {
    let a = ndio::load::<f64, Ix2>(npy_path("f8_fortran_3x4")).unwrap();
    assert!(
        a.is_f_contiguous() && !a.is_c_contiguous(),
        "{:?}",
        a.strides()
    );
    assert_eq!(a.strides(), &[8, 24]);
    // np.arange(12).reshape(3, 4) * 0.5 - 2.5
    let want =
        Array::from_shape_vec((3, 4), (0..12).map(|k| k as f64 * 0.5 - 2.5).collect()).unwrap();
    assert_eq!(a, want);

    let b = ndio::load::<i32, Ix3>(npy_path("i4_fortran_2x3x4")).unwrap();
    assert!(
        b.is_f_contiguous() && !b.is_c_contiguous(),
        "{:?}",
        b.strides()
    );
    let want = Array::from_shape_vec((2, 3, 4), (0..24).map(|k| k - 12).collect()).unwrap();
    assert_eq!(b, want);

    // And saved back, still Fortran order, byte for byte.
    let dir = TempDir::new("npy-goldens-fortran");
    let out = dir.path("f.npy");
    ndio::save(&out, &a).unwrap();
    assert_eq!(
        std::fs::read(&out).unwrap(),
        std::fs::read(npy_path("f8_fortran_3x4")).unwrap()
    );
    ndio::save(&out, &b).unwrap();
    assert_eq!(
        std::fs::read(&out).unwrap(),
        std::fs::read(npy_path("i4_fortran_2x3x4")).unwrap()
    );
}

#[test]
fn other_ranks_and_sizes() {
    let z = ndio::load::<f64, Ix0>(npy_path("f8_0d")).unwrap();
    assert_eq!(z[[]], 1.5);
    let z = ndio::load::<i64, IxDyn>(npy_path("i8_0d")).unwrap();
    assert_eq!(
        (z.ndim(), z.iter().copied().collect::<Vec<_>>()),
        (0, vec![-7])
    );
    let e = ndio::load::<f64, Ix3>(npy_path("f8_empty_2x0x3")).unwrap();
    assert_eq!(e.shape(), &[2, 0, 3]);
    let six = ndio::load::<i64, IxDyn>(npy_path("i8_6d_1x2x1x2x1x2")).unwrap();
    assert_eq!(six.shape(), &[1, 2, 1, 2, 1, 2]);
    assert_eq!(
        six.iter().copied().collect::<Vec<_>>(),
        (-4..4).collect::<Vec<_>>()
    );
    let nc = ndio::load::<i64, Ix2>(npy_path("i8_noncontig_2x2")).unwrap();
    assert_eq!(nc, array![[0, 3], [12, 15]]);
    let b = ndio::load::<bool, Ix2>(npy_path("b1_3x4")).unwrap();
    assert_eq!(
        b.iter().copied().collect::<Vec<_>>(),
        (0..12).map(|k| k % 3 == 0).collect::<Vec<_>>()
    );
    let v3 = ndio::load::<f64, Ix2>(npy_path("f8_v3_2x2")).unwrap();
    assert_eq!(v3, array![[1.0, 0.75], [0.5, 0.25]]);
    let dq = ndio::load::<f32, Ix1>(npy_path("dquote_f4")).unwrap();
    assert_eq!(dq.to_vec(), vec![0.5, -1.25]);
    let al = ndio::load::<i64, Ix1>(npy_path("align16_i8")).unwrap();
    assert_eq!(al.to_vec(), vec![0, 1, 2]);
}

fn err_text<T: std::fmt::Debug>(r: ndio::Result<T>) -> String {
    match r {
        Ok(v) => panic!("expected an error, got {v:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn mismatches_name_what_the_file_holds() {
    let path = npy_path("f8_le_2x3");
    let e = err_text(ndio::load::<i32, Ix2>(&path));
    assert!(e.contains("float64") && e.contains("'<f8'"), "{e}");
    assert!(e.contains("int32"), "{e}");
    let e = err_text(ndio::load::<f64, Ix3>(&path));
    assert!(e.contains("(2, 3)") && e.contains("2 dimensions"), "{e}");
    let e = err_text(ndio::load::<f64, Ix1>(npy_path("f8_0d")));
    assert!(e.contains("()"), "{e}");
    // The other byte order of another type: the file's own descr is named.
    let e = err_text(ndio::load::<i64, Ix2>(npy_path("i4_be_2x3")));
    assert!(e.contains("'>i4'") && e.contains("int32"), "{e}");
    // Unsigned is not signed, f4 is not f8, bool is not u8.
    let e = err_text(ndio::load::<u32, Ix2>(npy_path("i4_le_2x3")));
    assert!(e.contains("'<i4'"), "{e}");
    let e = err_text(ndio::load::<f64, Ix2>(npy_path("f4_le_2x3")));
    assert!(e.contains("float32"), "{e}");
    let e = err_text(ndio::load::<u8, Ix2>(npy_path("b1_2x3")));
    assert!(e.contains("bool"), "{e}");
    // A record file cannot load as a scalar type.
    let e = err_text(ndio::load::<i32, Ix1>(npy_path("struct_be_2")));
    assert!(e.contains("('a', '>i4')") || e.contains("'>i4'"), "{e}");
    // The error names the file.
    assert!(e.contains("struct_be_2.npy"), "{e}");
}

#[test]
fn load_of_a_missing_file_names_it() {
    let e = err_text(ndio::load_any(Path::new("/nonexistent/nd/x.npy")));
    assert!(e.contains("/nonexistent/nd/x.npy"), "{e}");
}

/// A version 1.0 `.npy` file with this descr and shape, and `data`.
fn npy_bytes(descr: &str, shape: &str, data: &[u8]) -> Vec<u8> {
    let text = format!("{{'descr': {descr}, 'fortran_order': False, 'shape': {shape}, }}");
    let mut out = b"\x93NUMPY\x01\x00".to_vec();
    out.extend_from_slice(&(text.len() as u16).to_le_bytes());
    out.extend_from_slice(text.as_bytes());
    out.extend_from_slice(data);
    out
}

#[test]
fn dtypes_outside_the_corpus_load_and_save_back() {
    // Types with no Rust element type load as `AnyArray`, save back byte for byte and print
    // as NumPy prints them (NumPy's texts from `repr(np.frombuffer(data, descr))`).
    for (descr, data, repr, str_) in [
        (
            "'<f2'",
            &b"\x00\x3e"[..],
            "array([1.5], dtype=float16)",
            "[1.5]",
        ),
        (
            "'<c8'",
            &b"\x00\x00\xc0\x3f\x00\x00\x00\x00"[..],
            "array([1.5+0.j], dtype=complex64)",
            "[1.5+0.j]",
        ),
        (
            "'>c16'",
            &[0x3f, 0xf8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0][..],
            "array([1.5+0.j], dtype='>c16')",
            "[1.5+0.j]",
        ),
        (
            "'<M8[s]'",
            &1i64.to_le_bytes()[..],
            "array(['1970-01-01T00:00:01'], dtype='datetime64[s]')",
            "['1970-01-01T00:00:01']",
        ),
        (
            "'<m8[s]'",
            &1i64.to_le_bytes()[..],
            "array([1], dtype='timedelta64[s]')",
            "[1]",
        ),
        (
            "'<U2'",
            &b"a\0\0\0b\0\0\0"[..],
            "array(['ab'], dtype='<U2')",
            "['ab']",
        ),
        (
            "'|S2'",
            &b"ab"[..],
            "array([b'ab'], dtype='|S2')",
            "[b'ab']",
        ),
    ] {
        let file = npy_bytes(descr, "(1,)", data);
        let a = ndio::read_npy(&file).unwrap_or_else(|e| panic!("{descr}: {e}"));
        assert_eq!(a.dtype().descr(), descr);
        assert_eq!(a.as_bytes(), Some(data), "{descr}");
        let mut out = Vec::new();
        ndio::write_npy(&mut out, &a, None).unwrap();
        let h = ndio::read_npy(&out).unwrap();
        assert_eq!(
            (h.dtype(), h.as_bytes()),
            (a.dtype(), Some(data)),
            "{descr}"
        );
        assert_eq!(
            (format!("{a:?}"), a.to_string()),
            (repr.to_string(), str_.to_string()),
            "{descr}"
        );
    }
}
