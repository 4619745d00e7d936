//! Property tests of the `.npy` reader and writer: `read_npy` never panics, whatever the
//! bytes (random, or a valid file with bytes flipped, cut off, inserted, or header
//! characters replaced by the ones a parser trips on); and `save` then `load` gives back
//! every array exactly, for random shapes (0-4 axes of 0-5), C and Fortran order and
//! views of neither, in f64 (any bit pattern, NaN included), i16 and bool.

use std::path::PathBuf;

use ndcore::prelude::*;
use ndio::Version;
use proptest::prelude::*;

/// Reads `bytes` as a `.npy` file; any outcome but a panic is fine. When it loads, the
/// array's bytes are as many as its header says.
fn read_never_panics(bytes: &[u8]) -> Result<(), TestCaseError> {
    if let Ok(a) = ndio::read_npy(bytes) {
        prop_assert_eq!(a.nbytes(), a.len() * a.dtype().itemsize());
        // Printing walks every element: it must not panic either.
        let _ = format!("{a:?}");
    }
    Ok(())
}

/// A small valid `.npy` file: one of a few dtypes, a random shape, either order, any
/// version.
fn valid_file() -> impl Strategy<Value = Vec<u8>> {
    (
        proptest::collection::vec(0usize..4, 0..4),
        0u8..6,
        any::<bool>(),
        prop_oneof![Just(None), Just(Some(Version::V2)), Just(Some(Version::V3))],
    )
        .prop_map(|(shape, kind, fortran, version)| {
            let n: usize = shape.iter().product();
            let mut out = Vec::new();
            let order = if fortran { Order::F } else { Order::C };
            macro_rules! emit {
                ($v:expr) => {{
                    let a =
                        Array::from_shape_vec_order(IxDyn::from_slice(&shape).unwrap(), order, $v)
                            .unwrap();
                    ndio::write_npy(&mut out, &a, version).unwrap();
                }};
            }
            match kind {
                0 => emit!((0..n).map(|k| k as f64 - 1.5).collect::<Vec<_>>()),
                1 => emit!((0..n).map(|k| k as i16 - 3).collect::<Vec<_>>()),
                2 => emit!((0..n).map(|k| k % 2 == 0).collect::<Vec<_>>()),
                3 => emit!((0..n).map(|k| k as u8).collect::<Vec<_>>()),
                _ => {
                    // A structured, big-endian file from the corpus.
                    let name = if kind == 4 {
                        "struct_be_2"
                    } else {
                        "struct_subarray2d_2"
                    };
                    out = std::fs::read(nd_tests::goldens::golden_path(&format!("npy/{name}.npy")))
                        .unwrap();
                }
            }
            out
        })
}

/// One change to a file's bytes.
#[derive(Debug, Clone)]
enum Mutation {
    /// Set the byte at (position modulo length) to a value.
    Set(usize, u8),
    /// Replace a byte with a character a literal parser trips on.
    Char(usize, char),
    /// Keep only the first (position modulo length + 1) bytes.
    Truncate(usize),
    /// Insert bytes at (position modulo length + 1).
    Insert(usize, Vec<u8>),
    /// Remove the byte at a position.
    Remove(usize),
}

const TRICKY: &[char] = &[
    '(', ')', '[', ']', '{', '}', ',', ':', '\'', '"', '\\', ' ', '\n', '-', '0', '1', '9', 'e',
    '.', 'T', 'F', '<', '>', '|', '\u{ff}', '\u{0}',
];

fn mutation() -> impl Strategy<Value = Mutation> {
    // Most positions fall in the header (the first 128 bytes), where parsing happens.
    let pos = prop_oneof![3 => 0usize..128, 1 => any::<usize>()];
    prop_oneof![
        (pos.clone(), any::<u8>()).prop_map(|(p, b)| Mutation::Set(p, b)),
        (pos.clone(), proptest::sample::select(TRICKY)).prop_map(|(p, c)| Mutation::Char(p, c)),
        pos.clone().prop_map(Mutation::Truncate),
        (pos.clone(), proptest::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(p, b)| Mutation::Insert(p, b)),
        pos.prop_map(Mutation::Remove),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    if bytes.is_empty() {
        return;
    }
    let len = bytes.len();
    match m {
        Mutation::Set(p, b) => bytes[p % len] = *b,
        Mutation::Char(p, c) => {
            // Latin-1 for one byte; a multi-byte UTF-8 character replaces one byte too.
            let mut buf = [0u8; 4];
            let enc = c.encode_utf8(&mut buf).as_bytes().to_vec();
            bytes.splice(p % len..p % len + 1, enc);
        }
        Mutation::Truncate(p) => bytes.truncate(p % (len + 1)),
        Mutation::Insert(p, b) => {
            let at = p % (len + 1);
            bytes.splice(at..at, b.iter().copied());
        }
        Mutation::Remove(p) => {
            bytes.remove(p % len);
        }
    }
}

/// Random bytes, often starting with a valid magic string and version so that the
/// header parser, not the magic check, sees them.
fn random_file() -> impl Strategy<Value = Vec<u8>> {
    (
        prop_oneof![
            Just(Vec::new()),
            Just(b"\x93NUMPY\x01\x00".to_vec()),
            Just(b"\x93NUMPY\x02\x00".to_vec()),
            Just(b"\x93NUMPY\x03\x00".to_vec()),
        ],
        proptest::collection::vec(any::<u8>(), 0..300),
    )
        .prop_map(|(mut head, tail)| {
            head.extend(tail);
            head
        })
}

/// Random header texts made of the tokens a header is made of, behind a valid prefix
/// whose length field is right.
fn token_header() -> impl Strategy<Value = Vec<u8>> {
    let token = proptest::sample::select(
        &[
            "{",
            "}",
            "'descr'",
            "'fortran_order'",
            "'shape'",
            ": ",
            ", ",
            "'<f8'",
            "'|b1'",
            "'>i2'",
            "[",
            "]",
            "(",
            ")",
            "('a', '<i4')",
            "('b', '<f8', (2,))",
            "True",
            "False",
            "3",
            "0",
            "-1",
            "2,",
            "'",
            "\"",
            " ",
            "\n",
            "'x'",
            "(2, 3)",
            "()",
            "(1,)",
            "99999999999999999999",
        ][..],
    );
    (
        proptest::collection::vec(token, 0..30),
        proptest::collection::vec(any::<u8>(), 0..64),
    )
        .prop_map(|(tokens, data)| {
            let text = tokens.concat();
            let mut out = b"\x93NUMPY\x01\x00".to_vec();
            out.extend_from_slice(&(text.len() as u16).to_le_bytes());
            out.extend_from_slice(text.as_bytes());
            out.extend(data);
            out
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in random_file()) {
        read_never_panics(&bytes)?;
    }

    #[test]
    fn random_headers_never_panic(bytes in token_header()) {
        read_never_panics(&bytes)?;
    }

    #[test]
    fn mutated_files_never_panic(
        file in valid_file(),
        ms in proptest::collection::vec(mutation(), 1..4),
    ) {
        // The file itself reads.
        prop_assert!(ndio::read_npy(&file).is_ok());
        let mut bytes = file;
        for m in &ms {
            apply(&mut bytes, m);
        }
        read_never_panics(&bytes)?;
    }
}

/// A scratch file for this process and test thread.
fn scratch(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("nd-npy-props-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(format!("{tag}.npy"))
}

/// How the array to save is laid out.
#[derive(Debug, Clone, Copy)]
enum Layout {
    C,
    F,
    /// Every other element of a larger array along the first axis.
    Step,
}

fn shape_and_layout() -> impl Strategy<Value = (Vec<usize>, Layout)> {
    (
        proptest::collection::vec(0usize..=5, 0..=4),
        prop_oneof![Just(Layout::C), Just(Layout::F), Just(Layout::Step)],
    )
}

/// Saves `values` laid out as asked, in shape `shape`, to a file and to memory, loads both
/// back and checks shape, order and every element (by `same`).
fn round_trip<T: Element>(
    tag: &str,
    shape: &[usize],
    layout: Layout,
    values: Vec<T>,
    same: impl Fn(&T, &T) -> bool,
) -> Result<(), TestCaseError> {
    let n: usize = shape.iter().product();
    let dim = IxDyn::from_slice(shape).unwrap();
    let owner;
    let a: ArrayViewD<'_, T> = match layout {
        Layout::C => {
            owner = Array::from_shape_vec(dim, values[..n].to_vec()).unwrap();
            owner.view()
        }
        Layout::F => {
            owner = Array::from_shape_vec_order(dim, Order::F, values[..n].to_vec()).unwrap();
            owner.view()
        }
        Layout::Step => {
            // Twice as long along the first axis, every other row kept.
            let mut big = shape.to_vec();
            if let Some(first) = big.first_mut() {
                *first *= 2;
            }
            let m: usize = big.iter().product();
            owner = Array::from_shape_vec(IxDyn::from_slice(&big).unwrap(), values[..m].to_vec())
                .unwrap();
            let info: Vec<SliceInfoElem> = (0..shape.len())
                .map(|i| Slice::new(None, None, if i == 0 { 2 } else { 1 }).into())
                .collect();
            owner.view().slice_move(&info[..]).unwrap()
        }
    };
    prop_assert_eq!(a.shape(), shape);
    let fortran = a.is_f_contiguous() && !a.is_c_contiguous();

    let path = scratch(tag);
    ndio::save(&path, &a).unwrap();
    let b = ndio::load::<T, IxDyn>(&path).unwrap();
    let h = ndio::read_header(&path).unwrap();
    prop_assert_eq!(h.fortran_order, fortran);
    prop_assert!(h.data_offset.is_multiple_of(64));
    prop_assert_eq!(b.shape(), shape);
    prop_assert_eq!(b.is_f_contiguous() && !b.is_c_contiguous(), fortran);
    prop_assert!(
        a.iter().zip(b.iter()).all(|(x, y)| same(x, y)),
        "{:?} vs {:?}",
        a,
        b
    );

    // The same through memory, and through load_any: identical bytes to the file.
    let mut mem = Vec::new();
    ndio::write_npy(&mut mem, &a, None).unwrap();
    prop_assert_eq!(&mem, &std::fs::read(&path).unwrap());
    let any = ndio::read_npy(&mem).unwrap();
    let c = any.into_array::<T, IxDyn>().unwrap();
    prop_assert!(a.iter().zip(c.iter()).all(|(x, y)| same(x, y)));
    let _ = std::fs::remove_file(&path);
    Ok(())
}

/// Up to 2 * 5^4 values, enough for any shape of the strategy, stepped layouts included.
const MAX_VALUES: usize = 2 * 625;

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn f64_round_trips_bit_for_bit(
        (shape, layout) in shape_and_layout(),
        bits in proptest::collection::vec(any::<u64>(), MAX_VALUES),
    ) {
        let values: Vec<f64> = bits.into_iter().map(f64::from_bits).collect();
        round_trip("f64", &shape, layout, values, |x, y| x.to_bits() == y.to_bits())?;
    }

    #[test]
    fn i16_round_trips(
        (shape, layout) in shape_and_layout(),
        values in proptest::collection::vec(any::<i16>(), MAX_VALUES),
    ) {
        round_trip("i16", &shape, layout, values, |x, y| x == y)?;
    }

    #[test]
    fn bool_round_trips(
        (shape, layout) in shape_and_layout(),
        values in proptest::collection::vec(any::<bool>(), MAX_VALUES),
    ) {
        round_trip("bool", &shape, layout, values, |x, y| x == y)?;
    }
}
