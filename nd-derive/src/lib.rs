//! `nd-derive`: `#[derive(Record)]` for structured dtypes (to come).
