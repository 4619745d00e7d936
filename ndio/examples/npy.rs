//! `npy`: what a `.npy` file holds, as NumPy shows it.
//!
//! ```text
//! cargo run -p ndio --example npy -- show FILE     # repr(np.load(FILE))
//! cargo run -p ndio --example npy -- header FILE   # version, dtype, shape, order
//! ```
//!
//! A file that cannot be read prints one line starting `error:` on stderr and exits 1.

use std::process::ExitCode;

const USAGE: &str = "usage: npy show FILE | npy header FILE";

fn run(args: &[String]) -> Result<String, String> {
    match args {
        [cmd, file] if cmd == "show" => {
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
