//! `ndops::random` against NumPy's own streams (scripts/goldens/random_streams.py): every
//! call the golden files list is replayed on nd's generator, in order on one generator per
//! file, and its result must be NumPy's bit for bit; the error texts, the seeding states
//! and the ziggurat tables too.

use nd_tests::goldens::read_golden;
use ndcore::prelude::*;
use ndops::random::{
    ChoiceOptions, Generator, Pcg64, RandomInt, SeedSequence, default_rng, tables,
};

/// A result as the golden file writes it.
enum Drawn {
    F64(Vec<f64>),
    F32(Vec<f32>),
    /// Values and the dtype's width in bytes.
    Int(Vec<i128>, usize),
    Bool(Vec<bool>),
}

const LONG: usize = 64;

fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// The golden line of a result: the values (floats as bit patterns), or a hash for long ones.
fn format(d: &Drawn) -> String {
    let (kind, n, bytes, vals): (&str, usize, Vec<u8>, Vec<String>) = match d {
        Drawn::F64(v) => (
            "f64",
            v.len(),
            v.iter().flat_map(|x| x.to_le_bytes()).collect(),
            v.iter().map(|x| format!("{:016x}", x.to_bits())).collect(),
        ),
        Drawn::F32(v) => (
            "f32",
            v.len(),
            v.iter().flat_map(|x| x.to_le_bytes()).collect(),
            v.iter().map(|x| format!("{:08x}", x.to_bits())).collect(),
        ),
        Drawn::Int(v, w) => (
            "int",
            v.len(),
            v.iter()
                .flat_map(|x| x.to_le_bytes()[..*w].to_vec())
                .collect(),
            v.iter().map(|x| x.to_string()).collect(),
        ),
        Drawn::Bool(v) => (
            "bool",
            v.len(),
            v.iter().map(|&b| u8::from(b)).collect(),
            v.iter().map(|&b| u8::from(b).to_string()).collect(),
        ),
    };
    if n > LONG {
        format!("fnv {kind} {n} {:016x}", fnv1a64(&bytes))
    } else {
        std::iter::once(kind.to_string())
            .chain(vals)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// `-` is NumPy's `size=None`; `3x4` is `(3, 4)`.
fn shape(s: &str) -> Option<Vec<usize>> {
    (s != "-").then(|| s.split('x').map(|n| n.parse().unwrap()).collect())
}

fn hexf(s: &str) -> f64 {
    f64::from_bits(u64::from_str_radix(s, 16).unwrap())
}

fn seed_rng(words: &[u64]) -> Generator {
    match words {
        [w] => default_rng(*w),
        _ => default_rng(words),
    }
}

fn ints<T: RandomInt>(a: Array<T, IxDyn>) -> Drawn {
    Drawn::Int(
        a.iter().map(|&v| v.to_i128()).collect(),
        std::mem::size_of::<T>(),
    )
}

/// `integers` for one dtype: an array, or one value for `size=None`.
fn integers_as<T: RandomInt>(
    g: &mut Generator,
    low: i128,
    high: i128,
    size: Option<Vec<usize>>,
    endpoint: bool,
    conv: fn(i128) -> T,
) -> ndcore::Result<Drawn> {
    let (lo, hi) = (conv(low), conv(high));
    match size {
        None if !endpoint => Ok(ints(
            Array::from_vec(vec![g.integers_scalar(lo, hi)?]).into_dyn(),
        )),
        None => Ok(ints(g.integers_endpoint(lo, hi, 1)?.into_dyn())),
        Some(s) if endpoint => Ok(ints(g.integers_endpoint(lo, hi, s)?)),
        Some(s) => Ok(ints(g.integers(lo, hi, s)?)),
    }
}

fn f64s<D: Dimension>(a: Array<f64, D>) -> Drawn {
    Drawn::F64(a.to_vec())
}

/// `<shape>:<start>:<step>`: `np.arange(n) * step + start` in that shape (`-`: 0-d).
fn lin(spec: &str) -> ArrayD<f64> {
    let p: Vec<&str> = spec.split(':').collect();
    let s = shape(p[0]).unwrap_or_default();
    let (start, step): (f64, f64) = (p[1].parse().unwrap(), p[2].parse().unwrap());
    let n: usize = s.iter().product();
    let v = (0..n).map(|i| i as f64 * step + start).collect();
    ArrayD::from_shape_vec(s, v).unwrap()
}

/// `<shape>:<start>:<step>` as integers (`-`: 0-d), converted to the dtype by `conv`.
fn ilin<T: RandomInt>(spec: &str, conv: fn(i128) -> T) -> ArrayD<T> {
    let p: Vec<&str> = spec.split(':').collect();
    let s = shape(p[0]).unwrap_or_default();
    let (start, step): (i128, i128) = (p[1].parse().unwrap(), p[2].parse().unwrap());
    let n: usize = s.iter().product();
    let v = (0..n).map(|i| conv(start + i as i128 * step)).collect();
    ArrayD::from_shape_vec(s, v).unwrap()
}

/// `integers_array` for one dtype.
fn integers_array_as<T: RandomInt>(
    g: &mut Generator,
    a: &[&str],
    conv: fn(i128) -> T,
) -> ndcore::Result<Drawn> {
    let (low, high) = (ilin(a[2], conv), ilin(a[3], conv));
    let size = shape(a[4]);
    Ok(ints(if a[0] == "integers_array_endpoint" {
        g.integers_array_endpoint(&low, &high, size.as_deref())?
    } else {
        g.integers_array(&low, &high, size.as_deref())?
    }))
}

/// Replays one golden `call` line on `g`.
fn call(g: &mut Generator, line: &str) -> ndcore::Result<Drawn> {
    let a: Vec<&str> = line.split(' ').collect();
    let arange_shaped = |s: &[usize]| {
        let n = s.iter().product::<usize>() as i64;
        arange(n).into_shape(s.to_vec()).unwrap()
    };
    Ok(match a[0] {
        "raw" => {
            let n: usize = a[1].parse().unwrap();
            let bg = g.bit_generator_mut();
            Drawn::Int((0..n).map(|_| bg.next_u64().into()).collect(), 8)
        }
        "random" => match shape(a[1]) {
            None => Drawn::F64(vec![g.random_scalar()]),
            Some(s) => f64s(g.random(s)?),
        },
        "random_f32" => Drawn::F32(g.random_f32(shape(a[1]).unwrap())?.to_vec()),
        "integers" | "integers_endpoint" => {
            let endpoint = a[0] == "integers_endpoint";
            let (lo, hi): (i128, i128) = (a[2].parse().unwrap(), a[3].parse().unwrap());
            let s = shape(a[4]);
            match a[1] {
                "int64" => integers_as(g, lo, hi, s, endpoint, |v| v as i64)?,
                "int32" => integers_as(g, lo, hi, s, endpoint, |v| v as i32)?,
                "int16" => integers_as(g, lo, hi, s, endpoint, |v| v as i16)?,
                "int8" => integers_as(g, lo, hi, s, endpoint, |v| v as i8)?,
                "uint64" => integers_as(g, lo, hi, s, endpoint, |v| v as u64)?,
                "uint32" => integers_as(g, lo, hi, s, endpoint, |v| v as u32)?,
                "uint16" => integers_as(g, lo, hi, s, endpoint, |v| v as u16)?,
                "uint8" => integers_as(g, lo, hi, s, endpoint, |v| v as u8)?,
                "bool" => match integers_as(g, lo, hi, s, endpoint, |v| v != 0)? {
                    Drawn::Int(v, _) => Drawn::Bool(v.iter().map(|&x| x != 0).collect()),
                    other => other,
                },
                t => panic!("dtype {t}"),
            }
        }
        "integers_array" | "integers_array_endpoint" => match a[1] {
            "int64" => integers_array_as(g, &a, |v| v as i64)?,
            "int32" => integers_array_as(g, &a, |v| v as i32)?,
            "int16" => integers_array_as(g, &a, |v| v as i16)?,
            "int8" => integers_array_as(g, &a, |v| v as i8)?,
            "uint64" => integers_array_as(g, &a, |v| v as u64)?,
            "uint32" => integers_array_as(g, &a, |v| v as u32)?,
            "uint16" => integers_array_as(g, &a, |v| v as u16)?,
            "uint8" => integers_array_as(g, &a, |v| v as u8)?,
            "bool" => match integers_array_as(g, &a, |v| v != 0)? {
                Drawn::Int(v, _) => Drawn::Bool(v.iter().map(|&x| x != 0).collect()),
                other => other,
            },
            t => panic!("dtype {t}"),
        },
        "uniform" => {
            let (lo, hi) = (hexf(a[1]), hexf(a[2]));
            match shape(a[3]) {
                None => Drawn::F64(vec![g.uniform_scalar(lo, hi)?]),
                Some(s) => f64s(g.uniform(lo, hi, s)?),
            }
        }
        "standard_normal" => match shape(a[1]) {
            None => Drawn::F64(vec![g.standard_normal_scalar()]),
            Some(s) => f64s(g.standard_normal(s)?),
        },
        "standard_normal_f32" => Drawn::F32(g.standard_normal_f32(shape(a[1]).unwrap())?.to_vec()),
        "normal" => {
            let (loc, scale) = (hexf(a[1]), hexf(a[2]));
            match shape(a[3]) {
                None => Drawn::F64(vec![g.normal_scalar(loc, scale)?]),
                Some(s) => f64s(g.normal(loc, scale, s)?),
            }
        }
        "normal_array" => f64s(g.normal_array(&lin(a[1]), &lin(a[2]), shape(a[3]).as_deref())?),
        "uniform_array" => f64s(g.uniform_array(&lin(a[1]), &lin(a[2]), shape(a[3]).as_deref())?),
        "exponential" => f64s(g.exponential(hexf(a[1]), shape(a[2]).unwrap())?),
        "standard_gamma" => f64s(g.standard_gamma(hexf(a[1]), shape(a[2]).unwrap())?),
        "gamma" => f64s(g.gamma(hexf(a[1]), hexf(a[2]), shape(a[3]).unwrap())?),
        "lognormal" => f64s(g.lognormal(hexf(a[1]), hexf(a[2]), shape(a[3]).unwrap())?),
        "poisson" => ints(g.poisson(hexf(a[1]), shape(a[2]).unwrap())?),
        "geometric" => ints(g.geometric(hexf(a[1]), shape(a[2]).unwrap())?),
        "negative_binomial" => {
            ints(g.negative_binomial(hexf(a[1]), hexf(a[2]), shape(a[3]).unwrap())?)
        }
        "zipf" => ints(g.zipf(hexf(a[1]), shape(a[2]).unwrap())?),
        "dist" => {
            let v: Vec<f64> = a[2..a.len() - 1].iter().map(|h| hexf(h)).collect();
            let s = shape(a[a.len() - 1]).unwrap();
            f64s(match a[1] {
                "beta" => g.beta(v[0], v[1], s)?,
                "chisquare" => g.chisquare(v[0], s)?,
                "f" => g.f(v[0], v[1], s)?,
                "standard_cauchy" => g.standard_cauchy(s)?,
                "standard_t" => g.standard_t(v[0], s)?,
                "pareto" => g.pareto(v[0], s)?,
                "weibull" => g.weibull(v[0], s)?,
                "power" => g.power(v[0], s)?,
                "laplace" => g.laplace(v[0], v[1], s)?,
                "gumbel" => g.gumbel(v[0], v[1], s)?,
                "logistic" => g.logistic(v[0], v[1], s)?,
                "rayleigh" => g.rayleigh(v[0], s)?,
                "triangular" => g.triangular(v[0], v[1], v[2], s)?,
                d => panic!("distribution {d}"),
            })
        }
        "binomial" => ints(g.binomial(a[1].parse().unwrap(), hexf(a[2]), shape(a[3]).unwrap())?),
        "standard_exponential" => match shape(a[1]) {
            None => Drawn::F64(vec![g.standard_exponential_scalar()]),
            Some(s) => f64s(g.standard_exponential(s)?),
        },
        "standard_exponential_f32" => {
            Drawn::F32(g.standard_exponential_f32(shape(a[1]).unwrap())?.to_vec())
        }
        "choice" => {
            let n: usize = a[1].parse().unwrap();
            let replace = a[3] == "1";
            let p: Option<Vec<f64>> = (a[4] != "none").then(|| a[4].split(',').map(hexf).collect());
            let s = shape(a[2]).unwrap_or_default();
            ints(g.choice(n, s, replace, p.as_deref())?)
        }
        "choice_rows" => {
            let (rows, cols): (usize, usize) = (a[1].parse().unwrap(), a[2].parse().unwrap());
            let s = shape(a[3]).unwrap();
            let replace = a[4] == "1";
            let x = if cols == 0 {
                arange_shaped(&[rows])
            } else {
                arange_shaped(&[rows, cols])
            };
            ints(g.choice_from(&x, s, replace, None)?)
        }
        "choice_opts" => {
            let (rows, cols): (usize, usize) = (a[1].parse().unwrap(), a[2].parse().unwrap());
            let s = shape(a[3]).unwrap();
            let opts = ChoiceOptions {
                replace: a[4] == "1",
                axis: Axis(a[5].parse().unwrap()),
                shuffle: a[6] == "1",
                ..Default::default()
            };
            if cols == 0 {
                ints(g.choice_with(rows, s, &opts)?)
            } else {
                ints(g.choice_from_with(&arange_shaped(&[rows, cols]), s, &opts)?)
            }
        }
        "shuffle" => {
            let mut x = arange_shaped(&shape(a[1]).unwrap());
            g.shuffle_axis(&mut x, Axis(a[2].parse().unwrap()))?;
            ints(x)
        }
        "shuffle_view" => {
            // The base np.arange(24).reshape(4, 6), shuffled through a view of it.
            let mut base = arange(24i64).into_shape([4, 6]).unwrap();
            match a[1] {
                "rev2" => g.shuffle(&mut base.slice_mut(s![..;-1, ..;2]))?,
                "t" => g.shuffle(&mut base.view_mut().reversed_axes())?,
                "col" => g.shuffle(&mut base.slice_mut(s![.., 1]))?,
                v => panic!("view {v}"),
            }
            ints(base.into_dyn())
        }
        "permutation_of_view" => {
            let base = arange(24i64).into_shape([4, 6]).unwrap();
            match a[1] {
                "rev2" => ints(g.permutation_of(&base.slice(s![..;-1, ..;2]))?.into_dyn()),
                "t" => ints(g.permutation_of(&base.t())?.into_dyn()),
                v => panic!("view {v}"),
            }
        }
        "permutation" => ints(g.permutation(a[1].parse().unwrap())?.into_dyn()),
        "permutation_of" => {
            let x = arange_shaped(&shape(a[1]).unwrap());
            ints(g.permutation_axis(&x, Axis(a[2].parse().unwrap()))?)
        }
        m => panic!("unknown call {m}"),
    })
}

fn words(line: &str, tag: &str) -> Vec<u64> {
    let rest = line
        .strip_prefix(tag)
        .unwrap_or_else(|| panic!("{line:?} lacks {tag}"));
    rest.split_whitespace()
        .map(|w| w.parse().unwrap())
        .collect()
}

fn check_stream(name: &str) {
    let text = read_golden(&format!("random_streams/streams_{name}.txt"));
    let mut lines = text.lines();
    let mut g = seed_rng(&words(lines.next().unwrap(), "seed"));
    let mut n = 0;
    while let Some(c) = lines.next() {
        let spec = c.strip_prefix("call ").unwrap();
        let want = lines.next().unwrap();
        let got = call(&mut g, spec).unwrap_or_else(|e| panic!("{name}: {spec}: {e}"));
        assert_eq!(format(&got), want, "{name}: call {n}: {spec}");
        n += 1;
    }
    assert!(n > 0, "{name}: no calls");
}

#[test]
fn every_method_mixed_on_one_generator_matches_numpy_for_each_seed() {
    for seed in ["0", "1", "12345", "big", "list"] {
        check_stream(&format!("every_{seed}"));
    }
}

#[test]
fn long_runs_hit_every_ziggurat_layer_as_numpy() {
    check_stream("long_0");
    check_stream("long_list");
}

#[test]
fn integers_at_the_edges_of_every_dtype_match_numpy() {
    check_stream("integers_0");
    check_stream("integers_big");
}

#[test]
fn scalar_draws_continue_the_stream_as_numpy() {
    check_stream("scalars_7");
}

#[test]
fn errors_read_as_numpy() {
    let text = read_golden("random_streams/errors.txt");
    let mut lines = text.lines();
    while let Some(c) = lines.next() {
        let spec = c.strip_prefix("call ").unwrap();
        let want = lines.next().unwrap().strip_prefix("error ").unwrap();
        match call(&mut default_rng(0), spec) {
            Err(e) => assert_eq!(e.to_string(), want, "{spec}"),
            Ok(_) => panic!("{spec}: no error, NumPy says {want:?}"),
        }
    }
}

#[test]
fn seed_sequence_words_and_pcg64_state_match_numpy() {
    let text = read_golden("random_streams/states.txt");
    let lines: Vec<&str> = text.lines().collect();
    for rec in lines.chunks(3) {
        // Seeds above u64 are written whole; split them into the u64 words NumPy would use.
        let seed: Vec<u128> = rec[0]
            .strip_prefix("seed")
            .unwrap()
            .split_whitespace()
            .map(|w| w.parse().unwrap())
            .collect();
        let ss = match seed.as_slice() {
            [w] => SeedSequence::from_u128(*w),
            ws => SeedSequence::new(ws.iter().map(|&w| w as u64).collect::<Vec<_>>()),
        };
        assert_eq!(
            ss.generate_state_u64(4),
            words(rec[1], "seedseq"),
            "{}",
            rec[0]
        );
        let st: Vec<u128> = rec[2]
            .strip_prefix("pcg64 ")
            .unwrap()
            .split(' ')
            .map(|w| w.parse().unwrap())
            .collect();
        let s = Pcg64::from_seed_sequence(&ss).state();
        assert_eq!((s.state, s.inc), (st[0], st[1]), "{}", rec[0]);
    }
}

#[test]
fn ziggurat_tables_are_numpys_bit_for_bit() {
    let text = read_golden("random_streams/tables.txt");
    let hex = |v: Vec<u64>| v.iter().map(|w| format!("{w:x}")).collect::<Vec<_>>();
    let f64s = |t: &[f64; 256]| hex(t.iter().map(|v| v.to_bits()).collect());
    let f32s = |t: &[f32; 256]| hex(t.iter().map(|v| u64::from(v.to_bits())).collect());
    let u32s = |t: &[u32; 256]| hex(t.iter().map(|&v| u64::from(v)).collect());
    let u64s = |t: &[u64; 256]| hex(t.to_vec());
    let mut seen = 0;
    for line in text.lines() {
        let mut it = line.split(' ');
        let name = it.next().unwrap();
        let numpy: Vec<String> = it
            .map(|w| format!("{:x}", u64::from_str_radix(w, 16).unwrap()))
            .collect();
        let ours = match name {
            "ki_double" => u64s(&tables::KI_DOUBLE),
            "wi_double" => f64s(&tables::WI_DOUBLE),
            "fi_double" => f64s(&tables::FI_DOUBLE),
            "ki_float" => u32s(&tables::KI_FLOAT),
            "wi_float" => f32s(&tables::WI_FLOAT),
            "fi_float" => f32s(&tables::FI_FLOAT),
            "ke_double" => u64s(&tables::KE_DOUBLE),
            "we_double" => f64s(&tables::WE_DOUBLE),
            "fe_double" => f64s(&tables::FE_DOUBLE),
            "ke_float" => u32s(&tables::KE_FLOAT),
            "we_float" => f32s(&tables::WE_FLOAT),
            "fe_float" => f32s(&tables::FE_FLOAT),
            t => panic!("table {t}"),
        };
        assert_eq!(ours, numpy, "{name}");
        seen += 1;
    }
    assert_eq!(seen, 12);
}
