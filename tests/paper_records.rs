//! The paper's "structured data-types", In [63]–[69], with `#[derive(Record)]`: the dtype
//! `dt`, the three measurements, `x['time']`, the mask `x['time'] >= 2`, the x positions of
//! the selected records, and `foo.dat` written with `tofile` and read back with `fromfile`.
//! Every printed value is compared with NumPy's (`scripts/goldens/records.py`).

use nd_tests::goldens::{golden_path, read_golden};
use ndops::prelude::*;

// In [63]: dt = np.dtype([('time', np.uint64),
//                         ('pos', [('x', float),
//                                  ('y', float)])])
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

fn rec(time: u64, x: f64, y: f64) -> Rec {
    Rec {
        time,
        pos: Pos { x, y },
    }
}

/// In [64]: x = np.array([(1, (0, 0.5)), (2, (0, 10.3)), (3, (5.5, 1.1))], dtype=dt)
fn paper_x() -> Array1<Rec> {
    Array1::from_vec(vec![rec(1, 0.0, 0.5), rec(2, 0.0, 10.3), rec(3, 5.5, 1.1)])
}

fn golden(name: &str) -> String {
    read_golden(&format!("records/{name}"))
        .trim_end()
        .to_string()
}

#[test]
fn in_63_the_dtype() {
    let dt = Rec::dtype();
    assert_eq!(
        dt.descr(),
        "[('time', '<u8'), ('pos', [('x', '<f8'), ('y', '<f8')])]"
    );
    assert_eq!(dt.repr(), golden("paper_dt.repr.txt"));
    assert_eq!(dt.itemsize(), 24);
    assert_eq!(dt.field("pos").map(|f| f.offset), Some(8));
}

#[test]
fn in_64_the_records() {
    let x = paper_x();
    assert_eq!(format!("{x:?}"), golden("paper_x.repr.txt"));
    assert_eq!(x[[2]], rec(3, 5.5, 1.1));
}

#[test]
fn in_65_the_time_stamps() {
    let x = paper_x();
    // In [65]: x['time']
    let time = x.time();
    assert_eq!(format!("{time:?}"), golden("paper_time.repr.txt"));
    // A view of the records' memory: the record's stride, no copy.
    assert_eq!(time.strides(), &[24]);
    assert_eq!(time.as_ptr().cast::<u8>(), x.as_ptr().cast::<u8>());
    assert_eq!(time.to_vec(), vec![1, 2, 3]);
}

#[test]
fn in_66_to_68_the_mask() -> Result<(), Box<dyn std::error::Error>> {
    let x = paper_x();
    // In [66]: times = (x['time'] >= 2)
    let times = x.time().ge(2)?;
    // In [67]: print times
    assert_eq!(format!("{times}"), golden("paper_times.str.txt"));
    assert_eq!(times.to_vec(), vec![false, true, true]);
    // In [68]: x[times]['pos']['x']
    let selected = x.masked(&times)?;
    let pos_x = selected.pos().x();
    assert_eq!(format!("{pos_x:?}"), golden("paper_selected_x.repr.txt"));
    assert_eq!(pos_x.to_vec(), vec![0.0, 5.5]);
    // The same, selecting the field first: x['pos']['x'][times].
    assert_eq!(x.pos().x().masked(&times)?.to_vec(), vec![0.0, 5.5]);
    Ok(())
}

#[test]
fn field_views_write_through() -> Result<(), Box<dyn std::error::Error>> {
    // x['pos']['y'] *= 2; x['time'][0] = 10
    let mut x = paper_x();
    let mut y = x.pos_mut().y_mut();
    y *= 2.0;
    x.time_mut()[[0]] = 10;
    assert_eq!(x[[0]], rec(10, 0.0, 1.0));
    assert_eq!(x.pos().y().to_vec(), vec![1.0, 20.6, 2.2]);
    Ok(())
}

#[test]
fn in_69_fromfile() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::temp_dir().join(format!("nd-paper-records-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("foo.dat");
    let x = paper_x();
    // x.tofile("foo.dat"): the bytes NumPy writes.
    ndio::tofile(&path, &x)?;
    assert_eq!(
        std::fs::read(&path)?,
        std::fs::read(golden_path("records/paper_foo.dat"))?
    );
    // In [69]: data = np.fromfile("foo.dat", dtype=dt)
    let data = ndio::fromfile::<Rec>(&path, None, 0)?;
    assert_eq!(format!("{data:?}"), golden("paper_x.repr.txt"));
    assert_eq!(data, x);
    // NumPy's own file reads the same.
    let numpy = ndio::fromfile::<Rec>(golden_path("records/paper_foo.dat"), None, 0)?;
    assert_eq!(numpy, x);
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
