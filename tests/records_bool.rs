//! Records with `bool` fields: checked when their bytes come from outside (a file, a byte
//! view), as NumPy's `'?'` is one byte, 0 or 1.

use ndcore::prelude::*;

#[derive(Record, Clone, Copy, Debug, PartialEq)]
#[repr(C)]
struct Flagged {
    value: f32,
    ok: bool,
    #[record(pad)]
    _pad: [u8; 3],
}

#[derive(Record, Clone, Copy, Debug, PartialEq)]
#[repr(C, packed)]
struct Packed {
    ok: bool,
    n: i32,
}

#[test]
fn bool_fields_are_views_and_are_checked() -> Result<(), Box<dyn std::error::Error>> {
    assert_eq!(
        Flagged::dtype().descr(),
        "[('value', '<f4'), ('ok', '|b1'), ('', '|V3')]"
    );
    let x = Array::from_vec(vec![
        Flagged {
            value: 1.5,
            ok: true,
            _pad: [0; 3],
        },
        Flagged {
            value: -2.0,
            ok: false,
            _pad: [0; 3],
        },
    ]);
    assert_eq!(x.ok().to_vec(), vec![true, false]);
    assert_eq!(x.value().strides(), &[8]);
    assert_eq!(
        format!("{x:?}"),
        "array([( 1.5,  True), (-2. , False)],\n      dtype={'names': ['value', 'ok'], 'formats': ['<f4', '?'], 'offsets': [0, 4], 'itemsize': 8})"
    );
    // Bytes from outside: valid ones view as records, a bool byte of 2 is refused.
    let mut bytes = x.view_as::<u8>()?.to_owned();
    assert_eq!(bytes.view_as::<Flagged>()?.to_vec(), x.to_vec());
    bytes[[4]] = 2;
    let e = bytes.view_as::<Flagged>().map(|_| ()).unwrap_err();
    assert!(e.to_string().contains("not a valid"), "{e}");
    // Through a file: ndio checks them too.
    let path = std::env::temp_dir().join(format!("nd-records-bool-{}.npy", std::process::id()));
    ndio::save(&path, &x)?;
    assert_eq!(ndio::load::<Flagged, Ix1>(&path)?, x);
    let mut file = std::fs::read(&path)?;
    let at = file.len() - 8 + 4;
    file[at] = 7;
    std::fs::write(&path, &file)?;
    assert!(ndio::load::<Flagged, Ix1>(&path).is_err());
    std::fs::remove_file(&path)?;
    // Packed: copies.
    let p = Array::from_vec(vec![Packed { ok: true, n: 7 }, Packed { ok: false, n: -1 }]);
    assert_eq!(Packed::dtype().itemsize(), 5);
    assert_eq!(p.ok().to_vec(), vec![true, false]);
    assert_eq!(p.n().to_vec(), vec![7, -1]);
    Ok(())
}

#[derive(Record, Clone, Copy, Debug, PartialEq)]
#[repr(C)]
#[record(checked)]
struct Outer {
    flagged: Flagged,
    count: u32,
}

#[test]
fn records_holding_checked_records_say_so() -> Result<(), Box<dyn std::error::Error>> {
    let x = Array::from_vec(vec![Outer {
        flagged: Flagged {
            value: 0.5,
            ok: true,
            _pad: [0; 3],
        },
        count: 3,
    }]);
    assert_eq!(x.flagged().ok().to_vec(), vec![true]);
    let mut bytes = x.view_as::<u8>()?.to_owned();
    assert!(bytes.view_as::<Outer>().is_ok());
    bytes[[4]] = 9;
    assert!(bytes.view_as::<Outer>().is_err());
    Ok(())
}
