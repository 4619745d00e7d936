//! `power` with the scalar exponents NumPy special-cases (2, 0.5, -1), bit for bit against
//! NumPy (`tests/goldens/power/`, written by `scripts/goldens/power.py`): 100000 values
//! hashed, and edge values one by one.

use nd_tests::goldens::read_golden;
use ndops::prelude::*;

const N: usize = 100_000;
const SCALES: [f64; 13] = [
    1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1.0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6,
];
const EDGES: [f64; 16] = [
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    -0.0,
    0.0,
    1.0,
    -1.0,
    0.5,
    -2.5,
    3.0,
    5e-324,
    1e-310,
    1.797_693_134_862_315_7e308,
    1e154,
    1e-200,
    0.1,
];

/// The script's inputs: `(((i * 7919) % 100003) / 100003 * 20 - 10) * SCALES[i % 13]`.
fn inputs() -> Array1<f64> {
    (0..N)
        .map(|i| (((i * 7919) % 100_003) as f64 / 100_003.0 * 20.0 - 10.0) * SCALES[i % 13])
        .collect()
}

/// FNV-1a (64-bit) of bytes, as the script computes it.
fn fnv1a64(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Checks nd's results (`all` for the inputs, `edges` for the edge values) against the
/// golden of `name`.
fn check(name: &str, all: &[u8], edges: &[(u64, u64)]) {
    let golden = read_golden(&format!("power/{name}.txt"));
    let mut lines = golden.lines();
    let hash = lines
        .next()
        .and_then(|l| l.strip_prefix("fnv1a64 "))
        .expect("hash line");
    assert_eq!(
        format!("{:016x}", fnv1a64(all.iter().copied())),
        hash,
        "{name}: 100000 values"
    );
    for (line, &(x, y)) in lines.zip(edges) {
        assert_eq!(line, format!("{x:x} => {y:x}"), "{name}: edge value");
    }
}

#[test]
fn f64_special_exponents_match_numpy_bit_for_bit() {
    let x = inputs();
    let e = Array::from_vec(EDGES.to_vec());
    for (name, exp) in [("2", 2.0), ("0.5", 0.5), ("m1", -1.0)] {
        let r = ndops::power(&x, exp).unwrap();
        let bytes: Vec<u8> = r.iter().flat_map(|v| v.to_le_bytes()).collect();
        let re = ndops::power(&e, exp).unwrap();
        let edges: Vec<(u64, u64)> = e
            .iter()
            .zip(re.iter())
            .map(|(a, b)| (a.to_bits(), b.to_bits()))
            .collect();
        check(&format!("f64_{name}"), &bytes, &edges);
    }
    // `x ** 2` is `x * x` exactly, as in NumPy (pow differs in the last bit for some x).
    assert_eq!(ndops::power(&x, 2.0).unwrap(), &x * &x);
    assert_eq!(ndops::power(&x, 2).unwrap(), &x * &x);
}

#[test]
fn f32_special_exponents_match_numpy_bit_for_bit() {
    let x = inputs().cast::<f32>();
    let e = Array::from_vec(EDGES.to_vec()).cast::<f32>();
    for (name, exp) in [("2", 2.0f32), ("0.5", 0.5), ("m1", -1.0)] {
        let r = ndops::power(&x, exp).unwrap();
        let bytes: Vec<u8> = r.iter().flat_map(|v| v.to_le_bytes()).collect();
        let re = ndops::power(&e, exp).unwrap();
        let edges: Vec<(u64, u64)> = e
            .iter()
            .zip(re.iter())
            .map(|(a, b)| (a.to_bits() as u64, b.to_bits() as u64))
            .collect();
        check(&format!("f32_{name}"), &bytes, &edges);
    }
}
