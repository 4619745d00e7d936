//! Tests against NumPy's own strings.
//!
//! Every expected string in `numpy.rs` was printed by NumPy 2.4.6 (x86-64 Linux) and pasted:
//! for a scalar `d = np.dtype(input)`, the columns are `d.str`, `str(d)`, `d.name`,
//! `repr(d)`, `repr(np.lib.format.dtype_to_descr(d))`, `arrayprint.dtype_short_repr(d)` (what
//! `repr(array)` prints after `dtype=`), `arrayprint.dtype_is_implied(d)`, `d.itemsize`,
//! `d.alignment`, `d.isnative`. Records come from `np.lib.format.descr_to_dtype(eval(descr))`.

use super::*;
use crate::error::{Error, Result};

mod numpy;
use numpy::*;

fn u1() -> DType {
    DType::from_typestr("u1").expect("u1")
}
fn f4() -> DType {
    DType::from_typestr("<f4").expect("f4")
}
fn f8() -> DType {
    DType::from_typestr("<f8").expect("f8")
}

/// Inputs whose meaning follows the platform's C types; the table holds x86-64 Linux's.
const PLATFORM: &[&str] = &[
    "l",
    "L",
    "long",
    "ulong",
    "g",
    "G",
    "longdouble",
    "clongdouble",
];

fn on_numpys_platform(input: &str) -> bool {
    !PLATFORM.contains(&input) || cfg!(all(target_os = "linux", target_pointer_width = "64"))
}

#[test]
#[cfg(target_endian = "little")]
fn scalars_print_as_numpy_prints_them() -> Result<()> {
    for &(input, typestr, str_, name, repr, descr, repr_name, implied, itemsize, align, native) in
        SCALARS
    {
        if !on_numpys_platform(input) {
            continue;
        }
        let dt = DType::from_typestr(input)?;
        assert_eq!(dt.typestr(), typestr, "typestr of {input:?}");
        assert_eq!(dt.to_string(), str_, "str of {input:?}");
        assert_eq!(dt.name(), name, "name of {input:?}");
        assert_eq!(dt.repr(), repr, "repr of {input:?}");
        assert_eq!(dt.descr(), descr, "descr of {input:?}");
        assert_eq!(dt.repr_name(), repr_name, "repr_name of {input:?}");
        // NumPy looks at the C type: `longlong` is `int64` but not `np.int64`.
        if !["longlong", "q"].contains(&input) {
            assert_eq!(dt.repr_implied(), implied, "repr_implied of {input:?}");
        }
        assert_eq!(dt.itemsize(), itemsize, "itemsize of {input:?}");
        assert_eq!(dt.alignment(), align, "alignment of {input:?}");
        assert_eq!(dt.is_native_order(), native, "isnative of {input:?}");
        assert_eq!(
            dt.kind().as_char(),
            typestr.chars().nth(1).unwrap_or('?'),
            "{input:?}"
        );
        // Round trips: typestr -> DType -> typestr, descr -> DType -> descr.
        assert_eq!(DType::from_typestr(typestr)?, dt, "{typestr:?}");
        assert_eq!(DType::from_descr(descr)?, dt, "{descr:?}");
        assert_eq!(DType::from_descr(&dt.descr())?.descr(), descr);
        assert_eq!(input.parse::<DType>()?, dt);
    }
    Ok(())
}

#[test]
fn bad_typestrs_are_errors_naming_the_text() {
    for &bad in BAD_TYPESTRS {
        match DType::from_typestr(bad) {
            Err(Error::DType { text, why }) => {
                assert_eq!(text, bad);
                assert!(!why.is_empty(), "{bad:?}");
            }
            other => panic!("{bad:?} gave {other:?}"),
        }
    }
    let e = DType::from_typestr("<x9").unwrap_err();
    assert_eq!(
        e.to_string(),
        "data type '<x9' not understood (unknown type code 'x')"
    );
    let e = DType::from_typestr("<f3").unwrap_err();
    assert_eq!(
        e.to_string(),
        "data type '<f3' not understood (no 3-byte float)"
    );
    let e = DType::from_typestr("").unwrap_err();
    assert_eq!(
        e.to_string(),
        "data type '' not understood (empty type string)"
    );
}

#[test]
#[cfg(target_endian = "little")]
fn records_print_as_numpy_prints_them() -> Result<()> {
    for &(descr, str_, repr, name, repr_name, itemsize) in RECORDS {
        let dt = DType::from_descr(descr)?;
        assert_eq!(dt.descr(), descr, "descr round trip");
        assert_eq!(dt.to_string(), str_, "str of {descr}");
        assert_eq!(dt.repr(), repr, "repr of {descr}");
        assert_eq!(dt.name(), name, "name of {descr}");
        assert_eq!(dt.repr_name(), repr_name, "repr_name of {descr}");
        assert_eq!(dt.itemsize(), itemsize, "itemsize of {descr}");
        assert_eq!(dt.typestr(), format!("|V{itemsize}"));
        assert_eq!(dt.kind(), Kind::Void);
        assert_eq!(dt.byteorder(), ByteOrder::NotApplicable);
        assert!(!dt.repr_implied());
        assert!(!dt.is_aligned_struct());
        assert_eq!(DType::from_descr(&dt.descr())?, dt);
    }
    Ok(())
}

#[test]
#[cfg(target_endian = "little")]
fn built_types_print_as_numpy_prints_them() -> Result<()> {
    for (dt, (typestr, str_, repr, name, descr, repr_name, itemsize, align, aligned)) in built()? {
        let what = dt.repr();
        assert_eq!(dt.typestr(), typestr, "typestr of {what}");
        assert_eq!(dt.to_string(), str_, "str of {what}");
        assert_eq!(repr, what);
        assert_eq!(dt.name(), name, "name of {what}");
        assert_eq!(dt.descr(), descr, "descr of {what}");
        assert_eq!(dt.repr_name(), repr_name, "repr_name of {what}");
        assert_eq!(dt.itemsize(), itemsize, "itemsize of {what}");
        assert_eq!(dt.is_aligned_struct(), aligned, "isalignedstruct of {what}");
        assert_eq!(dt.numpy_alignment(), align, "alignment of {what}");
        if aligned || dt.fields().is_none() {
            // Where NumPy's alignment means "what the fields need", ours is the same.
            let nested_plain = dt
                .fields()
                .unwrap_or(&[])
                .iter()
                .any(|f| f.dtype.fields().is_some() && !f.dtype.is_aligned_struct());
            if !nested_plain {
                assert_eq!(dt.alignment(), align, "alignment of {what}");
            }
        }
        // The descr describes the same bytes; it reads back as the same type when the
        // fields are in offset order (equality ignores `align=True`, as NumPy's does).
        let back = DType::from_descr(&dt.descr())?;
        assert_eq!(back.descr(), descr);
        let in_order = dt
            .fields()
            .is_none_or(|f| f.windows(2).all(|w| w[0].offset < w[1].offset));
        if in_order {
            assert_eq!(back, dt, "{what}");
        }
    }
    Ok(())
}

#[test]
fn the_papers_record() -> Result<()> {
    // np.dtype([('time', np.uint64), ('pos', [('x', float), ('y', float)])])
    let pos = DType::structured([("x", DType::float(8)?), ("y", DType::float(8)?)], false)?;
    let dt = DType::structured([("time", DType::uint(8)?), ("pos", pos.clone())], false)?;
    assert_eq!(dt.itemsize(), 24);
    assert_eq!(
        dt.field("time"),
        Some(&Field::new("time", DType::uint(8)?, 0))
    );
    let p = dt.field("pos").expect("pos");
    assert_eq!((p.offset, p.dtype.itemsize()), (8, 16));
    assert_eq!(p.dtype.field("x").map(|f| f.offset), Some(0));
    assert_eq!(p.dtype.field("y").map(|f| f.offset), Some(8));
    let descr = "[('time', '<u8'), ('pos', [('x', '<f8'), ('y', '<f8')])]";
    if cfg!(target_endian = "little") {
        assert_eq!(dt.descr(), descr);
        assert_eq!(dt.to_string(), descr);
        assert_eq!(dt.repr_name(), descr);
        assert_eq!(dt.name(), "void192");
    }
    assert_eq!(DType::from_descr(descr)?, dt);
    // NumPy reports 1 for a struct not built align=True; we report what its fields need.
    assert_eq!(dt.alignment(), 8);
    assert_eq!(dt.fields().map(<[Field]>::len), Some(2));
    Ok(())
}

#[test]
fn descr_reads_python_literal_forms() -> Result<()> {
    let want = DType::from_descr("[('a', '<f8'), ('b', '<i4', (2,))]")?;
    for text in [
        "[(\"a\", \"<f8\"), (\"b\", \"<i4\", (2,))]",
        "  [ ( 'a' , '<f8' ) ,\n\t( 'b' , '<i4' , ( 2 , ) , ) , ]  \n",
        "[(u'a', u'<f8'), ('b', '<i4', (2L,))]",
        "[('a', 'float64'), ('b', 'int32', 2)]",
        "[('\\x61', 'f8'), ('\\u0062', 'i4', (2,))]",
        "[('a', '<f8'), ('b', ('<i4', (2,)))]",
    ] {
        assert_eq!(DType::from_descr(text)?, want, "{text:?}");
    }
    // A shape of () is no sub-array at all.
    assert_eq!(
        DType::from_descr("[('a', '<f8', ())]")?,
        DType::from_descr("[('a', '<f8')]")?
    );
    // Padding: an unnamed void field (a sub-array's type is void too, as NumPy decides).
    let dt = DType::from_descr("[('', '|V4'), ('a', '<i4'), ('', '<f8', (2,)), ('b', '|u1')]")?;
    let offsets: Vec<_> = dt
        .fields()
        .unwrap_or(&[])
        .iter()
        .map(|f| (&*f.name, f.offset))
        .collect();
    assert_eq!(offsets, [("a", 4), ("b", 24)]);
    assert_eq!(dt.itemsize(), 25);
    // An unnamed field that is not void is a field named ''.
    let dt = DType::from_descr("[('', '>i4')]")?;
    assert_eq!(dt.field("").map(|f| f.dtype.typestr()), Some(">i4".into()));
    // Titles are dropped, names kept.
    let dt = DType::from_descr("[(('a title', 'x'), '<f8')]")?;
    assert_eq!(dt.field("x").map(|f| f.offset), Some(0));
    // A (descr, shape) tuple at the top is a sub-array.
    let dt = DType::from_descr("('<f8', (2, 3))")?;
    assert_eq!((dt.itemsize(), dt.shape()), (48, &[2usize, 3][..]));
    // Names with quotes and escapes survive the round trip.
    let dt = DType::structured(
        [("it's", f8()), ("a\"b'c", f8()), ("tab\there", f8())],
        false,
    )?;
    assert_eq!(DType::from_descr(&dt.descr())?, dt);
    Ok(())
}

#[test]
fn descr_prefix_leaves_the_rest_of_a_header() -> Result<()> {
    let header = "{'descr': [('a', '|u1'), ('', '|V7'), ('b', '<f8')], 'fortran_order': False, \
                  'shape': (2,), }";
    let start = header.find(": ").map(|i| i + 2).unwrap_or(0);
    let (dt, rest) = DType::from_descr_prefix(&header[start..])?;
    assert_eq!(dt.itemsize(), 16);
    assert_eq!(rest, ", 'fortran_order': False, 'shape': (2,), }");
    Ok(())
}

/// Inputs a hostile or broken `.npy` header may hold; each must be an `Err`, not a panic.
const BAD_DESCRS: &[&str] = &[
    "",
    "   ",
    "[",
    "]",
    "[(",
    "[('a'",
    "[('a',",
    "[('a', '<f8'",
    "[('a', '<f8')",
    "[('a', '<f8')]]",
    "[('a', '<f8')] x",
    "'<f8",
    "\"<f8'",
    "'<f8\"",
    "[('a, '<f8')]",
    "[('a', '<f8)]",
    "'<x9'",
    "'<f3'",
    "''",
    "[('a',)]",
    "[('a', '<f8', (2,), 3)]",
    "[1]",
    "[('a', 1)]",
    "[(1, '<f8')]",
    "[['a', '<f8']]",
    "[('a', '<f8', 'x')]",
    "[('a', '<f8', (2, 'x'))]",
    "[('a', '<f8', (-1,))]",
    "[('a', '<f8', -3)]",
    "[('a', '<f8', (99999999999999999999,))]",
    "[('a', '<f8', (268435456,))]",
    "[('a', '<f8', (2147483648,))]",
    "[('a', '<f8', (65536, 65536))]",
    "[('a', 'V2147483647'), ('b', 'V1')]",
    "[('a', 'V-24')]",
    "'V99999999999999999999999'",
    "[('a', '<f8'), ('a', '<i4')]",
    "[(('t',), '<f8')]",
    "[(('t', 1), '<f8')]",
    "('<f8',)",
    "('<f8', (2,), 3)",
    "('<f8', '<f8')",
    "3",
    "-",
    "+",
    "[('a', '\\x4')]",
    "[('a', '\\u12')]",
    "[('a', '\\U00110000')]",
    "[('a', '\\",
    "[('a\n', '<f8')]",
    "[('a', '<f8') ('b', '<f8')]",
    "[('a', '<f8'),, ('b', '<f8')]",
    "[,]",
    "(,)",
    "True",
    "None",
    "{'a': '<f8'}",
    "b'<f8'",
];

#[test]
fn bad_descrs_are_errors_not_panics() {
    for &bad in BAD_DESCRS {
        match DType::from_descr(bad) {
            Err(Error::DType { why, .. }) => assert!(!why.is_empty(), "{bad:?}"),
            other => panic!("{bad:?} gave {other:?}"),
        }
    }
    let e = DType::from_descr("[('a', '<f8')").unwrap_err();
    assert_eq!(
        e.to_string(),
        "data type '[('a', '<f8')' not understood (unexpected end of input, expected ',' or ']')"
    );
    let e = DType::from_descr("[('a', '<x9')]").unwrap_err();
    assert_eq!(
        e.to_string(),
        "data type '[('a', '<x9')]' not understood (field 'a': type '<x9': unknown type code 'x')"
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for open in ["[", "(", "[('a', "] {
        let text = open.repeat(100_000);
        assert!(
            matches!(DType::from_descr(&text), Err(Error::DType { .. })),
            "{open}"
        );
    }
    // Long input is quoted cut short.
    let Err(Error::DType { text, .. }) = DType::from_descr(&"[".repeat(1000)) else {
        panic!("expected an error");
    };
    assert!(text.len() < 200 && text.ends_with("..."));
    // Nesting a real type may go as deep as a real type does.
    let mut descr = "'<f8'".to_string();
    for _ in 0..20 {
        descr = format!("[('a', {descr})]");
    }
    assert!(DType::from_descr(&descr).is_ok());
}

#[test]
fn every_prefix_of_a_descr_is_an_error() {
    for &(descr, ..) in RECORDS {
        for (cut, _) in descr.char_indices().skip(1) {
            let prefix = &descr[..cut];
            assert!(DType::from_descr(prefix).is_err(), "{prefix:?}");
        }
    }
}

/// A small deterministic generator (xorshift64*), so the fuzz test needs no dependency.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n.max(1)
    }
}

#[test]
fn mutated_descrs_never_panic_and_what_parses_round_trips() {
    const PIECES: &[&str] = &[
        "'",
        "\"",
        "(",
        ")",
        "[",
        "]",
        ",",
        " ",
        "0",
        "9",
        "-",
        "<",
        ">",
        "|",
        "=",
        "V",
        "S",
        "U",
        "f8",
        "i4",
        "\\",
        "x",
        "L",
        "u'",
        "M8[ns]",
        "2147483647",
        "99999999999999999999",
        "('', '|V4')",
        "(2, 3)",
        "é",
    ];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let seeds: Vec<&str> = RECORDS.iter().map(|r| r.0).collect();
    let mut parsed = 0;
    for _ in 0..20_000 {
        let mut s = seeds[rng.below(seeds.len())].to_string();
        for _ in 0..1 + rng.below(3) {
            let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
            let a = bounds[rng.below(bounds.len())];
            let b = bounds[rng.below(bounds.len())];
            let (a, b) = (a.min(b), a.max(b));
            match rng.below(3) {
                0 => s.replace_range(a..b, ""),
                1 => s.insert_str(a, PIECES[rng.below(PIECES.len())]),
                _ => s.replace_range(a..b, PIECES[rng.below(PIECES.len())]),
            }
        }
        if let Ok(dt) = DType::from_descr(&s) {
            parsed += 1;
            let again = DType::from_descr(&dt.descr());
            assert_eq!(again.as_ref(), Ok(&dt), "{s:?} -> {}", dt.descr());
            let _ = (
                dt.to_string(),
                dt.repr(),
                dt.name(),
                dt.repr_name(),
                dt.typestr(),
            );
        }
    }
    assert!(
        parsed > 100,
        "the mutations should leave some inputs valid ({parsed})"
    );
}

#[test]
fn constructors_check_what_numpy_checks() -> Result<()> {
    assert!(DType::int(3).is_err());
    assert!(DType::uint(16).is_err());
    assert!(DType::float(3).is_err());
    assert!(DType::complex(4).is_err());
    assert!(DType::bytes(1 << 31).is_err());
    assert!(DType::unicode(1 << 29).is_err());
    assert!(DType::unicode(usize::MAX).is_err());
    assert!(DType::void(usize::MAX).is_err());
    assert!(DType::scalar(Kind::Datetime, 4, ByteOrder::Little).is_err());
    assert_eq!(
        DType::float(3).unwrap_err().to_string(),
        "data type '<f3' not understood (no 3-byte float)"
    );
    assert_eq!(
        DType::scalar(Kind::Float, 8, ByteOrder::NotApplicable)?,
        DType::float(8)?
    );
    assert_eq!(
        DType::scalar(Kind::Bytes, 3, ByteOrder::Big)?.typestr(),
        "|S3"
    );
    assert_eq!(
        DType::scalar(Kind::Bool, 1, ByteOrder::Big)?.typestr(),
        "|b1"
    );
    assert_eq!(
        DType::scalar(Kind::UInt, 1, ByteOrder::Little)?.typestr(),
        "|u1"
    );
    assert_eq!(
        DType::scalar(Kind::Unicode, 8, ByteOrder::Big)?.typestr(),
        ">U2"
    );

    let f = |name: &str, dt: DType, offset| Field::new(name, dt, offset);
    // A field past the end.
    let e = DType::record(vec![f("a", f8(), 4)], 8).unwrap_err();
    assert_eq!(
        e.to_string(),
        "NumPy dtype descriptor requires 12 bytes, cannot override to smaller itemsize of 8"
    );
    // Overlapping fields.
    assert!(DType::record(vec![f("a", f8(), 0), f("b", f8(), 4)], 16).is_err());
    assert!(DType::record(vec![f("b", f8(), 4), f("a", f8(), 0)], 16).is_err());
    // A zero-size field may sit at a field's start or end, not inside it.
    let empty = DType::bytes(0)?;
    assert!(DType::record(vec![f("a", f8(), 0), f("e", empty.clone(), 4)], 8).is_err());
    let dt = DType::record(vec![f("a", f8(), 0), f("e", empty.clone(), 0)], 8)?;
    assert_eq!(
        DType::from_descr(&dt.descr())?.field("e").map(|f| f.offset),
        Some(0)
    );
    let dt = DType::record(vec![f("a", f8(), 0), f("e", empty, 8)], 8)?;
    assert_eq!(DType::from_descr(&dt.descr())?, dt);
    // Names are unique.
    let e = DType::record(vec![f("a", f8(), 0), f("a", f8(), 8)], 16).unwrap_err();
    assert_eq!(e.to_string(), "field 'a' occurs more than once");
    assert!(DType::structured([("a", f8()), ("a", f8())], false).is_err());
    // Offsets and sizes that overflow.
    assert!(DType::record(vec![f("a", f8(), usize::MAX)], usize::MAX).is_err());
    assert!(DType::record(vec![], 1 << 31).is_err());
    // Aligned records.
    let e = DType::aligned_record(vec![f("a", u1(), 0), f("b", f8(), 4)], 16).unwrap_err();
    assert_eq!(
        e.to_string(),
        "offset 4 for NumPy dtype with fields is not divisible by the field alignment 8 with \
         align=True"
    );
    let e = DType::aligned_record(vec![f("a", u1(), 0), f("b", f8(), 8)], 20).unwrap_err();
    assert_eq!(
        e.to_string(),
        "NumPy dtype descriptor requires alignment of 8 bytes, which is not divisible into the \
         specified itemsize 20"
    );
    // Sub-arrays.
    assert_eq!(DType::subarray(f8(), Vec::new())?, f8());
    assert_eq!(DType::subarray(f8(), [2, 0])?.itemsize(), 0);
    assert!(DType::subarray(f8(), [1 << 28]).is_err());
    assert!(DType::subarray(f8(), [1 << 31, 0]).is_err());
    assert!(DType::subarray(f8(), [usize::MAX, 2]).is_err());
    Ok(())
}

#[test]
fn equality_is_numpys() -> Result<()> {
    use std::collections::hash_map::DefaultHasher;
    use std::hash::{Hash, Hasher};
    let hash = |d: &DType| {
        let mut h = DefaultHasher::new();
        d.hash(&mut h);
        h.finish()
    };
    // np.dtype([...], align=True) == the same layout without the flag.
    let aligned = DType::structured([("a", u1()), ("b", f8())], true)?;
    let plain = DType::from_descr("[('a', '|u1'), ('', '|V7'), ('b', '<f8')]")?;
    assert!(aligned.is_aligned_struct() && !plain.is_aligned_struct());
    assert_eq!(aligned, plain);
    assert_eq!(hash(&aligned), hash(&plain));
    // '=' and '|' on multi-byte types are the native order.
    assert_eq!(DType::from_typestr("=i4")?, DType::from_typestr("|i4")?);
    assert_ne!(DType::from_typestr("<i4")?, DType::from_typestr(">i4")?);
    assert_ne!(
        DType::from_typestr("<M8[ns]")?,
        DType::from_typestr("<M8[us]")?
    );
    assert_ne!(DType::from_typestr("<M8")?, DType::from_typestr("<m8")?);
    // Field order matters, as in NumPy.
    let ab = DType::from_descr("[('a', '<f8'), ('b', '<f8')]")?;
    let ba = DType::from_descr("[('b', '<f8'), ('a', '<f8')]")?;
    assert_ne!(ab, ba);
    Ok(())
}

#[test]
#[cfg(target_endian = "little")]
fn newbyteorder_goes_into_fields_and_subarrays() -> Result<()> {
    let dt = DType::from_descr("[('a', '<i4'), ('b', '|u1'), ('c', '<f8', (2,))]")?;
    let big = dt.newbyteorder(ByteOrder::Big);
    // NumPy: np.dtype([('a','<i4'),('b','u1'),('c','<f8',(2,))]).newbyteorder('>')
    assert_eq!(
        big.descr(),
        "[('a', '>i4'), ('b', '|u1'), ('c', '>f8', (2,))]"
    );
    assert_eq!(
        big.repr(),
        "dtype([('a', '>i4'), ('b', 'u1'), ('c', '>f8', (2,))])"
    );
    assert!(!big.is_native_order());
    assert_eq!(big.newbyteorder(ByteOrder::Little), dt);
    assert_eq!(dt.newbyteorder(ByteOrder::NotApplicable), dt);
    assert_eq!(
        DType::from_typestr("<M8[ns]")?
            .newbyteorder(ByteOrder::Big)
            .repr(),
        "dtype('>M8[ns]')"
    );
    assert_eq!(
        DType::from_typestr("U3")?
            .newbyteorder(ByteOrder::Big)
            .repr(),
        "dtype('>U3')"
    );
    assert_eq!(
        DType::from_typestr("S3")?
            .newbyteorder(ByteOrder::Big)
            .repr(),
        "dtype('S3')"
    );
    // A sub-array of big-endian values is not native (NumPy would say it is).
    assert!(!DType::subarray(DType::from_typestr(">i4")?, [2])?.is_native_order());
    Ok(())
}

#[test]
fn accessors() -> Result<()> {
    let sub = DType::subarray(f8(), [2, 3])?;
    assert_eq!(sub.kind(), Kind::Void);
    assert_eq!(sub.base(), &f8());
    assert_eq!(sub.shape(), &[2, 3]);
    assert_eq!(sub.alignment(), 8);
    assert!(sub.fields().is_none() && sub.field("x").is_none());
    let dt = DType::from_typestr("<m8[10ms]")?;
    assert_eq!(
        dt.time_unit(),
        Some(TimeUnit {
            unit: DateUnit::Millisecond,
            count: 10
        })
    );
    assert_eq!(DType::from_typestr("M8")?.time_unit(), None);
    assert_eq!(
        DType::from_typestr("M8[1us]")?.time_unit(),
        Some(TimeUnit::new(DateUnit::Microsecond))
    );
    assert_eq!(DType::datetime(None), DType::from_typestr("M8")?);
    assert_eq!(
        DType::timedelta(Some(TimeUnit::new(DateUnit::Day))),
        DType::from_typestr("m8[D]")?
    );
    assert_eq!(ByteOrder::from_char('='), Some(ByteOrder::native()));
    for kind in [
        Kind::Bool,
        Kind::Int,
        Kind::UInt,
        Kind::Float,
        Kind::Complex,
        Kind::Bytes,
        Kind::Unicode,
        Kind::Void,
        Kind::Datetime,
        Kind::Timedelta,
    ] {
        assert_eq!(Kind::from_char(kind.as_char()), Some(kind));
    }
    Ok(())
}

#[test]
fn python_str_repr() {
    use super::literal::py_str;
    // Each expected string is Python's repr() of the same str.
    assert_eq!(py_str("abc"), "'abc'");
    assert_eq!(py_str("it's"), "\"it's\"");
    assert_eq!(py_str("a'b\"c"), "'a\\'b\"c'");
    assert_eq!(py_str("\\\n\t\r\x00\x7f"), "'\\\\\\n\\t\\r\\x00\\x7f'");
    assert_eq!(
        py_str("é\u{a0}\u{200b}\u{feff}😀\u{e000}\u{10ffff}"),
        "'é\\xa0\\u200b\\ufeff😀\\ue000\\U0010ffff'"
    );
}
