//! NumPy reads what ndio writes: every element type ndcore has, in C order, Fortran order
//! (a transpose, reversed axes), from non-contiguous views (a step, a negative step), 0-d
//! and empty, and `AnyArray` re-saves of every file of the NumPy corpus (big-endian,
//! structured, hand-built). `scripts/check_npy.py` then `np.load`s each file and checks
//! dtype, shape, `fortran_order`, the values bit for bit, and that the bytes are those
//! `np.save` writes for the same array.
//!
//! Needs the pinned NumPy: `cargo xtask test` sets `ND_PYTHON`; without it the test says
//! so and passes.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use nd_tests::goldens::{golden_path, read_golden};
use nd_tests::nd_python;
use ndcore::prelude::*;

/// An element type with a value recipe and a text Python's `check_npy.py` reads exactly.
trait Sample: Element {
    /// The `k`-th value of the recipe: extremes, negatives, specials.
    fn sample(k: usize) -> Self;
    /// NumPy's descr in this machine's byte order (`'<i4'`, `'|b1'`).
    fn descr() -> String {
        Self::dtype().descr().trim_matches('\'').to_string()
    }
    /// The value as `check_npy.py` reads it.
    fn text(&self) -> String;
}

macro_rules! int_sample {
    ($($t:ty),*) => {$(
        impl Sample for $t {
            fn sample(k: usize) -> $t {
                match k % 7 {
                    0 => <$t>::MIN,
                    1 => <$t>::MAX,
                    // Wraps on purpose: negatives for signed types, large values for
                    // unsigned ones.
                    _ => (k as i64 * 37 - 100) as $t,
                }
            }
            fn text(&self) -> String {
                self.to_string()
            }
        }
    )*};
}

int_sample!(i8, i16, i32, i64, u8, u16, u32, u64);

macro_rules! float_sample {
    ($($t:ident),*) => {$(
        impl Sample for $t {
            fn sample(k: usize) -> $t {
                match k % 11 {
                    0 => $t::NAN,
                    1 => $t::INFINITY,
                    2 => $t::NEG_INFINITY,
                    3 => -0.0,
                    4 => $t::MIN_POSITIVE,
                    5 => $t::MAX,
                    6 => 1e-7,
                    _ => k as $t * 0.5 - 3.25,
                }
            }
            fn text(&self) -> String {
                // `{:?}` is the shortest text that reads back to the same value.
                format!("{self:?}")
            }
        }
    )*};
}

float_sample!(f32, f64);

impl Sample for bool {
    fn sample(k: usize) -> bool {
        k.is_multiple_of(3)
    }
    fn text(&self) -> String {
        if *self { "1" } else { "0" }.to_string()
    }
}

fn samples<T: Sample>(n: usize, seed: usize) -> Vec<T> {
    (0..n).map(|k| T::sample(k + seed)).collect()
}

/// The manifest `check_npy.py` reads, and the files it names.
struct Manifest {
    dir: PathBuf,
    lines: String,
    count: usize,
}

impl Manifest {
    fn new() -> Manifest {
        let dir = std::env::temp_dir().join(format!("nd-npy-roundtrip-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        Manifest {
            dir,
            lines: String::new(),
            count: 0,
        }
    }

    fn file(&self, name: &str) -> PathBuf {
        self.dir.join(format!("{name}.npy"))
    }

    /// Saves `a` (any layout) as `name` and records what NumPy must read back.
    fn typed<T: Sample, S: ndcore::storage::Data<Elem = T>, D: Dimension>(
        &mut self,
        name: &str,
        a: &ArrayBase<S, D>,
        fortran: bool,
    ) {
        let path = self.file(name);
        ndio::save(&path, a).unwrap_or_else(|e| panic!("{name}: save failed: {e}"));
        let values: Vec<String> = a.iter().map(Sample::text).collect();
        let shape: Vec<String> = a.shape().iter().map(usize::to_string).collect();
        writeln!(
            self.lines,
            "{}\t{}\t{}\t{}\tvalues\t{}",
            path.display(),
            T::descr(),
            shape.join(","),
            u8::from(fortran),
            values.join(" ")
        )
        .unwrap();
        self.count += 1;
    }

    /// Re-saves a corpus file through `load_any` and `ndio::save` (NumPy's choice of
    /// version); NumPy must see the same array as in the original.
    fn resave(&mut self, case: &str) {
        let src = golden_path(&format!("npy/{case}.npy"));
        let a = ndio::load_any(&src).unwrap_or_else(|e| panic!("{case}: {e}"));
        let h = ndio::read_header(&src).unwrap();
        let path = self.file(&format!("resave_{case}"));
        ndio::save(&path, &a).unwrap_or_else(|e| panic!("{case}: save failed: {e}"));
        let shape: Vec<String> = h.shape.iter().map(usize::to_string).collect();
        writeln!(
            self.lines,
            "{}\t-\t{}\t{}\tlike\t{}",
            path.display(),
            shape.join(","),
            u8::from(h.fortran_order),
            src.display()
        )
        .unwrap();
        self.count += 1;
    }
}

impl Drop for Manifest {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Every layout of one element type.
fn layouts<T: Sample>(m: &mut Manifest) {
    let t = T::descr().replace(['<', '>', '|'], "");
    let n = |s: &str| format!("{t}_{s}");
    let c = Array::from_shape_vec((3, 4), samples::<T>(12, 0)).unwrap();
    m.typed(&n("c_3x4"), &c, false);
    // A transpose is Fortran order: NumPy writes it so, with fortran_order True.
    let c43 = Array::from_shape_vec((4, 3), samples::<T>(12, 5)).unwrap();
    m.typed(&n("f_t_3x4"), &c43.t(), true);
    let c432 = Array::from_shape_vec((4, 3, 2), samples::<T>(24, 2)).unwrap();
    m.typed(&n("f_reversed_2x3x4"), &c432.reversed_axes(), true);
    // Neither order: written in C order, element by element.
    let big = Array::from_shape_vec((6, 8), samples::<T>(48, 1)).unwrap();
    m.typed(&n("step_3x3"), &big.slice(s![..;2, 1..;3]), false);
    m.typed(&n("negstep_6x8"), &big.slice(s![..;-1, ..]), false);
    m.typed(&n("t_of_step_3x3"), &big.slice(s![..;2, 1..;3]).t(), false);
    let z = Array::from_shape_vec((), samples::<T>(1, 3)).unwrap();
    m.typed(&n("0d"), &z, false);
    let e1 = Array::<T, _>::from_shape_vec((0,), vec![]).unwrap();
    m.typed(&n("empty_0"), &e1, false);
    let e3 = Array::<T, _>::from_shape_vec((2, 0, 3), vec![]).unwrap();
    m.typed(&n("empty_2x0x3"), &e3, false);
    // Both C- and F-contiguous (an empty transpose, a transposed row): NumPy's rule says
    // C order, fortran_order False.
    let e03 = Array::<T, _>::from_shape_vec((0, 3), vec![]).unwrap();
    m.typed(&n("empty_t_3x0"), &e03.t(), false);
    let row = Array::from_shape_vec((1, 3), samples::<T>(3, 4)).unwrap();
    m.typed(&n("t_3x1"), &row.t(), false);
    let one = Array::from_shape_vec((5,), samples::<T>(5, 6)).unwrap();
    m.typed(&n("c_5"), &one, false);
}

fn check_npy_script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("scripts")
        .join("check_npy.py")
}

#[test]
fn numpy_reads_what_ndio_writes() {
    let Some(python) = nd_python() else {
        eprintln!("ND_PYTHON is not set (cargo xtask test sets it): NumPy checks skipped");
        return;
    };
    let mut m = Manifest::new();
    layouts::<bool>(&mut m);
    layouts::<i8>(&mut m);
    layouts::<i16>(&mut m);
    layouts::<i32>(&mut m);
    layouts::<i64>(&mut m);
    layouts::<u8>(&mut m);
    layouts::<u16>(&mut m);
    layouts::<u32>(&mut m);
    layouts::<u64>(&mut m);
    layouts::<f32>(&mut m);
    layouts::<f64>(&mut m);
    let typed = m.count;
    for case in read_golden("npy/INDEX.txt")
        .lines()
        .filter(|l| !l.is_empty())
    {
        m.resave(case);
    }
    let manifest = m.dir.join("MANIFEST.txt");
    std::fs::write(&manifest, &m.lines).unwrap();
    let out = Command::new(&python)
        .arg(check_npy_script())
        .arg(&manifest)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", python.display()));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "NumPy disagrees with ndio ({}):\n{stdout}\n{stderr}",
        out.status
    );
    assert!(
        stdout.contains(&format!("checked {} files", m.count)),
        "{stdout}"
    );
    eprintln!(
        "{typed} typed saves and {} re-saves: {stdout}",
        m.count - typed
    );
}
