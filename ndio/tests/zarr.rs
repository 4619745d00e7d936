//! ndio::zarr: round trips, `s![]` regions against in-memory slicing, chunk-wise compute,
//! bad input; and, with `ND_PYTHON` pointing at a Python with zarr and dask (`cargo xtask
//! test` sets it), stores written by zarr-python read exactly, stores written here read
//! by zarr-python, and a sum over chunks equal to Dask's on a local distributed cluster.

use std::path::{Path, PathBuf};

use ndcore::prelude::*;
use ndio::zarr::{Compressor, ZarrArray, ZarrElement, create_group, open_group};

/// A fresh directory under the system's temporary one.
fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("nd-zarr-{}-{name}", std::process::id()));
    std::fs::remove_dir_all(&d).ok();
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

fn python() -> Option<PathBuf> {
    std::env::var_os("ND_PYTHON").map(PathBuf::from)
}

/// Runs `scripts/zarr_check.py` with `args`; its standard output.
fn run_check(python: &Path, args: &[&str]) -> String {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/zarr_check.py");
    let out = std::process::Command::new(python)
        .arg(&script)
        .args(args)
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "zarr_check.py {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The entries of an `s![]` selection.
fn el<I: ndcore::slice::SliceArg<IxDyn> + ?Sized>(i: &I) -> Vec<SliceInfoElem> {
    i.elems().to_vec()
}

/// The selection of a box: `r0.start..r0.end, …`.
fn boxed(ranges: &[std::ops::Range<u64>]) -> Vec<SliceInfoElem> {
    ranges
        .iter()
        .map(|r| SliceInfoElem::Slice {
            start: Some(r.start as isize),
            stop: Some(r.end as isize),
            step: 1,
        })
        .collect()
}

/// One of each compressor nd writes.
const COMPRESSORS: [Compressor; 5] = [
    Compressor::None,
    Compressor::Gzip(6),
    Compressor::Zstd(3),
    Compressor::Blosc {
        zstd: false,
        level: 5,
    },
    Compressor::Blosc {
        zstd: true,
        level: 3,
    },
];

/// A value per index with no simple pattern.
fn val(i: usize) -> f64 {
    ((i * 2_654_435_761) % 1_000_003) as f64 / 7.0 - 3.5
}

#[test]
fn round_trips_with_every_compressor() {
    let dir = scratch("round");
    let x = Array::from_vec((0..23 * 17).map(val).collect::<Vec<_>>())
        .into_shape([23, 17])
        .unwrap();
    for (k, c) in COMPRESSORS.into_iter().enumerate() {
        let name = format!("a{k}");
        let z = ZarrArray::create::<f64>(&dir, &name, &[23, 17], &[7, 5])
            .compressor(c)
            .build()
            .unwrap();
        z.write(&[0, 0], &x).unwrap();
        let back = ZarrArray::open(&dir, &name).unwrap().read::<f64>().unwrap();
        assert_eq!(back.shape(), &[23, 17]);
        assert!(
            back.iter()
                .zip(x.iter())
                .all(|(a, b)| a.to_bits() == b.to_bits()),
            "{c:?}"
        );
    }
    // Sharded, and written through a transposed, reversed view.
    let z = ZarrArray::create::<f64>(&dir, "sharded", &[17, 23], &[4, 4])
        .shards(&[8, 12])
        .build()
        .unwrap();
    let t = x.t();
    let r = t.slice(s![..;-1, ..]);
    z.write(&[0, 0], &r).unwrap();
    let back = z.read::<f64>().unwrap();
    assert_eq!(back.to_vec(), r.to_vec());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn regions_match_in_memory_slicing() {
    let dir = scratch("slices");
    let x = Array::from_vec((0..9 * 11 * 6i32).collect::<Vec<_>>())
        .into_shape([9, 11, 6])
        .unwrap();
    let z = ZarrArray::create::<i32>(&dir, "x", &[9, 11, 6], &[4, 3, 5])
        .build()
        .unwrap();
    z.write(&[0, 0, 0], &x).unwrap();
    let xd = x.view().into_dyn();
    let cases: Vec<Vec<SliceInfoElem>> = vec![
        el(s![..]),
        el(s![2..7, .., 1..]),
        el(s![..;2, ..;-3, 5]),
        el(s![-1, 3..-2, ..;4]),
        el(s![.., NewAxis, 4, ..;-1]),
        el(s![..., 2]),
        el(s![1, ...]),
        el(s![5..2, .., ..]),
        el(s![8..0;-3, 10, -6..]),
    ];
    for c in &cases {
        let got = z.read_slice::<i32, _>(&c[..]).unwrap();
        let want = xd.slice(&c[..]);
        assert_eq!(got.shape(), want.shape(), "{c:?}");
        assert_eq!(got.to_vec(), want.to_vec(), "{c:?}");
    }
    // A region written in the middle, the rest unchanged.
    let patch = Array::from_vec(vec![-1i32; 2 * 3 * 4])
        .into_shape([2, 3, 4])
        .unwrap();
    z.write(&[3, 4, 1], &patch).unwrap();
    let back = z.read::<i32>().unwrap();
    for ((i, j, k), &v) in back
        .indexed_iter()
        .map(|(ix, v)| ((ix[0], ix[1], ix[2]), v))
    {
        let inside = (3..5).contains(&i) && (4..7).contains(&j) && (1..5).contains(&k);
        assert_eq!(v, if inside { -1 } else { x[[i, j, k]] });
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn fill_values_attributes_groups() {
    let dir = scratch("meta");
    let mut attrs = serde_json::Map::new();
    attrs.insert("units".into(), "m".into());
    let mut z = ZarrArray::create::<i64>(&dir, "g/filled", &[10, 10], &[4, 4])
        .fill_value(-7)
        .attributes(attrs.clone())
        .dimension_names(&["y", "x"])
        .build()
        .unwrap();
    z.write(
        &[0, 0],
        &Array::from_vec(vec![1i64, 2, 3])
            .into_shape([1, 3])
            .unwrap(),
    )
    .unwrap();
    let back = z.read::<i64>().unwrap();
    assert_eq!(back[[0, 2]], 3);
    assert_eq!(back[[0, 3]], -7);
    assert_eq!(back[[9, 9]], -7);
    assert_eq!(z.attributes(), &attrs);
    attrs.insert("scale".into(), 2.5.into());
    z.set_attributes(attrs.clone()).unwrap();
    assert_eq!(
        ZarrArray::open(&dir, "g/filled").unwrap().attributes(),
        &attrs
    );
    create_group(&dir, "", serde_json::Map::new()).unwrap();
    let mut gattrs = serde_json::Map::new();
    gattrs.insert("title".into(), "test".into());
    create_group(&dir, "g", gattrs.clone()).unwrap();
    let g = open_group(&dir, "g").unwrap();
    assert_eq!(g.attributes, gattrs);
    assert_eq!(g.arrays, vec!["g/filled".to_string()]);
    assert_eq!(open_group(&dir, "").unwrap().groups, vec!["g".to_string()]);
    assert_eq!(z.dtype(), "int64");
    assert_eq!(
        format!("{z:?}"),
        format!(
            "<Array file://{}/g/filled shape=(10, 10) dtype=int64>",
            dir.display()
        )
    );
    let one = ZarrArray::create::<u8>(&dir, "one", &[7], &[3])
        .build()
        .unwrap();
    assert_eq!(
        format!("{one:?}"),
        format!(
            "<Array file://{}/one shape=(7,) dtype=uint8>",
            dir.display()
        )
    );
    assert_eq!(z.grid_shape(), vec![3, 3]);
    // Creating again at the same path starts empty: no old chunk shows through.
    let again = ZarrArray::create::<i64>(&dir, "g/filled", &[10, 10], &[4, 4])
        .fill_value(5)
        .build()
        .unwrap();
    assert!(again.read::<i64>().unwrap().iter().all(|&v| v == 5));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn chunk_wise_compute_and_fill() {
    let dir = scratch("chunks");
    // The paper's grid R, sqrt(i² + j² + k²), filled chunk by chunk and summed.
    let n = 40u64;
    let z = ZarrArray::create::<f64>(&dir, "R", &[n, n, n], &[16, 16, 16])
        .build()
        .unwrap();
    z.fill_chunks(|c| {
        let [a, b, d] = [&c.region[0], &c.region[1], &c.region[2]];
        let shape = [
            (a.end - a.start) as usize,
            (b.end - b.start) as usize,
            (d.end - d.start) as usize,
        ];
        let mut v = Vec::with_capacity(shape.iter().product());
        for i in a.clone() {
            for j in b.clone() {
                for k in d.clone() {
                    v.push(((i * i + j * j + k * k) as f64).sqrt());
                }
            }
        }
        Ok(Array::from_vec(v).into_shape(shape)?)
    })
    .unwrap();
    let chunks = z.chunks();
    assert_eq!(chunks.len(), 27);
    assert_eq!(chunks[26].region, vec![32..40, 32..40, 32..40]);
    let parts = z
        .map_chunks(|_, a: ArrayD<f64>| Ok((a.len(), a.iter().sum::<f64>())))
        .unwrap();
    assert_eq!(parts.iter().map(|p| p.0).sum::<usize>(), 40 * 40 * 40);
    let direct: f64 = (0..n)
        .flat_map(|i| {
            (0..n).flat_map(move |j| (0..n).map(move |k| ((i * i + j * j + k * k) as f64).sqrt()))
        })
        .sum();
    let total: f64 = parts.iter().map(|p| p.1).sum();
    assert!(
        (total - direct).abs() < 1e-9 * direct,
        "{total} vs {direct}"
    );
    assert_eq!(z.read_slice::<f64, _>(&s![3, 4, 12]).unwrap()[[]], 13.0);
    // An error in one chunk is returned; the others were still written.
    let e = z
        .fill_chunks(|c| {
            if c.index == vec![1, 1, 1] {
                Err(ndio::Error::Array(ndcore::Error::Value("boom".into())))
            } else {
                Ok(Array::<f64, _>::zeros(
                    c.region
                        .iter()
                        .map(|r| (r.end - r.start) as usize)
                        .collect::<Vec<_>>(),
                ))
            }
        })
        .unwrap_err();
    assert!(e.to_string().contains("boom"), "{e}");
    assert_eq!(z.read_slice::<f64, _>(&s![0, 0, 0]).unwrap()[[]], 0.0);
    assert_eq!(
        z.read_slice::<f64, _>(&s![16, 16, 17]).unwrap()[[]],
        (16.0f64 * 16.0 * 2.0 + 17.0 * 17.0).sqrt()
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn bad_input_is_a_clear_error() {
    let dir = scratch("bad");
    let z = ZarrArray::create::<f32>(&dir, "x", &[6, 4], &[4, 4])
        .build()
        .unwrap();
    z.write(&[0, 0], &Array::<f32, _>::ones([6, 4])).unwrap();
    let msg = |e: ndio::Error| e.to_string();
    // Wrong element type, either way.
    let e = msg(z.read::<f64>().unwrap_err());
    assert!(e.contains("holds float32, not float64"), "{e}");
    let e = msg(z
        .write(&[0, 0], &Array::<i32, _>::zeros([1, 1]))
        .unwrap_err());
    assert!(e.contains("not int32"), "{e}");
    // Regions outside the array.
    let e = msg(z.read_region::<f32>(&[0..7, 0..4]).unwrap_err());
    assert!(e.contains("outside the array of shape [6, 4]"), "{e}");
    let e = msg(z
        .write(&[5, 0], &Array::<f32, _>::zeros([2, 4]))
        .unwrap_err());
    assert!(e.contains("outside"), "{e}");
    let e = msg(z.write(&[0], &Array::<f32, _>::zeros([2])).unwrap_err());
    assert!(e.contains("1 axes"), "{e}");
    // NumPy's IndexErrors.
    let e = msg(z.read_slice::<f32, _>(&s![6, ..]).unwrap_err());
    assert!(
        e.contains("index 6 is out of bounds for axis 0 with size 6"),
        "{e}"
    );
    let e = msg(z.read_slice::<f32, _>(&s![0, 0, 0]).unwrap_err());
    assert!(
        e.contains("too many indices for array: array is 2-dimensional, but 3 were indexed"),
        "{e}"
    );
    // Bad shapes at creation.
    assert!(
        ZarrArray::create::<f32>(&dir, "y", &[6, 4], &[4])
            .build()
            .is_err()
    );
    assert!(
        ZarrArray::create::<f32>(&dir, "y", &[6, 4], &[0, 4])
            .build()
            .is_err()
    );
    assert!(
        ZarrArray::create::<f32>(&dir, "y", &[6, 4], &[4, 4])
            .shards(&[6, 4])
            .build()
            .is_err()
    );
    // Missing store, missing array, corrupt metadata.
    let e = msg(ZarrArray::open(dir.join("nowhere"), "x").unwrap_err());
    assert!(e.contains("nowhere"), "{e}");
    let e = msg(ZarrArray::open(&dir, "missing").unwrap_err());
    assert!(
        e.contains("missing") && e.contains("no readable Zarr array"),
        "{e}"
    );
    std::fs::create_dir_all(dir.join("broken")).unwrap();
    std::fs::write(
        dir.join("broken/zarr.json"),
        b"{\"zarr_format\": 3, \"node_type\": ",
    )
    .unwrap();
    let e = msg(ZarrArray::open(&dir, "broken").unwrap_err());
    assert!(e.contains("broken"), "{e}");
    // A truncated chunk: the message names the chunk's key.
    let chunk = dir.join("x/c/1/0");
    let bytes = std::fs::read(&chunk).unwrap();
    std::fs::write(&chunk, &bytes[..bytes.len() / 2]).unwrap();
    let e = msg(z.read::<f32>().unwrap_err());
    assert!(e.contains("c/1/0") || e.contains("[1, 0]"), "{e}");
    // The chunk before it still reads.
    assert!(
        z.read_region::<f32>(&[0..4, 0..4])
            .unwrap()
            .iter()
            .all(|&v| v == 1.0)
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// `z[sel] = data` for `s![]` selections against the same assignment in memory: indices,
/// steps (negative too), `NewAxis`, `...`, broadcasting; NumPy's errors for the rest. And
/// `iter_chunks` visits every chunk once with its values.
#[test]
fn write_slices_match_memory() {
    let dir = scratch("wslices");
    let shape = [9usize, 11, 6];
    let start = Array::from_fn(shape, |i| (i[0] * 66 + i[1] * 6 + i[2]) as i32);
    let z = ZarrArray::create::<i32>(&dir, "x", &[9, 11, 6], &[4, 3, 5])
        .build()
        .unwrap();
    z.write(&[0, 0, 0], &start).unwrap();
    let mut want = start.clone().into_dyn();
    let full = |shape: &[usize], v: i32| ArrayD::full(IxDyn::from_slice(shape).unwrap(), v);
    let cases: Vec<(Vec<SliceInfoElem>, ArrayD<i32>)> = vec![
        (el(s![2..7, .., 1..]), full(&[5, 11, 5], -1)),
        (el(s![..;2, ..;-3, 5]), full(&[5, 4], -2)),
        (el(s![-1, 3..-2, ..;4]), full(&[6, 2], -3)),
        (el(s![.., NewAxis, 4, ..;-1]), full(&[9, 1, 6], -4)),
        (el(s![..., 2]), full(&[11], -5)), // broadcast along axis 0
        (el(s![1, ...]), full(&[], -6)),   // a 0-d value fills
        (el(s![8..0;-3, 10, -6..]), full(&[3, 6], -7)),
        (el(s![..]), full(&[9, 11, 6], -8)),
        (el(s![5..2, .., ..]), full(&[0, 11, 6], -9)),
    ];
    for (k, (c, v)) in cases.iter().enumerate() {
        // Distinct values, so that a misplaced element shows.
        let v = ArrayD::from_shape_vec(
            IxDyn::from_slice(v.shape()).unwrap(),
            v.iter()
                .enumerate()
                .map(|(i, &x)| x * 1000 - i as i32)
                .collect(),
        )
        .unwrap();
        z.write_slice(&c[..], &v).unwrap();
        want.slice_mut(&c[..]).assign(&v).unwrap();
        assert_eq!(z.read::<i32>().unwrap(), want, "case {k}: {c:?}");
    }
    // NumPy's errors.
    let e = z
        .write_slice(&s![0, ..3], &Array::<i32, _>::zeros([4]))
        .unwrap_err()
        .to_string();
    assert!(e.contains("could not broadcast"), "{e}");
    let e = z
        .write_slice(&s![9, ..], &Array::<i32, _>::zeros([11, 6]))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("index 9 is out of bounds for axis 0 with size 9"),
        "{e}"
    );
    assert!(
        z.write_slice(&s![0, ..], &Array::<f32, _>::zeros([11, 6]))
            .unwrap_err()
            .to_string()
            .contains("not float32")
    );
    assert_eq!(
        z.read::<i32>().unwrap(),
        want,
        "a failed write changed the store"
    );
    // Chunk by chunk: each once, in order, with its values.
    let mut seen = 0;
    for (chunk, a) in z.iter_chunks::<i32>().map(Result::unwrap) {
        assert_eq!(chunk, z.chunks()[seen]);
        assert_eq!(a, want.slice(&boxed(&chunk.region)[..]).to_owned());
        seen += 1;
    }
    assert_eq!(seen, 3 * 4 * 2);
    std::fs::remove_dir_all(&dir).ok();
}

/// A 0-d array (`zarr.create_array(shape=())`): written, read typed, untyped and by `s![]`.
#[test]
fn zero_dimensional_array() {
    let dir = scratch("zero_d");
    let z = ZarrArray::create::<f64>(&dir, "x", &[], &[])
        .fill_value(1.5)
        .build()
        .unwrap();
    assert_eq!(z.read::<f64>().unwrap()[[]], 1.5);
    z.write(&[], &ArrayD::full(IxDyn::from_slice(&[]).unwrap(), 2.5))
        .unwrap();
    assert_eq!(z.read::<f64>().unwrap()[[]], 2.5);
    assert_eq!(z.read_any().unwrap().to_string(), "2.5");
    assert_eq!(z.read_slice::<f64, _>(&s![...]).unwrap()[[]], 2.5);
    z.write_slice(
        &s![...],
        &ArrayD::full(IxDyn::from_slice(&[]).unwrap(), -1.0),
    )
    .unwrap();
    assert_eq!(z.iter_chunks::<f64>().count(), 1);
    assert_eq!(
        z.map_chunks(|_, a: ArrayD<f64>| Ok(a[[]])).unwrap(),
        vec![-1.0]
    );
    if let Some(py) = python() {
        let code = format!(
            "import zarr; print(zarr.open_array({:?}, path='x', mode='r')[()])",
            dir.to_str().unwrap()
        );
        let out = std::process::Command::new(py)
            .args(["-c", &code])
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim(),
            "-1.0",
            "{out:?}"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// Malformed metadata and damaged chunks are errors, never panics: `zarr.json` with one
/// field replaced by a wrong value at a time, and chunks flipped, cut or emptied under
/// every compressor; each store is opened and read whole, by a region and chunk by chunk.
#[test]
fn damaged_stores_are_errors_not_panics() {
    use serde_json::{Value, json};
    let dir = scratch("damaged");
    let read_everything = |z: &ZarrArray| {
        let region: Vec<std::ops::Range<u64>> =
            z.shape().iter().map(|&n| 0..n.min(2) as u64).collect();
        let _ = z.read_region_any(&region);
        let n = z.shape().iter().try_fold(1usize, |a, &n| a.checked_mul(n));
        if n.is_some_and(|n| n < 1 << 20) {
            let _ = z.read_any();
            let _ = z.map_chunks(|_, a: ArrayD<f64>| Ok(a.len()));
        }
    };
    // Opens `name` and reads it every way: `None` if it opened, else the error's text; a
    // panic fails the test, naming `what` was changed.
    let open_and_read = |name: &str, what: &str| -> Option<String> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            match ZarrArray::open(&dir, name) {
                Ok(z) => {
                    read_everything(&z);
                    None
                }
                Err(e) => Some(e.to_string()),
            }
        }))
        .unwrap_or_else(|_| panic!("{what} panicked"))
    };
    ZarrArray::create::<f64>(&dir, "ok", &[6, 4], &[4, 4])
        .build()
        .unwrap()
        .write(&[0, 0], &Array::<f64, _>::ones([6, 4]))
        .unwrap();
    let good: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("ok/zarr.json")).unwrap()).unwrap();
    let huge = 1u64 << 62;
    let changes: Vec<(&str, Value)> = vec![
        ("zarr_format", json!(4)),
        ("zarr_format", json!("3")),
        ("node_type", json!("group")),
        ("node_type", json!(7)),
        ("shape", json!([-1, 4])),
        ("shape", json!([])),
        ("shape", json!([6])),
        ("shape", json!([huge, huge])),
        ("shape", json!("6, 4")),
        ("data_type", json!("complex128")),
        ("data_type", json!("float16")),
        ("data_type", json!("int32")),
        ("data_type", json!("nope")),
        ("data_type", json!(5)),
        (
            "chunk_grid",
            json!({"name": "regular", "configuration": {"chunk_shape": [0, 4]}}),
        ),
        (
            "chunk_grid",
            json!({"name": "regular", "configuration": {"chunk_shape": [4]}}),
        ),
        (
            "chunk_grid",
            json!({"name": "regular", "configuration": {"chunk_shape": [huge, 1]}}),
        ),
        ("chunk_grid", json!({"name": "hexagonal"})),
        ("chunk_grid", json!(null)),
        (
            "chunk_key_encoding",
            json!({"name": "default", "configuration": {"separator": "x"}}),
        ),
        ("chunk_key_encoding", json!({"name": "v2"})),
        ("fill_value", json!("abc")),
        ("fill_value", json!(null)),
        ("fill_value", json!([1, 2])),
        ("codecs", json!([])),
        ("codecs", json!([{"name": "nope"}])),
        (
            "codecs",
            json!([{"name": "zstd", "configuration": {"level": 0, "checksum": false}}]),
        ),
        (
            "codecs",
            json!([{"name": "bytes", "configuration": {"endian": "middle"}}]),
        ),
        (
            "codecs",
            json!([{"name": "bytes", "configuration": {"endian": "big"}}]),
        ),
        (
            "codecs",
            json!([{"name": "bytes"}, {"name": "gzip", "configuration": {"level": 99}}]),
        ),
        ("attributes", json!("not an object")),
    ];
    for (k, (key, value)) in changes.iter().enumerate() {
        let name = format!("m{k}");
        std::fs::create_dir_all(dir.join(&name)).unwrap();
        for f in ["c/0/0", "c/1/0"] {
            let to = dir.join(&name).join(f);
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::copy(dir.join("ok").join(f), to).unwrap();
        }
        let mut meta = good.clone();
        meta[*key] = value.clone();
        std::fs::write(dir.join(&name).join("zarr.json"), meta.to_string()).unwrap();
        if let Some(e) = open_and_read(&name, &format!("{key} = {value}")) {
            assert!(e.contains(&name), "{key}: {e}");
        }
    }
    // The same for Zarr v2's `.zarray` (zarr-python 2, older Dask), over a raw chunk.
    let v2 = json!({"zarr_format": 2, "shape": [6, 4], "chunks": [4, 4], "dtype": "<f8",
        "compressor": null, "fill_value": 0.0, "order": "C", "filters": null});
    let v2_changes: Vec<(&str, Value)> = vec![
        ("zarr_format", json!(1)),
        ("shape", json!([-6, 4])),
        ("shape", json!([huge, huge])),
        ("chunks", json!([0, 4])),
        ("chunks", json!([4])),
        ("dtype", json!("<c16")),
        ("dtype", json!("|O")),
        ("dtype", json!("<M8[ns]")),
        ("dtype", json!("what")),
        ("dtype", json!([["a", "<f8"]])),
        ("order", json!("X")),
        ("compressor", json!({"id": "nope"})),
        ("compressor", json!({"id": "zstd", "level": "max"})),
        ("filters", json!([{"id": "nope"}])),
        ("fill_value", json!("abc")),
        ("dimension_separator", json!("x")),
    ];
    for (k, (key, value)) in v2_changes.iter().enumerate() {
        let name = format!("v2_{k}");
        std::fs::create_dir_all(dir.join(&name)).unwrap();
        std::fs::write(dir.join(&name).join("0.0"), [0x3fu8; 128]).unwrap();
        let mut meta = v2.clone();
        meta[*key] = value.clone();
        std::fs::write(dir.join(&name).join(".zarray"), meta.to_string()).unwrap();
        if let Some(e) = open_and_read(&name, &format!("v2 {key} = {value}")) {
            assert!(e.contains(&name), "{key}: {e}");
        }
    }
    // The unchanged v2 metadata reads: 0x3f3f… as float64, everywhere in chunk (0, 0).
    std::fs::create_dir_all(dir.join("v2")).unwrap();
    std::fs::write(dir.join("v2/0.0"), [0x3fu8; 128]).unwrap();
    std::fs::write(dir.join("v2/.zarray"), v2.to_string()).unwrap();
    let a = ZarrArray::open(&dir, "v2").unwrap().read::<f64>().unwrap();
    assert_eq!(a[[3, 3]], f64::from_le_bytes([0x3f; 8]));
    assert_eq!(a[[5, 3]], 0.0);
    // Damaged chunks under every compressor: a flipped byte, cut short, empty, garbage.
    for (k, c) in COMPRESSORS.into_iter().enumerate() {
        let name = format!("c{k}");
        let z = ZarrArray::create::<f64>(&dir, &name, &[6, 4], &[4, 4])
            .compressor(c)
            .build()
            .unwrap();
        let x = Array::from_fn([6, 4], |i| val(i[0] * 4 + i[1]));
        let chunk = dir.join(&name).join("c/0/0");
        for damage in 0..6 {
            z.write(&[0, 0], &x).unwrap();
            let mut bytes = std::fs::read(&chunk).unwrap();
            match damage {
                0 => bytes[0] ^= 0xff,
                1 => {
                    let mid = bytes.len() / 2;
                    bytes[mid] ^= 0x5a;
                }
                2 => bytes.truncate(bytes.len() / 3),
                3 => bytes.clear(),
                4 => bytes = vec![0xab; 1 << 12],
                _ => bytes.extend_from_slice(&[7; 100]),
            }
            std::fs::write(&chunk, &bytes).unwrap();
            let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                read_everything(&z);
                z.read::<f64>().err().map(|e| e.to_string())
            }));
            let Ok(err) = run else {
                panic!("{c:?}, damage {damage}: panicked");
            };
            if let Some(e) = err {
                assert!(
                    e.contains("c/0/0") || e.contains("[0, 0]"),
                    "{c:?} {damage}: {e}"
                );
            }
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// Random boxes of arrays whose shapes are not multiples of their chunks, with chunks never
/// written (the fill value), plain and sharded, on one thread and on three: every read
/// equals the same box of the array in memory. Reads decode the chunks inside a box
/// straight into the result and the chunks a box cuts whole into a buffer; both paths,
/// and missing chunks, are crossed by these boxes.
#[test]
fn random_boxes_match_memory() {
    let dir = scratch("boxes");
    let shape = [23usize, 17, 5];
    let mut expected = Array::<f64, _>::full(shape, -7.5);
    let mut rng = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move |n: usize| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        (rng % n as u64) as usize
    };
    for (name, shards) in [("plain", None), ("sharded", Some([8u64, 12, 6]))] {
        let mut b = ZarrArray::create::<f64>(&dir, name, &[23, 17, 5], &[4, 6, 3]).fill_value(-7.5);
        if let Some(s) = &shards {
            b = b.shards(s);
        }
        let z = b.build().unwrap();
        // Rows 0..13 only: the chunks past them stay unwritten.
        let part = Array::from_fn([13, 17, 5], |i| val(i[0] * 85 + i[1] * 5 + i[2]));
        z.write(&[0, 0, 0], &part).unwrap();
        expected.slice_mut(s![..13, .., ..]).assign(&part).unwrap();
        for threads in [1, 3] {
            ndcore::threads::set_num_threads(threads);
            for _ in 0..60 {
                let ranges: Vec<std::ops::Range<u64>> = shape
                    .iter()
                    .map(|&n| {
                        let a = next(n);
                        let b = a + 1 + next(n - a);
                        a as u64..b as u64
                    })
                    .collect();
                let got = z.read_region::<f64>(&ranges).unwrap();
                let any = z.read_region_any(&ranges).unwrap();
                assert_eq!(any.into_array::<f64, IxDyn>().unwrap(), got);
                let want = expected.view().into_dyn();
                let want = want.slice(&boxed(&ranges)[..]);
                assert_eq!(got.shape(), want.shape(), "{name} {ranges:?}");
                assert_eq!(got.to_vec(), want.to_vec(), "{name} {ranges:?}");
            }
        }
        ndcore::threads::set_num_threads(0);
        assert_eq!(z.read::<f64>().unwrap(), expected.view().into_dyn());
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// Reads a store zarr-python wrote and compares it with the .npy beside it.
fn same_as_npy<T: ZarrElement + ndcore::Element>(dir: &Path, name: &str) {
    let z = ZarrArray::open(dir, name).unwrap_or_else(|e| panic!("{name}: {e}"));
    let got = z.read::<T>().unwrap_or_else(|e| panic!("{name}: {e}"));
    let want: ArrayD<T> = ndio::load(dir.join(format!("{name}.npy"))).unwrap();
    assert_eq!(got.shape(), want.shape(), "{name}");
    let same = got
        .iter()
        .zip(want.iter())
        .all(|(a, b)| bytemuck::bytes_of(a) == bytemuck::bytes_of(b));
    assert!(same, "{name}: values differ");
    // Read without naming the type: NumPy's dtype, the same bytes.
    let any = z.read_any().unwrap_or_else(|e| panic!("{name}: {e}"));
    let want = ndio::npy::load_any(dir.join(format!("{name}.npy"))).unwrap();
    assert_eq!(any.dtype(), want.dtype(), "{name}");
    assert_eq!(any.shape(), want.shape(), "{name}");
    assert!(
        any.iter_bytes().eq(want.iter_bytes()),
        "{name}: bytes differ"
    );
    assert_eq!(any.to_string(), want.to_string(), "{name}");
}

#[test]
fn zarr_python_and_dask_agree() {
    let Some(py) = python() else {
        eprintln!("ND_PYTHON not set (cargo xtask test sets it): zarr-python cross-check skipped");
        return;
    };
    // zarr-python writes, nd reads.
    let from_py = scratch("from-python");
    let n = run_check(&py, &["write", from_py.to_str().unwrap()]);
    assert_eq!(n.trim(), "12");
    same_as_npy::<f64>(&from_py, "f8_zstd");
    same_as_npy::<i32>(&from_py, "i4_gzip");
    same_as_npy::<u8>(&from_py, "u1_blosc");
    same_as_npy::<bool>(&from_py, "b1_raw");
    same_as_npy::<f32>(&from_py, "f4_sharded");
    same_as_npy::<i16>(&from_py, "i2_attrs");
    same_as_npy::<u64>(&from_py, "u8_blosc_zstd");
    same_as_npy::<i64>(&from_py, "i8_zero");
    same_as_npy::<f64>(&from_py, "grp/inner/f8");
    same_as_npy::<i64>(&from_py, "i8_fill");
    same_as_npy::<f64>(&from_py, "v2_f8");
    same_as_npy::<i32>(&from_py, "v2_i4_f");
    let attrs = ZarrArray::open(&from_py, "i2_attrs").unwrap();
    assert_eq!(attrs.attributes()["units"], "m");
    assert_eq!(attrs.attributes()["scale"], 2.5);
    let g = open_group(&from_py, "grp").unwrap();
    assert_eq!(g.attributes["title"], "nested");
    assert_eq!(g.groups, vec!["grp/inner".to_string()]);
    let sliced = ZarrArray::open(&from_py, "v2_i4_f")
        .unwrap()
        .read_slice::<i32, _>(&s![2..11;3, ..;-2])
        .unwrap();
    let whole: ArrayD<i32> = ndio::load(from_py.join("v2_i4_f.npy")).unwrap();
    assert_eq!(sliced.to_vec(), whole.slice(s![2..11;3, ..;-2]).to_vec());
    // A v2 array written in place; zarr-python then reads every store of the directory
    // against its .npy (the one changed here too).
    let v2 = ZarrArray::open(&from_py, "v2_f8").unwrap();
    let patch = Array::from_vec(vec![0.25f64, -0.5, 1e300, f64::MIN_POSITIVE])
        .into_shape([2, 2])
        .unwrap();
    v2.write(&[4, 2], &patch).unwrap();
    let mut want: ArrayD<f64> = ndio::load(from_py.join("v2_f8.npy")).unwrap();
    want.slice_mut(s![4..6, 2..4]).assign(&patch).unwrap();
    assert_eq!(v2.read::<f64>().unwrap().to_vec(), want.to_vec());
    ndio::save(from_py.join("v2_f8.npy"), &want).unwrap();
    assert_eq!(
        run_check(&py, &["check", from_py.to_str().unwrap()]).trim(),
        "ok 12"
    );

    // nd writes, zarr-python reads.
    let from_nd = scratch("from-nd");
    let mut names = Vec::new();
    let mut put = |name: &str, z: ZarrArray, write: &dyn Fn(&ZarrArray, &Path, &str)| {
        write(&z, &from_nd, name);
        names.push(serde_json::Value::from(name));
    };
    let f = Array::from_vec((0..50 * 30).map(val).collect::<Vec<_>>())
        .into_shape([50, 30])
        .unwrap();
    let write_f64 = |z: &ZarrArray, d: &Path, name: &str| {
        z.write(&[0, 0], &f).unwrap();
        ndio::save(d.join(format!("{name}.npy")), &f).unwrap();
    };
    for (name, c) in [
        ("nd_zstd", Compressor::Zstd(0)),
        ("nd_gzip", Compressor::Gzip(4)),
        (
            "nd_blosc",
            Compressor::Blosc {
                zstd: false,
                level: 5,
            },
        ),
        ("nd_raw", Compressor::None),
    ] {
        let z = ZarrArray::create::<f64>(&from_nd, name, &[50, 30], &[16, 7])
            .compressor(c)
            .build()
            .unwrap();
        put(name, z, &write_f64);
    }
    let z = ZarrArray::create::<f64>(&from_nd, "nd_sharded", &[50, 30], &[5, 5])
        .shards(&[10, 15])
        .build()
        .unwrap();
    put("nd_sharded", z, &write_f64);
    let mut attrs = serde_json::Map::new();
    attrs.insert("source".into(), "nd".into());
    let z = ZarrArray::create::<i16>(&from_nd, "deep/nd_i2", &[7, 3, 5], &[2, 3, 2])
        .fill_value(-3)
        .attributes(attrs.clone())
        .build()
        .unwrap();
    put("deep/nd_i2", z, &|z, d, name| {
        let part = Array::from_vec((0..4 * 3 * 5).map(|i| i as i16).collect::<Vec<_>>())
            .into_shape([4, 3, 5])
            .unwrap();
        z.write(&[0, 0, 0], &part).unwrap();
        let mut all = Array::<i16, _>::full([7, 3, 5], -3);
        all.slice_mut(s![..4, .., ..]).assign(&part).unwrap();
        ndio::save(d.join(format!("{name}.npy")), &all).unwrap();
    });
    std::fs::write(
        from_nd.join("deep/nd_i2.attrs.json"),
        serde_json::Value::Object(attrs).to_string(),
    )
    .unwrap();
    let z = ZarrArray::create::<bool>(&from_nd, "nd_bool", &[9], &[4])
        .build()
        .unwrap();
    put("nd_bool", z, &|z, d, name| {
        let b = Array::from_vec((0..9).map(|i| i % 3 == 0).collect::<Vec<_>>());
        z.write(&[0], &b).unwrap();
        ndio::save(d.join(format!("{name}.npy")), &b).unwrap();
    });
    std::fs::write(
        from_nd.join("manifest.json"),
        serde_json::Value::Array(names).to_string(),
    )
    .unwrap();
    assert_eq!(
        run_check(&py, &["check", from_nd.to_str().unwrap()]).trim(),
        "ok 7"
    );

    // The same sums over chunks, by nd's map_chunks and by Dask on a local cluster.
    let parts = ZarrArray::open(&from_nd, "nd_zstd")
        .unwrap()
        .map_chunks(|_, a: ArrayD<f64>| {
            Ok((
                a.iter().sum::<f64>(),
                a.iter().map(|v| v.abs().sqrt() + 1.0).sum::<f64>(),
            ))
        })
        .unwrap();
    let (sum, fused) = parts
        .iter()
        .fold((0.0, 0.0), |acc, p| (acc.0 + p.0, acc.1 + p.1));
    let out = run_check(&py, &["dask", from_nd.to_str().unwrap(), "nd_zstd"]);
    let mut it = out.split_whitespace().map(|s| s.parse::<f64>().unwrap());
    let (dsum, dfused) = (it.next().unwrap(), it.next().unwrap());
    assert!(
        (sum - dsum).abs() <= 1e-9 * dsum.abs().max(1.0),
        "{sum} vs Dask {dsum}"
    );
    assert!(
        (fused - dfused).abs() <= 1e-9 * dfused,
        "{fused} vs Dask {dfused}"
    );
    std::fs::remove_dir_all(&from_py).ok();
    std::fs::remove_dir_all(&from_nd).ok();
}

/// Peak resident memory of this process so far (Linux's `VmHWM`), in bytes.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// The store several times larger than the memory limit, summed chunk by chunk in a child
/// process (this test binary run again for [`child_sums_the_store`]) whose private memory
/// is limited (`RLIMIT_DATA`) to 40 MiB, so that any allocation past it fails, and whose
/// peak resident memory is then read: 128 MiB of f64 in 2 MiB chunks, under 40 MiB.
#[test]
fn larger_than_the_memory_bound_stays_bounded() {
    if !cfg!(target_os = "linux") {
        return;
    }
    const N: u64 = 1 << 24; // 16 Mi f64: 128 MiB
    const BOUND: u64 = 40 << 20;
    let dir = scratch("big");
    let z = ZarrArray::create::<f64>(&dir, "big", &[N / 4096, 4096], &[64, 4096])
        .compressor(Compressor::None)
        .build()
        .unwrap();
    z.fill_chunks(|c| {
        let rows = (c.region[0].end - c.region[0].start) as usize;
        let first = c.region[0].start as f64 * 4096.0;
        Ok(Array::from_vec(
            (0..rows * 4096)
                .map(|i| first + i as f64)
                .collect::<Vec<_>>(),
        )
        .into_shape([rows, 4096])?)
    })
    .unwrap();
    let limit = [("ND_ZARR_CHILD_LIMIT", BOUND.to_string())];
    let line = run_child("child_sums_the_store", "ND_ZARR_CHILD_STORE", &dir, &limit);
    let mut it = line.split_whitespace();
    let sum: f64 = it.next().unwrap().parse().unwrap();
    let peak: u64 = it.next().unwrap().parse().unwrap();
    // 0 + 1 + … + (N-1), exact in f64 at this size.
    assert_eq!(sum, (N as f64) * (N as f64 - 1.0) / 2.0);
    assert!(
        peak < BOUND,
        "peak memory {} MiB for a {} MiB store, bound {} MiB",
        peak >> 20,
        (N * 8) >> 20,
        BOUND >> 20
    );
    eprintln!(
        "{} MiB store summed with a peak of {} MiB",
        (N * 8) >> 20,
        peak >> 20
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Run by [`larger_than_the_memory_bound_stays_bounded`] in a child process; does nothing
/// in a plain test run.
#[test]
fn child_sums_the_store() {
    let Some(dir) = std::env::var_os("ND_ZARR_CHILD_STORE") else {
        return;
    };
    let limit: u64 = std::env::var("ND_ZARR_CHILD_LIMIT")
        .unwrap()
        .parse()
        .unwrap();
    let limit = libc::rlimit {
        rlim_cur: limit,
        rlim_max: limit,
    };
    // SAFETY: a plain system call on this process's own limit. RLIMIT_DATA bounds the
    // private writable memory a process maps (heap, anonymous maps, thread stacks):
    // an allocation past it fails, and the test with it.
    unsafe {
        assert_eq!(libc::setrlimit(libc::RLIMIT_DATA, &limit), 0);
    }
    let z = ZarrArray::open(&dir, "big").unwrap();
    let parts = z
        .map_chunks(|_, a: ArrayD<f64>| Ok(a.iter().sum::<f64>()))
        .unwrap();
    let sum: f64 = parts.iter().sum();
    println!("zarr-child {sum:?} {}", peak_rss().unwrap_or(u64::MAX));
}

/// Runs the test `name` of this binary in a child process with `var` set to `dir` and the
/// variables `env`; the text after `zarr-child ` on the line the child printed. A child
/// that has not finished after two minutes is killed and the test fails (an allocation
/// refused under a memory limit can leave a process waiting on its own locks).
fn run_child(name: &str, var: &str, dir: &Path, env: &[(&str, String)]) -> String {
    let log = |k: &str| dir.with_extension(format!("{name}.{k}"));
    let file = |k: &str| std::fs::File::create(log(k)).unwrap();
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", name, "--nocapture", "--test-threads=1"])
        .env(var, dir)
        .envs(env.iter().map(|(k, v)| (k, v)))
        .stdout(file("out"))
        .stderr(file("err"))
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if start.elapsed() > std::time::Duration::from_secs(120) {
            child.kill().ok();
            child.wait().ok();
            break None;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let text = std::fs::read_to_string(log("out")).unwrap_or_default();
    let err = std::fs::read_to_string(log("err")).unwrap_or_default();
    std::fs::remove_file(log("out")).ok();
    std::fs::remove_file(log("err")).ok();
    let Some(status) = status else {
        panic!("the child {name} did not finish in 120 s:\n{text}\n{err}");
    };
    assert!(status.success(), "{text}\n{err}");
    text.lines()
        .find_map(|l| l.split("zarr-child ").nth(1))
        .unwrap_or_else(|| panic!("no result from the child: {text}"))
        .to_string()
}

/// The files under `dir` whose names are temporary ones of nd's store (`.name.nd-….tmp`).
fn temporary_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                todo.push(p);
            } else if p.file_name().unwrap().to_string_lossy().contains(".nd-") {
                found.push(p);
            }
        }
    }
    found
}

/// A write interrupted in the middle of a chunk leaves every chunk whole. A child process
/// (this binary again, for [`child_rewrites_the_store`]) rewrites an array under a
/// file-size limit (`RLIMIT_FSIZE`) of half a chunk, so each chunk file it writes fails
/// halfway, as on a full disk; the old chunks must all read back, with no file left behind.
/// (zarrs' own directory store truncates a chunk file and writes it in place: here that
/// left torn chunks.)
#[test]
fn an_interrupted_write_keeps_the_old_chunks() {
    if !cfg!(target_os = "linux") {
        return;
    }
    let dir = scratch("torn");
    // Four chunks of 16 x 4096 f64, 512 KiB each, uncompressed.
    let z = ZarrArray::create::<f64>(&dir, "a", &[64, 4096], &[16, 4096])
        .compressor(Compressor::None)
        .build()
        .unwrap();
    let old = Array::from_fn([64, 4096], |i| val(i[0] * 4096 + i[1]));
    z.write(&[0, 0], &old).unwrap();
    z.write(&[0, 0], &old).unwrap(); // a complete rewrite leaves no temporary file
    assert_eq!(temporary_files(&dir), Vec::<PathBuf>::new());
    let msg = run_child("child_rewrites_the_store", "ND_ZARR_TORN_STORE", &dir, &[]);
    assert!(msg.contains("File too large"), "{msg}");
    assert!(msg.contains("torn/a"), "the message names the array: {msg}");
    assert_eq!(z.read::<f64>().unwrap(), old.into_dyn());
    assert_eq!(temporary_files(&dir), Vec::<PathBuf>::new());
    std::fs::remove_dir_all(&dir).ok();
}

/// Run by [`an_interrupted_write_keeps_the_old_chunks`] in a child process; does nothing in
/// a plain test run.
#[test]
fn child_rewrites_the_store() {
    let Some(dir) = std::env::var_os("ND_ZARR_TORN_STORE") else {
        return;
    };
    let limit = libc::rlimit {
        rlim_cur: 256 << 10,
        rlim_max: 256 << 10,
    };
    // SAFETY: plain system calls on this process's own limits and signal disposition,
    // made before any file is written; ignoring SIGXFSZ makes an oversized write fail
    // with EFBIG instead of killing the process.
    unsafe {
        assert_eq!(libc::setrlimit(libc::RLIMIT_FSIZE, &limit), 0);
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    let z = ZarrArray::open(&dir, "a").unwrap();
    let e = z
        .write(&[0, 0], &Array::<f64, _>::full([64, 4096], 2.0))
        .expect_err("the write must fail at the file-size limit");
    println!("zarr-child {e}");
}

/// The README's example ("Zarr stores"), as written there.
#[test]
fn readme_example() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::temp_dir().join(format!("nd-readme-zarr-{}", std::process::id()));
    // z = zarr.create_array(store=dir, name="R", shape=(64, 64, 64), chunks=(32, 32, 32))
    let z = ZarrArray::create::<f64>(&dir, "R", &[64, 64, 64], &[32, 32, 32])
        .compressor(Compressor::Zstd(0))
        .build()?;
    // The paper's grid R written chunk by chunk on nd's threads: one chunk per thread in memory.
    z.fill_chunks(|c| {
        let [i, j, k] = [&c.region[0], &c.region[1], &c.region[2]];
        let shape = [i.end - i.start, j.end - j.start, k.end - k.start].map(|n| n as usize);
        let mut v = Vec::with_capacity(shape.iter().product());
        for x in i.clone() {
            for y in j.clone() {
                for w in k.clone() {
                    v.push(((x * x + y * y + w * w) as f64).sqrt());
                }
            }
        }
        Ok(Array::from_vec(v).into_shape(shape)?)
    })?;
    // z[3, 4, 12], and a region with steps: z[::16, 2, -3:]
    assert_eq!(z.read_slice::<f64, _>(&s![3, 4, 12])?[[]], 13.0);
    assert_eq!(
        z.read_slice::<f64, _>(&s![..;16, 2, -3..])?.shape(),
        &[4, 3]
    );
    // da.from_zarr(dir + "/R").sum().compute(), chunk by chunk:
    let parts = z.map_chunks(|_, a: ArrayD<f64>| Ok(a.iter().sum::<f64>()))?;
    assert!(parts.iter().sum::<f64>() > 0.0);
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
