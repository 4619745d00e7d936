//! `npy`: what a `.npy` file holds, as NumPy shows it.
//!
//! ```text
//! cargo run -p ndio --example npy -- show FILE     # repr(np.load(FILE))
//! cargo run -p ndio --example npy -- header FILE   # version, dtype, shape, order
//! ```
//!
//! A file that cannot be read prints one line starting `error:` on stderr and exits 1.

use std::process::ExitCode;

use ndcore::DType;
use ndcore::dtype::Kind;

const USAGE: &str = "usage: npy show FILE | npy header FILE";

/// Whether nd prints every element of `dtype` exactly as NumPy does; the kinds it does
/// not render yet are refused rather than shown differently.
fn check_printable(dtype: &DType) -> Result<(), String> {
    match dtype {
        DType::Scalar { kind, itemsize, .. } => match kind {
            Kind::Bool | Kind::Int | Kind::UInt | Kind::Bytes | Kind::Void => Ok(()),
            Kind::Float if *itemsize == 4 || *itemsize == 8 => Ok(()),
            _ => Err(format!(
                "printing {} ('{}') elements as NumPy does is not supported yet; \
                 `npy header` shows what the file holds",
                dtype.name(),
                dtype.typestr()
            )),
        },
        DType::Record { fields, .. } => fields.iter().try_for_each(|f| check_printable(&f.dtype)),
        DType::SubArray { base, .. } => check_printable(base),
    }
}

fn run(args: &[String]) -> Result<String, String> {
    match args {
        [cmd, file] if cmd == "show" => {
            let h = ndio::read_header(file).map_err(|e| e.to_string())?;
            check_printable(&h.dtype)?;
            let a = ndio::load_any(file).map_err(|e| e.to_string())?;
            Ok(format!("{a:?}"))
        }
        [cmd, file] if cmd == "header" => {
            let h = ndio::read_header(file).map_err(|e| e.to_string())?;
            let shape: Vec<String> = h.shape.iter().map(usize::to_string).collect();
            let shape = match shape.len() {
                1 => format!("({},)", shape[0]),
                _ => format!("({})", shape.join(", ")),
            };
            Ok(format!(
                "version {}\ndtype {}\ndescr {}\nshape {shape}\norder {}\ndata_offset {}",
                h.version,
                h.dtype.repr(),
                h.dtype.descr(),
                if h.fortran_order { "F" } else { "C" },
                h.data_offset
            ))
        }
        _ => Err(USAGE.into()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {}", e.lines().next().unwrap_or(""));
            ExitCode::FAILURE
        }
    }
}
