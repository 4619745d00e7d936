//! `nd-macros`: `s![]`, `array![]`, `mgrid!`, `ogrid!` (to come).
